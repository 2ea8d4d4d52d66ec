import type { Platform } from '../../platform/index.js';
import { createSnapshot } from '../../platform/snapshot.js';
import { displayName } from './personnel.policy.js';
import { rankLabel } from './personnel.ranks.js';
import { personnelRepo } from './personnel.repo.js';
import type { DirectoryPage, DirectoryQuery, EmployeeSummary } from './personnel.schema.js';

/** At most this many search words are used; more only slow the search without narrowing it. */
const MAX_WORDS = 5;

interface Entry {
  summary: EmployeeSummary;
  /** Lower-case name and NIP, what search words are matched against. */
  text: string;
  /** The entry's value for each filter, as the query writes it. */
  values: Record<Filter, string | null>;
}

/** The filters of the directory, each answered by a posting list per value. */
const FILTERS = ['agencyId', 'unitId', 'rank', 'status', 'kind', 'positionKind'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * The whole directory in name order, with posting lists (ordinals in name order): by trigram of the
 * text, and by `filter:value` (`agencyId:…`, `status:leave`).
 */
interface DirectoryIndex {
  at: string;
  entries: Entry[];
  grams: Map<string, number[]>;
  byValue: Map<string, number[]>;
}

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

function post(map: Map<string, number[]>, key: string, ordinal: number): void {
  const list = map.get(key);
  if (list) list.push(ordinal);
  else map.set(key, [ordinal]);
}

/** Splits a search box's text into lower-case words; dots and commas of gelar are separators. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().replace(/[,.]/g, ' ').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
}

/**
 * The employee directory, searched in memory. Every member of staff reads it while typing a name,
 * so it is the hottest personnel read: a SQL substring search with a count costs ~10 ms at 15,000
 * employees, this index well under one. It is rebuilt from the database when the personnel revision
 * moves (platform/snapshot) or the day changes (the current position depends on the date).
 */
export function createDirectory(platform: Platform) {
  const { db } = platform;
  /** Today in the region's time zone: TMTs and delegations start at local midnight. */

  async function load(): Promise<DirectoryIndex> {
    const at = platform.today();
    const rows = await personnelRepo.listDirectory(db, at);
    const index: DirectoryIndex = { at, entries: [], grams: new Map(), byValue: new Map() };
    for (const [ordinal, r] of rows.entries()) {
      const e = r.employee;
      const summary: EmployeeSummary = {
        id: e.id, nip: e.nip, kind: e.kind, name: e.name, titlePrefix: e.titlePrefix, titleSuffix: e.titleSuffix,
        displayName: displayName(e), rank: e.rank, rankLabel: rankLabel(e.rank) ?? e.rank, status: e.status, email: e.email,
        agency: { id: e.agencyId, shortName: r.agencyShortName },
        unit: e.unitId && r.unitName !== null ? { id: e.unitId, name: r.unitName } : null,
        position: r.positionId && r.positionTitle && r.positionKind ? { id: r.positionId, title: r.positionTitle, kind: r.positionKind } : null,
      };
      const text = `${e.name.toLowerCase()} ${e.nip}`;
      const values: Entry['values'] = {
        agencyId: e.agencyId, unitId: e.unitId, rank: e.rank, status: e.status, kind: e.kind, positionKind: r.positionKind,
      };
      index.entries.push({ summary, text, values });
      for (const gram of trigrams(text)) post(index.grams, gram, ordinal);
      for (const filter of FILTERS) if (values[filter] !== null) post(index.byValue, `${filter}:${values[filter]}`, ordinal);
    }
    return index;
  }

  const snapshot = createSnapshot({ load, readRevision: () => personnelRepo.revision(db) });

  async function current(): Promise<DirectoryIndex> {
    const index = await snapshot.get();
    if (index.at === platform.today()) return index;
    snapshot.invalidate();
    return snapshot.get();
  }

  /**
   * Calls `onMatch` for the entries matching every word and filter, in name order, from the
   * `skip`-th match on, until it returns false; returns how many match in all. Candidates come from
   * the shortest posting list among the words' rarest trigrams and the filters' values; when that
   * list is exactly the answer (one filter, no words) it is counted and sliced without a scan.
   */
  function visit(index: DirectoryIndex, query: DirectoryQuery, skip: number, onMatch: (e: Entry) => boolean): number {
    const words = searchWords(query.q);
    const filters = FILTERS.filter((f) => query[f] !== undefined);
    let list: number[] | null = null;
    const exact = words.length === 0 && filters.length <= 1;
    for (const word of words) {
      if (word.length < 3) continue;
      for (const gram of trigrams(word)) {
        const posting = index.grams.get(gram) ?? [];
        if (!list || posting.length < list.length) list = posting;
      }
    }
    for (const filter of filters) {
      const posting = index.byValue.get(`${filter}:${query[filter]}`) ?? [];
      if (!list || posting.length < list.length) list = posting;
    }
    const count = list ? list.length : index.entries.length;
    if (exact) {
      for (let i = skip; i < count; i++) if (!onMatch(index.entries[list ? list[i]! : i]!)) break;
      return count;
    }
    let total = 0;
    let wanted = true;
    candidates: for (let i = 0; i < count; i++) {
      const entry = index.entries[list ? list[i]! : i]!;
      for (const filter of filters) if (entry.values[filter] !== query[filter]) continue candidates;
      for (const word of words) if (!entry.text.includes(word)) continue candidates;
      if (wanted && total >= skip) wanted = onMatch(entry);
      total++;
    }
    return total;
  }

  return {
    /** Drops the index after a local write, so the next search sees it. */
    invalidateDirectory: () => snapshot.invalidate(),

    /** One page of employees matching the search words and filters, ordered by name, with the total. */
    async search(query: DirectoryQuery): Promise<DirectoryPage> {
      const index = await current();
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const from = (page - 1) * pageSize;
      const items: EmployeeSummary[] = [];
      const total = visit(index, query, from, (entry) => items.push(entry.summary) < pageSize);
      return { items, total, page, pageSize };
    },

    /** Every employee of an agency or unit, ordered by name. */
    async list(scope: { agencyId?: string; unitId?: string }): Promise<EmployeeSummary[]> {
      const all: EmployeeSummary[] = [];
      visit(await current(), scope, 0, (entry) => all.push(entry.summary) > 0);
      return all;
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
