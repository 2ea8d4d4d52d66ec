import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** Kinds of perangkat daerah. */
export const AGENCY_KINDS = ['sekretariat', 'inspektorat', 'badan', 'dinas', 'satuan', 'rsud', 'kecamatan'] as const;

/**
 * Perangkat daerah (OPD) as versioned records: a rename closes the old row (`validTo`) and points it
 * at its successor, so letters, datasets and complaints stay attached to the body they were made for.
 */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable short code of the body across renames, e.g. `diskominfo`, `kec-slawi`. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind', { enum: AGENCY_KINDS }).notNull(),
    /** For a kecamatan: its district code (`33.28.10`). */
    districtCode: text('district_code'),
    sortOrder: integer('sort_order').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    successorId: uuid('successor_id').references((): AnyPgColumn => agencies.id),
  },
  (t) => [
    uniqueIndex('agencies_current_code_idx').on(t.code).where(sql`${t.validTo} IS NULL`),
    index('agencies_successor_idx').on(t.successorId),
  ],
);

/**
 * Kinds of organisation unit. `opd` is the agency's top unit (the body as a whole, headed by the
 * Kepala/Camat/Sekda); the others are the SOTK unit types below it.
 */
export const UNIT_KINDS = ['opd', 'sekretariat', 'bidang', 'bagian', 'subbagian', 'seksi', 'uptd', 'kelurahan'] as const;

/** Organisation units of an agency as a tree; `parentId` is null only for the agency's top unit. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    sortOrder: integer('sort_order').notNull(),
    /** Key in the source the unit was imported from (a SIASN unor id or an import file's code); re-imports update by it. */
    externalId: text('external_id'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('units_agency_idx').on(t.agencyId),
    index('units_parent_idx').on(t.parentId),
    uniqueIndex('units_external_idx').on(t.externalId).where(sql`${t.externalId} IS NOT NULL`),
  ],
);

/** Position kinds under UU 5/2014 ASN: JPT pratama, administrasi (three levels) and fungsional. */
export const POSITION_KINDS = ['jpt_pratama', 'administrator', 'pengawas', 'pelaksana', 'fungsional'] as const;

/** Eselon grades a regency uses (I.a/I.b are provincial and national). */
export const ESELONS = ['II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b'] as const;

/** Positions (jabatan) in a unit; `title` is the exact text printed under a signature. */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: POSITION_KINDS }).notNull(),
    eselon: text('eselon', { enum: ESELONS }),
    /** The unit's head post: the one position that signs for the unit. */
    isHead: boolean('is_head').notNull().default(false),
    superiorId: uuid('superior_id').references((): AnyPgColumn => positions.id),
    sortOrder: integer('sort_order').notNull(),
    /** Key in the source the position was imported from; re-imports update by it. */
    externalId: text('external_id'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('positions_unit_idx').on(t.unitId),
    index('positions_superior_idx').on(t.superiorId),
    uniqueIndex('positions_external_idx').on(t.externalId).where(sql`${t.externalId} IS NOT NULL`),
    // A closed head post stays as history; only one current head per unit.
    uniqueIndex('positions_current_head_idx').on(t.unitId).where(sql`${t.isHead} AND ${t.validTo} IS NULL`),
    check('positions_eselon_check', sql`${t.eselon} IS NULL OR ${t.eselon} IN ('II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b')`),
  ],
);

/** PNS (civil servant, NIP) or PPPK (contract civil servant, NI PPPK). */
export const EMPLOYEE_KINDS = ['pns', 'pppk'] as const;
/** Employment status: `leave` covers CLTN and long leave; `transferred` left for another instansi. */
export const EMPLOYEE_STATUSES = ['active', 'leave', 'retired', 'transferred'] as const;
export const GENDERS = ['male', 'female'] as const;
/** Highest completed education, in the order of the Indonesian school system. */
export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;

/**
 * Employees (ASN). The NIP is the key the rest of government uses; it is text (18 digits exceed safe
 * integers and may start with zeros). `userId` links the person's sign-in account (identity module,
 * no cross-module foreign key). Personal fields (NIK, birth date and place, address, phone) are shown
 * only to BKPSDM and the person.
 */
