import { bigint, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per stored blob, keyed by the SHA-256 of its content. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  /**
   * Since when the blob may be unreferenced: set when it is stored, again by every upload of the same
   * content and by every detach. The sweeper removes a blob without references once this is older
   * than the grace period, so an upload about to be attached is never swept from under its caller.
   */
  releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [index('blobs_released_at_idx').on(t.releasedAt)]);

/**
 * Which record uses which blob: written by `attach`/`detach` inside the owner's own transaction, so a
 * write that fails leaves its blob unreferenced (and swept), and a committed one keeps it.
 */
export const blobRefs = pgTable('blob_refs', {
  sha256: text('sha256').notNull().references(() => blobs.sha256),
  /** What holds it, `<module>.<what>` (e.g. `employee.photo`, `letter.attachment`). */
  ownerKind: text('owner_kind').notNull(),
  ownerId: text('owner_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerKind, t.ownerId, t.sha256] }),
  index('blob_refs_sha256_idx').on(t.sha256),
]);
