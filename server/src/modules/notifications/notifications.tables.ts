import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The notification centre. A notification is for one account (`user_id`) or for a position
 * (`position_id`, a SIMPEG id without a foreign key): the latter is seen by whoever holds or acts for
 * the position when they look. A confidential item is stored without its content.
 */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  userId: uuid('user_id'),
  positionId: uuid('position_id'),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  confidential: boolean('confidential').notNull().default(false),
  /** The sender's key, or the delivering job's: a redelivered event is stored once. */
  dedupeKey: text('dedupe_key').notNull().unique(),
  /** The account e-mailed about it, and when: the per-user hourly mail limit counts these. */
  mailedUserId: uuid('mailed_user_id'),
  mailedAt: timestamp('mailed_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  index('notifications_user_idx').on(t.userId, t.createdAt),
  index('notifications_position_idx').on(t.positionId, t.createdAt),
  index('notifications_mailed_idx').on(t.mailedUserId, t.mailedAt),
]);
export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

/**
 * Read state per account: a position's notification read by one holder stays unread for the next
 * holder (and for a Plh beside the definitive holder), as each must see what waits for the post.
 */
export const notificationReads = pgTable('notification_reads', {
  notificationId: uuid('notification_id').notNull().references(() => notifications.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull(),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.notificationId, t.userId] })]);

/** A user's choice of e-mail per kind; a kind without a row follows its declared default. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  email: boolean('email').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.kind] })]);
export type PreferenceRow = typeof notificationPreferences.$inferSelect;
