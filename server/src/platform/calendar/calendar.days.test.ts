import { describe, expect, it } from 'vitest';
import { INDONESIAN_HOLIDAYS } from '../../../seeds/reference/holidays.js';
import { dayNumber, workingDaysOf } from './calendar.days.js';

const days = workingDaysOf(INDONESIAN_HOLIDAYS.map((h) => h.date));

describe('working days', () => {
  it('takes weekends and holidays off, and only those', () => {
    expect(days.isWorkingDay('2026-01-09')).toBe(true); // Friday
    expect(days.isWorkingDay('2026-01-10')).toBe(false); // Saturday
    expect(days.isWorkingDay('2026-01-11')).toBe(false); // Sunday
    expect(days.isWorkingDay('2026-01-16')).toBe(false); // Friday, Isra Mikraj
    expect(days.isWorkingDay('2026-02-16')).toBe(false); // Monday, cuti bersama Imlek
  });

  it('counts a letter received on Friday with 5 working days as due on the 5th working day after it', () => {
    // Mon 12, Tue 13, Wed 14, Thu 15 January; Friday 16 is Isra Mikraj; Monday 19 is the fifth.
    expect(days.addWorkingDays('2026-01-09', 5)).toBe('2026-01-19');
    expect(days.workingDaysBetween('2026-01-09', '2026-01-19')).toBe(5);
    // Without a holiday in the way: received Friday 6 February, due Friday 13 February.
    expect(days.addWorkingDays('2026-02-06', 5)).toBe('2026-02-13');
  });

  it('never counts the start day: received on a weekend or a holiday counts from the next working day', () => {
    expect(days.addWorkingDays('2026-01-10', 1)).toBe('2026-01-12'); // Saturday → Monday
    expect(days.addWorkingDays('2026-01-16', 1)).toBe('2026-01-19'); // holiday Friday → Monday
    expect(days.addWorkingDays('2026-01-15', 1)).toBe('2026-01-19'); // Thursday → over the holiday
    // The Lebaran week: Wed 18 March to Tue 24 March are all off.
    expect(days.addWorkingDays('2026-03-17', 1)).toBe('2026-03-25');
    expect(days.addWorkingDays('2026-03-17', 3)).toBe('2026-03-27');
  });

  it('answers n = 0 with the day itself when it is a working day, else the next working day', () => {
    expect(days.addWorkingDays('2026-01-09', 0)).toBe('2026-01-09');
    expect(days.addWorkingDays('2026-01-10', 0)).toBe('2026-01-12');
    expect(days.addWorkingDays('2026-03-19', 0)).toBe('2026-03-25');
  });

  it('goes backwards for negative n, the mirror of forwards', () => {
    expect(days.addWorkingDays('2026-01-19', -1)).toBe('2026-01-15'); // over the weekend and Isra Mikraj
    expect(days.addWorkingDays('2026-01-19', -5)).toBe('2026-01-09');
    for (const n of [1, 2, 7, 20]) expect(days.workingDaysBetween(days.addWorkingDays('2026-05-29', -n), '2026-05-29')).toBe(n);
  });

  it('counts (from, to]: the start excluded, the end included, negative when reversed, zero for one day', () => {
    expect(days.workingDaysBetween('2026-01-05', '2026-01-05')).toBe(0);
    expect(days.workingDaysBetween('2026-01-05', '2026-01-06')).toBe(1);
    expect(days.workingDaysBetween('2026-01-09', '2026-01-12')).toBe(1); // Friday → Monday
    expect(days.workingDaysBetween('2026-01-19', '2026-01-09')).toBe(-5);
    for (const n of [1, 5, 30, 250]) expect(days.workingDaysBetween('2026-03-02', days.addWorkingDays('2026-03-02', n))).toBe(n);
  });

  it('spans a year end', () => {
    // Thu 24 (cuti bersama) and Fri 25 December off, then Mon 28 … Thu 31, Friday 1 January 2027 off.
    expect(days.addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    expect(days.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
    expect(days.workingDaysBetween('2026-12-23', '2027-01-04')).toBe(5);
    // A leap year boundary without holiday data: weekends only.
    expect(workingDaysOf([]).addWorkingDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('takes a holiday on a Sunday off once and does not move it to Monday', () => {
    expect(days.isWorkingDay('2026-04-05')).toBe(false); // Paskah, Sunday
    expect(days.isWorkingDay('2026-04-06')).toBe(true);
    expect(days.addWorkingDays('2026-04-02', 1)).toBe('2026-04-06'); // Fri 3 April Wafat Yesus Kristus
    expect(days.isWorkingDay('2026-05-31')).toBe(false); // Waisak, Sunday
    expect(days.isWorkingDay('2026-06-01')).toBe(false); // but 1 June is Pancasila on its own account
  });

  it('counts 2026 as the decree makes it: 261 weekdays less the 21 holidays and cuti bersama on weekdays', () => {
    expect(days.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(240);
  });

  it('does not depend on the machine time zone', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Adak', 'Asia/Jakarta']) {
        process.env.TZ = tz;
        expect(workingDaysOf(['2026-01-16']).addWorkingDays('2026-01-09', 5)).toBe('2026-01-19');
        expect(dayNumber('2026-01-01')).toBe(20454);
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('refuses dates that are not real and counts of more than ten years', () => {
    expect(() => days.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => days.isWorkingDay('16-01-2026')).toThrow(RangeError);
    expect(() => days.addWorkingDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => days.addWorkingDays('2026-01-01', 100_000)).toThrow(RangeError);
    expect(() => workingDaysOf(['2026-13-01'])).toThrow(RangeError);
  });
});
