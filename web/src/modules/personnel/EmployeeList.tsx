import { Anchor, Box, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { TableSkeleton } from '../../components/Skeletons';
import { TableFooter } from '../../components/TableFooter';
import { usePersonnelT } from './i18n';
import { StatusBadge } from './Badges';
import type { DirectoryPage, EmployeeSummary } from './employees.api';
import { formatNip } from './personnel.format';
import classes from './personnel.module.css';

/** Props of the server-paged employee list. */
export interface EmployeeListProps {
  data: DirectoryPage | undefined;
  loading: boolean;
  refreshing: boolean;
  error: unknown;
  onRetry(): void;
  onPage(page: number): void;
  toolbar: ReactNode;
  /** What to show when the page has no rows (depends on whether filters are set). */
  empty: ReactNode;
}

/**
 * The directory's rows: a table from 576 px up, one card per employee below, with the server's
 * paging ("Menampilkan 1–20 dari 3.412"). Each name is a real link to the profile.
 */
export function EmployeeList({ data, loading, refreshing, error, onRetry, onPage, toolbar, empty }: EmployeeListProps) {
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const from = data ? (data.page - 1) * data.pageSize : 0;

  let content: ReactNode;
  if (loading && !data) content = <TableSkeleton columns={phone ? 2 : 4} rows={8} />;
  else if (error && !data) content = <ErrorState error={error} onRetry={onRetry} framed={false} />;
  else if (!data || data.items.length === 0) content = empty;
  else if (phone) content = <Cards rows={data.items} />;
  else content = <Rows rows={data.items} />;

  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <Box p="md" style={{ borderBottom: '1px solid var(--app-border)' }}>
        {toolbar}
      </Box>
      <Box pos="relative" aria-busy={refreshing || undefined}>
        {refreshing && data && <Progress value={100} animated size={2} radius={0} pos="absolute" top={0} left={0} right={0} aria-hidden />}
        {content}
      </Box>
      {data && data.total > 0 && (
        <TableFooter offset={from} shown={data.items.length} total={data.total} page={data.page} pages={pages} onPage={onPage} summaryTestId="directory-summary" />
      )}
    </Paper>
  );
}

function NameLink({ employee }: { employee: EmployeeSummary }) {
  return (
    <Anchor component={Link} to={`/simpeg/pegawai/${employee.id}`} fw={600} fz="sm" lh={1.35} className={classes.wrap}>
      {employee.displayName}
    </Anchor>
  );
}

function Rows({ rows }: { rows: readonly EmployeeSummary[] }) {
  const t = usePersonnelT();
  const th = (label: string, w?: number) => (
    <Table.Th w={w} fz="xs" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
      {label}
    </Table.Th>
  );
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" fz="sm" aria-label={t('directory.caption')}>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            {th(t('directory.nameNip'))}
            {th(t('directory.position'))}
            {th(t('directory.rank'), 190)}
            {th(t('personnel.agencyShort'), 130)}
            {th(t('directory.status'), 110)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id} data-employee={e.nip}>
              <Table.Td>
                <NameLink employee={e} />
                <Text className={classes.nip} c="dimmed">
                  {formatNip(e.nip)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" lh={1.35}>
                  {e.position?.title ?? <Text span c="dimmed" fz="sm">{t('directory.noPosition')}</Text>}
                </Text>
                {e.unit && (
                  <Text fz="xs" c="dimmed" lh={1.35}>
                    {e.unit.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{e.rankLabel}</Table.Td>
              <Table.Td>{e.agency.shortName}</Table.Td>
              <Table.Td>
                <StatusBadge status={e.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Cards({ rows }: { rows: readonly EmployeeSummary[] }) {
  const t = usePersonnelT();
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('directory.caption')}>
      {rows.map((e) => (
        <Box component="li" key={e.id} className={classes.card} data-employee={e.nip}>
          <Group justify="space-between" align="flex-start" gap={6} wrap="nowrap">
            <NameLink employee={e} />
            <StatusBadge status={e.status} />
          </Group>
          <Text className={classes.nip} c="dimmed" mt={2}>
            {formatNip(e.nip)}
          </Text>
          <Text fz="sm" mt={4} lh={1.35} className={classes.wrap} c={e.position ? undefined : 'dimmed'}>
            {e.position?.title ?? t('directory.noPosition')}
          </Text>
          <Text fz="xs" c="dimmed" lh={1.4} className={classes.wrap}>
            {[e.rankLabel, e.unit?.name, e.agency.shortName].filter(Boolean).join(' · ')}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}
