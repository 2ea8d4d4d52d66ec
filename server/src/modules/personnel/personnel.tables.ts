import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

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
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [index('units_agency_idx').on(t.agencyId), index('units_parent_idx').on(t.parentId)],
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
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('positions_unit_idx').on(t.unitId),
    index('positions_superior_idx').on(t.superiorId),
    // A closed head post stays as history; only one current head per unit.
    uniqueIndex('positions_current_head_idx').on(t.unitId).where(sql`${t.isHead} AND ${t.validTo} IS NULL`),
    check('positions_eselon_check', sql`${t.eselon} IS NULL OR ${t.eselon} IN ('II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b')`),
  ],
);
