import { Button, Center, Container, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useT } from '../lib/i18n';

/**
 * Shown when a page throws while rendering, or when an app's code cannot be fetched (typically an
 * old tab after a new version was deployed): reloading fetches the current version.
 */
export function RouteError() {
  const t = useT();
  return (
    <Center mih="100dvh" p="md">
      <Container size="xs">
        <Stack align="center" ta="center" gap="sm" role="alert">
          <ThemeIcon size={60} radius="xl" variant="light" color="red">
            <IconAlertTriangle size={30} stroke={1.6} />
          </ThemeIcon>
          <Title order={1} fz="xl">
            {t('state.crashTitle')}
          </Title>
          <Text c="dimmed">{t('state.crashBody')}</Text>
          <Button leftSection={<IconRefresh size={18} />} onClick={() => window.location.reload()}>
            {t('state.reload')}
          </Button>
        </Stack>
      </Container>
    </Center>
  );
}
