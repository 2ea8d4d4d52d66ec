import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight, IconMapOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { SearchInput } from '../../components/SearchInput';
import { CardGridSkeleton } from '../../components/Skeletons';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/i18n/format';
import { useDistricts, useRegency } from './region.api';
import classes from './region.module.css';

/** "Wilayah": the regency's kecamatan with their village counts; each opens its village list. */
export function RegionOverview({ basePath }: { basePath: string }) {
  const t = useT();
  const regency = useRegency();
  const districts = useDistricts();
  const [search, setSearch] = useState('');

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (districts.data ?? []).filter((d) => !needle || d.name.toLowerCase().includes(needle));
  }, [districts.data, search]);

  return (
    <Stack gap="md" component="section" aria-labelledby="region-title">
      <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
        <div style={{ flex: '1 1 320px' }}>
          <Title order={2} id="region-title">
            {t('region.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {regency.data
              ? t('region.lead', {
                  regency: regency.data.name,
                  districts: formatNumber(regency.data.districtCount),
                  villages: formatNumber(regency.data.villageCount),
                })
              : '\u00a0'}
          </Text>
        </div>
        <div style={{ flex: '0 1 320px', display: 'flex' }}>
          <SearchInput label={t('region.searchDistrict')} value={search} onChange={setSearch} />
        </div>
      </Group>

      {districts.isPending ? (
        <CardGridSkeleton count={9} cols={{ base: 1, xs: 2, md: 3 }} />
      ) : districts.error ? (
        <ErrorState error={districts.error} onRetry={() => void districts.refetch()} />
      ) : districts.data.length === 0 ? (
        <EmptyState icon={<IconMapOff size={28} stroke={1.6} />} title={t('region.noDistricts')} description={t('region.noDistrictsHint')} />
      ) : shown.length === 0 ? (
        <EmptyState icon={<IconMapOff size={28} stroke={1.6} />} title={t('table.noResults')} description={t('table.noResultsHint')} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="ul" className={classes.list} data-testid="district-list">
          {shown.map((district) => (
            <li key={district.code}>
              <Card component={Link} to={`${basePath}/${district.code}`} padding="md" radius="md" className={classes.district}>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={700} truncate>
                      {district.name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      <Text span ff="monospace" fz={12}>
                        {district.code}
                      </Text>
                      <Text span hiddenFrom="sm" fz="xs" className="tabular">
                        {' · '}
                        {t('region.villageCount', { count: formatNumber(district.villageCount) })}
                      </Text>
                    </Text>
                  </div>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="light" radius="sm" size="lg" tt="none" fw={600} className="tabular" visibleFrom="sm">
                      {t('region.villageCount', { count: formatNumber(district.villageCount) })}
                    </Badge>
                    <IconChevronRight size={18} color="var(--mantine-color-gray-6)" aria-hidden />
                  </Group>
                </Group>
              </Card>
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
