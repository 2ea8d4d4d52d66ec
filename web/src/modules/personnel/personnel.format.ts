// Small pure helpers of the SIMPEG screens: NIP grouping, the rank ladders for filters, ISO dates
// (today is the region's, from lib/clock.ts).
// They mirror server/src/modules/personnel (personnel.nip.ts, personnel.ranks.ts): the web bundle
// imports only types from the server, so the few values it needs are restated here.

/** Prints an 18-digit NIP or NI PPPK in its groups: `19860926 201505 1 001`; other input unchanged. */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\D/g, '');
  if (digits.length !== 18) return nip;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

/** PNS golongan/ruang with its pangkat, lowest first (domain/simpeg.md §2). */
export const PNS_RANKS: readonly { code: string; pangkat: string }[] = [
  { code: 'I/a', pangkat: 'Juru Muda' },
  { code: 'I/b', pangkat: 'Juru Muda Tingkat I' },
  { code: 'I/c', pangkat: 'Juru' },
  { code: 'I/d', pangkat: 'Juru Tingkat I' },
  { code: 'II/a', pangkat: 'Pengatur Muda' },
  { code: 'II/b', pangkat: 'Pengatur Muda Tingkat I' },
  { code: 'II/c', pangkat: 'Pengatur' },
  { code: 'II/d', pangkat: 'Pengatur Tingkat I' },
  { code: 'III/a', pangkat: 'Penata Muda' },
  { code: 'III/b', pangkat: 'Penata Muda Tingkat I' },
  { code: 'III/c', pangkat: 'Penata' },
  { code: 'III/d', pangkat: 'Penata Tingkat I' },
  { code: 'IV/a', pangkat: 'Pembina' },
  { code: 'IV/b', pangkat: 'Pembina Tingkat I' },
  { code: 'IV/c', pangkat: 'Pembina Utama Muda' },
  { code: 'IV/d', pangkat: 'Pembina Utama Madya' },
  { code: 'IV/e', pangkat: 'Pembina Utama' },
];

/** PPPK golongan I–XVII, lowest first; PPPK have no pangkat. */
export const PPPK_GRADES: readonly string[] = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
];

/** `2026-11-28` plus `days` (may be negative), as an ISO date; calendar arithmetic in UTC, so no DST surprises. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days from `start` to `end`, both counted (a leave from the 1st to the 3rd is 3 days). */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The last day of a period whose stored end is exclusive (assignments and delegations end on the day
 * the next holder starts): people read and write "sampai dengan" the last day they served.
 */
export function lastDay(exclusiveEnd: string | null): string | null {
  return exclusiveEnd ? addDays(exclusiveEnd, -1) : null;
}
