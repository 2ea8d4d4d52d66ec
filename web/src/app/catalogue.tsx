import {
  IconBuildingCommunity,
  IconBuildingSkyscraper,
  IconBuildingStore,
  IconDatabase,
  IconMail,
  IconPresentationAnalytics,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { MessageKey } from '../lib/i18n';
import type { AppKey } from '../modules/identity/identity.types';

export type { AppKey } from '../modules/identity/identity.types';

/** Which shell an app runs in. */
export type ShellKind = 'citizen' | 'staff' | 'executive';

/** One app of the platform as the launcher and the router know it. */
export interface AppEntry {
  key: AppKey;
  path: `/${string}`;
  shell: ShellKind;
  /** Open to everyone, signed in or not. */
  isPublic: boolean;
  icon: Icon;
  /** Mantine colour of the app's tile and icon. */
  color: string;
  name: MessageKey;
  fullName: MessageKey;
  purpose: MessageKey;
}

const entry = (key: AppKey, shell: ShellKind, isPublic: boolean, icon: Icon, color: string): AppEntry => ({
  key,
  path: `/${key}`,
  shell,
  isPublic,
  icon,
  color,
  name: `apps.${key}.name`,
  fullName: `apps.${key}.fullName`,
  purpose: `apps.${key}.purpose`,
});

/** The seven apps in the order the launcher shows them. */
export const APPS: readonly AppEntry[] = [
  entry('segalengko', 'citizen', true, IconBuildingCommunity, 'tegal'),
  entry('dolan', 'citizen', true, IconBuildingStore, 'orange'),
  entry('eoffice', 'staff', false, IconMail, 'indigo'),
  entry('simpeg', 'staff', false, IconUsersGroup, 'grape'),
  entry('satudata', 'citizen', true, IconDatabase, 'teal'),
  entry('sate', 'executive', false, IconPresentationAnalytics, 'yellow'),
  entry('smartcity', 'staff', false, IconBuildingSkyscraper, 'green'),
];

/** The catalogue entry of an app. */
export function appEntry(key: AppKey): AppEntry {
  const found = APPS.find((a) => a.key === key);
  if (!found) throw new Error(`Unknown app ${key}`);
  return found;
}

/** True when the user (or a signed-out visitor, `null`) may open the app. */
export function canOpen(app: AppEntry, apps: readonly string[] | null): boolean {
  return app.isPublic || (apps?.includes(app.key) ?? false);
}
