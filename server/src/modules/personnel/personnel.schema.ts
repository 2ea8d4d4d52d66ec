import { Type, type Static } from 'typebox';
import { RecordDate, Text } from '../../platform/http/schema.js';
import {
  AGENCY_KINDS, DELEGATION_KINDS, EDUCATION_LEVELS, EMPLOYEE_KINDS, EMPLOYEE_STATUSES, ESELONS, GENDERS, LEAVE_KINDS, POSITION_KINDS,
  TRAINING_KINDS, UNIT_KINDS,
} from './personnel.tables.js';

export const AgencyKind = Type.Enum(AGENCY_KINDS);

export const AgencyView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  kind: AgencyKind,
  districtCode: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.String({ format: 'date' }),
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  successorId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
export type AgencyView = Static<typeof AgencyView>;

export const ListAgenciesQuery = Type.Object(
  {
    kind: Type.Optional(AgencyKind),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Cari pada nama atau singkatan' })),
    at: Type.Optional(RecordDate({ description: 'Struktur yang berlaku pada tanggal ini (bawaan: hari ini)' })),
  },
  { additionalProperties: false },
);
export type ListAgenciesQuery = Static<typeof ListAgenciesQuery>;

export const AgencyParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const UnitKind = Type.Enum(UNIT_KINDS);
export const PositionKind = Type.Enum(POSITION_KINDS);
export const Eselon = Type.Union([Type.Enum(ESELONS), Type.Null()]);

/** The head post as shown on an org chart. */
export const UnitHead = Type.Union([
  Type.Object({ id: Type.String({ format: 'uuid' }), title: Type.String(), eselon: Eselon }),
  Type.Null(),
]);

/** The deepest unit level the tree answer carries (OPD → bidang → seksi → UPTD → sekolah → spare). */
export const UNIT_TREE_DEPTH = 6;

// A fixed-depth schema rather than a recursive one keeps the response serializer a plain compiled object.
function unitNode(depth: number): ReturnType<typeof Type.Object> {
  return Type.Object({
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    shortName: Type.String(),
    kind: UnitKind,
    head: UnitHead,
    children: depth > 1 ? Type.Array(unitNode(depth - 1)) : Type.Array(Type.Object({}), { maxItems: 0 }),
  });
}
/** The tree answer; its static type is the recursive UnitNode, which the bounded schema cannot express. */
export const UnitTree = Type.Unsafe<UnitNode[]>(Type.Array(unitNode(UNIT_TREE_DEPTH)));

/** One unit of the tree with its sub-units (typed by hand: the schema above is depth-bounded). */
export interface UnitNode {
  id: string;
  name: string;
  shortName: string;
  kind: (typeof UNIT_KINDS)[number];
  head: Static<typeof UnitHead>;
  children: UnitNode[];
}

export const SuperiorView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  eselon: Eselon,
  unitId: Type.String({ format: 'uuid' }),
});
export type SuperiorView = Static<typeof SuperiorView>;

export const PositionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  kind: PositionKind,
  eselon: Eselon,
  isHead: Type.Boolean(),
  validFrom: Type.String({ format: 'date' }),
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  unit: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), shortName: Type.String(), kind: UnitKind }),
  agency: Type.Object({ id: Type.String({ format: 'uuid' }), code: Type.String(), name: Type.String(), shortName: Type.String() }),
  /** Direct superior first, up to the agency head. */
  superiors: Type.Array(SuperiorView),
});
export type PositionView = Static<typeof PositionView>;

export const PositionParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const UnitTreeQuery = Type.Object(
  { at: Type.Optional(RecordDate({ description: 'Struktur yang berlaku pada tanggal ini (bawaan: hari ini)' })) },
  { additionalProperties: false },
);
export type UnitTreeQuery = Static<typeof UnitTreeQuery>;

