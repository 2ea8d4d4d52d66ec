import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingBank, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useDocumentTitle } from '../../lib/document-title';
import { useT, type MessageKey } from '../../lib/i18n';
import { formatDate } from '../../lib/i18n/format';
import { AGENCY_KINDS, useAgencies, type AgencyKind, type AgencyView } from './personnel.api';

const KIND_COLORS: Record<AgencyKind, string> = {
  sekretariat: 'tegal',
  inspektorat: 'red',
  badan: 'indigo',
  dinas: 'teal',
  satuan: 'orange',
  rsud: 'pink',
  kecamatan: 'grape',
};

/** The agency registry: every perangkat daerah in force, searchable and filterable by kind. */
export function AgencyRegistryPage({ appName }: { appName: string }) {
  const t = useT();
  useDocumentTitle(t('agencies.title'));
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<AgencyKind | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const agencies = useAgencies({ ...(kind ? { kind } : {}), ...(q ? { q } : {}) });
  const kindLabel = (k: AgencyKind) => t(`agencies.kind.${k}` as MessageKey);
  const filtered = Boolean(q || kind);

  const columns: Column<AgencyView>[] = [
    {
      key: 'name',
      header: t('agencies.name'),
      primary: true,
      cell: (a) => (
        <Text fz="sm" fw={600} lh={1.35}>
          {a.name}
        </Text>
      ),
    },
    { key: 'shortName', header: t('agencies.shortName'), cell: (a) => a.shortName, width: 170 },
    {
      key: 'kind',
      header: t('agencies.kind'),
      width: 170,
      cell: (a) => (
        <Badge variant="light" color={KIND_COLORS[a.kind]} radius="sm" tt="none" fw={600}>
          {kindLabel(a.kind)}
        </Badge>
      ),
    },
    { key: 'validFrom', header: t('agencies.validFrom'), cell: (a) => formatDate(a.validFrom), width: 170, hideOnPhone: true },
  ];

  return (
    <>
      <PageHeader breadcrumbs={[{ label: appName, to: '/simpeg' }, { label: t('agencies.title') }]} title={t('agencies.title')} description={t('agencies.lead')} />
      <DataTable
        caption={t('agencies.caption')}
        columns={columns}
        rows={agencies.data}
        rowKey={(a) => a.id}
        loading={agencies.isPending}
        refreshing={agencies.isFetching && agencies.isPlaceholderData}
        error={agencies.error}
        onRetry={() => void agencies.refetch()}
        pageSize={10}
        resetKey={`${q}|${kind ?? ''}`}
        empty={
          filtered
            ? {
                title: t('table.noResults'),
                description: t('table.noResultsHint'),
                action: (
                  <Button
                    variant="light"
                    leftSection={<IconFilterOff size={18} />}
                    onClick={() => {
                      setSearch('');
                      setKind(null);
                    }}
                  >
                    {t('table.clearFilters')}
                  </Button>
                ),
              }
            : { title: t('agencies.empty'), description: t('agencies.emptyHint'), icon: <IconBuildingBank size={28} stroke={1.6} /> }
        }
        toolbar={
          <Group gap="sm" wrap="wrap" align="flex-end">
            <SearchInput label={t('agencies.search')} value={search} onChange={setSearch} />
            <Select
              label={t('agencies.kind')}
              labelProps={{ className: 'visually-hidden' }}
              placeholder={`${t('agencies.kind')}: ${t('table.all')}`}
              data={AGENCY_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
              value={kind}
              onChange={(v) => setKind(v as AgencyKind | null)}
              clearable
              clearButtonProps={{ 'aria-label': t('table.clearSelection') }}
              allowDeselect
              w={{ base: '100%', xs: 240 }}
              comboboxProps={{ withinPortal: true }}
              data-testid="kind-filter"
            />
          </Group>
        }
      />
    </>
  );
}
