import { Badge, Group, SegmentedControl, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useDocumentTitle } from '../../lib/document-title';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/i18n/format';
import { useDistricts, useVillages, type VillageView } from './region.api';

type KindFilter = 'all' | VillageView['kind'];

/** One kecamatan's desa and kelurahan, searchable and filterable by kind. */
export function DistrictPage({ basePath, homeLabel }: { basePath: string; homeLabel: string }) {
  const t = useT();
  const { code = '' } = useParams();
  const districts = useDistricts();
  const villages = useVillages(code);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const district = districts.data?.find((d) => d.code === code);
  const name = district?.name ?? code;
  useDocumentTitle(t('region.villagesOf', { name }));

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return villages.data?.filter((v) => (kind === 'all' || v.kind === kind) && (!needle || v.name.toLowerCase().includes(needle)));
  }, [villages.data, search, kind]);

  const columns: Column<VillageView>[] = [
    { key: 'name', header: t('region.name'), cell: (v) => v.name, primary: true },
    {
      key: 'kind',
      header: t('region.kind'),
      cell: (v) => (
        <Badge variant="light" color={v.kind === 'kelurahan' ? 'grape' : 'teal'} radius="sm" tt="none">
          {v.kind === 'kelurahan' ? t('region.kelurahan') : t('region.desa')}
        </Badge>
      ),
      width: 160,
    },
    { key: 'code', header: t('region.code'), cell: (v) => <Text span ff="monospace" fz={13}>{v.code}</Text>, width: 180 },
  ];

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: homeLabel, to: basePath }, { label: name }]}
        eyebrow={t('region.title')}
        title={t('region.villagesOf', { name })}
        description={villages.data ? t('region.villagesLead', { count: formatNumber(villages.data.length), code }) : undefined}
      />
      <DataTable
        caption={t('region.villagesOf', { name })}
        columns={columns}
        rows={rows}
        rowKey={(v) => v.code}
        loading={villages.isPending}
        error={villages.error}
        onRetry={() => void villages.refetch()}
        pageSize={15}
        resetKey={`${code}|${search}|${kind}`}
        empty={{ title: t('table.noResults'), description: t('table.noResultsHint') }}
        toolbar={
          <Group gap="sm" wrap="wrap" align="flex-end">
            <SearchInput label={t('region.searchVillage')} value={search} onChange={setSearch} />
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as KindFilter)}
              aria-label={t('region.kind')}
              data={[
                { value: 'all', label: t('table.all') },
                { value: 'desa', label: t('region.desa') },
                { value: 'kelurahan', label: t('region.kelurahan') },
              ]}
            />
          </Group>
        }
      />
    </>
  );
}