// ── Employees ────────────────────────────────────────────────────────────────────────────────

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date' });
/** A date sent in a body or query: a real record's date, 1900 to fifty years ahead (answers use IsoDate). */
export const DateInput = RecordDate();
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const EmployeeKind = Type.Enum(EMPLOYEE_KINDS);
export const EmployeeStatus = Type.Enum(EMPLOYEE_STATUSES);
export const Gender = Type.Enum(GENDERS);
export const EducationLevel = Type.Enum(EDUCATION_LEVELS);
export const DelegationKind = Type.Enum(DELEGATION_KINDS);
/** How someone holds a position: definitively, or by one of the delegation kinds. */
export const HoldingKind = Type.Union([Type.Literal('definitive'), DelegationKind]);
export type HoldingKind = Static<typeof HoldingKind>;

/** Golongan as written: `III/a` (PNS) or `IX` (PPPK); checked against the employee kind's ladder in the service. */
export const Rank = Text({ maxLength: 10, description: 'Golongan: III/a untuk PNS, IX untuk PPPK' });
const Nip = Text({ minLength: 18, maxLength: 24, description: 'NIP atau NI PPPK, 18 digit (spasi boleh)' });

/** A person as other records point at them (holder of a position, delegate). */
export const EmployeeRef = Type.Object({
  id: Uuid,
  nip: Type.String(),
  /** Name with gelar: `Dr. Budi Santoso, S.Kom., M.T.`. */
  displayName: Type.String(),
  rank: Type.String(),
  /** `Penata (III/c)` or `PPPK golongan IX`. */
  rankLabel: Type.String(),
});
export type EmployeeRef = Static<typeof EmployeeRef>;

/** A position as shown beside a person. */
export const PositionRef = Type.Object({
  id: Uuid,
  title: Type.String(),
  kind: PositionKind,
  eselon: Eselon,
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  agency: Type.Object({ id: Uuid, shortName: Type.String() }),
});
export type PositionRef = Static<typeof PositionRef>;

/** A position someone holds at a moment, and how. */
export const Holding = Type.Object({
  position: PositionRef,
  as: HoldingKind,
  /** The delegation's id when `as` is not `definitive`. */
  delegationId: Nullable(Uuid),
  startDate: IsoDate,
  endDate: Nullable(IsoDate),
});
export type Holding = Static<typeof Holding>;

/** One row of the employee directory: what every member of staff may see. */
export const EmployeeSummary = Type.Object({
  id: Uuid,
  nip: Type.String(),
  kind: EmployeeKind,
  name: Type.String(),
  titlePrefix: Nullable(Type.String()),
  titleSuffix: Nullable(Type.String()),
  displayName: Type.String(),
  rank: Type.String(),
  rankLabel: Type.String(),
  status: EmployeeStatus,
  email: Nullable(Type.String()),
  agency: Type.Object({ id: Uuid, shortName: Type.String() }),
  unit: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  /** The definitive position today, if any. */
  position: Nullable(Type.Object({ id: Uuid, title: Type.String(), kind: PositionKind })),
});
export type EmployeeSummary = Static<typeof EmployeeSummary>;

export const DirectoryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Cari pada nama atau NIP' })),
    agencyId: Type.Optional(Uuid),
    unitId: Type.Optional(Uuid),
    rank: Type.Optional(Rank),
    positionKind: Type.Optional(PositionKind),
    status: Type.Optional(EmployeeStatus),
    kind: Type.Optional(EmployeeKind),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type DirectoryQuery = Static<typeof DirectoryQuery>;

