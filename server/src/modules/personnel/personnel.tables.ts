import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

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
