import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Change counters, one row per name (`personnel`, `identity`): a writer bumps its counter in the
 * transaction of the change, and every instance's in-memory snapshots of that data compare it to
 * know when another instance has made them stale (platform/snapshot).
 */
export const revisions = pgTable('revisions', {
  name: text('name').primaryKey(),
  revision: integer('revision').notNull().default(0),
});
