import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per stored blob, keyed by the SHA-256 of its content. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
