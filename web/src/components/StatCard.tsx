import { Group, Paper, Skeleton, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of a stat card. */
export interface StatCardProps {
  label: string;
  value: ReactNode;
  icon: ReactNode;
  loading?: boolean;
  /** Light text on a translucent card, for dark backgrounds. */
  inverted?: boolean;
}

/**
 * A figure with its label and icon (counts on landing pages and dashboards). On phones it drops the
 * icon and shrinks, so three cards fit side by side on a 360 px screen.
 */
export function StatCard({ label, value, icon, loading = false, inverted = false }: StatCardProps) {
  return (
    <Paper withBorder={!inverted} p={{ base: 'sm', sm: 'lg' }} bg={inverted ? 'rgba(255,255,255,0.08)' : undefined}>
      <Group gap="md" wrap="nowrap" align="center">
        <ThemeIcon size={48} radius="md" variant={inverted ? 'filled' : 'light'} color={inverted ? 'gold.5' : 'tegal'} visibleFrom="sm" aria-hidden>
          {icon}
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          {loading ? (
            <Skeleton height={26} width={64} radius="sm" mb={6} />
          ) : (
            <Text fz={{ base: 22, sm: 28 }} fw={800} lh={1.1} className="tabular" c={inverted ? 'white' : 'tegal.9'}>
              {value}
            </Text>
          )}
          <Text fz={{ base: 'xs', sm: 'sm' }} lh={1.3} c={inverted ? 'gray.2' : 'dimmed'}>
            {label}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
