import { appendAudit } from '../audit/index.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import { NotFoundError } from '../errors.js';
import { createRevision } from '../snapshot.js';
import { dayNumber, workingDaysOf, type WorkingDays } from './calendar.days.js';
import { calendarRepo } from './calendar.repo.js';
import type { HolidayView, HolidayYearView, SetHolidayBody } from './calendar.schema.js';
import type { HolidayKind, HolidayRow } from './calendar.tables.js';

export { MAX_WORKING_DAYS, type WorkingDays } from './calendar.days.js';
export { HOLIDAY_KINDS, type HolidayKind } from './calendar.tables.js';
export { calendarRoutes } from './calendar.routes.js';

/** One non-working day as the seed and the administrator give it. */
export interface HolidayEntry {
  date: string;
  kind: HolidayKind;
  name: string;
  source: string;
}

/**
 * The region's working days: weekends and the holiday table, held in memory and reloaded when the
 * table changes (on this instance at once, on the others within a second). Dates are `yyyy-mm-dd`;
 * "today" is `ctx.today` or platform.today(). The counting rules are in calendar.days.ts.
 */
export interface Calendar {
  /** False on Saturday, Sunday and every holiday. */
  isWorkingDay(date: string): Promise<boolean>;
  /** The n-th working day after `date` (before it for negative n; n = 0: `date` or the next working day). */
  addWorkingDays(date: string, n: number): Promise<string>;
  /** Working days in (from, to]: from excluded, to included; negative when `to` is earlier. */
  workingDaysBetween(from: string, to: string): Promise<number>;
  /** The current set as synchronous functions, for computing many deadlines in one go. */
  workingDays(): Promise<WorkingDays>;
  /** A year's holidays, in date order, with the year's count of working days. */
  listYear(year: number): Promise<HolidayYearView>;
  /** Sets the holiday of a date (adding it or replacing that date's), audited. */
  setHoliday(ctx: Ctx, body: SetHolidayBody): Promise<{ holiday: HolidayView; created: boolean }>;
  /** Makes a date an ordinary day again, audited; 404 when it was not a holiday. */
  removeHoliday(ctx: Ctx, date: string): Promise<void>;
  /** Adds reference holidays whose dates are not in the table yet (seeds; idempotent). Returns how many. */
  importHolidays(entries: readonly HolidayEntry[]): Promise<number>;
}

const present = (row: HolidayRow): HolidayView => ({ date: row.date, kind: row.kind, name: row.name, source: row.source });

/** The calendar over `db`, with its own revision (`calendar`). */
export function createCalendar(db: Db): Calendar {
  const revision = createRevision(db, 'calendar');
  const current = revision.snapshot(async () => workingDaysOf(await calendarRepo.listDates(db)));

  return {
    isWorkingDay: async (date) => (await current.get()).isWorkingDay(date),
    addWorkingDays: async (date, n) => (await current.get()).addWorkingDays(date, n),
    workingDaysBetween: async (from, to) => (await current.get()).workingDaysBetween(from, to),
    workingDays: () => current.get(),

    async listYear(year) {
      const [rows, days] = [await calendarRepo.listYear(db, year), await current.get()];
      return { year, workingDays: days.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`), holidays: rows.map(present) };
    },

    async setHoliday(ctx, body) {
      const source = body.source ?? `Diisi oleh ${ctx.actor.username ?? 'administrator'} pada ${ctx.today}`;
      return revision.write(async (tx) => {
        const before = await calendarRepo.find(tx, body.date);
        const saved = await calendarRepo.upsert(tx, { date: body.date, kind: body.kind, name: body.name, source });
        await appendAudit(tx, {
          actor: ctx.actor, requestId: ctx.requestId, action: before ? 'holiday.changed' : 'holiday.added',
          entityType: 'holiday', entityId: saved.date,
          data: { kind: saved.kind, name: saved.name, source: saved.source, ...(before ? { before: present(before) } : {}) },
        });
        return { holiday: present(saved), created: !before };
      });
    },

    async removeHoliday(ctx, date) {
      await revision.write(async (tx) => {
        const removed = await calendarRepo.remove(tx, date);
        if (!removed) throw new NotFoundError(`Hari libur tanggal ${date}`);
        await appendAudit(tx, {
          actor: ctx.actor, requestId: ctx.requestId, action: 'holiday.removed', entityType: 'holiday', entityId: date,
          data: { before: present(removed) },
        });
      });
    },

    async importHolidays(entries) {
      // Reference data is code: a date that is not real is a bug, refused before anything is written.
      for (const entry of entries) dayNumber(entry.date);
      const added = await revision.write((tx) => calendarRepo.insertMissing(tx, entries));
      return added.length;
    },
  };
}
