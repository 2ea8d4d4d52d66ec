import { createHash } from 'node:crypto';
import { appendAudit } from '../../../platform/audit/index.js';
import { copyTransaction, type Database, type Db } from '../../../platform/db/index.js';
import { AppError, ForbiddenError } from '../../../platform/errors.js';
import { can, type Actor } from '../../../platform/http/actor.js';
import type { Platform } from '../../../platform/index.js';
import { NO_PROGRESS, type Progress } from '../../../platform/progress.js';
import { timeSlicer } from '../../../platform/streams.js';
import { personnelRepo } from '../personnel.repo.js';
import { agencies } from '../personnel.tables.js';
import { Problems, type SourceRow } from './import.cells.js';
import { planClosing, type ClosePlan } from './import.close.js';
import { createContext, noCounts, type Scope } from './import.context.js';
import { ImportFileError, readJson, readTable } from './import.parse.js';
import { planPeople, type PeoplePlan } from './import.people.js';
import { importRepo } from './import.repo.js';
import { readEmployee, readPosition, readUnit, tableRows, type EmployeeInput, type PositionInput, type UnitInput } from './import.rows.js';
import type { ImportKind, ImportReport, RowError } from './import.schema.js';
import { mapSiasn } from './import.siasn.js';
import { planStructure, type StructurePlan } from './import.structure.js';

/** What the import needs from the rest of SIMPEG. */
export interface ImportDeps {
  /**
   * Called after a commit that changed anything (who holds which position, employees, structure),
   * so this instance's holder and directory caches refresh at once.
   */
  onChanged: () => void;
}

/** One import request: the file's bytes and what they are meant to be. */
export interface ImportRequest {
  kind: ImportKind;
  dryRun: boolean;
  /** The file is the complete structure of its agencies: coded units and positions it leaves out are closed (import.close.ts). */
  closeMissing?: boolean;
  bytes: Uint8Array;
  fileName?: string | null;
  requestId?: string | null;
}

/** Most errors and warnings a report lists; the counts say how many there were in all. */
const REPORT_LIMIT = 1000;

interface Inputs {
  units: UnitInput[];
  positions: PositionInput[];
  employees: EmployeeInput[];
  count: number;
}

/** BKPSDM imports every agency's rows; an agency admin only their own; anyone else is refused. */
function scopeOf(actor: Actor): Scope {
  if (can(actor, 'personnel:manage')) return { all: true, agencyId: actor.agencyId };
  if (can(actor, 'personnel:manage-agency') && actor.agencyId) return { all: false, agencyId: actor.agencyId };
  throw new ForbiddenError('Hanya BKPSDM atau admin perangkat daerah yang dapat mengimpor data kepegawaian.');
}

/** Reads the file into typed rows; field problems go to `problems`, a broken file throws a 4xx. */
async function readInputs(db: Db, request: ImportRequest, problems: Problems): Promise<Inputs> {
  const inputs: Inputs = { units: [], positions: [], employees: [], count: 0 };
  // A row that failed to read is remembered by its code, so rows pointing at it report nothing more.
  const keep = <T>(list: T[], value: T | null, src: SourceRow, codeColumn: string) => {
    if (value) list.push(value);
    else if (typeof src.get(codeColumn) === 'string') problems.failedCodes.add(String(src.get(codeColumn)).trim());
  };
  if (request.kind === 'siasn') {
    const json = await readJson(request.bytes);
    const names = await db.select({ code: agencies.code, name: agencies.name, shortName: agencies.shortName }).from(agencies);
    const mapped = mapSiasn(json, names, problems);
    for (const u of mapped.units) {
      const unit = readUnit(u.src, problems);
      if (unit && u.agencyTop) Object.assign(unit, { agencyTop: true, kind: 'opd' });
      keep(inputs.units, unit, u.src, 'kode_unit');
    }
    const pause = timeSlicer();
    for (const src of mapped.positions) keep(inputs.positions, readPosition(src, problems), src, 'kode_jabatan');
    for (const src of mapped.employees) {
      keep(inputs.employees, readEmployee(src, problems), src, 'nip');
      await pause(); // up to 50,000 entries of checks: let other requests in between
    }
    inputs.count = mapped.count;
    return inputs;
  }
  const table = await readTable(request.bytes);
  const rows = tableRows(table, request.kind, problems);
  if (table.rows.length === 0) throw new ImportFileError('file_empty', 'Berkas hanya berisi baris judul, tanpa baris data.');
  const read = { units: readUnit, positions: readPosition, employees: readEmployee }[request.kind];
  const codeColumn = { units: 'kode_unit', positions: 'kode_jabatan', employees: 'nip' }[request.kind];
  const pause = timeSlicer();
  for (const src of rows) {
    keep(inputs[request.kind] as unknown[], read(src, problems), src, codeColumn);
    await pause(); // 50,000 rows of checks: let other requests in between
  }
  inputs.count = table.rows.length;
  return inputs;
}

