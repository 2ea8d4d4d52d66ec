import { and, asc, desc, eq, gt, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { containsPattern, type Db } from '../../platform/db/index.js';
import {
  agencies, assignments, delegations, educationHistory, employees, leaveHistory, positions, rankHistory, trainingHistory, units,
} from './personnel.tables.js';

export type AgencyRow = typeof agencies.$inferSelect;
export type NewAgency = typeof agencies.$inferInsert;
export type UnitRow = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;
export type PositionRow = typeof positions.$inferSelect;
export type NewPosition = typeof positions.$inferInsert;
export type EmployeeRow = typeof employees.$inferSelect;
export type NewEmployee = typeof employees.$inferInsert;
export type AssignmentRow = typeof assignments.$inferSelect;
export type DelegationRow = typeof delegations.$inferSelect;

/** Rows valid on `at` of a table with start/end (end exclusive). */
const inForce = (start: typeof assignments.startDate, end: typeof assignments.endDate, at: string) =>
  and(lte(start, at), or(isNull(end), gt(end, at)));

/** Rows per INSERT statement: well under PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 500;

/** Data access for the personnel module's tables. */
export const personnelRepo = {
  /** Agencies valid on `at` (ISO date), filtered, in their official order. */
  listAgencies(db: Db, filter: { at: string; kind?: string | undefined; q?: string | undefined }) {
    const conditions = [
      lte(agencies.validFrom, filter.at),
      or(isNull(agencies.validTo), gt(agencies.validTo, filter.at)),
    ];
    if (filter.kind) conditions.push(eq(agencies.kind, filter.kind as AgencyRow['kind']));
    if (filter.q) conditions.push(or(ilike(agencies.name, containsPattern(filter.q)), ilike(agencies.shortName, containsPattern(filter.q))));
    return db.select().from(agencies).where(and(...conditions)).orderBy(asc(agencies.sortOrder), asc(agencies.name));
  },

  async findAgency(db: Db, id: string): Promise<AgencyRow | null> {
    const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
    return row ?? null;
  },

  async findCurrentByCode(db: Db, code: string): Promise<AgencyRow | null> {
    const [row] = await db.select().from(agencies).where(and(eq(agencies.code, code), isNull(agencies.validTo)));
    return row ?? null;
  },

  async insertAgency(db: Db, row: NewAgency): Promise<AgencyRow> {
    const [inserted] = await db.insert(agencies).values(row).returning();
    return inserted!;
  },

  async updateAgency(db: Db, id: string, set: Partial<NewAgency>): Promise<void> {
    await db.update(agencies).set(set).where(eq(agencies.id, id));
  },

  async countCurrent(db: Db): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(agencies).where(isNull(agencies.validTo));
    return row?.n ?? 0;
  },
  /** Current agencies (no end date), for generating their structure. */
  listCurrentAgencies(db: Db): Promise<AgencyRow[]> {
    return db.select().from(agencies).where(isNull(agencies.validTo)).orderBy(asc(agencies.sortOrder));
  },

  /** Ids among `agencyIds` that already have at least one unit. */
  async agenciesWithUnits(db: Db, agencyIds: string[]): Promise<Set<string>> {
    if (agencyIds.length === 0) return new Set();
    const rows = await db.selectDistinct({ agencyId: units.agencyId }).from(units).where(inArray(units.agencyId, agencyIds));
    return new Set(rows.map((r) => r.agencyId));
  },

  /** Units of an agency valid on `at`, parents not necessarily first. */
  listUnitsOf(db: Db, agencyId: string, at: string): Promise<UnitRow[]> {
    return db.select().from(units)
      .where(and(eq(units.agencyId, agencyId), lte(units.validFrom, at), or(isNull(units.validTo), gt(units.validTo, at))))
      .orderBy(asc(units.sortOrder), asc(units.name));
  },

  /** Head positions valid on `at` of the given units. */
  async listHeadsOf(db: Db, unitIds: string[], at: string): Promise<PositionRow[]> {
    if (unitIds.length === 0) return [];
    return db.select().from(positions).where(and(
      inArray(positions.unitId, unitIds), eq(positions.isHead, true),
      lte(positions.validFrom, at), or(isNull(positions.validTo), gt(positions.validTo, at)),
    ));
  },

  async findPosition(db: Db, id: string): Promise<PositionRow | null> {
    const [row] = await db.select().from(positions).where(eq(positions.id, id));
    return row ?? null;
  },

  async findUnit(db: Db, id: string): Promise<UnitRow | null> {
    const [row] = await db.select().from(units).where(eq(units.id, id));
    return row ?? null;
  },

  /** Inserts units in chunks; rows may reference each other (checked at the end of each statement). */
  async insertUnits(db: Db, rows: NewUnit[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insert(units).values(rows.slice(i, i + INSERT_CHUNK));
  },

  /** Inserts a few units and returns them. */
  insertUnitsReturning(db: Db, rows: NewUnit[]): Promise<UnitRow[]> {
    return db.insert(units).values(rows).returning();
  },

  /** Inserts a few positions and returns them. */
  insertPositionsReturning(db: Db, rows: NewPosition[]): Promise<PositionRow[]> {
    return db.insert(positions).values(rows).returning();
  },

  /** Inserts positions in chunks; a superior must be in the same or an earlier chunk. */
  async insertPositions(db: Db, rows: NewPosition[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insert(positions).values(rows.slice(i, i + INSERT_CHUNK));
  },

  // ── employees ──

  /** Every employee with agency, unit and the definitive position in force on `at`, ordered by name: the directory's source. */
  listDirectory(db: Db, at: string) {
    return db.select({
      employee: employees,
      agencyShortName: agencies.shortName,
      unitName: units.name,
      positionId: positions.id,
      positionTitle: positions.title,
      positionKind: positions.kind,
    })
      .from(employees)
      .innerJoin(agencies, eq(agencies.id, employees.agencyId))
      .leftJoin(units, eq(units.id, employees.unitId))
      .leftJoin(assignments, and(eq(assignments.employeeId, employees.id), inForce(assignments.startDate, assignments.endDate, at)))
      .leftJoin(positions, eq(positions.id, assignments.positionId))
      .orderBy(asc(employees.name), asc(employees.id));
  },

  /** Whether any employee is recorded yet. */
  async hasEmployees(db: Db): Promise<boolean> {
    const [row] = await db.select({ id: employees.id }).from(employees).limit(1);
    return row !== undefined;
  },

  async findEmployee(db: Db, id: string): Promise<EmployeeRow | null> {
    const [row] = await db.select().from(employees).where(eq(employees.id, id));
    return row ?? null;
  },

  async findEmployeeByUser(db: Db, userId: string): Promise<EmployeeRow | null> {
    const [row] = await db.select().from(employees).where(eq(employees.userId, userId));
    return row ?? null;
  },

  /** The employee records linked to these sign-in accounts (at most one each). */
  async findEmployeesByUsers(db: Db, userIds: string[]): Promise<EmployeeRow[]> {
    if (userIds.length === 0) return [];
    return db.select().from(employees).where(inArray(employees.userId, userIds));
  },

  async findEmployeeByNip(db: Db, nip: string): Promise<EmployeeRow | null> {
    const [row] = await db.select().from(employees).where(eq(employees.nip, nip));
    return row ?? null;
  },

  async insertEmployee(db: Db, row: NewEmployee): Promise<EmployeeRow> {
    const [inserted] = await db.insert(employees).values(row).returning();
    return inserted!;
  },

  /** Links an account to an employee who has none yet; null when the employee is missing or already linked. */
  async linkUser(db: Db, id: string, userId: string): Promise<EmployeeRow | null> {
    const [row] = await db.update(employees).set({ userId, updatedAt: new Date() })
      .where(and(eq(employees.id, id), isNull(employees.userId))).returning();
    return row ?? null;
  },

  /** Unlinks the account from the employee record it is linked to; null when it was linked to none. */
  async unlinkUser(db: Db, userId: string): Promise<EmployeeRow | null> {
    const [row] = await db.update(employees).set({ userId: null, updatedAt: new Date() }).where(eq(employees.userId, userId)).returning();
    return row ?? null;
  },

  async updateEmployee(db: Db, id: string, set: Partial<NewEmployee>): Promise<EmployeeRow> {
    const [updated] = await db.update(employees).set({ ...set, updatedAt: new Date() }).where(eq(employees.id, id)).returning();
    return updated!;
  },

  /**
   * A position with its unit (whose agency decides the scope); with `lock`, the position row is locked
   * for the rest of the transaction, so holder checks and writes on it are serialised.
   */
  async findPositionWithUnit(db: Db, id: string, lock = false): Promise<{ position: PositionRow; unit: UnitRow } | null> {
    const query = db.select({ position: positions, unit: units }).from(positions)
      .innerJoin(units, eq(units.id, positions.unitId)).where(eq(positions.id, id));
    const [row] = lock ? await query.for('update', { of: positions }) : await query;
    return row ?? null;
  },

  /** Assignments of a position that are in force on `at` or later (end null or after `at`). */
  listAssignmentsFrom(db: Db, positionId: string, at: string): Promise<AssignmentRow[]> {
    return db.select().from(assignments)
      .where(and(eq(assignments.positionId, positionId), or(isNull(assignments.endDate), gt(assignments.endDate, at))));
  },

  async findOpenAssignmentOf(db: Db, employeeId: string): Promise<AssignmentRow | null> {
    const [row] = await db.select().from(assignments).where(and(eq(assignments.employeeId, employeeId), isNull(assignments.endDate)));
    return row ?? null;
  },

  async findAssignment(db: Db, id: string): Promise<AssignmentRow | null> {
    const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
    return row ?? null;
  },

  async insertAssignment(db: Db, row: typeof assignments.$inferInsert): Promise<AssignmentRow> {
    const [inserted] = await db.insert(assignments).values(row).returning();
    return inserted!;
  },

  async endAssignment(db: Db, id: string, endDate: string): Promise<AssignmentRow> {
    const [row] = await db.update(assignments).set({ endDate }).where(eq(assignments.id, id)).returning();
    return row!;
  },

  /** Delegations of a position that overlap [start, end) (end null = open). */
  listOverlappingDelegations(db: Db, positionId: string, start: string, end: string | null): Promise<DelegationRow[]> {
    return db.select().from(delegations).where(and(
      eq(delegations.positionId, positionId),
      or(isNull(delegations.endDate), gt(delegations.endDate, start)),
      end === null ? undefined : sql`${delegations.startDate} < ${end}`,
    ));
  },

  async findDelegation(db: Db, id: string): Promise<DelegationRow | null> {
    const [row] = await db.select().from(delegations).where(eq(delegations.id, id));
    return row ?? null;
  },

  async insertDelegation(db: Db, row: typeof delegations.$inferInsert): Promise<DelegationRow> {
    const [inserted] = await db.insert(delegations).values(row).returning();
    return inserted!;
  },

  async endDelegation(db: Db, id: string, endDate: string): Promise<DelegationRow> {
    const [row] = await db.update(delegations).set({ endDate }).where(eq(delegations.id, id)).returning();
    return row!;
  },

  /** Every assignment and delegation with the fields a holder answer shows: the holder cache's snapshot. */
  async loadHoldings(db: Db) {
    const [assignmentRows, delegationRows, people, positionRows] = await Promise.all([
      db.select({
        id: assignments.id, employeeId: assignments.employeeId, positionId: assignments.positionId,
        startDate: assignments.startDate, endDate: assignments.endDate, skNumber: assignments.skNumber,
      }).from(assignments),
      db.select({
        id: delegations.id, employeeId: delegations.employeeId, positionId: delegations.positionId, kind: delegations.kind,
        startDate: delegations.startDate, endDate: delegations.endDate, skNumber: delegations.skNumber,
      }).from(delegations),
      db.select({
        id: employees.id, nip: employees.nip, name: employees.name, titlePrefix: employees.titlePrefix,
        titleSuffix: employees.titleSuffix, rank: employees.rank,
      }).from(employees)
        .where(sql`${employees.id} IN (SELECT employee_id FROM assignments UNION SELECT employee_id FROM delegations)`),
      db.select({ id: positions.id }).from(positions),
    ]);
    return { assignmentRows, delegationRows, people, positionIds: positionRows.map((p) => p.id) };
  },

  /** Positions (with unit and agency names) by id, for holder and history answers. */
  async listPositionRefs(db: Db, ids: string[]) {
    if (ids.length === 0) return [];
    return db.select({
      id: positions.id, title: positions.title, kind: positions.kind, eselon: positions.eselon,
      unitId: units.id, unitName: units.name, agencyId: agencies.id, agencyShortName: agencies.shortName,
    })
      .from(positions)
      .innerJoin(units, eq(units.id, positions.unitId))
      .innerJoin(agencies, eq(agencies.id, units.agencyId))
      .where(inArray(positions.id, ids));
  },

  /** Positions of a unit valid on `at`, head first. */
  listPositionsOfUnit(db: Db, unitId: string, at: string): Promise<PositionRow[]> {
    return db.select().from(positions)
      .where(and(eq(positions.unitId, unitId), lte(positions.validFrom, at), or(isNull(positions.validTo), gt(positions.validTo, at))))
      .orderBy(desc(positions.isHead), asc(positions.sortOrder), asc(positions.title));
  },

  /** Histories of one employee, newest first. */
  async historyOf(db: Db, employeeId: string) {
    const [ranks, positionRows, delegationRows, education, training, leave] = await Promise.all([
      db.select().from(rankHistory).where(eq(rankHistory.employeeId, employeeId)).orderBy(desc(rankHistory.tmt)),
      db.select().from(assignments).where(eq(assignments.employeeId, employeeId)).orderBy(desc(assignments.startDate)),
      db.select().from(delegations).where(eq(delegations.employeeId, employeeId)).orderBy(desc(delegations.startDate)),
      db.select().from(educationHistory).where(eq(educationHistory.employeeId, employeeId)).orderBy(desc(educationHistory.graduationYear)),
      db.select().from(trainingHistory).where(eq(trainingHistory.employeeId, employeeId)).orderBy(desc(trainingHistory.startDate)),
      db.select().from(leaveHistory).where(eq(leaveHistory.employeeId, employeeId)).orderBy(desc(leaveHistory.startDate)),
    ]);
    return { ranks, positions: positionRows, delegations: delegationRows, education, training, leave };
  },

  /** Delegations in force on `at` or later for the given positions. */
  listDelegationsFrom(db: Db, positionIds: string[], at: string): Promise<DelegationRow[]> {
    if (positionIds.length === 0) return Promise.resolve([]);
    return db.select().from(delegations)
      .where(and(inArray(delegations.positionId, positionIds), or(isNull(delegations.endDate), gt(delegations.endDate, at))))
      .orderBy(asc(delegations.startDate));
  },

  async insertRank(db: Db, row: typeof rankHistory.$inferInsert): Promise<void> {
    await db.insert(rankHistory).values(row);
  },

  async findRankAt(db: Db, employeeId: string, tmt: string): Promise<boolean> {
    const [row] = await db.select({ id: rankHistory.id }).from(rankHistory).where(and(eq(rankHistory.employeeId, employeeId), eq(rankHistory.tmt, tmt)));
    return row !== undefined;
  },

  async insertEducation(db: Db, row: typeof educationHistory.$inferInsert): Promise<void> {
    await db.insert(educationHistory).values(row);
  },

  async insertTraining(db: Db, row: typeof trainingHistory.$inferInsert): Promise<void> {
    await db.insert(trainingHistory).values(row);
  },

  /** Leave of an employee overlapping [start, end] (both inclusive). */
  async findOverlappingLeave(db: Db, employeeId: string, start: string, end: string) {
    const [row] = await db.select().from(leaveHistory)
      .where(and(eq(leaveHistory.employeeId, employeeId), lte(leaveHistory.startDate, end), sql`${leaveHistory.endDate} >= ${start}`));
    return row ?? null;
  },

  async insertLeave(db: Db, row: typeof leaveHistory.$inferInsert): Promise<void> {
    await db.insert(leaveHistory).values(row);
  },

  async updateUnit(db: Db, id: string, set: Partial<NewUnit>): Promise<UnitRow> {
    const [row] = await db.update(units).set(set).where(eq(units.id, id)).returning();
    return row!;
  },

  async updatePosition(db: Db, id: string, set: Partial<NewPosition>): Promise<PositionRow> {
    const [row] = await db.update(positions).set(set).where(eq(positions.id, id)).returning();
    return row!;
  },

  /** Parent links of an agency's units, for cycle checks. */
  async unitParents(db: Db, agencyId: string): Promise<Map<string, string | null>> {
    const rows = await db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.agencyId, agencyId));
    return new Map(rows.map((r) => [r.id, r.parentId]));
  },

  /** Superior links of every position in an agency, for cycle checks. */
  async positionSuperiors(db: Db, agencyId: string): Promise<Map<string, string | null>> {
    const rows = await db.select({ id: positions.id, superiorId: positions.superiorId }).from(positions)
      .innerJoin(units, eq(units.id, positions.unitId)).where(eq(units.agencyId, agencyId));
    return new Map(rows.map((r) => [r.id, r.superiorId]));
  },

  /** Next sort order among the children of a unit (or the positions of a unit). */
  async nextUnitSortOrder(db: Db, parentId: string): Promise<number> {
    const [row] = await db.select({ n: sql<number>`coalesce(max(${units.sortOrder}), 0)::int + 1` }).from(units).where(eq(units.parentId, parentId));
    return row?.n ?? 1;
  },

  async nextPositionSortOrder(db: Db, unitId: string): Promise<number> {
    const [row] = await db.select({ n: sql<number>`coalesce(max(${positions.sortOrder}), 0)::int + 1` }).from(positions).where(eq(positions.unitId, unitId));
    return row?.n ?? 1;
  },
};

/** One row of the directory: the employee with agency, unit and current position names. */
export type DirectoryRow = Awaited<ReturnType<typeof personnelRepo.listDirectory>>[number];
