import { Badge, Box, Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearchOff, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useDocumentTitle } from '../../lib/document-title';
import { usePersonnelT } from './i18n';
import { EmployeeList } from './EmployeeList';
import { useDirectoryParams, type DirectoryFilter } from './directory-params';
import { EMPLOYEE_KINDS, EMPLOYEE_STATUSES, useDirectory } from './employees.api';
import { POSITION_KINDS, flattenUnits, useUnitTree } from './organisation.api';
import { useAgencies } from './personnel.api';
import { employeeKindLabel, positionKindLabel, rankOptions, statusLabel } from './personnel.labels';

/**
 * "Pegawai": the employee directory searched by name or NIP and filtered by agency, unit, rank,
 * position kind, status and PNS/PPPK, paged on the server. Every filter lives in the URL query,
 * so a filtered list can be bookmarked or shared.
 */
export function DirectoryPage({ appName }: { appName: string }) {
  const t = usePersonnelT();
  useDocumentTitle(t('directory.title'));
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const { search, setSearch, value, query, activeFilters, filtered, update, setPage, clear } = useDirectoryParams();
  const [filtersOpen, setFiltersOpen] = useState(false);

  const directory = useDirectory(query);
  const agencies = useAgencies();
  const agencyId = value('agencyId');
  const units = useUnitTree(agencyId);
  const unitOptions = useMemo(
    () => (agencyId ? flattenUnits(units.data).map(({ unit, depth }) => ({ value: unit.id, label: `${'\u2003'.repeat(depth)}${unit.name}` })) : []),
    [agencyId, units.data],
  );

  const select = (name: DirectoryFilter, label: string, data: Parameters<typeof Select>[0]['data'], extra: Partial<Parameters<typeof Select>[0]> = {}) => (
    <Select
      label={label}
      placeholder={t('table.all')}
      data={data}
      value={value(name)}
      onChange={(picked) => {
        const v = picked === null ? null : String(picked);
        update(name === 'agencyId' ? { agencyId: v, unitId: null } : { [name]: v });
      }}
      clearable
      clearButtonProps={{ 'aria-label': t('directory.clearFilter', { filter: label }) }}
      comboboxProps={{ withinPortal: true }}
      {...extra}
    />
  );

  const filters = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" id="directory-filters">
      {select('agencyId', t('personnel.agency'), (agencies.data ?? []).map((a) => ({ value: a.id, label: a.name })), { searchable: true, nothingFoundMessage: t('table.noResults') })}
      {select('unitId', t('directory.unit'), unitOptions, {
        searchable: true,
        disabled: !agencyId,
        placeholder: agencyId ? t('table.all') : t('directory.unitNeedsAgency'),
        nothingFoundMessage: t('table.noResults'),
      })}
      {select('rank', t('directory.rank'), [
        { group: t('personnel.kind.pns'), items: rankOptions(t, 'pns') },
        { group: t('personnel.kind.pppk'), items: rankOptions(t, 'pppk') },
      ], { searchable: true, nothingFoundMessage: t('table.noResults') })}
      {select('positionKind', t('directory.positionKind'), POSITION_KINDS.map((k) => ({ value: k, label: positionKindLabel(t, k) })))}
      {select('status', t('directory.status'), EMPLOYEE_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })))}
      {select('kind', t('directory.kind'), EMPLOYEE_KINDS.map((k) => ({ value: k, label: employeeKindLabel(t, k) })))}
    </SimpleGrid>
  );

  const toolbar = (
    <Stack gap="sm">
      <Group gap="sm" wrap="nowrap" align="flex-end">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <SearchInput label={t('directory.search')} value={search} onChange={setSearch} />
        </Box>
        {phone && (
          <Button
            variant={activeFilters > 0 ? 'light' : 'default'}
            size="md"
            px="sm"
            onClick={() => setFiltersOpen((o) => !o)}
            aria-expanded={filtersOpen}
            aria-controls="directory-filters"
            leftSection={<IconAdjustmentsHorizontal size={18} />}
            rightSection={activeFilters > 0 ? <Badge size="sm" circle>{activeFilters}</Badge> : null}
          >
            {t('directory.filters')}
          </Button>
        )}
      </Group>
      {(!phone || filtersOpen) && filters}
      {filtered && !phone && (
        <Group justify="flex-end">
          <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={16} />} onClick={clear}>
            {t('table.clearFilters')}
          </Button>
        </Group>
      )}
    </Stack>
  );

  return (
    <>
      <PageHeader breadcrumbs={[{ label: appName, to: '/simpeg' }, { label: t('directory.title') }]} title={t('directory.title')} description={t('directory.lead')} />
      <EmployeeList
        data={directory.data}
        loading={directory.isPending}
        refreshing={directory.isFetching && directory.isPlaceholderData}
        error={directory.error}
        onRetry={() => void directory.refetch()}
        onPage={setPage}
        toolbar={toolbar}
        empty={
          filtered ? (
            <EmptyState
              framed={false}
              icon={<IconSearchOff size={28} stroke={1.6} />}
              title={t('table.noResults')}
              description={t('table.noResultsHint')}
              action={
                <Button variant="light" leftSection={<IconFilterOff size={18} />} onClick={clear}>
                  {t('table.clearFilters')}
                </Button>
              }
            />
          ) : (
            <EmptyState framed={false} icon={<IconUsers size={28} stroke={1.6} />} title={t('directory.empty')} description={t('directory.emptyHint')} />
          )
        }
      />
    </>
  );
}
