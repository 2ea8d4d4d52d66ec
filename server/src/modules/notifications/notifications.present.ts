import type { NotificationKind } from '../../platform/notify.js';
import type { NotificationRow } from './notifications.tables.js';
import type { NotificationView, PreferencesView } from './notifications.schema.js';

/** A kind that is no longer declared (its module withdrew it) still shows, by its name. */
export function kindLabel(kinds: ReadonlyMap<string, NotificationKind>, name: string): { id: string; en: string } {
  return kinds.get(name)?.label ?? { id: name, en: name };
}

export function presentNotification(
  row: NotificationRow, readAt: Date | null, kinds: ReadonlyMap<string, NotificationKind>, positionTitles: ReadonlyMap<string, string>,
): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: kindLabel(kinds, row.kind),
    title: row.title,
    body: row.body,
    link: row.link,
    confidential: row.confidential,
    position: row.positionId ? { id: row.positionId, title: positionTitles.get(row.positionId) ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    readAt: readAt ? readAt.toISOString() : null,
  };
}

export function presentPreferences(
  kinds: readonly NotificationKind[], chosen: ReadonlyMap<string, boolean>, emailAvailable: boolean, hourlyMailLimit: number,
): PreferencesView {
  return {
    emailAvailable,
    hourlyMailLimit,
    kinds: kinds.map((k) => ({ kind: k.name, label: { ...k.label }, email: chosen.get(k.name) ?? k.emailByDefault, emailByDefault: k.emailByDefault })),
  };
}
