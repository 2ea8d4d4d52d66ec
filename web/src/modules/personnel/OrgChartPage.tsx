import { Button, Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { IconHierarchy2, IconListDetails, IconListTree } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useDocumentTitle } from '../../lib/document-title';
import { usePersonnelT } from './i18n';
import { flattenUnits, useUnitTree } from './organisation.api';
import { usePersonnelAccess } from './personnel.access';
import { useAgencies } from './personnel.api';
import { UnitTree } from './UnitTree';

/**
 * "Struktur organisasi": an agency's units as an expandable tree; opening a unit shows its positions
 * with who holds them today, Plt/Plh badges and vacant posts. The agency is in the URL (`?opd=`),
 * by default the user's own.
 */
export function OrgChartPage({ appName }: { appName: string }) {
  const t = usePersonnelT();
  useDocumentTitle(t('orgChart.title'));
  const [params, setParams] = useSearchParams();
  const access = usePersonnelAccess();
  const agencies = useAgencies();
  const agencyId = params.get('opd') ?? access.ownAgencyId ?? agencies.data?.[0]?.id ?? null;
  const tree = useUnitTree(agencyId);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const all = useMemo(() => flattenUnits(tree.data), [tree.data]);

  // A newly shown agency opens at its top unit, so its head and direct sub-units are visible at once.
  const roots = tree.isPlaceholderData ? '' : (tree.data ?? []).map((u) => u.id).join(',');
  useEffect(() => setExpanded(new Set(roots ? roots.split(',') : [])), [roots]);

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOpen = all.length > 0 && all.every(({ unit }) => expanded.has(unit.id));

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: appName, to: '/simpeg' }, { label: t('orgChart.title') }]}
        title={t('orgChart.title')}
        description={t('orgChart.lead')}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('personnel.agency')}
              data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={agencyId}
              onChange={(id) => id && setParams({ opd: id })}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('table.noResults')}
              w={{ base: '100%', sm: 420 }}
              comboboxProps={{ withinPortal: true }}
              disabled={agencies.isPending}
            />
            {all.length > 1 && (
              <Button
                variant="default"
                leftSection={allOpen ? <IconListDetails size={18} /> : <IconListTree size={18} />}
                onClick={() => setExpanded(allOpen ? new Set() : new Set(all.map(({ unit }) => unit.id)))}
              >
                {allOpen ? t('orgChart.collapseAll') : t('orgChart.expandAll')}
              </Button>
            )}
          </Group>
          {tree.isPending && agencyId ? (
            <Stack gap="xs" role="status" aria-busy="true" aria-label={t('shell.loading')}>
              {[70, 55, 60, 50].map((w, i) => (
                <Skeleton key={i} height={40} width={`${w}%`} radius="md" ml={i === 0 ? 0 : 24} />
              ))}
            </Stack>
          ) : tree.error ? (
            <ErrorState error={tree.error} onRetry={() => void tree.refetch()} framed={false} />
          ) : !tree.data || tree.data.length === 0 ? (
            <EmptyState framed={false} icon={<IconHierarchy2 size={28} stroke={1.6} />} title={t('orgChart.empty')} description={t('orgChart.emptyHint')} />
          ) : (
            <>
              <Text fz="sm" c="dimmed">
                {t('orgChart.hint')}
              </Text>
              <UnitTree units={tree.data} expanded={expanded} onToggle={toggle} />
            </>
          )}
        </Stack>
      </Paper>
    </>
  );
}
