import type {
  AgencyView, BulkEmployee, BulkLeave, BulkPosition, BulkTraining, PersonnelBulkRecords, UnitNode,
} from '../src/modules/personnel/index.js';
import { PNS_RANKS, PPPK_GRADES } from '../src/modules/personnel/index.js';
import type { Modules } from '../src/modules.js';
import type { Progress } from '../src/platform/progress.js';
import {
  BIRTH_PLACES, FEMALE_GIVEN, FEMALE_LEADING, FEMALE_SECOND, FEMALE_SINGLE, JUNIOR_HIGH_SCHOOLS, MALE_GIVEN, MALE_LEADING, MALE_SECOND, MALE_SINGLE,
  MOBILE_PREFIXES, POLYTECHNICS, SENIOR_HIGH_SCHOOLS, STREET_NAMES, VOCATIONAL_SCHOOLS,
} from './reference/indonesian-names.js';
import {
  AGENCY_MIXES, AGENCY_SHARES, BPSDMD, DEFAULT_MANAGER_FIELDS, FIELDS, FUNCTIONAL_INSTITUTIONS, J, KIND_WEIGHTS, LEADERSHIP, MANAGER_FIELDS, OFFICE,
  SMA_MAJORS, SMK_MAJORS, TECHNICAL, TECHNICAL_COMMON, UNIT_MIXES, UNIT_WEIGHTS, field,
  type Degree, type Field, type FieldKey, type Jenjang, type Job, type Mix, type Weighted,
} from './reference/personnel-catalogue.js';

// Demo staff of a regency: people, their posts and careers, generated from a seed so that two runs
// (and two databases) hold the same NIPs, names and structure. Proportions follow a real regency
// (teachers and health workers are most of the ASN, domain/simpeg.md §9); individual records are
// invented. Rules of thumb used below are marked as such; none is a regulation.

type EducationLevel = BulkEmployee['educationLevel'];
type Gender = BulkEmployee['gender'];
type PositionKind = BulkPosition['kind'];
type Eselon = NonNullable<BulkPosition['eselon']>;

// ── Seeded randomness ────────────────────────────────────────────────────────────────────────

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** mulberry32 with helpers: small, fast and the same sequence on every machine for one seed. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    chance: (p: number): boolean => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    /** Favours the front of a list: name lists put the most common names first. */
    front: <T>(list: readonly T[]): T => list[Math.floor(list.length * next() ** 1.8)]!,
    weighted<T>(entries: Weighted<T>): T {
      let x = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, w] of entries) if ((x -= w) < 0) return value;
      return entries[entries.length - 1]![0];
    },
    /** A version-4-shaped UUID from the sequence, so ids repeat with the seed too. */
    uuid(): string {
      const word = () => Math.floor(next() * 4294967296);
      const hex = (n: number) => HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
      const b = hex((((word() & 0xffff0fff) | 0x4000) >>> 0));
      const c = hex((((word() & 0x3fffffff) | 0x80000000) >>> 0));
      return `${hex(word())}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${hex(word())}`;
    },
  };
}
type Random = ReturnType<typeof createRandom>;

// ── Dates (ISO strings, UTC) ─────────────────────────────────────────────────────────────────

// Pure integer calendar arithmetic (days since 1970-01-01, proleptic Gregorian): a regency's worth
// of careers makes a million date steps, and Date objects made them the generator's main cost.
const pad2 = (n: number): string => String(n).padStart(2, '0');
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

