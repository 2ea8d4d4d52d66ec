import { Group, Paper, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useT } from '../lib/i18n';

/** Placeholder rows shaped like a table while its data loads. */
export function TableSkeleton({ rows = 8, columns = 4 }: { rows?: number; columns?: number }) {
  const t = useT();
  return (
    <Stack gap={0} aria-busy="true" aria-label={t('shell.loading')} role="status">
      <Group gap="md" px="md" py="sm" wrap="nowrap">
        {Array.from({ length: columns }, (_, c) => (
          <Skeleton key={c} height={12} width={c === 0 ? '36%' : `${56 / Math.max(1, columns - 1)}%`} radius="sm" />
        ))}
      </Group>
      {Array.from({ length: rows }, (_, r) => (
        <Group key={r} gap="md" px="md" py={14} wrap="nowrap" style={{ borderTop: '1px solid var(--app-border)' }}>
          {Array.from({ length: columns }, (_, c) => (
            <Skeleton key={c} height={14} width={c === 0 ? `${28 + ((r * 7) % 14)}%` : `${40 / Math.max(1, columns - 1)}%`} radius="sm" />
          ))}
        </Group>
      ))}
    </Stack>
  );
}

/** Placeholder cards while a grid of cards loads. */
export function CardGridSkeleton({ count = 6, cols = { base: 1, xs: 2, md: 3 } }: { count?: number; cols?: Record<string, number> }) {
  const t = useT();
  return (
    <SimpleGrid cols={cols} spacing="md" aria-busy="true" aria-label={t('shell.loading')} role="status">
      {Array.from({ length: count }, (_, i) => (
        <Paper key={i} withBorder p="lg">
          <Group gap="md" wrap="nowrap">
            <Skeleton height={44} width={44} radius="md" />
            <Stack gap={8} style={{ flex: 1 }}>
              <Skeleton height={14} width="60%" radius="sm" />
              <Skeleton height={10} width="85%" radius="sm" />
            </Stack>
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** A whole-page placeholder: a title bar and a block of content. */
export function PageSkeleton() {
  const t = useT();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('shell.loading')} role="status" py="md">
      <Skeleton height={14} width={120} radius="sm" />
      <Skeleton height={30} width="45%" radius="sm" />
      <Skeleton height={14} width="70%" radius="sm" />
      <Skeleton height={220} radius="lg" mt="md" />
    </Stack>
  );
}
