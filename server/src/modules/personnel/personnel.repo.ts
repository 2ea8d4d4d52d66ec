import { and, asc, eq, gt, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { containsPattern, type Db } from '../../platform/db/index.js';
import { agencies, positions, units } from './personnel.tables.js';

export type AgencyRow = typeof agencies.$inferSelect;
export type NewAgency = typeof agencies.$inferInsert;
export type UnitRow = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;
export type PositionRow = typeof positions.$inferSelect;
export type NewPosition = typeof positions.$inferInsert;

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

  /** Inserts positions in chunks; a superior must be in the same or an earlier chunk. */
  async insertPositions(db: Db, rows: NewPosition[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insert(positions).values(rows.slice(i, i + INSERT_CHUNK));
  },
};
