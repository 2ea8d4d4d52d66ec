import { asc, count, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.js';
import { districts, regencies, regionBoundaries, regionGridCells, villages } from './region.tables.js';

type RegencyRow = typeof regencies.$inferInsert;
type DistrictRow = typeof districts.$inferInsert;
type VillageRow = typeof villages.$inferInsert;
type BoundaryRow = typeof regionBoundaries.$inferInsert;
type GridCellRow = typeof regionGridCells.$inferInsert;

/** Data access for regions; every function takes the handle (a transaction or the pool). */
export const regionRepo = {
  /** Inserts or renames the regency and its districts and villages (names change by decree). */
  async upsertAll(db: Db, regency: RegencyRow, districtRows: DistrictRow[], villageRows: VillageRow[]): Promise<void> {
    await db.insert(regencies).values(regency).onConflictDoUpdate({ target: regencies.code, set: { name: regency.name } });
    if (districtRows.length > 0) {
      await db.insert(districts).values(districtRows)
        .onConflictDoUpdate({ target: districts.code, set: { name: sql`excluded.name` } });
    }
    for (let i = 0; i < villageRows.length; i += 500) {
      await db.insert(villages).values(villageRows.slice(i, i + 500))
        .onConflictDoUpdate({ target: villages.code, set: { name: sql`excluded.name`, kind: sql`excluded.kind` } });
    }
  },

  async findRegency(db: Db, code: string) {
    const [row] = await db.select().from(regencies).where(eq(regencies.code, code));
    return row ?? null;
  },

  async countFor(db: Db, regencyCode: string): Promise<{ districts: number; villages: number }> {
    const [row] = await db
      .select({
        districts: sql<number>`count(distinct ${districts.code})::int`,
        villages: sql<number>`count(${villages.code})::int`,
      })
      .from(districts)
      .leftJoin(villages, eq(villages.districtCode, districts.code))
      .where(eq(districts.regencyCode, regencyCode));
    return row ?? { districts: 0, villages: 0 };
  },

  async listDistricts(db: Db, regencyCode: string) {
    return db
      .select({ code: districts.code, name: districts.name, villageCount: sql<number>`count(${villages.code})::int` })
      .from(districts)
      .leftJoin(villages, eq(villages.districtCode, districts.code))
      .where(eq(districts.regencyCode, regencyCode))
      .groupBy(districts.code, districts.name)
      .orderBy(asc(districts.code));
  },

  async findDistrict(db: Db, code: string) {
    const [row] = await db.select().from(districts).where(eq(districts.code, code));
    return row ?? null;
  },

  async listVillages(db: Db, districtCode: string) {
    return db
      .select({ code: villages.code, name: villages.name, kind: villages.kind })
      .from(villages)
      .where(eq(villages.districtCode, districtCode))
      .orderBy(asc(villages.code));
  },

  async findVillage(db: Db, code: string) {
    const [row] = await db.select().from(villages).where(eq(villages.code, code));
    return row ?? null;
  },

  /** Every village of the regency (code, name), for checking uploaded village boundaries. */
  async listVillagesOfRegency(db: Db, regencyCode: string) {
    return db
      .select({ code: villages.code, name: villages.name })
      .from(villages)
      .where(like(villages.districtCode, `${regencyCode}.%`))
      .orderBy(asc(villages.code));
  },

  /** Every stored boundary of both levels, in code order. */
  async listBoundaries(db: Db) {
    return db.select().from(regionBoundaries).orderBy(asc(regionBoundaries.level), asc(regionBoundaries.code));
  },

  async countBoundaries(db: Db, level: 'district' | 'village'): Promise<number> {
    const [row] = await db.select({ n: count() }).from(regionBoundaries).where(eq(regionBoundaries.level, level));
    return row?.n ?? 0;
  },

  /** Replaces one level's boundaries with `rows` (call inside a transaction). */
  async replaceBoundaries(db: Db, level: 'district' | 'village', rows: BoundaryRow[]): Promise<void> {
    await db.delete(regionBoundaries).where(eq(regionBoundaries.level, level));
    // Batches keep each statement's parameters well under PostgreSQL's limit of 65,535.
    for (let i = 0; i < rows.length; i += 200) await db.insert(regionBoundaries).values(rows.slice(i, i + 200));
  },

  async listGridCells(db: Db, regencyCode: string) {
    return db
      .select({ code: regionGridCells.districtCode, row: regionGridCells.row, col: regionGridCells.col })
      .from(regionGridCells)
      .where(eq(regionGridCells.regencyCode, regencyCode));
  },

  /** Replaces the regency's grid layout with `cells` (call inside a transaction). */
  async replaceGrid(db: Db, regencyCode: string, cells: GridCellRow[]): Promise<void> {
    await db.delete(regionGridCells).where(eq(regionGridCells.regencyCode, regencyCode));
    if (cells.length > 0) await db.insert(regionGridCells).values(cells);
  },

  /** Locks the regency's grid rows for a read-then-write (seeding only when none is stored). */
  async lockGrid(db: Db, regencyCode: string): Promise<void> {
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`region_grid:${regencyCode}`}))`);
  },
};
