import { Box, Group, Text } from '@mantine/core';
import { Link } from 'react-router';

/** Props of the product mark. */
export interface BrandProps {
  /** The product or app name, shown bold. */
  title: string;
  /** A second line (owner or full app name); hidden on narrow screens when `compact`. */
  subtitle?: string | undefined;
  /** Light text for dark headers. */
  inverted?: boolean;
  /** Where the mark links to. */
  to?: string;
  /** Hide the subtitle below the `sm` breakpoint. */
  compact?: boolean;
}

/** The emblem: a civic-blue tile with a white T and a gold sun (same as favicon.svg). */
export function Emblem({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#134f97" />
      <path d="M14 20h36v8H36v22h-8V28H14z" fill="#fff" />
      <circle cx="47" cy="44" r="6" fill="#e0a526" />
    </svg>
  );
}

/** The product mark shown at the top left of every shell. */
export function Brand({ title, subtitle, inverted = false, to = '/', compact = false }: BrandProps) {
  return (
    <Link to={to} style={{ textDecoration: 'none', color: 'inherit', minWidth: 0, borderRadius: 8 }}>
      <Group gap={10} wrap="nowrap">
      <Emblem />
      <Box style={{ minWidth: 0, lineHeight: 1.15 }}>
        <Text fw={800} fz={{ base: 'md', sm: 'lg' }} c={inverted ? 'white' : 'tegal.9'} truncate style={{ letterSpacing: '-0.01em' }}>
          {title}
        </Text>
        {subtitle && (
          <Text fz="xs" c={inverted ? 'gray.3' : 'dimmed'} truncate visibleFrom={compact ? 'sm' : undefined}>
            {subtitle}
          </Text>
        )}
      </Box>
      </Group>
    </Link>
  );
}
