import { EmptyState as MantineEmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of an empty state. */
export interface EmptyStateProps {
  icon: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** A button or link that gets the user going (create, clear filters…). */
  action?: ReactNode;
  /** Extra content under the description (a list of what is coming, for instance). */
  children?: ReactNode;
  /** Draw it on its own card (pages) or bare (inside a table or card). */
  framed?: boolean;
  color?: string;
  /** Heading level of the title: 1 when the empty state is the whole page, else 2 (default) or 3. */
  titleOrder?: 1 | 2 | 3;
}

/** What a page or list shows when there is nothing yet: an icon, a clear title and the next step. */
export function EmptyState({ icon, title, description, action, children, framed = true, color = 'tegal', titleOrder = 2 }: EmptyStateProps) {
  const body = (
    <MantineEmptyState
      icon={icon}
      variant="light"
      color={color}
      size="md"
      py={framed ? 'xl' : 'lg'}
      px="md"
    >
      <MantineEmptyState.Title order={titleOrder}>{title}</MantineEmptyState.Title>
      {description && <MantineEmptyState.Description>{description}</MantineEmptyState.Description>}
      {children}
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
  return framed ? <Paper withBorder p={{ base: 'md', sm: 'xl' }}>{body}</Paper> : body;
}
