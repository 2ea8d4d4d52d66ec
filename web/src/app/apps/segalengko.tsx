import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabase, IconHome, IconMessageReport, IconNews, IconListCheck } from '@tabler/icons-react';
import { Route, Routes } from 'react-router';
import type { NavItem } from '../../components/layout/nav';
import { useT, type MessageKey } from '../../lib/i18n';
import { DistrictPage } from '../../modules/region/DistrictPage';
import { RegionOverview } from '../../modules/region/RegionOverview';
import { appEntry } from '../catalogue';
import { NotFoundPage } from '../NotFoundPage';
import { CitizenLayout } from '../shells/CitizenLayout';

const APP = appEntry('segalengko');

// The four pillars of the citizen portal (domain/segalengko.md §1), each built by a later module.
const PILLARS: { key: MessageKey; icon: typeof IconNews }[] = [
  { key: 'soon.segalengko.1', icon: IconMessageReport },
  { key: 'soon.segalengko.2', icon: IconNews },
  { key: 'soon.segalengko.3', icon: IconListCheck },
  { key: 'soon.segalengko.4', icon: IconDatabase },
];

function SegalengkoHome() {
  const t = useT();
  return (
    <Stack gap="xl">
      <Paper p={{ base: 'lg', sm: 'xl' }} radius="lg" style={{ background: 'linear-gradient(135deg, #eaf2fb 0%, #ffffff 70%)' }} withBorder>
        <Text fz="xs" fw={700} tt="uppercase" c="tegal.7" style={{ letterSpacing: '0.06em' }}>
          {t(APP.fullName)}
        </Text>
        <Title order={1} fz={{ base: 24, sm: 30 }} mt={4}>
          {t('segalengko.heroTitle')}
        </Title>
        <Text c="dimmed" mt="xs" maw={640}>
          {t('segalengko.heroLead')}
        </Text>
        <Group gap="xs" mt="lg" mb={6}>
          <Text fz="sm" fw={700}>
            {t('segalengko.pillars')}
          </Text>
          <Badge variant="light" color="gold" radius="sm">
            {t('soon.badge')}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {PILLARS.map(({ key, icon: Icon }) => (
            <Group key={key} gap="sm" wrap="nowrap" align="flex-start" p="sm" bg="white" style={{ borderRadius: 10, border: '1px solid var(--app-border)' }}>
              <ThemeIcon variant="light" size={36} radius="md">
                <Icon size={20} stroke={1.7} />
              </ThemeIcon>
              <Text fz="sm" lh={1.4}>
                {t(key)}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      </Paper>
      <Box>
        <RegionOverview basePath="/segalengko/wilayah" />
      </Box>
    </Stack>
  );
}

/** Segalengko, the citizen portal: today its home and the region (Wilayah) pages. */
export default function SegalengkoApp() {
  const t = useT();
  const nav: NavItem[] = [
    { label: t('shell.home'), to: '/segalengko', end: true, icon: <IconHome size={22} stroke={1.7} /> },
    { label: t('nav.segalengko.complaints'), to: '/segalengko/aduan', soon: true, icon: <IconMessageReport size={22} stroke={1.7} /> },
    { label: t('nav.segalengko.services'), to: '/segalengko/layanan', soon: true, icon: <IconListCheck size={22} stroke={1.7} /> },
  ];
  return (
    <CitizenLayout app={APP} nav={nav}>
      <Routes>
        <Route index element={<SegalengkoHome />} />
        <Route path="wilayah" element={<SegalengkoHome />} />
        <Route path="wilayah/:code" element={<DistrictPage basePath="/segalengko" homeLabel={t(APP.name)} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </CitizenLayout>
  );
}
