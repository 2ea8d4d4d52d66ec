import { and, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { copyRecords, type Database, type Db } from '../../../platform/db/index.js';
import type { NewEmployee, NewPosition, NewUnit } from '../personnel.repo.js';
import { agencies, assignments, delegations, employees, positions, rankHistory, units } from '../personnel.tables.js';
import type { Holdings, Snapshot, SnapDelegation } from './import.context.js';
import type { NewDelegation } from './import.delegations.js';
import type { NewAssignment } from './import.people.js';

/** Rows per statement: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK = 500;
/** Rows per bulk UPDATE (one JSON parameter each). */
const UPDATE_CHUNK = 5000;
/** Serialises imports: two at once would each plan against a database the other is changing. */
const IMPORT_LOCK_KEY = 3328_0004;

const isCurrent = (validTo: string | null, today: string) => validTo === null || validTo > today;

/** The columns of a delegation as the planner sees it, with its delegate's NIP and name. */
const DELEGATION_FIELDS = {
  id: delegations.id, positionId: delegations.positionId, employeeId: delegations.employeeId, kind: delegations.kind,
  skNumber: delegations.skNumber, skDate: delegations.skDate, startDate: delegations.startDate, endDate: delegations.endDate,
  reason: delegations.reason, delegateNip: employees.nip, delegateName: employees.name,
};

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** A column of a bulk UPDATE … FROM (VALUES …): its SQL name, type and how to read it from a row. */
interface Column<T> {
  name: string;
  type: 'uuid' | 'text' | 'date' | 'boolean';
  value: (row: T) => unknown;
}

/**
 * Updates many rows by id: the rows travel as one JSON parameter per chunk and are unpacked by
 * `jsonb_to_recordset` (thousands of bind parameters per statement spend seconds in the driver).
 */
async function updateMany<T>(db: Db, table: string, columns: Column<T>[], rows: T[], extraSet = ''): Promise<void> {
  const names = columns.map((c) => c.name);
  const set = names.filter((n) => n !== 'id').map((n) => `${n} = v.${n}`).concat(extraSet ? [extraSet] : []).join(', ');
  const shape = columns.map((c) => `${c.name} ${c.type}`).join(', ');
  for (let i = 0; i < rows.length; i += UPDATE_CHUNK) {
    const json = rows.slice(i, i + UPDATE_CHUNK).map((row) => Object.fromEntries(columns.map((c) => [c.name, c.value(row) ?? null])));
    await db.execute(sql`UPDATE ${sql.raw(table)} AS t SET ${sql.raw(set)} FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS v(${sql.raw(shape)}) WHERE t.id = v.id`);
  }
}

type PositionUpdate = Partial<NewPosition> & { id: string };
type EmployeeUpdate = Partial<NewEmployee> & { id: string };

const POSITION_COLUMNS: Column<PositionUpdate>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'unit_id', type: 'uuid', value: (r) => r.unitId },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'kind', type: 'text', value: (r) => r.kind },
  { name: 'eselon', type: 'text', value: (r) => r.eselon ?? null },
  { name: 'is_head', type: 'boolean', value: (r) => r.isHead },
  { name: 'superior_id', type: 'uuid', value: (r) => r.superiorId ?? null },
  { name: 'external_id', type: 'text', value: (r) => r.externalId ?? null },
];

const EMPLOYEE_COLUMNS: Column<EmployeeUpdate>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'kind', type: 'text', value: (r) => r.kind },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'title_prefix', type: 'text', value: (r) => r.titlePrefix ?? null },
  { name: 'title_suffix', type: 'text', value: (r) => r.titleSuffix ?? null },
  { name: 'gender', type: 'text', value: (r) => r.gender },
  { name: 'birth_date', type: 'date', value: (r) => r.birthDate },
  { name: 'birth_place', type: 'text', value: (r) => r.birthPlace ?? null },
  { name: 'nik', type: 'text', value: (r) => r.nik ?? null },
  { name: 'address', type: 'text', value: (r) => r.address ?? null },
  { name: 'phone', type: 'text', value: (r) => r.phone ?? null },
  { name: 'email', type: 'text', value: (r) => r.email ?? null },
  { name: 'rank', type: 'text', value: (r) => r.rank },
  { name: 'rank_tmt', type: 'date', value: (r) => r.rankTmt ?? null },
  { name: 'status', type: 'text', value: (r) => r.status },
  { name: 'education_level', type: 'text', value: (r) => r.educationLevel },
  { name: 'education_major', type: 'text', value: (r) => r.educationMajor ?? null },
  { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
  { name: 'unit_id', type: 'uuid', value: (r) => r.unitId ?? null },
  { name: 'tmt_cpns', type: 'date', value: (r) => r.tmtCpns ?? null },
];

