/**
 * Working-day arithmetic on calendar dates (`yyyy-mm-dd`), with no clock and no time zone: a date is
 * turned into a day number (days since 1970-01-01 on the proleptic Gregorian calendar, computed with
 * Date.UTC, which no machine TZ can shift) and back, so the answer never depends on where the server
 * runs. "Today" comes from platform.today(), in the region's time zone.
 *
 * The counting rules, used by every deadline and SLA:
 * - Saturdays and Sundays are off, and so is every date in the holiday table (libur nasional, cuti
 *   bersama, libur daerah). A holiday on a weekend is simply a day off once: Indonesia moves no
 *   holiday to the Monday unless the SKB says so, and then that Monday is in the table itself.
 * - `addWorkingDays(d, n)` for n ≥ 1 is the n-th working day **after** d; d itself is never counted,
 *   whether or not it is a working day. A letter received on Friday 9 January 2026 with 5 working days
 *   is due on Monday 19 January 2026 (Mon 12 … Thu 15, Friday 16 is Isra Mikraj, then Monday 19).
 *   One received on a Saturday or a holiday counts from the next working day the same way.
 * - `addWorkingDays(d, 0)` is d when d is a working day, else the next working day: a due date never
 *   falls on a day off.
 * - `addWorkingDays(d, -n)` is the n-th working day **before** d (d not counted): reminders "two working
 *   days before the deadline".
 * - `workingDaysBetween(from, to)` counts the working days in (from, to]: from excluded, to included,
 *   so `workingDaysBetween(d, addWorkingDays(d, n)) === n` for n ≥ 1, and on the due date of a letter
 *   received Friday the count is 5. With `to` before `from` the count is negative (−count of (to, from]).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Further than any deadline or SLA means; a larger n is a mistake, not a plan. */
export const MAX_WORKING_DAYS = 3_660;

/** The day number of a `yyyy-mm-dd` date; throws RangeError for anything that is not a real date. */
export function dayNumber(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a yyyy-mm-dd date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 31 February over into March; a date that does not come back unchanged is not real.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`not a real date: ${date}`);
  }
  return ms / MS_PER_DAY;
}

/** The `yyyy-mm-dd` date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True on Saturday and Sunday (1970-01-01, day 0, was a Thursday). */
export function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** Working-day questions answered from one set of days off; synchronous, for loops over many records. */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
  addWorkingDays(date: string, n: number): string;
  workingDaysBetween(from: string, to: string): number;
}

/** WorkingDays over the given holiday dates plus every weekend. */
export function workingDaysOf(holidayDates: Iterable<string>): WorkingDays {
  const off = new Set<number>();
  for (const date of holidayDates) off.add(dayNumber(date));
  const working = (day: number): boolean => !isWeekend(day) && !off.has(day);

  return {
    isWorkingDay: (date) => working(dayNumber(date)),

    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
        throw new RangeError(`working days must be a whole number from -${MAX_WORKING_DAYS} to ${MAX_WORKING_DAYS}: ${n}`);
      }
      let day = dayNumber(date);
      if (n === 0) {
        while (!working(day)) day++;
        return dateOf(day);
      }
      const step = n > 0 ? 1 : -1;
      for (let left = Math.abs(n); left > 0;) {
        day += step;
        if (working(day)) left--;
      }
      return dateOf(day);
    },

    workingDaysBetween(from, to) {
      const [start, end] = [dayNumber(from), dayNumber(to)];
      const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
      if (high - low > MAX_WORKING_DAYS * 2) throw new RangeError(`span too long: ${from} to ${to}`);
      let count = 0;
      for (let day = low + 1; day <= high; day++) if (working(day)) count++;
      return sign * count;
    },
  };
}
