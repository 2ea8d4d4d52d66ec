// How SIMPEG writes dates and delegation kinds in its messages, the way Indonesian decrees do.

/** `2026-03-05` → `5 Maret 2026`. */
export function dayText(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The last day of a period stored with an exclusive end, as people say it ("sampai dengan …"). */
export function lastDayText(exclusiveEnd: string): string {
  const last = new Date(`${exclusiveEnd}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return dayText(last.toISOString().slice(0, 10));
}

/** Delegation kinds as printed before a title: "Plt. Kepala Dinas …". */
export const DELEGATION_LABEL = { plt: 'Plt', plh: 'Plh', pj: 'Pj', pjs: 'Pjs' } as const;