/** Data access of the import: one snapshot read and bulk writes, all inside the caller's transaction. */
export const importRepo = {
  /** Waits for any other import to finish (held until the transaction ends). */
  async lock(db: Db): Promise<void> {
    await db.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
  },

  /** Every agency record's code and names, current and former, which SIASN's OPD names are matched against. */
  async agencyNames(db: Db): Promise<{ code: string; name: string; shortName: string }[]> {
    return db.select({ code: agencies.code, name: agencies.name, shortName: agencies.shortName }).from(agencies);
  },

  /** The agencies, the whole structure, the employees with the given NIPs, every open assignment and the delegations from `today` on. */
  async snapshot(db: Db, nips: string[], today: string): Promise<Snapshot> {
    // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
    const agencyRows = await db.select({ id: agencies.id, code: agencies.code, name: agencies.name, shortName: agencies.shortName, validTo: agencies.validTo })
      .from(agencies);
    const unitRows = await db.select({
      id: units.id, agencyId: units.agencyId, parentId: units.parentId, externalId: units.externalId, name: units.name,
      shortName: units.shortName, kind: units.kind, sortOrder: units.sortOrder, validTo: units.validTo,
    }).from(units);
    const positionRows = await db.select({
      id: positions.id, unitId: positions.unitId, externalId: positions.externalId, title: positions.title, kind: positions.kind,
      eselon: positions.eselon, isHead: positions.isHead, superiorId: positions.superiorId, sortOrder: positions.sortOrder, validTo: positions.validTo,
    }).from(positions);
    const openRows = await db.select({
      id: assignments.id, employeeId: assignments.employeeId, positionId: assignments.positionId, startDate: assignments.startDate,
      skNumber: assignments.skNumber, holderNip: employees.nip, holderName: employees.name,
    }).from(assignments).innerJoin(employees, eq(employees.id, assignments.employeeId)).where(isNull(assignments.endDate));
    const delegationRows: SnapDelegation[] = await db.select(DELEGATION_FIELDS).from(delegations)
      .innerJoin(employees, eq(employees.id, delegations.employeeId)).where(or(isNull(delegations.endDate), gt(delegations.endDate, today)));
    const employeeRows: Snapshot['employees'] = [];
    for (const chunk of chunks(nips)) {
      const found = await db.select({
        id: employees.id, nip: employees.nip, kind: employees.kind, name: employees.name, titlePrefix: employees.titlePrefix,
        titleSuffix: employees.titleSuffix, gender: employees.gender, birthDate: employees.birthDate, birthPlace: employees.birthPlace,
        nik: employees.nik, address: employees.address, phone: employees.phone, email: employees.email, rank: employees.rank,
        rankTmt: employees.rankTmt, status: employees.status, educationLevel: employees.educationLevel, educationMajor: employees.educationMajor,
        agencyId: employees.agencyId, unitId: employees.unitId, tmtCpns: employees.tmtCpns, userId: employees.userId,
      }).from(employees).where(inArray(employees.nip, chunk));
      employeeRows.push(...found);
    }
    return {
      today,
      agencies: agencyRows.map(({ validTo, ...a }) => ({ ...a, current: isCurrent(validTo, today) })),
      units: unitRows.map(({ validTo, ...u }) => ({ ...u, current: isCurrent(validTo, today) })),
      positions: positionRows.map(({ validTo, ...p }) => ({ ...p, current: isCurrent(validTo, today) })),
      employees: employeeRows,
      openAssignments: openRows,
      currentDelegations: delegationRows,
    };
  },

  /** Inserts units; the caller orders parents before children. */
  async insertUnits(db: Db, rows: NewUnit[]): Promise<void> {
    for (const chunk of chunks(rows)) await db.insert(units).values(chunk);
  },

  /** Updates units one by one: a structure has hundreds of units, and updates touch few of them. */
  async updateUnits(db: Db, rows: (Partial<NewUnit> & { id: string })[]): Promise<void> {
    for (const { id, ...set } of rows) await db.update(units).set(set).where(eq(units.id, id));
  },

  /** Clears the head flag first, so a new head of the same unit never meets the old one in the unique index. */
  async demotePositions(db: Db, ids: string[]): Promise<void> {
    for (const chunk of chunks(ids)) await db.update(positions).set({ isHead: false }).where(inArray(positions.id, chunk));
  },

  /** Inserts positions in one COPY (superiors among them are checked at its end). */
  async insertPositions(bound: Database, rows: NewPosition[]): Promise<void> {
    await copyRecords(bound, positions, ['id', 'unitId', 'title', 'kind', 'eselon', 'isHead', 'superiorId', 'sortOrder', 'externalId', 'validFrom'], rows);
  },

  async updatePositions(db: Db, rows: PositionUpdate[]): Promise<void> {
    await updateMany(db, 'positions', POSITION_COLUMNS, rows);
  },

  async insertEmployees(bound: Database, rows: NewEmployee[]): Promise<void> {
    await copyRecords(bound, employees, [
      'id', 'nip', 'kind', 'name', 'titlePrefix', 'titleSuffix', 'gender', 'birthDate', 'birthPlace', 'nik', 'address', 'phone',
      'email', 'rank', 'rankTmt', 'status', 'educationLevel', 'educationMajor', 'agencyId', 'unitId', 'tmtCpns',
    ], rows);
  },

  async updateEmployees(db: Db, rows: EmployeeUpdate[]): Promise<void> {
    await updateMany(db, 'employees', EMPLOYEE_COLUMNS, rows, 'updated_at = now()');
  },

  /** Adds the rank history of new employees. */
  async insertRanks(bound: Database, rows: { employeeId: string; rank: string; tmt: string }[]): Promise<void> {
    await copyRecords(bound, rankHistory, ['employeeId', 'rank', 'tmt'], rows);
  },

  /** Adds rank history of stored employees; a rank already recorded for that TMT is kept. */
  async addRanks(db: Db, rows: { employeeId: string; rank: string; tmt: string }[]): Promise<void> {
    for (const chunk of chunks(rows)) await db.insert(rankHistory).values(chunk).onConflictDoNothing();
  },

  /** Ends open assignments (end date exclusive). */
  async closeAssignments(db: Db, rows: { id: string; endDate: string }[]): Promise<void> {
    await updateMany(db, 'assignments', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'end_date', type: 'date', value: (r) => r.endDate },
    ], rows);
  },

  /** Corrects the TMT or SK number of open assignments. */
  async correctAssignments(db: Db, rows: { id: string; startDate: string; skNumber: string | null }[]): Promise<void> {
    await updateMany(db, 'assignments', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'start_date', type: 'date', value: (r) => r.startDate },
      { name: 'sk_number', type: 'text', value: (r) => r.skNumber },
    ], rows);
  },

  /** Units where active employees (or employees on leave) are placed; a unit with staff is not closed by an import. */
  async staffedUnits(db: Db): Promise<Set<string>> {
    const rows = await db.selectDistinct({ unitId: employees.unitId }).from(employees)
      .where(and(isNotNull(employees.unitId), inArray(employees.status, ['active', 'leave'])));
    return new Set(rows.map((r) => r.unitId!));
  },

  /** Closes units as of `validTo` (the first day they no longer exist). */
  async closeUnits(db: Db, ids: string[], validTo: string): Promise<void> {
    for (const chunk of chunks(ids)) await db.update(units).set({ validTo }).where(inArray(units.id, chunk));
  },

  /** Closes positions as of `validTo`; their head flag stops counting in the one-head index. */
  async closePositions(db: Db, ids: string[], validTo: string): Promise<void> {
    for (const chunk of chunks(ids)) await db.update(positions).set({ validTo }).where(inArray(positions.id, chunk));
  },

  async openAssignments(bound: Database, rows: NewAssignment[]): Promise<void> {
    await copyRecords(bound, assignments, ['id', 'employeeId', 'positionId', 'startDate', 'skNumber', 'createdBy'], rows);
  },

  /**
   * Locks positions until the transaction ends, as the delegation form locks the one it delegates,
   * so a delegation made by hand meanwhile cannot slip past the import's overlap check.
   */
  async lockPositions(db: Db, ids: string[]): Promise<void> {
    for (const chunk of chunks([...ids].sort())) await db.select({ id: positions.id }).from(positions).where(inArray(positions.id, chunk)).for('update');
  },

  /** Every delegation and definitive assignment, past, present and future, of the given positions. */
  async holdingsOf(db: Db, positionIds: string[]): Promise<Holdings> {
    const out: Holdings = { delegations: [], assignments: [] };
    for (const chunk of chunks(positionIds)) {
      out.delegations.push(...await db.select(DELEGATION_FIELDS).from(delegations)
        .innerJoin(employees, eq(employees.id, delegations.employeeId)).where(inArray(delegations.positionId, chunk)));
      out.assignments.push(...await db.select({
        employeeId: assignments.employeeId, positionId: assignments.positionId, startDate: assignments.startDate, endDate: assignments.endDate,
      }).from(assignments).where(inArray(assignments.positionId, chunk)));
    }
    return out;
  },

  async insertDelegations(db: Db, rows: NewDelegation[]): Promise<void> {
    for (const chunk of chunks(rows)) await db.insert(delegations).values(chunk);
  },

  /** Corrects the SK and reason of stored delegations, or ends them earlier. */
  async updateDelegations(db: Db, rows: { id: string; skNumber: string; skDate: string | null; endDate: string | null; reason: string }[]): Promise<void> {
    await updateMany(db, 'delegations', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'sk_number', type: 'text', value: (r) => r.skNumber },
      { name: 'sk_date', type: 'date', value: (r) => r.skDate },
      { name: 'end_date', type: 'date', value: (r) => r.endDate },
      { name: 'reason', type: 'text', value: (r) => r.reason },
    ], rows);
  },
};
