import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ColumnHeader } from '../../components/ColumnHeader';
import { CardList, ListCard, ListTable, PagedList, type PagedListProps } from '../../components/PagedList';
import text from '../../components/text.module.css';
import { usePersonnelT } from './i18n';
import { StatusBadge } from './Badges';
import { DIRECTORY_PAGE_SIZE, type DirectoryPage, type EmployeeSummary } from './employees.api';
import { formatNip } from './personnel.format';

/** Props of the server-paged employee list; `empty` depends on whether filters are set. */
export type EmployeeListProps = Pick<PagedListProps<EmployeeSummary>, 'loading' | 'refreshing' | 'error' | 'onRetry' | 'onPage' | 'toolbar' | 'empty'> & {
  data: DirectoryPage | undefined;
};

/**
 * The directory's rows: a table from 576 px up, one card per employee below, with the server's
 * paging ("Menampilkan 1–20 dari 3.412"). Each name is a real link to the profile.
 */
export function EmployeeList({ data, ...list }: EmployeeListProps) {
  return (
    <PagedList
      {...list}
      data={data}
      page={data?.page ?? 1}
      pageSize={data?.pageSize ?? DIRECTORY_PAGE_SIZE}
      table={(rows) => <Rows rows={rows} />}
      cards={(rows) => <Cards rows={rows} />}
      summaryTestId="directory-summary"
    />
  );
}

function NameLink({ employee }: { employee: EmployeeSummary }) {
  return (
    <Anchor component={Link} to={`/simpeg/pegawai/${employee.id}`} fw={600} fz="sm" lh={1.35} className={text.wrap}>
      {employee.displayName}
    </Anchor>
  );
}

function Rows({ rows }: { rows: readonly EmployeeSummary[] }) {
  const t = usePersonnelT();
  return (
    <ListTable
      caption={t('directory.caption')}
      highlightOnHover
      head={
        <>
          <ColumnHeader>{t('directory.nameNip')}</ColumnHeader>
          <ColumnHeader>{t('directory.position')}</ColumnHeader>
          <ColumnHeader w={190}>{t('directory.rank')}</ColumnHeader>
          <ColumnHeader w={130}>{t('personnel.agencyShort')}</ColumnHeader>
          <ColumnHeader w={110}>{t('directory.status')}</ColumnHeader>
        </>
      }
    >
      {rows.map((e) => (
        <Table.Tr key={e.id} data-employee={e.nip}>
          <Table.Td>
            <NameLink employee={e} />
            <Text className={text.idNumber} c="dimmed">
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
    </ListTable>
  );
}

function Cards({ rows }: { rows: readonly EmployeeSummary[] }) {
  const t = usePersonnelT();
  return (
    <CardList label={t('directory.caption')}>
      {rows.map((e) => (
        <ListCard key={e.id} data-employee={e.nip}>
          <Group justify="space-between" align="flex-start" gap={6} wrap="nowrap">
            <NameLink employee={e} />
            <StatusBadge status={e.status} />
          </Group>
          <Text className={text.idNumber} c="dimmed" mt={2}>
            {formatNip(e.nip)}
          </Text>
          <Text fz="sm" mt={4} lh={1.35} className={text.wrap} c={e.position ? undefined : 'dimmed'}>
            {e.position?.title ?? t('directory.noPosition')}
          </Text>
          <Text fz="xs" c="dimmed" lh={1.4} className={text.wrap}>
            {[e.rankLabel, e.unit?.name, e.agency.shortName].filter(Boolean).join(' · ')}
          </Text>
        </ListCard>
      ))}
    </CardList>
  );
}
