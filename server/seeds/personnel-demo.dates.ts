// Dates of the demo staff as ISO strings (UTC). Pure integer calendar arithmetic (days since
// 1970-01-01, proleptic Gregorian): a regency's worth of careers makes a million date steps, and Date
// objects made them the generator's main cost.

const pad2 = (n: number): string => String(n).padStart(2, '0');
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  const m = Number(iso.slice(5, 7));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + Number(iso.slice(8, 10)) - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The ISO date of a day number. */
export function isoDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${yoe + era * 400 + (m <= 2 ? 1 : 0)}-${pad2(m)}-${pad2(doy - Math.floor((153 * mp + 2) / 5) + 1)}`;
}

export const addDays = (iso: string, days: number): string => isoDay(dayNumber(iso) + days);
export const yearOf = (iso: string): number => Number(iso.slice(0, 4));
export const firstOfMonth = (iso: string): string => `${iso.slice(0, 7)}-01`;
export const later = (a: string, b: string): string => (a > b ? a : b);
export const earlier = (a: string, b: string): string => (a < b ? a : b);
export const ageOn = (birth: string, at: string): number => yearOf(at) - yearOf(birth) - (at.slice(5) < birth.slice(5) ? 1 : 0);

/** Adds calendar months; a day past the end of the target month becomes its last day. */
export function addMonths(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return `${y}-${pad2(m)}-${pad2(Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m)))}`;
}
export const addYears = (iso: string, years: number): string => addMonths(iso, 12 * years);

/** The last regular promotion date (kenaikan pangkat periods are 1 April and 1 October) on or before a day. */
export function lastPromotionPeriod(iso: string): string {
  const year = yearOf(iso);
  const monthDay = iso.slice(5);
  if (monthDay >= '10-01') return `${year}-10-01`;
  return monthDay >= '04-01' ? `${year}-04-01` : `${year - 1}-10-01`;
}

/** The Monday on or after a day: leave usually starts at the beginning of a working week. */
export function mondayFrom(iso: string): string {
  const day = dayNumber(iso);
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  return isoDay(day + ((8 - weekday) % 7));
}
