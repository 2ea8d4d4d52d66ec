import { Badge, Box, Button, Container, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingBank, IconLock, IconLogin, IconMapPin, IconMapPins, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { StatCard } from '../../components/StatCard';
import { useDocumentTitle } from '../../lib/document-title';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/i18n/format';
import { useAgencies } from '../../modules/personnel/personnel.api';
import { useRegency } from '../../modules/region/region.api';
import { APPS } from '../catalogue';
import { AppTiles } from './AppTiles';
import classes from './launcher.module.css';

/** `/` for visitors: what the platform is, the public apps, and the way in for staff. */
export function PublicLanding() {
  const t = useT();
  useDocumentTitle(undefined);
  const regency = useRegency();
  const agencies = useAgencies();
  const publicApps = APPS.filter((a) => a.isPublic);
  const staffApps = APPS.filter((a) => !a.isPublic);
  const figure = (n: number | undefined) => (n === undefined ? '—' : formatNumber(n));

  return (
    <>
      <Box className={classes.hero}>
        <Container size="lg" py={{ base: 36, sm: 64 }}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing={{ base: 'xl', md: 48 }}>
            <Stack gap="md" justify="center">
              <Text className={classes.eyebrow}>{t('landing.eyebrow')}</Text>
              <Title order={1} c="white" fz={{ base: 28, sm: 40 }} lh={1.15} style={{ letterSpacing: '-0.02em' }}>
                {t('landing.title')}
              </Title>
              <Text c="gray.2" fz={{ base: 'md', sm: 'lg' }} maw={560}>
                {t('landing.lead')}
              </Text>
              <Group gap="sm" mt="xs">
                <Button component={Link} to="/masuk" size="md" variant="white" color="tegal.8" leftSection={<IconLogin size={18} />}>
                  {t('landing.signIn')}
                </Button>
                <Button component={Link} to="/daftar" size="md" variant="outline" color="gray.0" leftSection={<IconUserPlus size={18} />} className={classes.outlineOnDark}>
                  {t('landing.register')}
                </Button>
              </Group>
            </Stack>
            <Stack gap="sm" justify="center" aria-label={t('landing.inNumbers')} component="section">
              <Text fz="xs" fw={700} tt="uppercase" c="gold.4" style={{ letterSpacing: '0.08em' }}>
                {t('landing.inNumbers')}
              </Text>
              <SimpleGrid cols={{ base: 3, md: 1 }} spacing={{ base: 'xs', md: 'sm' }}>
              <StatCard inverted icon={<IconMapPins size={24} />} label={t('landing.districts')} value={figure(regency.data?.districtCount)} loading={regency.isPending} />
              <StatCard inverted icon={<IconMapPin size={24} />} label={t('landing.villages')} value={figure(regency.data?.villageCount)} loading={regency.isPending} />
              <StatCard inverted icon={<IconBuildingBank size={24} />} label={t('landing.agencies')} value={figure(agencies.data?.length)} loading={agencies.isPending} />
              </SimpleGrid>
            </Stack>
          </SimpleGrid>
        </Container>
      </Box>

      <Container size="lg" py={{ base: 'xl', sm: 56 }}>
        <Title order={2} mb={4}>
          {t('landing.publicApps')}
        </Title>
        <Text c="dimmed" mb="lg">
          {t('landing.publicAppsLead')}
        </Text>
        <AppTiles apps={publicApps} cols={{ base: 1, sm: 3 }} />

        <Paper withBorder p={{ base: 'lg', sm: 'xl' }} mt={{ base: 'xl', sm: 48 }} className={classes.staffPanel}>
          <Group justify="space-between" gap="lg" wrap="wrap">
            <Group gap="md" wrap="nowrap" align="flex-start" style={{ flex: '1 1 420px' }}>
              <ThemeIcon size={48} radius="md" variant="light">
                <IconLock size={24} stroke={1.7} />
              </ThemeIcon>
              <div>
                <Title order={2} fz="lg">
                  {t('landing.staffTitle')}
                </Title>
                <Text c="dimmed" fz="sm" mt={4}>
                  {t('landing.staffLead')}
                </Text>
                <Group gap={6} mt="sm">
                  {staffApps.map((app) => (
                    <Badge key={app.key} variant="light" color="gray" size="lg" radius="sm" tt="none" fw={600}>
                      {t(app.name)}
                    </Badge>
                  ))}
                </Group>
              </div>
            </Group>
            <Button component={Link} to="/masuk" variant="light" leftSection={<IconLogin size={18} />}>
              {t('landing.signIn')}
            </Button>
          </Group>
        </Paper>
      </Container>
    </>
  );
}