export const DirectoryPage = Type.Object({
  items: Type.Array(EmployeeSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type DirectoryPage = Static<typeof DirectoryPage>;

/** Data only BKPSDM and the person see. */
export const PersonalData = Type.Object({
  gender: Gender,
  birthDate: IsoDate,
  birthPlace: Nullable(Type.String()),
  nik: Nullable(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});
export type PersonalData = Static<typeof PersonalData>;

export const RankRecord = Type.Object({ id: Uuid, rank: Type.String(), rankLabel: Type.String(), tmt: IsoDate, skNumber: Nullable(Type.String()), skDate: Nullable(IsoDate) });
export const AssignmentRecord = Type.Object({
  id: Uuid, position: PositionRef, startDate: IsoDate, endDate: Nullable(IsoDate), skNumber: Nullable(Type.String()), skDate: Nullable(IsoDate),
});
export const DelegationRecord = Type.Object({
  id: Uuid, kind: DelegationKind, position: PositionRef, employee: EmployeeRef, skNumber: Type.String(), skDate: Nullable(IsoDate),
  startDate: IsoDate, endDate: Nullable(IsoDate), reason: Type.String(),
  /** What the caller may do with it. */
  abilities: Type.Object({ canEnd: Type.Boolean() }),
});
export type DelegationRecord = Static<typeof DelegationRecord>;
export const EducationRecord = Type.Object({ id: Uuid, level: EducationLevel, institution: Type.String(), major: Nullable(Type.String()), graduationYear: Type.Integer() });
export const TrainingRecord = Type.Object({
  id: Uuid, kind: Type.Enum(TRAINING_KINDS), name: Type.String(), institution: Nullable(Type.String()), hours: Nullable(Type.Integer()),
  startDate: IsoDate, endDate: Nullable(IsoDate),
});
export const LeaveRecord = Type.Object({ id: Uuid, kind: Type.Enum(LEAVE_KINDS), startDate: IsoDate, endDate: IsoDate, note: Nullable(Type.String()) });

export const EmployeeHistory = Type.Object({
  ranks: Type.Array(RankRecord),
  positions: Type.Array(AssignmentRecord),
  delegations: Type.Array(DelegationRecord),
  education: Type.Array(EducationRecord),
  training: Type.Array(TrainingRecord),
  leave: Type.Array(LeaveRecord),
});
export type EmployeeHistory = Static<typeof EmployeeHistory>;

/** The profile page: the directory fields, then personal data and history where the caller may see them. */
export const EmployeeProfile = Type.Object({
  ...EmployeeSummary.properties,
  educationLevel: EducationLevel,
  educationMajor: Nullable(Type.String()),
  rankTmt: Nullable(IsoDate),
  tmtCpns: Nullable(IsoDate),
  /** Every position held today, definitive and delegated. */
  holdings: Type.Array(Holding),
  /** Where the NIP disagrees with the record (birth date, gender, TMT CPNS): flags for admins, not rejections. */
  nipMismatches: Type.Array(Type.Union([Type.Literal('birthDate'), Type.Literal('gender'), Type.Literal('tmtCpns')])),
  personal: Nullable(PersonalData),
  history: Nullable(EmployeeHistory),
  /** What the caller may do here, so the page shows only what works. */
  abilities: Type.Object({ canEdit: Type.Boolean(), canViewPersonal: Type.Boolean(), canViewHistory: Type.Boolean() }),
});
export type EmployeeProfile = Static<typeof EmployeeProfile>;

export const EmployeeParams = Type.Object({ id: Uuid }, { additionalProperties: false });

const employeeFields = {
  name: Text({ minLength: 2, maxLength: 120 }),
  titlePrefix: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  titleSuffix: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
  gender: Gender,
  birthDate: DateInput,
  birthPlace: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
  nik: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{16}$', description: 'NIK, 16 digit' }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: '^\\+?[0-9 -]{8,20}$' }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 120 }))),
  rank: Rank,
  rankTmt: Type.Optional(Nullable(DateInput)),
  status: Type.Optional(EmployeeStatus),
  educationLevel: EducationLevel,
  educationMajor: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
  agencyId: Uuid,
  unitId: Type.Optional(Nullable(Uuid)),
  tmtCpns: Type.Optional(Nullable(DateInput)),
};

export const CreateEmployeeBody = Type.Object({ nip: Nip, kind: EmployeeKind, ...employeeFields }, { additionalProperties: false });
export type CreateEmployeeBody = Static<typeof CreateEmployeeBody>;

export const UpdateEmployeeBody = Type.Partial(Type.Object(employeeFields), { additionalProperties: false, minProperties: 1 });
export type UpdateEmployeeBody = Static<typeof UpdateEmployeeBody>;

export const SkNumber = Text({ minLength: 3, maxLength: 100, description: 'Nomor SK' });

export const AssignBody = Type.Object(
  { positionId: Uuid, startDate: DateInput, skNumber: Type.Optional(Nullable(SkNumber)), skDate: Type.Optional(Nullable(DateInput)) },
  { additionalProperties: false },
);
export type AssignBody = Static<typeof AssignBody>;

export const EndBody = Type.Object({ endDate: DateInput }, { additionalProperties: false });
export type EndBody = Static<typeof EndBody>;

export const DelegateBody = Type.Object(
  {
    employeeId: Uuid,
    kind: DelegationKind,
    skNumber: SkNumber,
    skDate: Type.Optional(Nullable(DateInput)),
    startDate: DateInput,
    /** Exclusive; required for a Plh (a temporary absence always ends). */
    endDate: Type.Optional(Nullable(DateInput)),
    reason: Text({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type DelegateBody = Static<typeof DelegateBody>;

export const AssignmentParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const HolderQuery = Type.Object({ at: Type.Optional(DateInput) }, { additionalProperties: false });
export type HolderQuery = Static<typeof HolderQuery>;

/** Who acts for a position on a date: the delegate when a delegation is in force, else the definitive holder. */
export const HolderView = Type.Object({
  positionId: Uuid,
  at: IsoDate,
  /** Who acts; null when the post is vacant and nobody is delegated. */
  acting: Nullable(Type.Object({ employee: EmployeeRef, as: HoldingKind, delegationId: Nullable(Uuid), skNumber: Nullable(Type.String()) })),
  definitive: Nullable(EmployeeRef),
});
export type HolderView = Static<typeof HolderView>;

/** A position of a unit with who holds it today (staff view of the org chart). */
export const UnitPosition = Type.Object({
  id: Uuid,
  title: Type.String(),
  kind: PositionKind,
  eselon: Eselon,
  isHead: Type.Boolean(),
  superiorId: Nullable(Uuid),
  holder: HolderView,
  delegations: Type.Array(DelegationRecord),
  /** What the caller may do with the position: appoint a Plt/Plh (managerial posts only), assign a definitive holder. */
  abilities: Type.Object({ canDelegate: Type.Boolean(), canAssign: Type.Boolean() }),
});
export type UnitPosition = Static<typeof UnitPosition>;

export const UnitParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const CreateUnitBody = Type.Object(
  {
    parentId: Uuid,
    name: Text({ minLength: 3, maxLength: 200 }),
    shortName: Text({ minLength: 2, maxLength: 80 }),
    kind: Type.Enum(UNIT_KINDS.filter((k) => k !== 'opd')),
  },
  { additionalProperties: false },
);
export type CreateUnitBody = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Partial(Type.Object({
  parentId: Uuid,
  name: Text({ minLength: 3, maxLength: 200 }),
  shortName: Text({ minLength: 2, maxLength: 80 }),
}), { additionalProperties: false, minProperties: 1 });
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;

export const CreatePositionBody = Type.Object(
  {
    title: Text({ minLength: 3, maxLength: 200 }),
    kind: PositionKind,
    eselon: Type.Optional(Eselon),
    isHead: Type.Optional(Type.Boolean()),
    superiorId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type CreatePositionBody = Static<typeof CreatePositionBody>;

export const UpdatePositionBody = Type.Partial(Type.Object({
  title: Text({ minLength: 3, maxLength: 200 }),
  eselon: Eselon,
  superiorId: Nullable(Uuid),
}), { additionalProperties: false, minProperties: 1 });
export type UpdatePositionBody = Static<typeof UpdatePositionBody>;

/** Which agencies' records the caller may manage in SIMPEG, as the server's policy decides. */
export const PersonnelAccess = Type.Object({
  /** May reach the admin screens (import) at all. */
  canManageAny: Type.Boolean(),
  /** The agencies whose records the caller may change; null means every agency (BKPSDM). */
  manageAgencyIds: Nullable(Type.Array(Uuid)),
  /** The caller's own agency: the default of agency pickers. */
  ownAgencyId: Nullable(Uuid),
});
export type PersonnelAccess = Static<typeof PersonnelAccess>;
