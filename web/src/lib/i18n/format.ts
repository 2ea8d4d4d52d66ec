import { timeZone } from '../clock';

// Numbers and dates always use Indonesian conventions (1.596.996; 12 Mei 2026), in either interface
// language: they are official figures of an Indonesian regency. Moments are shown in the region's
// time zone (lib/clock.ts); a date-only value is a calendar day and no zone moves it.
const LOCALE = 'id-ID';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const calendarDay = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDates = new Map<string, Intl.DateTimeFormat>();
const weekdayDates = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone and style, made once: building an Intl formatter costs more than using it. */
function inZone(cache: Map<string, Intl.DateTimeFormat>, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const zone = timeZone();
  let formatter = cache.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: zone });
    cache.set(zone, formatter);
  }
  return formatter;
}

/** 1596996 → "1.596.996". */
export function formatNumber(value: number): string {
  return integer.format(value);
}

/**
 * "2024-01-02" → "2 Januari 2024", the same calendar day in every zone; a Date or a timestamp → the
 * day it falls on in the region's zone.
 */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && ISO_DAY.test(value)) return calendarDay.format(new Date(`${value}T00:00:00Z`));
  return inZone(longDates, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(value));
}

/** Today as "Selasa, 12 Mei 2026", in the region's zone. */
export function formatToday(now: Date = new Date()): string {
  return inZone(weekdayDates, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(now);
}
