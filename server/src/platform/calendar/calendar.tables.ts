import { sql } from 'drizzle-orm';
import { check, date, pgTable, text } from 'drizzle-orm/pg-core';

/** Why a date is off: a national holiday, a cuti bersama of the SKB, or a holiday of the region only. */
export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama', 'libur_daerah'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/**
 * The non-working days besides weekends, one row per date: seeded from the SKB 3 Menteri of each
 * year and edited by an administrator when cuti bersama are decided or moved.
 */
export const holidays = pgTable('holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: HOLIDAY_KINDS }).notNull(),
  /** In Bahasa Indonesia, as the decree names it: `Hari Raya Idul Fitri 1447 Hijriah`. */
  name: text('name').notNull(),
  /** Where the date comes from: the decree's number, or who entered it. */
  source: text('source').notNull(),
}, (table) => [
  check('holidays_kind_check', sql`${table.kind} IN ('libur_nasional', 'cuti_bersama', 'libur_daerah')`),
]);
export type HolidayRow = typeof holidays.$inferSelect;
