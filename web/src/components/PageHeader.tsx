import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../lib/i18n';

/** One step of the breadcrumb trail; the last one (the current page) has no link. */
export interface Crumb {
  label: string;
  to?: string;
}

/** Props of the page header. */
export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** A small label above the title (the app or section name). */
  eyebrow?: ReactNode;
  breadcrumbs?: Crumb[];
  /** Buttons on the right (below the title on phones). */
  actions?: ReactNode;
}

/** The title block at the top of a page: breadcrumbs, eyebrow, h1, description and actions. */
export function PageHeader({ title, description, eyebrow, breadcrumbs, actions }: PageHeaderProps) {
  const t = useT();
  return (
    <Stack gap="xs" mb="lg">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <Box component="nav" aria-label={t('shell.breadcrumb')}>
          <Breadcrumbs separatorMargin={6} fz="sm">
            {breadcrumbs.map((crumb) =>
              crumb.to ? (
                <Anchor key={crumb.label} component={Link} to={crumb.to} fz="sm">
                  {crumb.label}
                </Anchor>
              ) : (
                <Text key={crumb.label} fz="sm" c="dimmed" aria-current="page">
                  {crumb.label}
                </Text>
              ),
            )}
          </Breadcrumbs>
        </Box>
      )}
      <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
        <Box style={{ flex: '1 1 320px', minWidth: 0 }}>
          {eyebrow && (
            <Text fz="xs" fw={700} tt="uppercase" c="tegal.7" mb={4} style={{ letterSpacing: '0.06em' }}>
              {eyebrow}
            </Text>
          )}
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" mt={6} maw={720}>
              {description}
            </Text>
          )}
        </Box>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
