import { and, asc, eq, gt, ilike, isNull, lte, or, sql } from 'drizzle-orm';
import { containsPattern, type Db } from '../../platform/db/index.js';
import { agencies } from './personnel.tables.js';

export type AgencyRow = typeof agencies.$inferSelect;
export type NewAgency = typeof agencies.$inferInsert;


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
};
