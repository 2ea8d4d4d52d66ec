import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { RegencyView } from '../../../server/src/modules/region/region.schema';
import { api } from './api';

// The web's one clock, as `platform.today()` is the server's: the region's time zone, which the
// server is configured with (TIME_ZONE) and tells in GET /api/regions. Every date format and every
// "today" of the web reads it here; nothing else names a zone. Until the answer arrives (or if it
// never does) the browser's own zone stands in.

/** The browser's zone: the stand-in until the region's answer arrives. */
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

let zone = BROWSER_ZONE;
const listeners = new Set<() => void>();

/** The region's IANA time zone (`Asia/Jakarta`), or the browser's until the server has said. */
export function timeZone(): string {
  return zone;
}

/** True for a zone this browser's Intl knows (a typo in the server's config must not break every date). */
function isKnownZone(candidate: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: candidate });
    return true;
  } catch {
    return false;
  }
}

/** Sets the region's zone and re-renders whoever follows it; unknown zones are ignored. */
export function setTimeZone(next: string): void {
  if (next === zone || !isKnownZone(next)) return;
  zone = next;
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the zone changes; returns the unsubscribe function. */
export function subscribeTimeZone(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current zone, re-rendering the component when it changes. */
export function useTimeZone(): string {
  return useSyncExternalStore(subscribeTimeZone, timeZone);
}

/** The calendar date at `now` in the region's zone (or `inZone`), as `2026-11-28`. */
export function todayIso(now: Date = new Date(), inZone: string = zone): string {
  // en-CA writes YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: inZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Today in the region's zone, re-rendering the component when the zone becomes known. */
export function useToday(): string {
  const current = useTimeZone();
  return todayIso(new Date(), current);
}

/**
 * The query of the regency (GET /api/regions, public), shared with the region pages by its key. Its
 * time zone is configuration: it does not change while the app is open, hence the long staleTime.
 */
export const regencyQuery = {
  queryKey: ['regions', 'regency'] as const,
  queryFn: ({ signal }: { signal?: AbortSignal }) => api<RegencyView>('/api/regions', { signal }),
  staleTime: 24 * 60 * 60_000,
};

/**
 * Starts the regency query once and follows every answer it gets (this fetch or a region page's), so
 * dates follow the server's zone from the first answer on.
 */
export function followRegionClock(client: QueryClient): void {
  const [scope, name] = regencyQuery.queryKey;
  client.getQueryCache().subscribe((event) => {
    const { queryKey, state } = event.query;
    if (event.type !== 'updated' || queryKey.length !== 2 || queryKey[0] !== scope || queryKey[1] !== name) return;
    const answer = state.data as Partial<RegencyView> | undefined;
    if (typeof answer?.timeZone === 'string') setTimeZone(answer.timeZone);
  });
  void client.prefetchQuery(regencyQuery);
}
