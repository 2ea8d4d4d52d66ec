import { Container, Stack, Text, Title } from '@mantine/core';
import { IconApps } from '@tabler/icons-react';
import { EmptyState } from '../../components/EmptyState';
import { useDocumentTitle } from '../../lib/document-title';
import { useT } from '../../lib/i18n';
import { formatToday } from '../../lib/i18n/format';
import { roleLabel } from '../../modules/identity/account-label';
import type { Me } from '../../modules/identity/identity.types';
import { APPS } from '../catalogue';
import { AppTiles } from './AppTiles';

/** The launcher: a greeting and one tile per app the user may open. */
export function SignedInLauncher({ me }: { me: Me }) {
  const t = useT();
  useDocumentTitle(t('launcher.title'));
  const apps = APPS.filter((app) => me.apps.includes(app.key));
  return (
    <Container size="lg" py={{ base: 'lg', sm: 48 }}>
      <Stack gap={4} mb={{ base: 'lg', sm: 'xl' }}>
        <Text fz="sm" c="dimmed" fw={500}>
          {formatToday()}
        </Text>
        <Title order={1} fz={{ base: 24, sm: 32 }}>
          {t('launcher.greeting', { name: me.displayName })}
        </Title>
        <Text c="dimmed">{[me.agency?.name, me.roles[0] ? roleLabel(me.roles[0], t) : undefined].filter(Boolean).join(' · ')}</Text>
      </Stack>
      <Title order={2} fz="lg" mb={4}>
        {t('launcher.title')}
      </Title>
      <Text c="dimmed" fz="sm" mb="md">
        {t('launcher.subtitle')}
      </Text>
      {apps.length === 0 ? (
        <EmptyState icon={<IconApps size={30} stroke={1.6} />} title={t('launcher.noApps')} description={t('launcher.noAppsHint')} />
      ) : (
        <AppTiles apps={apps} cols={{ base: 1, xs: 2, md: 3, lg: 4 }} />
      )}
    </Container>
  );
}