/** JSON paths sort unor before pegawai; within a list (or a file) by row. */
function byRow(a: RowError, b: RowError): number {
  const list = (e: RowError) => (e.field.startsWith('pegawai[') ? 1 : 0);
  return list(a) - list(b) || a.row - b.row;
}

/** Plans closing what a complete structure file leaves out, when asked; an employees file cannot be a structure. */
async function closingOf(tx: Db, ctx: ReturnType<typeof createContext>, request: ImportRequest, inputs: Inputs, structure: StructurePlan, people: PeoplePlan): Promise<ClosePlan | null> {
  if (!request.closeMissing) return null;
  if (request.kind === 'employees') {
    ctx.problems.error(0, 'closeMissing', 'true', 'closeMissing hanya berlaku untuk berkas struktur (units, positions atau siasn), bukan berkas pegawai');
    return null;
  }
  const file = {
    units: request.kind === 'positions' ? undefined : inputs.units,
    positions: request.kind === 'units' ? undefined : inputs.positions,
  };
  return planClosing(ctx, structure, people, file, await importRepo.staffedUnits(tx));
}

function report(
  request: ImportRequest, count: number, problems: Problems, structure: StructurePlan | null, people: PeoplePlan | null, closing: ClosePlan | null, committed: boolean,
): ImportReport {
  const units = structure?.units.counts ?? noCounts();
  const positions = structure?.positions.counts ?? noCounts();
  const employees = people?.counts ?? noCounts();
  const sum = (k: 'created' | 'updated' | 'unchanged') => units[k] + positions[k] + employees[k];
  const totals = { created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged') };
  const summary = `${totals.created} baru, ${totals.updated} berubah, ${totals.unchanged} tetap`;
  const errorCount = problems.errors.length;
  const message = errorCount > 0 && request.dryRun
    ? `Pemeriksaan menemukan ${errorCount} kesalahan. Perbaiki baris yang disebut lalu periksa ulang; belum ada yang disimpan.`
    : errorCount > 0
    ? `Impor dibatalkan: ${errorCount} kesalahan ditemukan, tidak ada data yang disimpan. Perbaiki baris yang disebut lalu unggah ulang.`
    : committed ? `Impor selesai: ${summary}.` : `Pemeriksaan selesai tanpa kesalahan: ${summary}. Belum ada yang disimpan.`;
  return {
    kind: request.kind, dryRun: request.dryRun, committed, message, rows: count, ...totals, units, positions, employees,
    assignments: {
      opened: people?.assignments.open.length ?? 0, closed: people?.assignments.close.length ?? 0, corrected: people?.assignments.correct.length ?? 0,
    },
    ...(closing ? { closed: { units: closing.units.length, positions: closing.positions.length, records: closing.records.slice(0, REPORT_LIMIT) } } : {}),
    errorCount, errors: [...problems.errors].sort(byRow).slice(0, REPORT_LIMIT),
    warningCount: problems.warnings.length, warnings: [...problems.warnings].sort(byRow).slice(0, REPORT_LIMIT),
  };
}

/** SIMPEG import: units, positions and employees from CSV/XLSX, or all three from a SIASN export. */
export function createImportService(platform: Platform, deps: ImportDeps) {
  const { db } = platform;

  async function write(bound: Database, structure: StructurePlan, people: PeoplePlan, closing: ClosePlan | null, today: string, progress: Progress): Promise<boolean> {
    const tx = bound.db;
    const steps: [number, () => Promise<void>][] = [
      [structure.units.insert.length, () => importRepo.insertUnits(tx, structure.units.insert)],
      [structure.units.update.length, () => importRepo.updateUnits(tx, structure.units.update)],
      [0, () => importRepo.demotePositions(tx, structure.positions.demote)],
      [structure.positions.insert.length, () => importRepo.insertPositions(bound, structure.positions.insert)],
      [structure.positions.update.length, () => importRepo.updatePositions(tx, structure.positions.update)],
      [people.insert.length, () => importRepo.insertEmployees(bound, people.insert)],
      [people.update.length, () => importRepo.updateEmployees(tx, people.update)],
      [people.ranks.length, () => importRepo.insertRanks(bound, people.ranks)],
      [0, () => importRepo.addRanks(tx, people.moreRanks)],
      [people.assignments.close.length, () => importRepo.closeAssignments(tx, people.assignments.close)],
      [people.assignments.correct.length, () => importRepo.correctAssignments(tx, people.assignments.correct)],
      [people.assignments.open.length, () => importRepo.openAssignments(bound, people.assignments.open)],
      // Closed after the assignments they held have ended.
      [closing?.positions.length ?? 0, () => importRepo.closePositions(tx, closing?.positions ?? [], today)],
      [closing?.units.length ?? 0, () => importRepo.closeUnits(tx, closing?.units ?? [], today)],
      [0, () => platform.events.publishMany(tx, people.events)],
    ];
    progress.start('Menyimpan', steps.reduce((n, [count]) => n + count, 0));
    let done = 0;
    for (const [count, step] of steps) {
      await step();
      progress.update((done += count));
    }
    progress.stop();
    // Every write moves the revision row, so other instances drop their holder and directory caches.
    const changed = done > 0 || people.moreRanks.length > 0;
    if (changed) await personnelRepo.bumpRevision(tx);
    return changed;
  }

  return {
    /** Throws 403 unless the actor may import at all (BKPSDM or an agency admin); routes call it before reading an upload. */
    assertMayImport(actor: Actor): void {
      scopeOf(actor);
    },

    /**
     * Checks a file row by row and, when nothing is wrong and it is no dry run, writes all of it in
     * one transaction. A report with errors from a real run is thrown as 422 `import_rejected`
     * (nothing written); a dry run answers the same report without writing.
     */
    async importFile(actor: Actor, request: ImportRequest, progress: Progress = NO_PROGRESS): Promise<ImportReport> {
      const scope = scopeOf(actor);
      const problems = new Problems();
      const inputs = await readInputs(db, request, problems);
      const nips = inputs.employees.map((e) => e.nip);
      let changed = false;
      // One transaction for reading, checking and writing: COPY runs on its connection (copyTransaction).
      const result = await copyTransaction(platform.database, async (bound) => {
        const tx = bound.db;
        await importRepo.lock(tx);
        progress.start('Memeriksa baris', inputs.count);
        const ctx = createContext(await importRepo.snapshot(tx, nips, platform.today()), scope, problems);
        const structure = planStructure(ctx, inputs.units, inputs.positions, inputs.employees);
        const people = planPeople(ctx, structure, inputs.employees, actor);
        const closing = await closingOf(tx, ctx, request, inputs, structure, people);
        progress.update(inputs.count);
        progress.stop();
        if (problems.errors.length > 0 || request.dryRun) return report(request, inputs.count, problems, structure, people, closing, false);
        changed = await write(bound, structure, people, closing, ctx.snap.today, progress);
        const done = report(request, inputs.count, problems, structure, people, closing, true);
        await appendAudit(tx, {
          actor, action: 'personnel.imported', entityType: 'personnel_import',
          entityId: createHash('sha256').update(request.bytes).digest('hex'), requestId: request.requestId ?? null,
          data: {
            kind: request.kind, fileName: request.fileName ?? null, rows: done.rows, units: done.units, positions: done.positions,
            employees: done.employees, assignments: done.assignments, closed: done.closed ?? null,
          },
        });
        return done;
      });
      if (changed) deps.onChanged();
      if (result.errorCount > 0 && !request.dryRun) throw new AppError(422, 'import_rejected', result.message, { report: result });
      return result;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
