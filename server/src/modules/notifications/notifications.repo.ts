import { and, desc, eq, gt, inArray, notExists, or, sql, type SQL } from 'drizzle-orm';
import { countAll, type Db } from '../../platform/db/index.js';
import {
  notificationPreferences, notificationReads, notifications, type NewNotification, type NotificationRow, type PreferenceRow,
} from './notifications.tables.js';

/** Whose notifications: the account's own and those of the positions it holds or acts for now. */
export interface Audience {
  userId: string;
  positionIds: readonly string[];
}

function addressedTo(a: Audience): SQL {
  const own = eq(notifications.userId, a.userId);
  return a.positionIds.length > 0 ? or(own, inArray(notifications.positionId, [...a.positionIds]))! : own;
}

function unreadBy(db: Db, userId: string): SQL {
  return notExists(db.select({ one: sql`1` }).from(notificationReads)
    .where(and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, userId))));
}

/** The only SQL over the notification tables. */
export const notificationsRepo = {
  /** Stores a notification unless its dedupe key is known; null when it was stored before. */
  async insertOnce(db: Db, row: NewNotification): Promise<NotificationRow | null> {
    const [inserted] = await db.insert(notifications).values(row).onConflictDoNothing({ target: notifications.dedupeKey }).returning();
    return inserted ?? null;
  },

  async markMailed(db: Db, id: string, userId: string, at: Date): Promise<void> {
    await db.update(notifications).set({ mailedUserId: userId, mailedAt: at }).where(eq(notifications.id, id));
  },

  /** Serialises the hourly count of one account's mails until the transaction ends. */
  async lockMailCount(db: Db, userId: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`notifications.mail:${userId}`}))`);
  },

  /** Mails sent to an account since a moment (the hourly limit). */
  async countMailedSince(db: Db, userId: string, since: Date): Promise<number> {
    const [row] = await db.select({ n: countAll }).from(notifications)
      .where(and(eq(notifications.mailedUserId, userId), gt(notifications.mailedAt, since)));
    return row?.n ?? 0;
  },

  async find(db: Db, id: string): Promise<NotificationRow | null> {
    return (await db.select().from(notifications).where(eq(notifications.id, id)))[0] ?? null;
  },

  /** A page of an audience's notifications, newest first, with whether this account read each. */
  async list(db: Db, a: Audience, filter: { unreadOnly: boolean; limit: number; offset: number }) {
    const where = filter.unreadOnly ? and(addressedTo(a), unreadBy(db, a.userId)) : addressedTo(a);
    const [rows, [total]] = await Promise.all([
      db.select({ row: notifications, readAt: notificationReads.readAt }).from(notifications)
        .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, a.userId)))
        .where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(filter.limit).offset(filter.offset),
      db.select({ n: countAll }).from(notifications).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  async countUnread(db: Db, a: Audience): Promise<number> {
    const [row] = await db.select({ n: countAll }).from(notifications).where(and(addressedTo(a), unreadBy(db, a.userId)));
    return row?.n ?? 0;
  },

  async markRead(db: Db, ids: readonly string[], userId: string): Promise<void> {
    if (ids.length === 0) return;
    await db.insert(notificationReads).values(ids.map((notificationId) => ({ notificationId, userId }))).onConflictDoNothing();
  },

  /** Marks every unread notification of the audience read; how many. */
  async markAllRead(db: Db, a: Audience): Promise<number> {
    const rows = await db.select({ id: notifications.id }).from(notifications).where(and(addressedTo(a), unreadBy(db, a.userId)));
    await notificationsRepo.markRead(db, rows.map((r) => r.id), a.userId);
    return rows.length;
  },

  async preferences(db: Db, userId: string): Promise<PreferenceRow[]> {
    return db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  },

  async savePreferences(db: Db, userId: string, choices: readonly { kind: string; email: boolean }[]): Promise<void> {
    if (choices.length === 0) return;
    const now = new Date();
    await db.insert(notificationPreferences).values(choices.map((c) => ({ userId, kind: c.kind, email: c.email, updatedAt: now })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { email: sql`excluded.email`, updatedAt: sql`excluded.updated_at` },
      });
  },
};
