import { Box, Container, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Emblem } from '../../components/Brand';
import { useT } from '../../lib/i18n';
import classes from './identity.module.css';

/** The frame of the sign-in and registration pages: the form, and on wide screens a panel saying what one account opens. */
export function AuthFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Container size="lg" py={{ base: 'md', sm: 48 }} px={{ base: 'sm', sm: 'md' }}>
      <Paper withBorder shadow="sm" radius="lg" style={{ overflow: 'hidden' }}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing={0}>
          <Box className={classes.aside} visibleFrom="md">
            <Stack gap={36}>
              <Stack gap="md">
                <Emblem size={48} />
                <Title order={2} c="white" fz={26} lh={1.25}>
                  {t('auth.asideTitle')}
                </Title>
                <Text c="gray.2">{t('auth.asideLead')}</Text>
              </Stack>
              <List
                spacing="sm"
                c="gray.1"
                fz="sm"
                icon={
                  <ThemeIcon size={22} radius="xl" color="gold.5" variant="filled">
                    <IconCircleCheck size={14} />
                  </ThemeIcon>
                }
              >
                <List.Item>{t('auth.point1')}</List.Item>
                <List.Item>{t('auth.point2')}</List.Item>
                <List.Item>{t('auth.point3')}</List.Item>
              </List>
            </Stack>
          </Box>
          <Box p={{ base: 'lg', sm: 40 }}>{children}</Box>
        </SimpleGrid>
      </Paper>
    </Container>
  );
}