function dayNumber(iso: string): number {
  const m = Number(iso.slice(5, 7));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + Number(iso.slice(8, 10)) - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function isoDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${yoe + era * 400 + (m <= 2 ? 1 : 0)}-${pad2(m)}-${pad2(doy - Math.floor((153 * mp + 2) / 5) + 1)}`;
}

const addDays = (iso: string, days: number): string => isoDay(dayNumber(iso) + days);
const yearOf = (iso: string): number => Number(iso.slice(0, 4));
const firstOfMonth = (iso: string): string => `${iso.slice(0, 7)}-01`;
const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** Adds calendar months; a day past the end of the target month becomes its last day. */
function addMonths(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return `${y}-${pad2(m)}-${pad2(Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m)))}`;
}
const addYears = (iso: string, years: number): string => addMonths(iso, 12 * years);

/** The last regular promotion date (kenaikan pangkat periods are 1 April and 1 October) on or before a day. */
function lastPromotionPeriod(iso: string): string {
  const year = yearOf(iso);
  const monthDay = iso.slice(5);
  if (monthDay >= '10-01') return `${year}-10-01`;
  return monthDay >= '04-01' ? `${year}-04-01` : `${year - 1}-10-01`;
}

/** The Monday on or after a day: leave usually starts at the beginning of a working week. */
function mondayFrom(iso: string): string {
  const day = dayNumber(iso);
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  return isoDay(day + ((8 - weekday) % 7));
}

/** An agency with its unit tree, as the generator reads it. */
export interface DemoAgencyInput {
  agency: Pick<AgencyView, 'id' | 'code' | 'name' | 'shortName' | 'kind' | 'districtCode' | 'validFrom'>;
  units: UnitNode[];
}

/** A village of the regency, for addresses and NIKs. */
export interface DemoVillage {
  code: string;
  name: string;
  kind: 'desa' | 'kelurahan';
  districtCode: string;
  districtName: string;
}

/** A demo account that gets its own employee record in a given unit and post. */
export interface PinnedEmployee {
  userId: string;
  agencyCode: string;
  /** The unit's name (`Bidang Aplikasi Informatika`); the agency's top unit when not found. */
  unitName: string;
  /** Full title of the post, e.g. `Pranata Komputer Ahli Muda`. */
  title: string;
  name?: string;
  gender?: Gender;
  education?: { level: EducationLevel; major: string };
}

/** What the generator needs; everything else comes from `seed`. */
export interface PersonnelDemoInput {
  agencies: DemoAgencyInput[];
  villages: DemoVillage[];
  /** Employee records to make (retired former holders included). */
  count: number;
  seed: number;
  /** The reference day (ISO): ages, TMTs and current delegations are relative to it. */
  today: string;
  /** Domain of official e-mail addresses. */
  emailDomain?: string;
  pinned?: PinnedEmployee[];
}

// ── Internal model ───────────────────────────────────────────────────────────────────────────

interface Agency {
  id: string;
  code: string;
  kind: AgencyView['kind'];
  districtCode: string | null;
  validFrom: string;
  /** Key of the mixes and fields: the code, or `rsud`/`kecamatan` for those kinds. */
  profile: string;
  /** Units in breadth-first order, the top unit first. */
  units: Unit[];
}

interface Unit {
  id: string;
  name: string;
  kind: UnitNode['kind'];
  agency: Agency;
  parent: Unit | null;
  children: Unit[];
  head: Post | null;
  posts: Post[];
}

interface Post {
  id: string;
  unit: Unit;
  title: string;
  kind: PositionKind;
  eselon: Eselon | null;
  isHead: boolean;
  job: Job | null;
  level: Jenjang | null;
  holder: Person | null;
  vacant: boolean;
  /** Earliest start of any assignment on the post: an earlier holder must have left by then. */
  occupiedFrom: string | null;
  pinned: PinnedEmployee | null;
}

interface Person {
  record: BulkEmployee;
  agency: Agency;
  post: Post | null;
  /** TMT CPNS, or the PPPK contract's TMT: nothing of the career comes before it. */
  start: string;
  /** TMT of the current (or, for a retiree, the last) position. */
  assignmentStart: string | null;
  /** The day the person's record describes: today, or the last working day of a retiree. */
  asOf: string;
  /** Leave and delegations already written, so history records do not overlap them. */
  busy: [string, string][];
}

interface Schooling {
  highest: EducationLevel;
  /** Education at appointment: sets the first rank. */
  entry: EducationLevel;
  field: Field | null;
  first: Degree | null;
  /** The master's or specialist degree. */
  second: Degree | null;
  doctorate: boolean;
  smaMajor: string;
}

const headKind = (eselon: Eselon | null): PositionKind =>
  eselon?.startsWith('IV') ? 'pengawas' : eselon?.startsWith('III') ? 'administrator' : eselon ? 'jpt_pratama' : 'pengawas';

function buildAgency(input: DemoAgencyInput): Agency {
  const a = input.agency;
  const agency: Agency = {
    id: a.id, code: a.code, kind: a.kind, districtCode: a.districtCode, validFrom: a.validFrom, units: [],
    profile: a.kind === 'rsud' || a.kind === 'kecamatan' ? a.kind : a.code,
  };
  let level: { node: UnitNode; parent: Unit | null }[] = input.units.map((node) => ({ node, parent: null }));
  while (level.length > 0) {
    const next: typeof level = [];
    for (const { node, parent } of level) {
      const unit: Unit = { id: node.id, name: node.name, kind: node.kind, agency, parent, children: [], head: null, posts: [] };
      if (node.head) {
        unit.head = {
          id: node.head.id, unit, title: node.head.title, kind: headKind(node.head.eselon), eselon: node.head.eselon, isHead: true,
          job: null, level: null, holder: null, vacant: false, occupiedFrom: null, pinned: null,
        };
      }
      parent?.children.push(unit);
      agency.units.push(unit);
      next.push(...node.children.map((child) => ({ node: child, parent: unit })));
    }
    level = next;
  }
  return agency;
}

/** Splits `total` in proportion to the weights (largest remainder), so the parts add up exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || weights.length === 0) return weights.map(() => 0);
  const raw = sum > 0 ? weights.map((w) => (total * w) / sum) : weights.map(() => total / weights.length);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - parts[i]!, i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let left = total - parts.reduce((s, p) => s + p, 0), k = 0; left > 0; left--, k = (k + 1) % order.length) parts[order[k]![1]]!++;
  return parts;
}

/** Minimums first (scaled down when they alone exceed the total), the rest by weight. */
function allocate(total: number, wants: { min: number; weight: number }[]): number[] {
  const minimum = wants.reduce((s, w) => s + w.min, 0);
  if (total <= minimum) return apportion(total, wants.map((w) => w.min));
  const extra = apportion(total - minimum, wants.map((w) => w.weight));
  return wants.map((w, i) => w.min + extra[i]!);
}

function matching<T>(table: [string, RegExp, T][], unit: Unit): T | undefined {
  return table.find(([code, pattern]) => (code === '*' || code === unit.agency.profile) && pattern.test(unit.name))?.[2];
}
// Looked up once per unit: every person of the unit asks again.
const mixes = new WeakMap<Unit, Mix>();
const mixOf = (unit: Unit): Mix => {
  let mix = mixes.get(unit);
  if (!mix) mixes.set(unit, (mix = matching(UNIT_MIXES, unit) ?? AGENCY_MIXES[unit.agency.profile] ?? OFFICE));
  return mix;
};
const unitWeight = (unit: Unit): number => matching(UNIT_WEIGHTS, unit) ?? KIND_WEIGHTS[unit.kind];

/** The job and jenjang a full title names (`Pranata Komputer Ahli Muda`), for pinned posts. */
function jobByTitle(title: string): { job: Job; level: Jenjang | null } | null {
  for (const job of Object.values(J) as Job[]) {
    if (job.kind === 'pelaksana' && job.title === title) return { job, level: null };
    const level = job.levels.find(([l]) => `${job.title} ${l}` === title)?.[0];
    if (level) return { job, level };
  }
  return null;
}

// ── Careers ──────────────────────────────────────────────────────────────────────────────────

interface Career {
  rank: string;
  /** TMT CPNS (PNS) or contract TMT (PPPK). */
  start: string;
  tmtCpns: string | null;
  ranks: { rank: string; tmt: string }[];
  birth: string;
}

const RANK_INDEX = new Map(PNS_RANKS.map((r, i) => [r.code, i]));
const rankAt = (code: string): number => RANK_INDEX.get(code)!;

/** Golongan at appointment by education (PP 11/2017: SMA II/a, D3 II/c, S1 III/a, S2 and doctors III/b). */
function entryRank(s: Schooling, job: Job | null): number {
  if (s.entry === 'S3') return rankAt('III/c');
  if (s.entry === 'S2' || s.field?.prefix || job?.profession) return rankAt('III/b');
  if (s.entry === 'S1' || s.entry === 'D4') return rankAt('III/a');
  return s.entry === 'D3' ? rankAt('II/c') : rankAt('II/a');
}

/** Ages at appointment by education (rules of thumb: CPNS 18–35, a degree takes its years). */
const PNS_ENTRY_AGES: Record<string, [number, number]> = { SMA: [19, 27], D3: [21, 30], D4: [23, 35], S1: [23, 35], S2: [25, 35], S3: [30, 35] };
const PPPK_ENTRY_AGES: Record<string, [number, number]> = { SMA: [22, 50], D3: [22, 52], D4: [23, 55], S1: [23, 55], S2: [25, 55], S3: [30, 55] };
function entryAges(s: Schooling, kind: 'pns' | 'pppk'): [number, number] {
  if (s.field?.prefix && kind === 'pns') return [25, 35];
  return (kind === 'pns' ? PNS_ENTRY_AGES : PPPK_ENTRY_AGES)[s.entry] ?? [19, 35];
}

/** The golongan a holder of the post has reached: by eselon, jenjang or (pelaksana) education. */
function targetRank(rng: Random, post: Post | null, s: Schooling): number {
  const r = (code: string) => rankAt(code);
  if (post?.isHead) {
    switch (post.eselon) {
      case 'II.a': return rng.weighted([[r('IV/d'), 2], [r('IV/e'), 1]]);
      case 'II.b': return rng.weighted([[r('IV/c'), 7], [r('IV/d'), 3]]);
      case 'III.a': return rng.weighted([[r('IV/a'), 4], [r('IV/b'), 6]]);
      case 'III.b': return rng.weighted([[r('IV/a'), 6], [r('IV/b'), 4]]);
      default: return rng.weighted([[r('III/c'), 2], [r('III/d'), 5], [r('IV/a'), 3]]);
    }
  }
  const between = (lo: string, hi: string) => rng.int(r(lo), r(hi));
  switch (post?.level ?? null) {
    case 'Terampil': return between('II/c', 'II/d');
    case 'Mahir': case 'Ahli Pertama': return between('III/a', 'III/b');
    case 'Penyelia': case 'Ahli Muda': return between('III/c', 'III/d');
    case 'Ahli Madya': return between('IV/a', 'IV/c');
    default:
      // Pelaksana: SMA II/a–III/a, D3 II/c–III/b, S1 III/a–III/d.
      if (s.highest === 'SMA') return between('II/a', 'III/a');
      if (s.highest === 'D3') return between('II/c', 'III/b');
      return s.highest === 'S2' || s.highest === 'S3' ? between('III/b', 'IV/a') : between('III/a', 'III/d');
  }
}

/**
 * A PNS career ending at the target golongan on `asOf`: promotions every four to six years on the
 * 1 April / 1 October periods, worked backwards to the TMT CPNS, then a birth date that fits both the
 * age at appointment and the allowed age window. Lowers the target when no birth date fits.
 */
function pnsCareer(rng: Random, o: {
  target: number; entry: number; asOf: string; birthWindow: [number, number]; entryAge: [number, number]; maxMonthsInRank: number;
}): Career | null {
  for (let attempt = 0; attempt < 60; attempt++) {
    const top = Math.max(o.entry, o.target - Math.floor(attempt / 12));
    const steps = top - o.entry;
    const gaps = Array.from({ length: steps }, () => (attempt > 30 ? 4 : rng.weighted([[4, 0.65], [5, 0.25], [6, 0.1]])));
    const inRank = rng.int(1, o.maxMonthsInRank);
    const promotions: string[] = [];
    let tmtCpns: string;
    if (steps === 0) {
      tmtCpns = firstOfMonth(addMonths(o.asOf, -inRank));
    } else {
      promotions.unshift(lastPromotionPeriod(addMonths(o.asOf, -inRank)));
      for (let k = steps - 1; k >= 1; k--) promotions.unshift(addYears(promotions[0]!, -gaps[k]!));
      tmtCpns = firstOfMonth(addMonths(promotions[0]!, -(gaps[0]! * 12 + rng.int(0, 5))));
    }
    const lo = Math.max(o.birthWindow[0], dayNumber(addYears(tmtCpns, -(o.entryAge[1] + 1))) + 1);
    const hi = Math.min(o.birthWindow[1], dayNumber(addYears(tmtCpns, -o.entryAge[0])));
    if (lo > hi) continue;
    return {
      rank: PNS_RANKS[top]!.code, start: tmtCpns, tmtCpns, birth: isoDay(rng.int(lo, hi)),
      ranks: [{ rank: PNS_RANKS[o.entry]!.code, tmt: tmtCpns }, ...promotions.map((tmt, i) => ({ rank: PNS_RANKS[o.entry + 1 + i]!.code, tmt }))],
    };
  }
  return null;
}

/** A PPPK contract from one of the recruitment waves (2019–2025) with a birth date that fits. */
function pppkCareer(rng: Random, o: { grade: string; asOf: string; birthWindow: [number, number]; entryAge: [number, number] }): Career | null {
  const lastWave = Math.min(2025, yearOf(o.asOf));
  for (let attempt = 0; attempt < 40; attempt++) {
    const year = Math.max(2019, Math.min(lastWave, rng.weighted([[2019, 1], [2021, 3], [2022, 4], [2023, 4], [2024, 5], [2025, 5]])));
    const tmt = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
    if (tmt > addMonths(o.asOf, -1)) continue;
    const lo = Math.max(o.birthWindow[0], dayNumber(addYears(tmt, -(o.entryAge[1] + 1))) + 1);
    const hi = Math.min(o.birthWindow[1], dayNumber(addYears(tmt, -o.entryAge[0])));
    if (lo > hi) continue;
    return { rank: o.grade, start: tmt, tmtCpns: null, birth: isoDay(rng.int(lo, hi)), ranks: [{ rank: o.grade, tmt }] };
  }
  return null;
}

/** PPPK golongan by education and jenjang (rule of thumb: SMA V, D3 VII, S1 IX, S2 X; Ahli Muda XI). */
function pppkGradeFor(s: Schooling, level: Jenjang | null): string {
  const byEducation: Partial<Record<EducationLevel, number>> = { SMA: 5, D3: 7, D4: 9, S1: 9, S2: 10, S3: 11 };
  const byLevel: Record<Jenjang, number> = { Terampil: 7, Mahir: 8, Penyelia: 9, 'Ahli Pertama': 9, 'Ahli Muda': 11, 'Ahli Madya': 13 };
  return PPPK_GRADES[Math.max(byEducation[s.highest] ?? 5, level ? byLevel[level] : 0) - 1]!;
}

// ── Schooling ────────────────────────────────────────────────────────────────────────────────

const supports = (f: Field, level: EducationLevel): boolean =>
  level === 'D3' ? !!f.d3 : level === 'D4' ? !!f.d4 : level === 'S1' ? !!f.s1?.length : level === 'S2' || level === 'S3' ? !!f.s1?.length && f.s2.length > 0 : true;

/** Picks a field that offers the level, adjusting the level when none of the fields does. */
function fieldFor(rng: Random, keys: FieldKey[], level: EducationLevel): { field: Field; level: EducationLevel } {
  const fields = keys.map(field);
  const offering = fields.filter((f) => supports(f, level));
  if (offering.length > 0) return { field: rng.pick(offering), level };
  const f = rng.pick(fields);
  const fallback = (['S1', 'D4', 'D3'] as const).find((l) => supports(f, l)) ?? 'S1';
  return supports(f, fallback) ? { field: f, level: fallback } : { field: FIELDS.sosial, level };
}

/** Fields whose students come from the science stream (IPA) of senior high school. */
const SCIENCE = new Set<Field>((['kedokteran', 'kedokteranGigi', 'keperawatan', 'kebidanan', 'farmasi', 'gizi', 'teknik', 'mesin', 'informatika', 'statistika'] as const).map(field));

/** Education for a post: managers mostly with a master's, functional posts by jenjang, pelaksana by the post's mix. */
function chooseSchooling(rng: Random, post: Post | null, unitMix: Mix | null, agency: Agency, pinned: PinnedEmployee | null): Schooling {
  let level: EducationLevel;
  let keys: FieldKey[];
  let specialist = false;
  const pinnedField = pinned?.education
    ? (Object.keys(FIELDS) as FieldKey[]).find((k) => field(k).s1?.some((d) => d.major === pinned.education!.major))
    : undefined;
  if (pinned?.education && pinnedField) {
    level = pinned.education.level;
    keys = [pinnedField];
  } else if (post?.isHead) {
    level = post.kind === 'jpt_pratama'
      ? rng.weighted([['S2', 75], ['S3', 7], ['S1', 18]])
      : post.kind === 'administrator' ? rng.weighted([['S2', 6], ['S1', 4]]) : rng.weighted([['S1', 62], ['S2', 30], ['D3', 8]]);
    // Half of the managers studied what their unit does (Kepala Bidang Aplikasi Informatika: informatics).
    const own = unitMix?.[0]?.[0].fields ?? [];
    keys = own.length > 0 && rng.chance(0.5) ? own : MANAGER_FIELDS[agency.profile] ?? DEFAULT_MANAGER_FIELDS;
  } else if (post?.job?.kind === 'fungsional') {
    const l = post.level;
    level = l === 'Terampil' || l === 'Mahir' || l === 'Penyelia' ? 'D3'
      : l === 'Ahli Muda' ? rng.weighted([['S1', 8], ['S2', 2]]) : l === 'Ahli Madya' ? rng.weighted([['S1', 45], ['S2', 55]]) : 'S1';
    keys = post.job.fields;
    specialist = post.job === J.dokter && l === 'Ahli Madya' && rng.chance(0.7);
  } else {
    level = post?.job ? rng.weighted(post.job.education) : rng.weighted([['SMA', 4], ['D3', 2], ['S1', 4]]);
    keys = post?.job?.fields ?? ['sosial', 'ekonomi', 'informatika', 'hukum'];
  }
  if (level === 'SMA') {
    const smk = rng.chance(0.35);
    return { highest: 'SMA', entry: 'SMA', field: null, first: null, second: null, doctorate: false, smaMajor: smk ? rng.pick(SMK_MAJORS) : rng.pick(SMA_MAJORS) };
  }
  const chosen = fieldFor(rng, keys, specialist ? 'S1' : level);
  const f = chosen.field;
  level = specialist ? 'S2' : chosen.level;
  const firstLevel: EducationLevel = level === 'D3' ? 'D3' : f.s1?.length ? 'S1' : f.d4 ? 'D4' : 'D3';
  const pinnedDegree = pinned?.education && f.s1?.find((d) => d.major === pinned.education!.major);
  const first = pinnedDegree ?? (firstLevel === 'S1' ? rng.pick(f.s1!) : firstLevel === 'D4' ? f.d4! : f.d3!);
  const second = level === 'S2' || level === 'S3' ? (specialist && f.specialist ? rng.pick(f.specialist) : f.s2.length ? rng.pick(f.s2) : null) : null;
  const highest: EducationLevel = second ? level : firstLevel;
  // Most masters are earned in service; specialists come after years as a general practitioner.
  const entry: EducationLevel = highest === 'S2' || highest === 'S3'
    ? (specialist || rng.chance(0.8) ? firstLevel : 'S2')
    : highest;
  return { highest, entry, field: f, first, second, doctorate: highest === 'S3', smaMajor: SCIENCE.has(f) ? 'IPA' : rng.pick(SMA_MAJORS) };
}

/** Gelar depan and belakang of the schooling, e.g. `dr.` + `M.Kes.`, or `S.Kom., M.T.`. */
function gelarOf(s: Schooling, birthYear: number, job: Job | null): { prefix: string | null; suffix: string | null } {
  if (!s.field || !s.first) return { prefix: null, suffix: null };
  const prefix: string[] = [];
  const suffix: string[] = [];
  if (s.doctorate) prefix.push('Dr.');
  if (s.field.prefix) prefix.push(s.field.prefix);
  if (job?.profession) prefix.push(job.profession);
  // Engineers and agronomists who graduated before the S.T./S.P. gelar (early 1990s) carry Ir. in front.
  if ((s.first.title === 'S.T.' || s.first.title === 'S.P.') && birthYear < 1968) prefix.push('Ir.');
  else if (s.first.title) suffix.push(s.first.title);
  if (s.second) suffix.push(s.second.title);
  return { prefix: prefix.join(' ') || null, suffix: suffix.join(', ') || null };
}

// ── Numbers on paper ─────────────────────────────────────────────────────────────────────────

/**
 * Decree numbers in the `code/number/year` form of regency SKs. The codes follow the archive
 * classification of the time (8xx personnel codes; 800.1.x since Permendagri 83/2022) — a common
 * pattern, not taken from Kabupaten Tegal's own decrees.
 */
function decree(rng: Random, kind: 'rank' | 'position' | 'pppk' | 'delegation', date: string): string {
  const recent = yearOf(date) >= 2023;
  const code = kind === 'delegation' ? '800.1.3'
    : kind === 'pppk' ? (recent ? '800.1.2' : '813.3')
      : kind === 'rank' ? (recent ? '800.1.3' : '823.3') : recent ? '800.1.3' : '821.2';
  return `${code}/${String(rng.int(1, 950)).padStart(3, '0')}/${yearOf(date)}`;
}

/** The short label of a head post for decree reasons: "Kepala Bidang", "Camat", "Sekretaris". */
function postLabel(title: string): string {
  const words = title.split(' ');
  return words[0] === 'Kepala' || words[0] === 'Inspektur' ? words.slice(0, 2).join(' ') : words[0]!;
}

// ── The generator ────────────────────────────────────────────────────────────────────────────

/** Share of staff on PPPK contracts; PPPK hold functional and pelaksana posts only. */
const PPPK_SHARE = 0.25;
/** Staff recorded in an agency but in no position (new appointees, people between posts, on CLTN). */
const UNPLACED_SHARE = 0.04;
/** Share of staff on long leave (CLTN, cuti besar). */
const ON_LEAVE_SHARE = 0.01;
/** Kecamatan around Slawi, where most staff of the regency offices live (Kabupaten Tegal codes). */
const NEAR_CAPITAL = new Set(['33.28.06', '33.28.09', '33.28.10', '33.28.11', '33.28.12', '33.28.13', '33.28.14', '33.28.18']);

const ageOn = (birth: string, at: string): number => yearOf(at) - yearOf(birth) - (at.slice(5) < birth.slice(5) ? 1 : 0);

function sample<T>(rng: Random, list: readonly T[], k: number): T[] {
  const copy = [...list];
  const n = Math.max(0, Math.min(k, copy.length));
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/**
 * Generates the staff of the given agencies: every head post filled except a few vacant ones under
 * a Plt, two or three Plh for absent heads, non-head posts (functional and pelaksana) under each
 * unit's head with one holder each, a few people without a post, and for everyone valid NIP or NI
 * PPPK, NIK, address, rank and education history, trainings and leave. Pure: the same input gives
 * the same records, ids included.
 */
export function generatePersonnel(input: PersonnelDemoInput): Required<PersonnelBulkRecords> {
  const rng = createRandom(input.seed);
  const today = input.today;
  const domain = input.emailDomain ?? 'tegalkab.go.id';
  const out: Required<PersonnelBulkRecords> = {
    positions: [], employees: [], assignments: [], ranks: [], education: [], training: [], leave: [], delegations: [],
  };
  const agencies = input.agencies.map(buildAgency);
  const people: Person[] = [];
  const sequences = new Map<string, number>();
  const niks = new Set<string>();
  const emails = new Map<string, number>();
  const villagesOf = new Map<string, DemoVillage[]>();
  for (const v of input.villages) villagesOf.set(v.districtCode, [...(villagesOf.get(v.districtCode) ?? []), v]);
  const nearCapital = input.villages.filter((v) => NEAR_CAPITAL.has(v.districtCode));
  const dayIn = (from: string, to: string): string => isoDay(rng.int(dayNumber(from), dayNumber(to)));

  // ── Identity of a person ──

  /** The 15 digits plus a sequence: 001 unless someone already has the same first 15 digits. */
  function employeeNumber(first15: string): string {
    const sequence = (sequences.get(first15) ?? 0) + 1;
    sequences.set(first15, sequence);
    return `${first15}${String(sequence).padStart(3, '0')}`;
  }

  /** NIK: province, regency, district of the home village, birth date (day +40 for women), four digits. */
  function nikOf(village: DemoVillage, birth: string, female: boolean): string | null {
    const region = village.code.split('.').slice(0, 3).join('');
    const day = Number(birth.slice(8, 10)) + (female ? 40 : 0);
    const stem = `${region}${String(day).padStart(2, '0')}${birth.slice(5, 7)}${birth.slice(2, 4)}`;
    if (!/^[0-9]{12}$/.test(stem)) return null;
    for (let n = rng.int(1, 2000); n <= 9999; n++) {
      const nik = `${stem}${String(n).padStart(4, '0')}`;
      if (!niks.has(nik)) {
        niks.add(nik);
        return nik;
      }
    }
    return null;
  }

  function villageFor(agency: Agency): DemoVillage | null {
    if (input.villages.length === 0) return null;
    const own = agency.districtCode ? villagesOf.get(agency.districtCode) : undefined;
    if (own?.length && rng.chance(0.7)) return rng.pick(own);
    return nearCapital.length > 0 && rng.chance(0.45) ? rng.pick(nearCapital) : rng.pick(input.villages);
  }

  function addressIn(v: DemoVillage): string {
    const rtRw = `RT ${String(rng.int(1, 12)).padStart(3, '0')}/RW ${String(rng.int(1, 8)).padStart(3, '0')}`;
    if (v.kind === 'kelurahan') return `Jl. ${rng.pick(STREET_NAMES)} No. ${rng.int(1, 120)}, ${rtRw}, Kel. ${v.name}, Kec. ${v.districtName}`;
    const street = rng.chance(0.35) ? `Jl. Raya ${v.name} No. ${rng.int(1, 250)}, ` : '';
    return `${street}${rtRw}, Desa ${v.name}, Kec. ${v.districtName}`;
  }

  function personName(female: boolean, birthYear: number): string {
    if (birthYear < 1975 && rng.chance(0.3)) return rng.front(female ? FEMALE_SINGLE : MALE_SINGLE);
    const givens = female ? FEMALE_GIVEN : MALE_GIVEN;
    const seconds = female ? FEMALE_SECOND : MALE_SECOND;
    const given = rng.front(givens);
    let second = rng.front(seconds);
    if (second === given) second = seconds[(seconds.indexOf(second) + 1) % seconds.length]!;
    const leading = rng.pick(female ? FEMALE_LEADING : MALE_LEADING);
    return rng.chance(0.25) && leading !== given ? `${leading} ${given} ${second}` : `${given} ${second}`;
  }

  /** firstname.lastname@domain; a second person of the same name gets a number (budi.santoso2). */
  function emailFor(name: string): string {
    const words = name.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter(Boolean);
    const base = words.length > 1 ? `${words[0]}.${words[words.length - 1]}` : words[0] ?? 'pegawai';
    const n = (emails.get(base) ?? 0) + 1;
    emails.set(base, n);
    return `${n === 1 ? base : `${base}${n}`}@${domain}`;
  }

  function schoolRecords(id: string, s: Schooling, birth: string, start: string, asOf: string): string {
    const born = yearOf(birth);
    const startYear = yearOf(start);
    const add = (level: EducationLevel, institution: string, major: string | null, graduationYear: number) =>
      out.education.push({ employeeId: id, level, institution, major, graduationYear });
    const sma = () => add('SMA', SMK_MAJORS.includes(s.smaMajor) ? rng.pick(VOCATIONAL_SCHOOLS) : rng.pick(SENIOR_HIGH_SCHOOLS), s.smaMajor, Math.min(born + 18, startYear));
    if (!s.field || !s.first) {
      add('SMP', rng.pick(JUNIOR_HIGH_SCHOOLS), null, born + 15);
      sma();
      return s.smaMajor;
    }
    const f = s.field;
    const firstLevel: EducationLevel = s.first === f.d3 ? 'D3' : s.first === f.d4 ? 'D4' : 'S1';
    const years = firstLevel === 'D3' ? rng.int(21, 22) : f.prefix ? rng.int(24, 26) : rng.int(22, 24);
    const firstYear = Math.min(born + years, startYear);
    const firstSchool = firstLevel === 'S1' ? s.first.school ?? rng.pick(f.schools) : rng.pick(f.diplomaSchools ?? POLYTECHNICS);
    const university = () => rng.pick(f.schools);
    if (!s.second) {
      add(firstLevel, firstSchool, s.first.major, firstYear);
      sma();
      return s.first.major;
    }
    const lastYear = yearOf(asOf) - 1;
    const secondYear = s.entry === 'S2'
      ? Math.max(firstYear + 1, Math.min(firstYear + rng.int(2, 4), startYear))
      : Math.max(firstYear + 1, Math.min(lastYear, Math.max(startYear + 1, firstYear + 2) + rng.int(1, 10)));
    if (s.doctorate) {
      const major = `Doktor ${s.second.major.replace(/^Magister /, '')}`;
      add('S3', university(), major, Math.max(secondYear + 1, Math.min(lastYear, secondYear + rng.int(3, 8))));
      add('S2', university(), s.second.major, secondYear);
      return major;
    }
    add('S2', university(), s.second.major, secondYear);
    add(firstLevel, firstSchool, s.first.major, firstYear);
    return s.second.major;
  }

  /** One person with rank and education history; the post, when given, only shapes the career. */
  function makePerson(spec: { agency: Agency; unit: Unit | null; post: Post | null; kind: 'pns' | 'pppk'; retiredOn?: string }): Person {
    const { agency, unit, post } = spec;
    const job = post?.job ?? null;
    const pinned = post?.pinned ?? null;
    const schooling = chooseSchooling(rng, post, unit ? mixOf(unit) : null, agency, pinned);
    const asOf = spec.retiredOn ? addDays(spec.retiredOn, -1) : today;
    // Retirement age (BUP) is 58, 60 for JPT and Ahli Madya: the living are at most a year short of it.
    const maxAge = post?.kind === 'jpt_pratama' || post?.level === 'Ahli Madya' ? 59 : 57;
    const birthWindow: [number, number] = spec.retiredOn
      ? [dayNumber(addYears(addMonths(spec.retiredOn, -1), -58)), dayNumber(addYears(spec.retiredOn, -58)) - 1]
      : [dayNumber(addYears(today, -(maxAge + 1))) + 1, dayNumber(addYears(today, -22))];
    const entryAge = entryAges(schooling, spec.kind);
    const entry = entryRank(schooling, job);
    const career = spec.kind === 'pns'
      ? pnsCareer(rng, {
        target: Math.max(entry, targetRank(rng, post, schooling)), entry, asOf, birthWindow, entryAge, maxMonthsInRank: spec.retiredOn ? 240 : 60,
      })
      : pppkCareer(rng, { grade: pppkGradeFor(schooling, post?.level ?? null), asOf, birthWindow, entryAge });
    if (!career) throw new Error(`No career fits ${post?.title ?? 'an unplaced employee'} on ${asOf}`);

    const femaleShare = job?.female ?? (post?.isHead ? (agency.kind === 'kecamatan' ? 0.2 : 0.3) : 0.45);
    const female = pinned?.gender ? pinned.gender === 'female' : rng.chance(femaleShare);
    const birthYear = yearOf(career.birth);
    const name = pinned?.name ?? personName(female, birthYear);
    const gelar = gelarOf(schooling, birthYear, job);
    const gender = female ? '2' : '1';
    const digits = career.birth.replaceAll('-', '');
    // NI PPPK digits 13–14 are a code, not a month (domain/simpeg.md §1.2): here the wave's two-digit year.
    const nip = spec.kind === 'pns'
      ? employeeNumber(`${digits}${career.start.slice(0, 4)}${career.start.slice(5, 7)}${gender}`)
      : employeeNumber(`${digits}${career.start.slice(0, 4)}${String((yearOf(career.start) - rng.int(0, 1)) % 100).padStart(2, '0')}${gender}`);
    const village = villageFor(agency);
    const id = rng.uuid();
    const record: BulkEmployee = {
      id, nip, kind: spec.kind, name, titlePrefix: gelar.prefix, titleSuffix: gelar.suffix, gender: female ? 'female' : 'male',
      birthDate: career.birth, birthPlace: rng.front(BIRTH_PLACES), nik: village ? nikOf(village, career.birth, female) : null,
      address: village ? addressIn(village) : null,
      phone: rng.chance(0.96) ? `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(rng.chance(0.5) ? 7 : 8, '0').slice(-8)}` : null,
      email: emailFor(name), rank: career.rank, rankTmt: career.ranks[career.ranks.length - 1]!.tmt, status: spec.retiredOn ? 'retired' : 'active',
      educationLevel: schooling.highest, educationMajor: null, agencyId: agency.id, unitId: unit?.id ?? null, userId: pinned?.userId ?? null,
      tmtCpns: career.tmtCpns,
    };
    record.educationMajor = schoolRecords(id, schooling, career.birth, career.start, asOf);
    out.employees.push(record);
    for (const r of career.ranks) {
      out.ranks.push({ employeeId: id, rank: r.rank, tmt: r.tmt, skNumber: decree(rng, spec.kind === 'pppk' ? 'pppk' : 'rank', r.tmt), skDate: addDays(r.tmt, -rng.int(14, 60)) });
    }
    const person: Person = { record, agency, post, start: career.start, assignmentStart: null, asOf, busy: [] };
    people.push(person);
    return person;
  }

  /** Makes the person the post's definitive holder from a TMT after their appointment (and the post's creation). */
  function place(person: Person, post: Post): void {
    const floor = later(post.unit.agency.validFrom, post.isHead ? addYears(person.start, 1) : person.start);
    const sampled = person.record.kind === 'pppk' && rng.chance(0.7)
      ? floor
      : addDays(today, -(post.isHead ? rng.int(60, 6 * 365) : rng.int(30, 9 * 365)));
    const start = earlier(later(sampled, floor), today);
    person.assignmentStart = start;
    post.holder = person;
    post.occupiedFrom = start;
    out.assignments.push({
      employeeId: person.record.id, positionId: post.id, startDate: start, endDate: null,
      skNumber: decree(rng, person.record.kind === 'pppk' ? 'pppk' : 'position', start), skDate: addDays(start, -rng.int(0, 14)),
    });
  }

  function addLeave(person: Person, kind: BulkLeave['kind'], startDate: string, endDate: string, note: string | null): void {
    out.leave.push({ employeeId: person.record.id, kind, startDate, endDate, note });
    person.busy.push([startDate, endDate]);
  }

  // ── 1. Demo accounts' posts, vacancies, and the staff of each agency ──

  const pins: { pin: PinnedEmployee; unit: Unit; job: Job; level: Jenjang | null }[] = [];
  for (const pin of input.pinned ?? []) {
    const agency = agencies.find((a) => a.code === pin.agencyCode);
    const found = jobByTitle(pin.title);
    if (!agency || !found || agency.units.length === 0) continue;
    pins.push({ pin, unit: agency.units.find((u) => u.name === pin.unitName) ?? agency.units[0]!, ...found });
  }

  const heads = agencies.flatMap((a) => a.units.flatMap((u) => (u.head ? [u.head] : [])));
  const steady = new Set(pins.flatMap(({ unit }) => [unit, unit.agency.units[0]!]));
  const makeVacant = (kind: PositionKind, n: number) => {
    const candidates = heads.filter((h) => h.kind === kind && h.eselon !== null && !steady.has(h.unit) && h.eselon !== 'II.a');
    for (const post of sample(rng, candidates, n)) post.vacant = true;
  };
  if (input.count >= 1000) makeVacant('jpt_pratama', 1);
  if (input.count >= 300) {
    makeVacant('administrator', 2);
    makeVacant('pengawas', 2);
  }
  const vacancies = heads.filter((h) => h.vacant).map((post) => {
    const retiredOn = firstOfMonth(addMonths(today, -rng.int(1, 8)));
    const pension = rng.chance(0.6) && post.unit.agency.validFrom <= addYears(retiredOn, -3);
    const since = pension ? retiredOn : later(addDays(today, -rng.int(20, 240)), post.unit.agency.validFrom);
    post.occupiedFrom = since;
    return { post, since, retiredOn: pension ? retiredOn : null };
  });

  const retirees = vacancies.filter((v) => v.retiredOn).length;
  const available = Math.max(0, input.count - retirees);
  const hasOffices = agencies.some((a) => a.kind !== 'kecamatan');
  const kecamatanStaff = Math.min(15, Math.max(5, Math.round(input.count / 300)));
  const budgets = allocate(available, agencies.map((a) => {
    const filled = a.units.filter((u) => u.head && !u.head.vacant).length;
    if (a.kind === 'kecamatan') {
      return { min: filled + kecamatanStaff + a.units.filter((u) => u.kind === 'kelurahan').length, weight: hasOffices ? 0 : 1 };
    }
    return { min: filled + 2, weight: AGENCY_SHARES[a.code] ?? (a.kind === 'rsud' ? 0.03 : 0.008) };
  }));

  // ── 2. Non-head posts, one per person to place ──

  const plans = agencies.map((agency, i) => {
    const budget = budgets[i]!;
    const filledHeads = agency.units.flatMap((u) => (u.head && !u.head.vacant ? [u.head] : [])).slice(0, budget);
    const rest = budget - filledHeads.length;
    const unplaced = Math.round(rest * UNPLACED_SHARE);
    const postCount = rest - unplaced;
    const mine = pins.filter((p) => p.unit.agency === agency).slice(0, postCount);
    const slots = apportion(postCount - mine.length, agency.units.map(unitWeight));
    agency.units.forEach((unit, k) => {
      const drawn = Array.from({ length: slots[k]! }, () => {
        const job = rng.weighted(mixOf(unit));
        return { job, level: job.kind === 'fungsional' ? rng.weighted(job.levels) : null, pin: null as PinnedEmployee | null };
      });
      const titleOf = (d: { job: Job; level: Jenjang | null }) => (d.level ? `${d.job.title} ${d.level}` : d.job.title);
      // Functional posts first, then pelaksana, each by title: the order a unit's staff list is printed in.
      drawn.sort((a, b) => Number(a.job.kind !== 'fungsional') - Number(b.job.kind !== 'fungsional') || (titleOf(a) < titleOf(b) ? -1 : titleOf(a) > titleOf(b) ? 1 : 0));
      const entries = [...mine.filter((p) => p.unit === unit).map((p) => ({ job: p.job, level: p.level, pin: p.pin as PinnedEmployee | null })), ...drawn];
      for (const [n, d] of entries.entries()) {
        const post: Post = {
          id: rng.uuid(), unit, title: titleOf(d), kind: d.job.kind, eselon: null, isHead: false, job: d.job, level: d.level,
          holder: null, vacant: false, occupiedFrom: null, pinned: d.pin,
        };
        unit.posts.push(post);
        out.positions.push({
          id: post.id, unitId: unit.id, title: post.title, kind: post.kind, eselon: null, superiorId: unit.head?.id ?? null,
          sortOrder: n + (unit.head ? 2 : 1), validFrom: agency.validFrom, validTo: null,
        });
      }
    });
    return { agency, filledHeads, unplaced };
  });

  // ── 3. People: the demo accounts first (they get the plain e-mail addresses), then agency by agency ──

  const posts = agencies.flatMap((a) => a.units.flatMap((u) => u.posts));
  const unplacedTotal = plans.reduce((s, p) => s + p.unplaced, 0);
  const pppkWeight = posts.reduce((s, p) => s + (p.pinned ? 0 : p.job!.pppk), 0) + unplacedTotal * 0.8;
  const pppkRate = pppkWeight > 0 ? (PPPK_SHARE * available) / pppkWeight : 0;
  const kindFor = (weight: number): 'pns' | 'pppk' => (rng.chance(Math.min(0.85, pppkRate * weight)) ? 'pppk' : 'pns');

  for (const post of posts.filter((p) => p.pinned)) place(makePerson({ agency: post.unit.agency, unit: post.unit, post, kind: 'pns' }), post);
  for (const { agency, filledHeads, unplaced } of plans) {
    for (const head of filledHeads) place(makePerson({ agency, unit: head.unit, post: head, kind: 'pns' }), head);
    for (const unit of agency.units) {
      for (const post of unit.posts) if (!post.pinned) place(makePerson({ agency, unit, post, kind: kindFor(post.job!.pppk) }), post);
    }
    for (let i = 0; i < unplaced; i++) {
      const unit = agency.units.length > 0 && rng.chance(0.6) ? rng.weighted(agency.units.map((u) => [u, unitWeight(u)] as const)) : null;
      makePerson({ agency, unit, post: null, kind: kindFor(0.8) });
    }
  }
  // The retired former holders of posts now covered by a Plt.
  for (const v of vacancies) {
    if (!v.retiredOn) continue;
    const agency = v.post.unit.agency;
    const person = makePerson({ agency, unit: v.post.unit, post: v.post, kind: 'pns', retiredOn: v.retiredOn });
    const start = later(addYears(v.retiredOn, -rng.int(3, 7)), later(agency.validFrom, addYears(person.start, 1)));
    if (start < addDays(v.retiredOn, -30)) {
      person.assignmentStart = start;
      v.post.occupiedFrom = start;
      out.assignments.push({
        employeeId: person.record.id, positionId: v.post.id, startDate: start, endDate: v.retiredOn,
        skNumber: decree(rng, 'position', start), skDate: addDays(start, -rng.int(0, 14)),
      });
    }
  }

  // ── 4. Earlier posts: managers came up from lower posts, staff moved between units ──

  const headsOf = (kind: PositionKind) => heads.filter((h) => h.kind === kind);
  const [administrators, supervisors] = [headsOf('administrator'), headsOf('pengawas')];
  const postsOf = new Map(agencies.map((a) => [a, a.units.flatMap((u) => u.posts)]));
  for (const person of people) {
    const { post, assignmentStart: current } = person;
    if (!post || !current || person.record.status !== 'active' || person.record.kind === 'pppk') continue;
    if (!rng.chance(post.isHead ? 0.65 : 0.12)) continue;
    const own = postsOf.get(person.agency)!;
    const pool = post.kind === 'jpt_pratama' ? administrators
      : post.kind === 'administrator' ? (rng.chance(0.6) ? supervisors : administrators)
        : post.kind === 'pengawas' ? (rng.chance(0.6) ? own : supervisors) : own;
    for (let attempt = 0; attempt < 6 && pool.length > 0; attempt++) {
      const q = rng.pick(pool);
      if (q === post || (q.occupiedFrom !== null && q.occupiedFrom < current)) continue;
      const from = later(addDays(current, -rng.int(2 * 365, 6 * 365)), later(q.unit.agency.validFrom, q.isHead ? addYears(person.start, 1) : person.start));
      if (from > addDays(current, -180)) continue;
      out.assignments.push({
        employeeId: person.record.id, positionId: q.id, startDate: from, endDate: current,
        skNumber: decree(rng, 'position', from), skDate: addDays(from, -rng.int(0, 14)),
      });
      q.occupiedFrom = from;
      break;
    }
  }

  // ── 5. Delegations: a Plt for each vacancy, a Plh for two or three absent heads ──

  const away = new Set<Person>(people.filter((p) => p.post?.pinned));
  /** Who stands in for a unit's head: the Sekretaris for the Kepala, otherwise a fellow head or the superior. */
  function coverFor(unit: Unit): Person | null {
    const siblings = unit.kind === 'opd' ? unit.children : (unit.parent?.children ?? []).filter((c) => c !== unit);
    const order = [...siblings.filter((c) => c.kind === 'sekretariat'), ...siblings.filter((c) => c.kind !== 'sekretariat'), ...(unit.parent ? [unit.parent] : [])];
    for (const u of order) {
      const holder = u.head?.holder;
      if (holder && holder.record.status === 'active' && holder.record.kind === 'pns' && !away.has(holder)) return holder;
    }
    return null;
  }
  function delegate(post: Post, person: Person, kind: 'plt' | 'plh', startDate: string, endDate: string | null, reason: string): void {
    const skDate = addDays(startDate, -rng.int(0, kind === 'plt' ? 7 : 1));
    out.delegations.push({ positionId: post.id, employeeId: person.record.id, kind, skNumber: decree(rng, 'delegation', skDate), skDate, startDate, endDate, reason });
    away.add(person);
  }
  for (const v of vacancies) {
    const cover = coverFor(v.post.unit);
    if (!cover) continue;
    const until = addMonths(v.since, rng.pick([3, 6]));
    const label = postLabel(v.post.title);
    delegate(v.post, cover, 'plt', v.since, rng.chance(0.5) && until > addDays(today, 7) ? until : null,
      v.retiredOn ? `${label} pensiun` : `Jabatan ${label} lowong setelah mutasi pejabat definitif`);
  }
  const present = heads.filter((h) => h.holder && h.eselon !== null && !h.vacant);
  const plhCount = input.count >= 300 ? rng.int(2, 3) : 0;
  for (let made = 0, attempt = 0; made < plhCount && attempt < 50 && present.length > 0; attempt++) {
    const post = rng.pick(present);
    const holder = post.holder!;
    if (away.has(holder) || out.delegations.some((d) => d.positionId === post.id)) continue;
    away.add(holder);
    const cover = coverFor(post.unit);
    if (!cover) continue;
    const reason = rng.weighted([['Cuti tahunan', 5], ['Dinas luar', 3.5], ['Cuti sakit', 1.5]] as const);
    const start = addDays(today, -rng.int(0, 3));
    const end = addDays(today, rng.int(3, 10));
    delegate(post, cover, 'plh', start, end, reason);
    if (reason !== 'Dinas luar') addLeave(holder, reason === 'Cuti sakit' ? 'sakit' : 'tahunan', start, addDays(end, -1), reason === 'Cuti sakit' ? 'Surat keterangan dokter' : null);
    made++;
  }

  // ── 6. Long leave: CLTN for some without a post, cuti besar for a few functional staff ──

  const onLeave = Math.round(available * ON_LEAVE_SHARE);
  const longServing = (p: Person) => p.record.kind === 'pns' && p.record.status === 'active' && !away.has(p) && p.start < addYears(today, -5);
  const cltn = sample(rng, people.filter((p) => !p.post && longServing(p)), Math.ceil(onLeave * 0.6));
  for (const p of cltn) {
    const start = addDays(today, -rng.int(30, 330));
    p.record.status = 'leave';
    addLeave(p, 'cltn', start, addDays(addYears(start, rng.int(1, 3)), -1),
      rng.pick(['Mengikuti suami/istri yang bertugas di luar daerah', 'Alasan pribadi yang mendesak', 'Mendampingi anggota keluarga yang sakit']));
  }
  for (const p of sample(rng, people.filter((q) => q.post && !q.post.isHead && longServing(q)), onLeave - cltn.length)) {
    const start = addDays(today, -rng.int(5, 60));
    p.record.status = 'leave';
    addLeave(p, 'besar', start, addDays(addMonths(start, 3), -1), rng.pick(['Menunaikan ibadah haji', 'Keperluan keluarga']));
  }

  // ── 7. Past leave and trainings ──

  for (const person of people) {
    const { asOf, record } = person;
    const from = later(addYears(person.start, 1), addYears(asOf, -3));
    const to = addDays(asOf, -21);
    const tryLeave = (kind: BulkLeave['kind'], start: string, end: string, note: string | null) => {
      if (end < asOf && !person.busy.some(([a, b]) => start <= b && a <= end)) addLeave(person, kind, start, end, note);
    };
    if (from < to) {
      if (rng.chance(0.35)) {
        const start = mondayFrom(dayIn(from, to));
        const days = rng.pick([3, 4, 5, 6, 10, 12]);
        // Annual leave counts working days: skip the weekends in between.
        tryLeave('tahunan', start, addDays(start, days - 1 + 2 * Math.floor((days - 1) / 5)), rng.pick([null, null, 'Keperluan keluarga', 'Acara pernikahan keluarga', 'Berlibur bersama keluarga']));
      }
      if (rng.chance(0.07)) {
        const start = dayIn(from, to);
        tryLeave('sakit', start, addDays(start, rng.int(1, 6)), 'Surat keterangan dokter');
      }
      if (rng.chance(0.02)) {
        const start = dayIn(from, to);
        tryLeave('alasan_penting', start, addDays(start, rng.int(1, 4)), rng.pick(['Orang tua sakit keras', 'Keluarga inti meninggal dunia', 'Pernikahan anak']));
      }
    }
    const motherFrom = later(person.start, addYears(asOf, -5));
    if (record.gender === 'female' && ageOn(record.birthDate, asOf) < 42 && rng.chance(0.08) && motherFrom < addDays(asOf, -100)) {
      const start = dayIn(motherFrom, addDays(asOf, -100));
      tryLeave('bersalin', start, addDays(addMonths(start, 3), -1), null);
    }

    const latest = addDays(asOf, -14);
    const course = (kind: BulkTraining['kind'], name: string, institution: string, days: number, hours: number | null, from: string, aim?: string) => {
      const lo = later(from, person.start);
      const hi = addDays(latest, -days);
      if (lo > hi) return;
      const startDate = aim ? earlier(later(aim, lo), hi) : dayIn(lo, hi);
      out.training.push({ employeeId: record.id, kind, name, institution, hours, startDate, endDate: addDays(startDate, days - 1) });
    };
    const post = person.post;
    if (post?.isHead && (post.kind === 'jpt_pratama' || post.kind === 'administrator' || post.kind === 'pengawas')) {
      // Leadership training comes around the first managerial appointment; its name changed in 2019.
      const aim = addDays(person.assignmentStart ?? person.start, rng.int(-300, 300));
      const [modern, old] = LEADERSHIP[post.kind];
      const c = aim >= '2019-01-01' ? modern : old;
      course('struktural', c.name, c.institution, rng.int(50, 110), null, addYears(person.start, 1), aim);
    } else if (post?.job?.kind === 'fungsional') {
      const name = post.job.training ?? `Pelatihan Fungsional ${post.job.title}`;
      const long = name.startsWith('Pendidikan Profesi');
      const days = long ? rng.int(90, 150) : rng.int(5, 12);
      course('fungsional', name, rng.pick(FUNCTIONAL_INSTITUTIONS[name] ?? [BPSDMD]), days, long ? null : days * 8, person.start);
    }
    const managerOrSpecialist = post?.isHead || post?.job?.kind === 'fungsional';
    const technical = sample(rng, [...TECHNICAL_COMMON, ...(TECHNICAL[person.agency.profile] ?? [])],
      managerOrSpecialist ? (rng.chance(0.5) ? 1 : 0) : rng.chance(0.35) ? 2 : 1);
    for (const c of technical) {
      const days = rng.int(2, 5);
      course('teknis', c.name, c.institution, days, days * 8, `${c.from ?? 2005}-01-01`);
    }
  }
  return out;
}

// ── Seeding ──────────────────────────────────────────────────────────────────────────────────

/** Seed of the demo and full profiles: fixed, so every installation shows the same people. */
export const PERSONNEL_SEED = 3328;

/** Demo accounts that get an employee record of their own (seedDemo creates the accounts first). */
const DEMO_STAFF: (Omit<PinnedEmployee, 'userId'> & { username: string })[] = [
  {
    username: 'pegawai', agencyCode: 'diskominfo', unitName: 'Bidang Aplikasi Informatika', title: 'Pranata Komputer Ahli Muda',
    name: 'Budi Santoso', gender: 'male', education: { level: 'S1', major: 'Teknik Informatika' },
  },
  { username: 'opd.admin', agencyCode: 'diskominfo', unitName: 'Subbagian Umum dan Kepegawaian', title: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama' },
  { username: 'bkpsdm', agencyCode: 'bkpsdm', unitName: 'Bidang Pengadaan, Pemberhentian dan Informasi', title: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
];

/** The agencies with their unit trees and the villages of the regency, as the generator takes them. */
export async function readDemoStructure(modules: Modules): Promise<Pick<PersonnelDemoInput, 'agencies' | 'villages'>> {
  const { personnel, region } = modules;
  const agencies: DemoAgencyInput[] = [];
  for (const agency of await personnel.api.listAgencies({})) agencies.push({ agency, units: await personnel.api.unitTree(agency.id, {}) });
  const villages: DemoVillage[] = [];
  for (const district of await region.api.listDistricts()) {
    for (const v of await region.api.listVillages(district.code)) villages.push({ ...v, districtCode: district.code, districtName: district.name });
  }
  return { agencies, villages };
}

/**
 * Loads demo staff into an empty register (does nothing once any employee exists): generates
 * `count` employees with their history over the current structure and links the demo accounts to
 * their records. Returns the number of employees written.
 */
export async function seedPersonnel(
  modules: Modules,
  options: { count: number; seed?: number; progress: Progress; today?: string },
): Promise<number> {
  const { identity, personnel } = modules;
  if (await personnel.api.hasEmployees()) return 0;
  const { progress } = options;
  progress.start('Data pegawai', options.count);
  const pinned: PinnedEmployee[] = [];
  for (const { username, ...staff } of DEMO_STAFF) {
    const user = await identity.api.findUserByUsername(username);
    if (user) pinned.push({ ...staff, userId: user.id });
  }
  const records = generatePersonnel({
    ...(await readDemoStructure(modules)), count: options.count, seed: options.seed ?? PERSONNEL_SEED,
    today: options.today ?? new Date().toISOString().slice(0, 10), pinned,
  });
  // Reading and generating take about a third of the time, the COPY load the rest.
  progress.update(Math.round(options.count * 0.3));
  await personnel.api.importPersonnelBulk(records);
  progress.update(options.count);
  progress.stop();
  return records.employees.length;
}
