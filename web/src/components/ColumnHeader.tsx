import { Table, type TableThProps } from '@mantine/core';

/** A column header of a list's table: small dimmed capitals, so the rows carry the weight. */
export function ColumnHeader(props: TableThProps) {
  return <Table.Th fz="xs" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }} {...props} />;
}
