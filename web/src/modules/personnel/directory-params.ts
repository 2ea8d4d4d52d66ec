import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DIRECTORY_PAGE_SIZE, EMPLOYEE_KINDS, EMPLOYEE_STATUSES, type DirectoryQuery } from './employees.api';
import { POSITION_KINDS } from './organisation.api';

// The filters, as named in the URL (the API's own names, so a shared link reads like the query).
export const DIRECTORY_FILTERS = ['agencyId', 'unitId', 'rank', 'positionKind', 'status', 'kind'] as const;
/** One filter of the directory. */
export type DirectoryFilter = (typeof DIRECTORY_FILTERS)[number];

/** `value` when it is one of `allowed` (a hand-edited URL may hold anything), else undefined. */
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((a) => a === value);
}

/**
 * The directory's search, filters and page, kept in the URL query and nowhere else, so a filtered
 * list can be bookmarked, shared and walked with Back. Only the text being typed lives in state:
 * it reaches the URL 250 ms after the last keystroke.
 */
export function useDirectoryParams() {
  const [params, setParams] = useSearchParams();
  const [search, setSearchText] = useState(params.get('q') ?? '');

  const value = (name: DirectoryFilter): string | null => params.get(name) || null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';

  /** Changes URL parameters; any change but paging goes back to page 1. */
  const update = (patch: Partial<Record<DirectoryFilter | 'q' | 'page', string | null>>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, v] of Object.entries(patch)) {
          if (v) next.set(key, v);
          else next.delete(key);
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  // Mantine calls the newest version of this function, so `q` is the URL's current one.
  const sendSearch = useDebouncedCallback((text: string) => {
    const trimmed = text.trim();
    if (trimmed !== q) update({ q: trimmed || null });
  }, 250);

  const setSearch = (text: string) => {
    setSearchText(text);
    sendSearch(text);
  };

  const optional = (name: DirectoryFilter) => value(name) ?? undefined;
  const query: DirectoryQuery = {
    page,
    pageSize: DIRECTORY_PAGE_SIZE,
    q: q || undefined,
    agencyId: optional('agencyId'),
    unitId: optional('unitId'),
    rank: optional('rank'),
    positionKind: oneOf(POSITION_KINDS, optional('positionKind')),
    status: oneOf(EMPLOYEE_STATUSES, optional('status')),
    kind: oneOf(EMPLOYEE_KINDS, optional('kind')),
  };

  const activeFilters = DIRECTORY_FILTERS.filter((name) => value(name)).length;

  /** Empties the search box and drops every filter. */
  const clear = () => {
    sendSearch.cancel();
    setSearchText('');
    setParams({}, { replace: true });
  };

  return {
    /** The text in the search box (ahead of the URL while typing). */
    search,
    setSearch,
    value,
    query,
    activeFilters,
    filtered: Boolean(q) || activeFilters > 0,
    update,
    setPage: (p: number) => update({ page: p > 1 ? String(p) : null }),
    clear,
  };
}
