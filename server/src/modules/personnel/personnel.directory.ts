import type { Platform } from '../../platform/index.js';
import { todayIn } from '../../platform/config.js';
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
  agencyId: string;
  unitId: string | null;
  positionKind: string | null;
}

/** The whole directory in name order, with posting lists: by trigram of the text, by agency, by unit. */
interface DirectoryIndex {
  at: string;
  entries: Entry[];
  grams: Map<string, number[]>;
  byAgency: Map<string, number[]>;
  byUnit: Map<string, number[]>;
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
  const today = (): string => todayIn(platform.config.timeZone);

  async function load(): Promise<DirectoryIndex> {
    const at = today();
    const rows = await personnelRepo.listDirectory(db, at);
    const index: DirectoryIndex = { at, entries: [], grams: new Map(), byAgency: new Map(), byUnit: new Map() };
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
      index.entries.push({ summary, text, agencyId: e.agencyId, unitId: e.unitId, positionKind: r.positionKind });
      for (const gram of trigrams(text)) post(index.grams, gram, ordinal);
      post(index.byAgency, e.agencyId, ordinal);
      if (e.unitId) post(index.byUnit, e.unitId, ordinal);
    }
    return index;
  }

  const snapshot = createSnapshot({ load, readRevision: () => personnelRepo.revision(db) });

  async function current(): Promise<DirectoryIndex> {
    const index = await snapshot.get();
    if (index.at === today()) return index;
    snapshot.invalidate();
    return snapshot.get();
  }

  /** The narrowest list of candidates the filters allow, or null for "everyone". */
  function candidates(index: DirectoryIndex, words: string[], query: DirectoryQuery): number[] | null {
    const lists: number[][] = [];
    for (const word of words) {
      if (word.length < 3) continue;
      let rarest: number[] | undefined;
      for (const gram of trigrams(word)) {
        const list = index.grams.get(gram);
        if (!list) return [];
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      lists.push(rarest!);
    }
    if (query.unitId) lists.push(index.byUnit.get(query.unitId) ?? []);
    if (query.agencyId) lists.push(index.byAgency.get(query.agencyId) ?? []);
    return lists.length === 0 ? null : lists.reduce((a, b) => (b.length < a.length ? b : a));
  }

  /** The entries matching every word and filter, in name order. */
  function* matches(index: DirectoryIndex, query: DirectoryQuery): Generator<Entry> {
    const words = searchWords(query.q);
    const list = candidates(index, words, query);
    const count = list ? list.length : index.entries.length;
    for (let i = 0; i < count; i++) {
      const entry = index.entries[list ? list[i]! : i]!;
      const s = entry.summary;
      if (query.agencyId && entry.agencyId !== query.agencyId) continue;
      if (query.unitId && entry.unitId !== query.unitId) continue;
      if (query.rank && s.rank !== query.rank) continue;
      if (query.status && s.status !== query.status) continue;
      if (query.kind && s.kind !== query.kind) continue;
      if (query.positionKind && entry.positionKind !== query.positionKind) continue;
      if (!words.every((w) => entry.text.includes(w))) continue;
      yield entry;
    }
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
      let total = 0;
      for (const entry of matches(index, query)) {
        if (total >= from && items.length < pageSize) items.push(entry.summary);
        total++;
      }
      return { items, total, page, pageSize };
    },

    /** Every employee of an agency or unit, ordered by name. */
    async list(scope: { agencyId?: string; unitId?: string }): Promise<EmployeeSummary[]> {
      return [...matches(await current(), scope)].map((e) => e.summary);
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
