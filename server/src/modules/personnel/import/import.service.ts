import { createHash } from 'node:crypto';
import { appendAudit } from '../../../platform/audit/index.js';
import { copyTransaction, type Database, type Db } from '../../../platform/db/index.js';
import { AppError, ForbiddenError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/http/actor.js';
import type { Ctx, Platform } from '../../../platform/index.js';
import { NO_PROGRESS, type Progress } from '../../../platform/progress.js';
import type { Revision } from '../../../platform/snapshot.js';
import { canManageAny, managedAgencies } from '../personnel.policy.js';
import { Problems } from './import.cells.js';
import { planClosing, type ClosePlan } from './import.close.js';
import { createContext, type Context, type Scope } from './import.context.js';
import { planDelegations, type DelegationPlan } from './import.delegations.js';
import { planPeople, type PeoplePlan } from './import.people.js';
import { readInputs, type ImportRequest, type Inputs } from './import.read.js';
import { importReport, type Plans } from './import.report.js';
import { importRepo } from './import.repo.js';
import type { ImportReport } from './import.schema.js';
import { planStructure, type StructurePlan } from './import.structure.js';

export type { ImportRequest } from './import.read.js';

/** What the import needs from the rest of SIMPEG. */
export interface ImportDeps {
  /** SIMPEG's revision: bumped in the transaction of a write that changed anything, so every instance's holder and directory snapshots follow. */
  revision: Revision;
}

/** BKPSDM imports every agency's rows; an agency admin only their own; anyone else is refused. */
function scopeOf(actor: Actor): Scope {
  if (!canManageAny(actor)) throw new ForbiddenError('Hanya BKPSDM atau admin perangkat daerah yang dapat mengimpor data kepegawaian.');
  return { actor, all: managedAgencies(actor) === null, agencyId: actor.agencyId };
}

/** Plans closing what a complete structure file leaves out, when asked; an employees or delegations file cannot be a structure. */
async function closingOf(tx: Db, planning: Context, request: ImportRequest, inputs: Inputs, structure: StructurePlan, people: PeoplePlan): Promise<ClosePlan | null> {
  if (!request.closeMissing) return null;
  if (request.kind === 'employees' || request.kind === 'delegations') {
    planning.problems.error(0, 'closeMissing', 'true',
      `closeMissing hanya berlaku untuk berkas struktur (units, positions atau siasn), bukan berkas ${request.kind === 'employees' ? 'pegawai' : 'pelimpahan'}`);
    return null;
  }
  const file = {
    units: request.kind === 'positions' ? undefined : inputs.units,
    positions: request.kind === 'units' ? undefined : inputs.positions,
  };
  return planClosing(planning, structure, people, file, await importRepo.staffedUnits(tx));
}

/** Plans a delegations file against everything stored about the posts it names, locked first as the delegation form locks its post. */
async function delegationsOf(tx: Db, planning: Context, inputs: Inputs, actor: Actor): Promise<DelegationPlan> {
  if (inputs.delegations.length === 0) return planDelegations(planning, [], { delegations: [], assignments: [] }, actor);
  const ids = new Set<string>();
  for (const d of inputs.delegations) {
    const position = planning.positionByExt.get(d.positionCode);
    if (position) ids.add(position.id);
  }
  await importRepo.lockPositions(tx, [...ids]);
  return planDelegations(planning, inputs.delegations, await importRepo.holdingsOf(tx, [...ids]), actor);
}

/** SIMPEG import: units, positions, employees and delegations from CSV/XLSX, or the first three from a SIASN export. */
export function createImportService(platform: Platform, deps: ImportDeps) {
  /** Writes the plans in order (parents before children, ends before starts); true when anything changed. */
  async function write(ctx: Ctx, bound: Database, { structure, people, delegations, closing }: Plans, progress: Progress): Promise<boolean> {
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
      [delegations.update.length, () => importRepo.updateDelegations(tx, delegations.update)],
      [delegations.insert.length, () => importRepo.insertDelegations(tx, delegations.insert)],
      // Closed after the assignments they held have ended; on the date the import began.
      [closing?.positions.length ?? 0, () => importRepo.closePositions(tx, closing?.positions ?? [], ctx.today)],
      [closing?.units.length ?? 0, () => importRepo.closeUnits(tx, closing?.units ?? [], ctx.today)],
      // Each delegation is audited as the form audits it; the import as a whole is audited by the caller.
      [0, async () => {
        for (const { action, payload, skNumber } of delegations.audits) {
          await appendAudit(tx, {
            actor: ctx.actor, action, entityType: 'delegation', entityId: payload.delegationId, requestId: ctx.requestId, data: { ...payload, skNumber },
          });
        }
      }],
      [0, () => platform.events.publishMany(tx, [...people.events, ...delegations.events])],
    ];
    progress.start('Menyimpan', steps.reduce((n, [count]) => n + count, 0));
    let done = 0;
    for (const [count, step] of steps) {
      await step();
      progress.update((done += count));
    }
    progress.stop();
    return done > 0 || people.moreRanks.length > 0;
  }

  return {
    /** Throws 403 unless the caller may import at all (BKPSDM or an agency admin); routes call it before reading an upload. */
    assertMayImport(ctx: Ctx): void {
      scopeOf(ctx.actor);
    },

    /**
     * Checks a file row by row and, when nothing is wrong and it is no dry run, writes all of it in
     * one transaction. A report with errors from a real run is thrown as 422 `import_rejected`
     * (nothing written); a dry run answers the same report without writing. Every date the import
     * writes or compares is `ctx.today`, fixed when the call began.
     */
    async importFile(ctx: Ctx, request: ImportRequest, progress: Progress = NO_PROGRESS): Promise<ImportReport> {
      const scope = scopeOf(ctx.actor);
      const problems = new Problems();
      const inputs = await readInputs(platform.db, request, problems, ctx.today);
      const nips = [...inputs.employees.map((e) => e.nip), ...inputs.delegations.map((d) => d.nip)];
      let changed = false;
      // One transaction for reading, checking and writing: COPY runs on its connection (copyTransaction).
      const result = await copyTransaction(platform.database, async (bound) => {
        const tx = bound.db;
        await importRepo.lock(tx);
        progress.start('Memeriksa baris', inputs.count);
        const planning = createContext(await importRepo.snapshot(tx, nips, ctx.today), scope, problems);
        const structure = planStructure(planning, inputs.units, inputs.positions, inputs.employees);
        const people = planPeople(planning, structure, inputs.employees, ctx.actor);
        const delegations = await delegationsOf(tx, planning, inputs, ctx.actor);
        const plans: Plans = { structure, people, delegations, closing: await closingOf(tx, planning, request, inputs, structure, people) };
        progress.update(inputs.count);
        progress.stop();
        if (problems.errors.length > 0 || request.dryRun) return importReport(request, inputs.count, problems, plans, false);
        changed = await write(ctx, bound, plans, progress);
        const done = importReport(request, inputs.count, problems, plans, true);
        await appendAudit(tx, {
          actor: ctx.actor, action: 'personnel.imported', entityType: 'personnel_import',
          entityId: createHash('sha256').update(request.bytes).digest('hex'), requestId: ctx.requestId,
          data: {
            kind: request.kind, fileName: request.fileName ?? null, rows: done.rows, units: done.units, positions: done.positions,
            employees: done.employees, delegations: done.delegations, assignments: done.assignments, closed: done.closed ?? null,
          },
        });
        // Last, after the audit entries, in the order the forms take the same locks (revision.write).
        if (changed) await deps.revision.bump(tx);
        return done;
      });
      // After the commit, so this instance's holder and directory snapshots reload with the import in them.
      if (changed) deps.revision.invalidate();
      if (result.errorCount > 0 && !request.dryRun) throw new AppError(422, 'import_rejected', result.message, { report: result });
      return result;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
