import type { AgencyView, BulkEmployee, BulkPosition, PersonnelBulkRecords, UnitNode } from '../src/modules/personnel/index.js';
import type { Degree, Field, Jenjang, Job } from './reference/personnel-catalogue.js';
import type { Random } from './personnel-demo.random.js';

// The demo generator's input and the mutable model it builds while it fills the structure.

export type EducationLevel = BulkEmployee['educationLevel'];
export type Gender = BulkEmployee['gender'];
export type PositionKind = BulkPosition['kind'];
export type Eselon = NonNullable<BulkPosition['eselon']>;
/** Everything the generator writes, every list present. */
export type DemoRecords = Required<PersonnelBulkRecords>;

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

export interface Agency {
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

export interface Unit {
  id: string;
  name: string;
  kind: UnitNode['kind'];
  agency: Agency;
  parent: Unit | null;
  children: Unit[];
  head: Post | null;
  posts: Post[];
}

export interface Post {
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

export interface Person {
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

export interface Schooling {
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

/** A head post left empty, held by a Plt since `since`; `retiredOn` when its holder retired. */
export interface Vacancy {
  post: Post;
  since: string;
  retiredOn: string | null;
}

/** A demo account's post, resolved to its unit, job and jenjang. */
export interface PinnedPost {
  pin: PinnedEmployee;
  unit: Unit;
  job: Job;
  level: Jenjang | null;
}

/** The state of one run: the one random sequence every step draws from, and what it has written. */
export interface Generation {
  input: PersonnelDemoInput;
  rng: Random;
  today: string;
  domain: string;
  out: DemoRecords;
  agencies: Agency[];
  people: Person[];
  /** Last sequence used per first 15 NIP digits. */
  sequences: Map<string, number>;
  niks: Set<string>;
  /** People per e-mail base (`budi.santoso`). */
  emails: Map<string, number>;
  villagesOf: Map<string, DemoVillage[]>;
  nearCapital: DemoVillage[];
}
