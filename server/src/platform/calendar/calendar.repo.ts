import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { holidays, type HolidayRow } from './calendar.tables.js';

/** The only SQL of the calendar: its one table. */
export const calendarRepo = {
  /** Every holiday date, for the in-memory set (a few dozen rows a year). */
  async listDates(db: Db): Promise<string[]> {
    return (await db.select({ date: holidays.date }).from(holidays)).map((row) => row.date);
  },

  async listYear(db: Db, year: number): Promise<HolidayRow[]> {
    return db.select().from(holidays)
      .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
      .orderBy(asc(holidays.date));
  },

  async find(db: Db, date: string): Promise<HolidayRow | null> {
    return (await db.select().from(holidays).where(eq(holidays.date, date)))[0] ?? null;
  },

  /** Writes the holiday of its date, replacing what that date held. */
  async upsert(db: Db, row: HolidayRow): Promise<HolidayRow> {
    const [saved] = await db.insert(holidays).values(row)
      .onConflictDoUpdate({ target: holidays.date, set: { kind: row.kind, name: row.name, source: row.source } })
      .returning();
    return saved!;
  },

  /** Adds the dates not yet in the table and leaves the others as an administrator left them. */
  async insertMissing(db: Db, rows: readonly HolidayRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const added = await db.insert(holidays).values([...rows]).onConflictDoNothing({ target: holidays.date })
      .returning({ date: holidays.date });
    return added.map((row) => row.date);
  },

  async remove(db: Db, date: string): Promise<HolidayRow | null> {
    return (await db.delete(holidays).where(eq(holidays.date, date)).returning())[0] ?? null;
  },
};