export const employees = pgTable(
  'employees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nip: text('nip').notNull(),
    kind: text('kind', { enum: EMPLOYEE_KINDS }).notNull(),
    name: text('name').notNull(),
    /** Gelar depan, e.g. `Dr.`, `Ir.`, `dr.`. */
    titlePrefix: text('title_prefix'),
    /** Gelar belakang, e.g. `S.Kom., M.T.`. */
    titleSuffix: text('title_suffix'),
    gender: text('gender', { enum: GENDERS }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    birthPlace: text('birth_place'),
    nik: text('nik'),
    address: text('address'),
    phone: text('phone'),
    /** Official (go.id) e-mail; shown in the directory. */
    email: text('email'),
    /** Golongan `III/a` for PNS, `IX` for PPPK (see personnel.ranks). */
    rank: text('rank').notNull(),
    rankTmt: date('rank_tmt', { mode: 'string' }),
    status: text('status', { enum: EMPLOYEE_STATUSES }).notNull().default('active'),
    educationLevel: text('education_level', { enum: EDUCATION_LEVELS }).notNull(),
    educationMajor: text('education_major'),
    /** The agency the employee belongs to (their unit's agency); scopes agency admins. */
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** Unit kerja; null until placed. */
    unitId: uuid('unit_id').references(() => units.id),
    userId: uuid('user_id'),
    tmtCpns: date('tmt_cpns', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employees_nip_idx').on(t.nip),
    uniqueIndex('employees_user_idx').on(t.userId),
    index('employees_agency_idx').on(t.agencyId, t.name),
    index('employees_unit_idx').on(t.unitId),
    check('employees_nip_check', sql`${t.nip} ~ '^[0-9]{18}$'`),
    check('employees_nik_check', sql`${t.nik} IS NULL OR ${t.nik} ~ '^[0-9]{16}$'`),
  ],
);

/**
 * Definitive holders of positions over time (riwayat jabatan). An open assignment (`endDate` null)
 * is the current one; a position has at most one open holder and an employee at most one open
 * definitive position. `endDate` is exclusive: the day the next holder starts.
 */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id').notNull().references(() => employees.id),
    positionId: uuid('position_id').notNull().references(() => positions.id),
    /** TMT jabatan: the day the assignment takes effect. */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    skNumber: text('sk_number'),
    skDate: date('sk_date', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('assignments_employee_idx').on(t.employeeId, t.startDate),
    index('assignments_position_idx').on(t.positionId, t.startDate),
    uniqueIndex('assignments_open_position_idx').on(t.positionId).where(sql`${t.endDate} IS NULL`),
    uniqueIndex('assignments_open_employee_idx').on(t.employeeId).where(sql`${t.endDate} IS NULL`),
    check('assignments_range_check', sql`${t.endDate} IS NULL OR ${t.endDate} > ${t.startDate}`),
  ],
);

/**
 * Mandates to act for a position: Plh (the holder is temporarily away), Plt (vacant or permanently
 * unable), Pj and Pjs (acting heads). Never two at once for one position; `endDate` is exclusive.
 */
export const DELEGATION_KINDS = ['plt', 'plh', 'pj', 'pjs'] as const;

export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    positionId: uuid('position_id').notNull().references(() => positions.id),
    employeeId: uuid('employee_id').notNull().references(() => employees.id),
    kind: text('kind', { enum: DELEGATION_KINDS }).notNull(),
    skNumber: text('sk_number').notNull(),
    skDate: date('sk_date', { mode: 'string' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('delegations_position_idx').on(t.positionId, t.startDate),
    index('delegations_employee_idx').on(t.employeeId),
    check('delegations_range_check', sql`${t.endDate} IS NULL OR ${t.endDate} > ${t.startDate}`),
  ],
);

/** Riwayat pangkat/golongan. */
export const rankHistory = pgTable(
  'employee_ranks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id').notNull().references(() => employees.id),
    rank: text('rank').notNull(),
    tmt: date('tmt', { mode: 'string' }).notNull(),
    skNumber: text('sk_number'),
    skDate: date('sk_date', { mode: 'string' }),
  },
  (t) => [uniqueIndex('employee_ranks_employee_idx').on(t.employeeId, t.tmt)],
);

/** Riwayat pendidikan. */
export const educationHistory = pgTable(
  'employee_education',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id').notNull().references(() => employees.id),
    level: text('level', { enum: EDUCATION_LEVELS }).notNull(),
    institution: text('institution').notNull(),
    major: text('major'),
    graduationYear: integer('graduation_year').notNull(),
  },
  (t) => [index('employee_education_employee_idx').on(t.employeeId)],
);

/** Riwayat diklat and kursus (structural, functional, technical training). */
export const TRAINING_KINDS = ['struktural', 'fungsional', 'teknis'] as const;

export const trainingHistory = pgTable(
  'employee_training',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id').notNull().references(() => employees.id),
    kind: text('kind', { enum: TRAINING_KINDS }).notNull(),
    name: text('name').notNull(),
    institution: text('institution'),
    hours: integer('hours'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
  },
  (t) => [index('employee_training_employee_idx').on(t.employeeId)],
);

/** Leave kinds by their archive codes 800.1.11.x; `cltn` is leave outside state responsibility. */
export const LEAVE_KINDS = ['tahunan', 'sakit', 'bersalin', 'alasan_penting', 'besar', 'cltn'] as const;

/** Riwayat cuti. `endDate` is inclusive (the last day of leave), as written on the leave letter. */
export const leaveHistory = pgTable(
  'employee_leave',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id').notNull().references(() => employees.id),
    kind: text('kind', { enum: LEAVE_KINDS }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    note: text('note'),
  },
  (t) => [
    index('employee_leave_employee_idx').on(t.employeeId, t.startDate),
    check('employee_leave_range_check', sql`${t.endDate} >= ${t.startDate}`),
  ],
);
