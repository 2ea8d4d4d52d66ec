import type { Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { presentSummary } from './personnel.present.js';
import { personnelRepo } from './personnel.repo.js';
import type { DirectoryPage, DirectoryQuery, EmployeeSummary } from './personnel.schema.js';

/** At most this many search words are used; more only slow the search without narrowing it. */
const MAX_WORDS = 5;

/**
 * Longest n-gram indexed. A search word this long or shorter is answered by its own posting list,
 * exactly; a longer one by the intersection of its n-grams' lists, then checked on what is left.
 * Four covers the words people type while the list narrows (`dewi`, `agus`, the `1985` of a NIP).
 */
const GRAM = 4;

/** The filters of the directory, each answered by a posting list per value. */
const FILTERS = ['agencyId', 'unitId', 'rank', 'status', 'kind', 'positionKind'] as const;
type Filter = (typeof FILTERS)[number];

/** Ordinals (positions in name order) of the entries having something, ascending. */
type Posting = Int32Array;

const NONE: Posting = new Int32Array(0);

/**
 * The whole directory in name order, with posting lists of ordinals: by every n-gram of up to GRAM
 * characters of the lower-case name and NIP (`grams`), and by `filter:value` (`agencyId:…`, `status:leave`).
 */
interface DirectoryIndex {
  at: string;
  /** The directory rows in name order; an ordinal is an index into this. */
  summaries: EmployeeSummary[];
  /** Lower-case name and NIP of each row, what search words are matched against. */
  texts: string[];
  grams: Map<string, Posting>;
  byValue: Map<string, Posting>;
}

/** Posts `ordinal` under every n-gram of `text` of 1 to GRAM characters, none spanning a space (a search word has none). */
function postGrams(lists: Map<string, number[]>, text: string, ordinal: number): void {
  for (let i = 0; i < text.length; i++) {
    for (let n = 1; n <= GRAM && i + n <= text.length; n++) {
      if (text.charCodeAt(i + n - 1) === 32) break;
      post(lists, text.slice(i, i + n), ordinal);
    }
  }
}

/** The n-grams a search word's matches must all contain: the word itself when short, else its GRAM-grams. */
function wordGrams(word: string): string[] {
  if (word.length <= GRAM) return [word];
  const out: string[] = [];
  for (let i = 0; i + GRAM <= word.length; i++) out.push(word.slice(i, i + GRAM));
  return out;
}

/** Adds `ordinal` to the list of `key` once (ordinals are posted in ascending order). */
function post(map: Map<string, number[]>, key: string, ordinal: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [ordinal]);
  else if (list[list.length - 1] !== ordinal) list.push(ordinal);
}

function frozen(lists: Map<string, number[]>): Map<string, Posting> {
  const out = new Map<string, Posting>();
  for (const [key, list] of lists) out.set(key, Int32Array.from(list));
  return out;
}

