import type { Db } from '../../../platform/db/index.js';
import { timeSlicer } from '../../../platform/streams.js';
import type { Problems, SourceRow } from './import.cells.js';
import { ImportFileError, readJson, readTable } from './import.parse.js';
import { importRepo } from './import.repo.js';
import {
  readDelegation, readEmployee, readPosition, readUnit, tableRows,
  type DelegationInput, type EmployeeInput, type PositionInput, type UnitInput,
} from './import.rows.js';
import type { ImportKind, TableKind } from './import.schema.js';
import { mapSiasn } from './import.siasn.js';

// File → typed rows: a CSV/XLSX of one kind through its column readers, or a SIASN export mapped to
// the same rows first. Field problems go to `problems`; a file that cannot be read throws a 4xx.

/** One import request: the file's bytes and what they are meant to be. */
export interface ImportRequest {
  kind: ImportKind;
  dryRun: boolean;
  /** The file is the complete structure of its agencies: coded units and positions it leaves out are closed (import.close.ts). */
  closeMissing?: boolean;
  bytes: Uint8Array;
  fileName?: string | null;
}

/** The typed rows of a file. */
export interface Inputs {
  units: UnitInput[];
  positions: PositionInput[];
  employees: EmployeeInput[];
  delegations: DelegationInput[];
  /** Data rows read (SIASN: unor plus pegawai entries). */
  count: number;
}

type Reader = (src: SourceRow, problems: Problems, today: string) => unknown;

/** Each table kind's row reader, where its rows go, and the column whose code later rows may refer to. */
const READERS: Record<TableKind, { read: Reader; list: keyof Omit<Inputs, 'count'>; codeColumn: string | null }> = {
  units: { read: readUnit, list: 'units', codeColumn: 'kode_unit' },
  positions: { read: readPosition, list: 'positions', codeColumn: 'kode_jabatan' },
  employees: { read: readEmployee, list: 'employees', codeColumn: 'nip' },
  // Nothing refers to a delegation row.
  delegations: { read: readDelegation, list: 'delegations', codeColumn: null },
};

/** Adds a read row to its list; a row that failed is remembered by its code, so rows pointing at it report nothing more. */
function keep<T>(list: T[], value: T | null, src: SourceRow, codeColumn: string | null, problems: Problems): void {
  if (value) list.push(value);
  else if (codeColumn && typeof src.get(codeColumn) === 'string') problems.failedCodes.add(String(src.get(codeColumn)).trim());
}

/** Reads the file into typed rows, judging dates against `today` (the date the import began). */
export async function readInputs(db: Db, request: ImportRequest, problems: Problems, today: string): Promise<Inputs> {
  if (request.kind === 'siasn') return readSiasn(db, request.bytes, problems, today);
  const inputs: Inputs = { units: [], positions: [], employees: [], delegations: [], count: 0 };
  const table = await readTable(request.bytes);
  const rows = tableRows(table, request.kind, problems);
  if (table.rows.length === 0) throw new ImportFileError('file_empty', 'Berkas hanya berisi baris judul, tanpa baris data.');
  const { read, list, codeColumn } = READERS[request.kind];
  const pause = timeSlicer();
  for (const src of rows) {
    keep(inputs[list] as unknown[], read(src, problems, today), src, codeColumn, problems);
    await pause(); // 50,000 rows of checks: let other requests in between
  }
  inputs.count = table.rows.length;
  return inputs;
}

/** A SIASN export: units, positions and employees mapped to rows, then read like the files. */
async function readSiasn(db: Db, bytes: Uint8Array, problems: Problems, today: string): Promise<Inputs> {
  const inputs: Inputs = { units: [], positions: [], employees: [], delegations: [], count: 0 };
  const json = await readJson(bytes);
  const mapped = mapSiasn(json, await importRepo.agencyNames(db), problems);
  for (const u of mapped.units) {
    const unit = readUnit(u.src, problems, today);
    if (unit && u.agencyTop) Object.assign(unit, { agencyTop: true, kind: 'opd' });
    keep(inputs.units, unit, u.src, 'kode_unit', problems);
  }
  const pause = timeSlicer();
  for (const src of mapped.positions) keep(inputs.positions, readPosition(src, problems, today), src, 'kode_jabatan', problems);
  for (const src of mapped.employees) {
    keep(inputs.employees, readEmployee(src, problems, today), src, 'nip', problems);
    await pause(); // up to 50,000 entries of checks: let other requests in between
  }
  inputs.count = mapped.count;
  return inputs;
}
