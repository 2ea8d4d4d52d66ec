import type { ReactNode } from 'react';
import type { NavItem } from '../../components/layout/nav';
import type { AppEntry } from '../catalogue';

/** What every app layout takes: the app, its navigation and the page. */
export interface AppLayoutProps {
  app: AppEntry;
  nav: NavItem[];
  children: ReactNode;
}
