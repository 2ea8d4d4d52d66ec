import { Group, Pagination, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useT } from '../lib/i18n';
import { formatNumber } from '../lib/i18n/format';

/** Props of the footer under a paged list. */
export interface TableFooterProps {
  /** Position of the first row shown in the whole list, counted from 0. */
  offset: number;
  /** Rows shown on this page. */
  shown: number;
  total: number;
  page: number;
  pages: number;
  onPage(page: number): void;
  /** Test id of the "Menampilkan 1–20 dari 3.412" line. */
  summaryTestId?: string;
}

/**
 * "Menampilkan 1–20 dari 3.412" and, when there is more than one page, the page buttons, each
 * named for screen readers. Fewer page buttons on phones so the row fits 360 px.
 */
export function TableFooter({ offset, shown, total, page, pages, onPage, summaryTestId }: TableFooterProps) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  return (
    <Group justify="space-between" gap="sm" px="md" py="sm" style={{ borderTop: '1px solid var(--app-border)' }}>
      <Text fz="sm" c="dimmed" className="tabular" aria-live="polite" data-testid={summaryTestId}>
        {t('table.showing', { from: formatNumber(offset + 1), to: formatNumber(offset + shown), total: formatNumber(total) })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          size="sm"
          siblings={phone ? 0 : 1}
          boundaries={1}
          aria-label={t('table.pagination')}
          getItemProps={(n) => ({ 'aria-label': t('table.page', { n }) })}
          getControlProps={(control) => ({
            'aria-label': control === 'previous' ? t('table.previous') : control === 'next' ? t('table.next') : control,
          })}
        />
      )}
    </Group>
  );
}
