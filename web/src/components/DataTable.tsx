import { Box, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSearchOff } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import { ColumnHeader } from './ColumnHeader';
import { ErrorState } from './ErrorState';
import { TableSkeleton } from './Skeletons';
import { TableFooter } from './TableFooter';

/** One column of a data table. */
export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned with tabular figures (counts, amounts). */
  numeric?: boolean;
  width?: number | string;
  /** The column that titles each card in the phone layout. */
  primary?: boolean;
  /** Left out of the phone card layout (secondary detail). */
  hideOnPhone?: boolean;
}

/** Props of a data table. */
export interface DataTableProps<T> {
  /** Accessible name of the table (read by screen readers). */
  caption: string;
  columns: Column<T>[];
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  /** True while newer data loads behind the rows shown (filters changed). */
  refreshing?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Search box and filters, shown above the rows. */
  toolbar?: ReactNode;
  pageSize?: number;
  /** What to show when there are no rows. */
  empty: { title: string; description?: string; action?: ReactNode; icon?: ReactNode };
  /** Changing it (e.g. the filter values joined) returns to the first page. */
  resetKey?: string;
  /** Called when a row is opened (click or Enter); rows become focusable links when set. */
  onOpen?: (row: T) => void;
}

/**
 * A list of records with a toolbar, paging, a loading skeleton and empty and error states. Shows a
 * table from the `xs` breakpoint up and one card per row on narrow phones.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, columns, rows, rowKey, loading, refreshing, error, onRetry, toolbar, pageSize = 10, empty, resetKey, onOpen } = props;
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const [page, setPage] = useState(1);

  useEffect(() => setPage(1), [resetKey]);

  const total = rows?.length ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages);
  const from = (current - 1) * pageSize;
  const visible = rows?.slice(from, from + pageSize) ?? [];

  let content: ReactNode;
  if (loading && !rows) content = <TableSkeleton columns={Math.min(columns.length, 4)} rows={Math.min(pageSize, 8)} />;
  else if (error && !rows) content = <ErrorState error={error} onRetry={onRetry} framed={false} />;
  else if (total === 0) {
    content = (
      <EmptyState
        framed={false}
        icon={empty.icon ?? <IconSearchOff size={28} stroke={1.6} />}
        title={empty.title}
        description={empty.description}
        action={empty.action}
      />
    );
  } else if (phone) content = <CardList columns={columns} rows={visible} rowKey={rowKey} onOpen={onOpen} />;
  else content = <RowTable caption={caption} columns={columns} rows={visible} rowKey={rowKey} onOpen={onOpen} />;

  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      {toolbar && (
        <Box p="md" style={{ borderBottom: '1px solid var(--app-border)' }}>
          {toolbar}
        </Box>
      )}
      <Box pos="relative">
        {refreshing && rows && <Progress value={100} animated size={2} radius={0} pos="absolute" top={0} left={0} right={0} aria-hidden />}
        {content}
      </Box>
      {total > 0 && <TableFooter offset={from} shown={visible.length} total={total} page={current} pages={pages} onPage={setPage} />}
    </Paper>
  );
}

interface RowsProps<T> {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  onOpen?: ((row: T) => void) | undefined;
}

function RowTable<T>({ caption, columns, rows, rowKey, onOpen }: RowsProps<T> & { caption: string }) {
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={caption} fz="sm">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            {columns.map((col) => (
              <ColumnHeader key={col.key} w={col.width} ta={col.numeric ? 'right' : 'left'}>
                {col.header}
              </ColumnHeader>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={rowKey(row)}
              onClick={onOpen ? () => onOpen(row) : undefined}
              onKeyDown={onOpen ? (e) => e.key === 'Enter' && onOpen(row) : undefined}
              tabIndex={onOpen ? 0 : undefined}
              style={onOpen ? { cursor: 'pointer' } : undefined}
            >
              {columns.map((col) => (
                <Table.Td key={col.key} ta={col.numeric ? 'right' : 'left'} className={col.numeric ? 'tabular' : undefined} fw={col.primary ? 600 : undefined}>
                  {col.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CardList<T>({ columns, rows, rowKey, onOpen }: RowsProps<T>) {
  const primary = columns.find((c) => c.primary) ?? columns[0];
  const details = columns.filter((c) => c !== primary && !c.hideOnPhone);
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => (
        <Box
          component="li"
          key={rowKey(row)}
          px="md"
          py="sm"
          style={{ borderBottom: '1px solid var(--app-border)', cursor: onOpen ? 'pointer' : undefined }}
          onClick={onOpen ? () => onOpen(row) : undefined}
          onKeyDown={onOpen ? (e) => e.key === 'Enter' && onOpen(row) : undefined}
          tabIndex={onOpen ? 0 : undefined}
        >
          {primary && (
            <Text fw={600} fz="sm" mb={4}>
              {primary.cell(row)}
            </Text>
          )}
          <Group gap="xs" wrap="wrap">
            {details.map((col) => (
              <Group key={col.key} gap={4} wrap="nowrap" fz="sm">
                <Text span fz="xs" c="dimmed">
                  {col.header}:
                </Text>
                <Box fz="sm" className={col.numeric ? 'tabular' : undefined}>
                  {col.cell(row)}
                </Box>
              </Group>
            ))}
          </Group>
        </Box>
      ))}
    </Stack>
  );
}