/** First index in `list` from `lo` on whose value is ≥ `x` (`list.length` when none). */
function lowerBound(list: Posting, x: number, lo: number): number {
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ordinals in both lists (`short` no longer than `long`), ascending. */
function intersect(short: Posting, long: Posting): Posting {
  const out = new Int32Array(short.length);
  let n = 0;
  if (short.length * 16 < long.length) {
    // Much shorter: binary-search each of its ordinals in the longer list.
    let lo = 0;
    for (let i = 0; i < short.length && lo < long.length; i++) {
      const x = short[i]!;
      lo = lowerBound(long, x, lo);
      if (long[lo] === x) out[n++] = x;
    }
  } else {
    let j = 0;
    for (let i = 0; i < short.length && j < long.length; i++) {
      const x = short[i]!;
      while (j < long.length && long[j]! < x) j++;
      if (long[j] === x) out[n++] = x;
    }
  }
  return out.subarray(0, n);
}

/** Splits a search box's text into lower-case words; dots and commas of gelar are separators. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().replace(/[,.]/g, ' ').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
}

/**
 * The employee directory, searched in memory. Every member of staff reads it while typing a name,
 * so it is the hottest personnel read: a SQL substring search with a count costs ~10 ms at 15,000
 * employees, this index a few microseconds. It is rebuilt from the database when the personnel
 * revision moves (platform/snapshot) or the day changes (the current position depends on the date).
 */
export function createDirectory(platform: Platform, deps: { revision: Revision }) {
  const { db } = platform;

  async function load(): Promise<DirectoryIndex> {
    const at = platform.today();
    const rows = await personnelRepo.listDirectory(db, at);
    const summaries: EmployeeSummary[] = [];
    const texts: string[] = [];
    const gramLists = new Map<string, number[]>();
    const valueLists = new Map<string, number[]>();
    for (const [ordinal, r] of rows.entries()) {
      const e = r.employee;
      summaries.push(presentSummary(r));
      const text = `${e.name.toLowerCase()} ${e.nip}`;
      texts.push(text);
      postGrams(gramLists, text, ordinal);
      const values: Record<Filter, string | null> = {
        agencyId: e.agencyId, unitId: e.unitId, rank: e.rank, status: e.status, kind: e.kind, positionKind: r.positionKind,
      };
      for (const filter of FILTERS) if (values[filter] !== null) post(valueLists, `${filter}:${values[filter]}`, ordinal);
    }
    return { at, summaries, texts, grams: frozen(gramLists), byValue: frozen(valueLists) };
  }

  const snapshot = deps.revision.snapshot(load);

  async function current(): Promise<DirectoryIndex> {
    const index = await snapshot.get();
    if (index.at === platform.today()) return index;
    snapshot.invalidate();
    return snapshot.get();
  }

  /**
   * The ordinals of the entries matching every word and filter, in name order (null: every entry).
   * Every filter value and every word of up to GRAM letters has a posting list that is exactly its
   * matches, so those are intersected, shortest first; a longer word's n-grams narrow the
   * candidates, and only the candidates left are checked for the whole word.
   */
  function matches(index: DirectoryIndex, query: DirectoryQuery): Posting | null {
    const lists: Posting[] = [];
    const unchecked: string[] = [];
    for (const word of searchWords(query.q)) {
      if (word.length > GRAM) unchecked.push(word);
      for (const gram of wordGrams(word)) lists.push(index.grams.get(gram) ?? NONE);
    }
    for (const filter of FILTERS) {
      const value = query[filter];
      if (value !== undefined) lists.push(index.byValue.get(`${filter}:${value}`) ?? NONE);
    }
    if (lists.length === 0) return null;
    lists.sort((a, b) => a.length - b.length);
    let found = lists[0]!;
    for (let i = 1; i < lists.length && found.length > 0; i++) found = intersect(found, lists[i]!);
    if (unchecked.length === 0 || found.length === 0) return found;
    const { texts } = index;
    const out = new Int32Array(found.length);
    let n = 0;
    candidates: for (let i = 0; i < found.length; i++) {
      const text = texts[found[i]!]!;
      for (let w = 0; w < unchecked.length; w++) if (!text.includes(unchecked[w]!)) continue candidates;
      out[n++] = found[i]!;
    }
    return out.subarray(0, n);
  }

  /** The entries from `from` (at most `count` of them) of a match list, as summaries. */
  function slice(index: DirectoryIndex, found: Posting | null, from: number, count: number): EmployeeSummary[] {
    const total = found ? found.length : index.summaries.length;
    const items: EmployeeSummary[] = [];
    for (let i = from; i < total && items.length < count; i++) items.push(index.summaries[found ? found[i]! : i]!);
    return items;
  }

  return {
    /** One page of employees matching the search words and filters, ordered by name, with the total. */
    async search(query: DirectoryQuery): Promise<DirectoryPage> {
      const index = await current();
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const found = matches(index, query);
      const items = slice(index, found, (page - 1) * pageSize, pageSize);
      return { items, total: found ? found.length : index.summaries.length, page, pageSize };
    },

    /** Every employee of an agency or unit, ordered by name. */
    async list(scope: { agencyId?: string; unitId?: string }): Promise<EmployeeSummary[]> {
      const index = await current();
      const found = matches(index, scope);
      return found ? Array.from(found, (ordinal) => index.summaries[ordinal]!) : index.summaries.slice();
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
