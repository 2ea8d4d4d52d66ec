// Numbers and dates always use Indonesian conventions (1.596.996; 12 Mei 2026), in either interface
// language: they are official figures of an Indonesian regency.
const LOCALE = 'id-ID';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });
const weekdayDate = new Intl.DateTimeFormat(LOCALE, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });

/** 1596996 → "1.596.996". */
export function formatNumber(value: number): string {
  return integer.format(value);
}

/** "2024-01-02" or a Date → "2 Januari 2024". A date-only string is read as that calendar day. */
export function formatDate(value: string | Date): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+07:00`) : new Date(value);
  return longDate.format(date);
}

/** Today as "Selasa, 12 Mei 2026" (Western Indonesia Time). */
export function formatToday(now: Date = new Date()): string {
  return weekdayDate.format(now);
}
