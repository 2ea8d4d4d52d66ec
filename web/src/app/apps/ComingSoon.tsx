import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleDashedCheck } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useT, type MessageKey } from '../../lib/i18n';
import type { AppEntry } from '../catalogue';

/** How many planned features each app lists on its coming-soon home. */
const FEATURE_COUNT: Record<string, number> = { segalengko: 4, dolan: 4, eoffice: 4, simpeg: 3, satudata: 4, sate: 4, smartcity: 3 };

/** The features an app's home announces (`soon.<app>.<n>` messages). */
export function plannedFeatures(app: AppEntry): MessageKey[] {
  return Array.from({ length: FEATURE_COUNT[app.key] ?? 0 }, (_, i) => `soon.${app.key}.${i + 1}` as MessageKey);
}

/** The list of what an app will offer, on a card with a "being built" badge. */
export function PlannedFeatures({ app, title }: { app: AppEntry; title?: string }) {
  const t = useT();
  const Icon = app.icon;
  return (
    <Paper withBorder p={{ base: 'lg', sm: 'xl' }}>
      <Group gap="md" align="flex-start" wrap="nowrap">
        <ThemeIcon size={56} radius="md" variant="light" color={app.color} visibleFrom="xs">
          <Icon size={30} stroke={1.5} />
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} fz="lg">
              {title ?? t('soon.title', { app: t(app.name) })}
            </Title>
            <Badge variant="light" color="gold" radius="sm">
              {t('soon.badge')}
            </Badge>
          </Group>
          <Text c="dimmed" fz="sm">
            {t('soon.lead')}
          </Text>
          <List
            spacing="sm"
            mt={4}
            icon={
              <ThemeIcon size={24} radius="xl" variant="light" color={app.color}>
                <IconCircleDashedCheck size={15} />
              </ThemeIcon>
            }
          >
            {plannedFeatures(app).map((key) => (
              <List.Item key={key}>
                <Text fz="sm">{t(key)}</Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Group>
    </Paper>
  );
}

/** The home of an app whose features are still being built: what it is for and what is coming. */
export function ComingSoon({ app }: { app: AppEntry }) {
  const t = useT();
  return (
    <>
      <PageHeader eyebrow={t(app.fullName)} title={t(app.name)} description={t(app.purpose)} />
      <PlannedFeatures app={app} />
    </>
  );
}
