import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** The regency or city the platform serves (one row per configured code). */
export const regencies = pgTable('regencies', {
  code: text('code').primaryKey(),
  provinceCode: text('province_code').notNull(),
  name: text('name').notNull(),
});

/** Kecamatan, with Kemendagri codes (`33.28.10`). */
export const districts = pgTable(
  'districts',
  {
    code: text('code').primaryKey(),
    regencyCode: text('regency_code').notNull().references(() => regencies.code),
    name: text('name').notNull(),
  },
  (t) => [index('districts_regency_idx').on(t.regencyCode)],
);

/** Desa and kelurahan (`33.28.10.2001`; the first digit after the district is 1 for kelurahan, 2 for desa). */
export const villages = pgTable(
  'villages',
  {
    code: text('code').primaryKey(),
    districtCode: text('district_code').notNull().references(() => districts.code),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['desa', 'kelurahan'] }).notNull(),
  },
  (t) => [index('villages_district_idx').on(t.districtCode)],
);

/**
 * Boundary polygons uploaded by an administrator, one row per kecamatan (`district`) or
 * desa/kelurahan (`village`), keyed by its Kemendagri code. `geometry` is the GeoJSON Polygon or
 * MultiPolygon as uploaded (checked); the bounding box columns let a lookup skip most polygons.
 */
export const regionBoundaries = pgTable(
  'region_boundaries',
  {
    level: text('level', { enum: ['district', 'village'] }).notNull(),
    code: text('code').notNull(),
    geometry: jsonb('geometry').notNull(),
    minLon: doublePrecision('min_lon').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLon: doublePrecision('max_lon').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.code] })],
);

/** The tile-grid layout of the regency's kecamatan: one cell per district, no two in one cell. */
export const regionGridCells = pgTable(
  'region_grid_cells',
  {
    districtCode: text('district_code').primaryKey().references(() => districts.code),
    regencyCode: text('regency_code').notNull().references(() => regencies.code),
    row: integer('row').notNull(),
    col: integer('col').notNull(),
  },
  (t) => [uniqueIndex('region_grid_cells_cell_idx').on(t.regencyCode, t.row, t.col)],
);
