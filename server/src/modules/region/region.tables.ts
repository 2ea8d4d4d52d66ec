import { index, pgTable, text } from 'drizzle-orm/pg-core';

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
