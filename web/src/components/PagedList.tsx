import { Box, Paper, Progress, Stack, Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState';
import classes from './PagedList.module.css';
import { TableSkeleton } from './Skeletons';
import { TableFooter } from './TableFooter';

/** Props of a list paged on the server. */
export interface PagedListProps<T> {
  /** One page of rows and the size of the whole list; undefined until the first page arrives. */
  data: { items: readonly T[]; total: number } | undefined;
  /** The page shown (from 1) and the rows a page holds: where the page stands in the whole list. */
  page: number;
  pageSize: number;
  loading: boolean;
  /** True while another page or search loads behind the rows shown. */
  refreshing: boolean;
  error: unknown;
  onRetry(): void;
  onPage(page: number): void;
  /** Search box and filters, above the rows. */
  toolbar: ReactNode;
  /** What to show when the page has no rows. */
  empty: ReactNode;
  /** The rows as a table, from 576 px up. */
  table(rows: readonly T[]): ReactNode;
  /** The rows as a CardList, on narrow phones where a table would scroll sideways. */
  cards(rows: readonly T[]): ReactNode;
  /** Test id of the "Menampilkan 1–20 dari 3.412" line. */
  summaryTestId: string;
}

/**
 * A list the server searches and pages: the toolbar, the rows (a table or cards), a skeleton while
 * the first page loads, a thin bar while the next one does, the error and empty states, and the
 * paging footer. Unlike DataTable it holds one page only, so it serves lists of thousands.
 */
export function PagedList<T>(props: PagedListProps<T>) {
  const { data, page, pageSize, loading, refreshing, error, onRetry, onPage, toolbar, empty, table, cards, summaryTestId } = props;
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });

  let content: ReactNode;
  if (loading && !data) content = <TableSkeleton columns={phone ? 2 : 4} rows={8} />;
  else if (error && !data) content = <ErrorState error={error} onRetry={onRetry} framed={false} />;
  else if (!data || data.items.length === 0) content = empty;
  else if (phone) content = cards(data.items);
  else content = table(data.items);

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
        <TableFooter
          offset={(page - 1) * pageSize}
          shown={data.items.length}
          total={data.total}
          page={page}
          pages={Math.max(1, Math.ceil(data.total / pageSize))}
          onPage={(p) => {
            onPage(p);
            // The new rows start at the top of the page; the footer the user clicked is at its bottom.
            window.scrollTo({ top: 0 });
          }}
          summaryTestId={summaryTestId}
        />
      )}
    </Paper>
  );
}

/** Props of a list's table. */
export interface ListTableProps {
  /** The table's accessible name. */
  caption: string;
  /** The ColumnHeaders. */
  head: ReactNode;
  /** Tint the row under the pointer, for rows that lead somewhere. */
  highlightOnHover?: boolean;
  /** The rows (Table.Tr). */
  children: ReactNode;
}

/** The wide layout of a list: a table that scrolls sideways below 720 px rather than squeeze its columns. */
export function ListTable({ caption, head, highlightOnHover = false, children }: ListTableProps) {
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table highlightOnHover={highlightOnHover} verticalSpacing="sm" horizontalSpacing="md" fz="sm" aria-label={caption}>
        <Table.Thead bg="gray.0">
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The phone layout of a list: cards read as a list, `label` naming it as the table's caption does. */
export function CardList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

/** One card of a CardList; `data-*` attributes name the record for tests. */
export function ListCard({ children, ...data }: { children: ReactNode } & { [attribute: `data-${string}`]: string }) {
  return (
    <Box component="li" className={classes.card} {...data}>
      {children}
    </Box>
  );
}
