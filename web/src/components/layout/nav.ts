import type { ReactNode } from 'react';

/** One navigation entry of a shell. */
export interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** Active only on exactly this path (an app's home), not on its sub-pages. */
  end?: boolean;
  /** Planned but not built: shown disabled with a "soon" badge, so the roadmap is visible and honest. */
  soon?: boolean;
}
