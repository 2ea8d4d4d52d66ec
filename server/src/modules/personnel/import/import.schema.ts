import { Type, type Static } from 'typebox';

/** What a file holds: one of the four SIMPEG tables as CSV/XLSX, or a SIASN export (JSON). */
export const IMPORT_KINDS = ['units', 'positions', 'employees', 'delegations', 'siasn'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The kinds that have a spreadsheet template (SIASN files come from BKN, not from a template). */
export const TABLE_KINDS = ['units', 'positions', 'employees', 'delegations'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** One problem with one field of one row: which row, which field, the value sent, and why. */
export const RowError = Type.Object({
  /** Spreadsheet row (header = 1); for SIASN JSON the 1-based position in its list. */
  row: Type.Integer({ minimum: 0 }),
  /** Column name (`tanggal_lahir`), or the JSON path for SIASN (`pegawai[12].tglLahir`); `berkas` for the whole file. */
  field: Type.String(),
  value: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
});
export type RowError = Static<typeof RowError>;

/** Created / updated / unchanged records of one table. */
export const ImportCounts = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type ImportCounts = Static<typeof ImportCounts>;

/**
 * The answer to an import or a dry run. Counts say what the import does (dry run: would do);
 * with any error nothing is written. Lists are cut at 1,000 entries; `errorCount` and
 * `warningCount` give the full numbers.
 */
export const ImportReport = Type.Object({
  kind: Type.Enum(IMPORT_KINDS),
  dryRun: Type.Boolean(),
  /** True when the changes were written. */
  committed: Type.Boolean(),
  /** Summary for people, in Bahasa Indonesia. */
  message: Type.String(),
  /** Data rows read (SIASN: unor plus pegawai entries). */
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  units: ImportCounts,
  positions: ImportCounts,
  employees: ImportCounts,
  /** Plt/Plh/Pj/Pjs delegations (a delegations file): new, corrected or shortened, and as stored. */
  delegations: ImportCounts,
  /** Definitive assignments started and ended (a changed position ends the previous one). */
  assignments: Type.Object({ opened: Type.Integer(), closed: Type.Integer(), corrected: Type.Integer() }),
  /** With closeMissing: the coded units and positions the file leaves out, closed today (dry run: would be). */
  closed: Type.Optional(Type.Object({
    units: Type.Integer(),
    positions: Type.Integer(),
    records: Type.Array(Type.Object({ table: Type.Union([Type.Literal('units'), Type.Literal('positions')]), code: Type.String(), name: Type.String() })),
  })),
  errorCount: Type.Integer(),
  errors: Type.Array(RowError),
  /** Mismatches that do not block the import (e.g. TMT CPNS against the NIP). */
  warningCount: Type.Integer(),
  warnings: Type.Array(RowError),
});
export type ImportReport = Static<typeof ImportReport>;

/**
 * The multipart form, as the route hands it to validation: the file part is replaced by its name
 * (the bytes travel beside the body), so the schema documents a binary field without buffering twice.
 */
export const ImportForm = Type.Object(
  {
    kind: Type.Enum(IMPORT_KINDS, { description: 'units, positions, employees, delegations (CSV/XLSX) atau siasn (JSON)' }),
    dryRun: Type.Optional(Type.Boolean({ default: false, description: 'true: hanya periksa, tidak menyimpan' })),
    closeMissing: Type.Optional(Type.Boolean({
      default: false,
      description: 'true: berkas struktur (units, positions, siasn) adalah struktur lengkap perangkat daerahnya; unit dan jabatan berkode yang tidak tercantum ditutup',
    })),
    file: Type.String({ format: 'binary', maxLength: 255, description: 'Berkas CSV (UTF-8), XLSX, atau JSON SIASN' }),
  },
  { additionalProperties: false },
);
export type ImportForm = Static<typeof ImportForm>;

/** The 422 answer: the error body every 4xx has, with the report in `details`. */
export const ImportRejected = Type.Object({
  code: Type.Literal('import_rejected'),
  message: Type.String(),
  details: Type.Object({ report: ImportReport }),
  requestId: Type.String(),
});

export const TemplateParams = Type.Object({ kind: Type.Enum(TABLE_KINDS) }, { additionalProperties: false });
export type TemplateParams = Static<typeof TemplateParams>;
