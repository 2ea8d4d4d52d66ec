import type { Problems } from './import.cells.js';
import type { ClosePlan } from './import.close.js';
import { noCounts } from './import.context.js';
import type { DelegationPlan } from './import.delegations.js';
import type { PeoplePlan } from './import.people.js';
import type { ImportRequest } from './import.read.js';
import type { ImportReport, RowError } from './import.schema.js';
import type { StructurePlan } from './import.structure.js';

/** Most errors and warnings a report lists; the counts say how many there were in all. */
const REPORT_LIMIT = 1000;

/** What an import plans to write, part by part. */
export interface Plans {
  structure: StructurePlan;
  people: PeoplePlan;
  delegations: DelegationPlan;
  /** Null unless closeMissing was asked for. */
  closing: ClosePlan | null;
}

/** JSON paths sort unor before pegawai; within a list (or a file) by row. */
function byRow(a: RowError, b: RowError): number {
  const list = (e: RowError) => (e.field.startsWith('pegawai[') ? 1 : 0);
  return list(a) - list(b) || a.row - b.row;
}

/** The report of an import: what it writes (or would write), and every problem by row and column. */
export function importReport(request: ImportRequest, count: number, problems: Problems, plans: Plans | null, committed: boolean): ImportReport {
  const units = plans?.structure.units.counts ?? noCounts();
  const positions = plans?.structure.positions.counts ?? noCounts();
  const employees = plans?.people.counts ?? noCounts();
  const delegations = plans?.delegations.counts ?? noCounts();
  const sum = (k: 'created' | 'updated' | 'unchanged') => units[k] + positions[k] + employees[k] + delegations[k];
  const totals = { created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged') };
  const summary = `${totals.created} baru, ${totals.updated} berubah, ${totals.unchanged} tetap`;
  const errorCount = problems.errors.length;
  const message = errorCount > 0 && request.dryRun
    ? `Pemeriksaan menemukan ${errorCount} kesalahan. Perbaiki baris yang disebut lalu periksa ulang; belum ada yang disimpan.`
    : errorCount > 0
    ? `Impor dibatalkan: ${errorCount} kesalahan ditemukan, tidak ada data yang disimpan. Perbaiki baris yang disebut lalu unggah ulang.`
    : committed ? `Impor selesai: ${summary}.` : `Pemeriksaan selesai tanpa kesalahan: ${summary}. Belum ada yang disimpan.`;
  const assignments = plans?.people.assignments;
  const closing = plans?.closing;
  return {
    kind: request.kind, dryRun: request.dryRun, committed, message, rows: count, ...totals, units, positions, employees, delegations,
    assignments: { opened: assignments?.open.length ?? 0, closed: assignments?.close.length ?? 0, corrected: assignments?.correct.length ?? 0 },
    ...(closing ? { closed: { units: closing.units.length, positions: closing.positions.length, records: closing.records.slice(0, REPORT_LIMIT) } } : {}),
    errorCount, errors: [...problems.errors].sort(byRow).slice(0, REPORT_LIMIT),
    warningCount: problems.warnings.length, warnings: [...problems.warnings].sort(byRow).slice(0, REPORT_LIMIT),
  };
}
