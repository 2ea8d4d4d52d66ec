import { SimpleGrid, Stack } from '@mantine/core';
import { IconBuildingBank, IconChartInfographic, IconMapPin, IconMapPins } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { StatCard } from '../../components/StatCard';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/i18n/format';
import { useAgencies } from '../personnel/personnel.api';
import { useRegency } from '../region/region.api';

/** SATE's summary: the regency's reference figures today; KPIs arrive as the other apps go live. */
export function SummaryPage({ eyebrow, planned }: { eyebrow: string; planned: ReactNode }) {
  const t = useT();
  const regency = useRegency();
  const agencies = useAgencies();
  const figure = (n: number | undefined) => (n === undefined ? '—' : formatNumber(n));
  return (
    <Stack gap="lg">
      <PageHeader eyebrow={eyebrow} title={t('sate.title')} description={t('sate.lead')} />
      <SimpleGrid cols={3} spacing={{ base: "xs", sm: "md" }}>
        <StatCard icon={<IconMapPins size={24} />} label={t('landing.districts')} value={figure(regency.data?.districtCount)} loading={regency.isPending} />
        <StatCard icon={<IconMapPin size={24} />} label={t('landing.villages')} value={figure(regency.data?.villageCount)} loading={regency.isPending} />
        <StatCard icon={<IconBuildingBank size={24} />} label={t('landing.agencies')} value={figure(agencies.data?.length)} loading={agencies.isPending} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <EmptyState icon={<IconChartInfographic size={30} stroke={1.5} />} color="gold" title={t('sate.kpiSoonTitle')} description={t('sate.kpiSoonBody')} />
        {planned}
      </SimpleGrid>
    </Stack>
  );
}
