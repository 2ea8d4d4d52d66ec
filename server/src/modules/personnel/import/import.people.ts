import { randomUUID } from 'node:crypto';
import type { NewEmployee } from '../personnel.repo.js';
import { outboxEvent, type OutboxEvent } from '../../../platform/events/index.js';
import type { Actor } from '../../../platform/http/actor.js';
import { employeeEvent, PERSONNEL_EVENTS } from '../personnel.events.js';
import { noCounts, sameFields, type Context, type Counts, type SnapAssignment, type SnapEmployee } from './import.context.js';
import type { EmployeeInput } from './import.rows.js';
import type { StructurePlan } from './import.structure.js';

// Employees of a file against the database, and their definitive positions. A position is held
// by one person: two rows claiming it, or a stored holder who does not leave it in the same file
// before the new TMT, is refused. A changed position ends the employee's open assignment on the
// new TMT (end dates are exclusive). An empty kode_jabatan leaves assignments as they are: an
// import never takes anyone out of a position by omission.

/** A new definitive assignment. */
export interface NewAssignment {
  id: string;
  employeeId: string;
  positionId: string;
  startDate: string;
  skNumber: string | null;
  createdBy: string | null;
}

/** What the employee part of an import writes. */
export interface PeoplePlan {
  insert: NewEmployee[];
  update: (Partial<NewEmployee> & { id: string })[];
  counts: Counts;
  /** Rank history of new employees (cannot exist yet) and of stored ones (may already be recorded for that TMT). */
  ranks: { employeeId: string; rank: string; tmt: string }[];
  moreRanks: { employeeId: string; rank: string; tmt: string }[];
  assignments: {
    open: NewAssignment[];
    close: { id: string; endDate: string }[];
    correct: { id: string; startDate: string; skNumber: string | null }[];
  };
  events: OutboxEvent[];
}

interface Resolved {
  input: EmployeeInput;
  id: string;
  existing: SnapEmployee | null;
  fields: Omit<NewEmployee, 'id'>;
  positionId: string | null;
}

const keep = <T>(value: T | undefined, stored: T): T => (value === undefined ? stored : value);

/** Resolves one row's agency, unit and position; null when the row cannot be imported. */
function resolveRow(ctx: Context, structure: StructurePlan, e: EmployeeInput, existing: SnapEmployee | null): Omit<Resolved, 'input' | 'id' | 'existing'> | null {
  const fail = (column: string, message: string) => (ctx.error(e.src, column, message), null);
  const agency = e.agencyCode ? ctx.agencyByCode.get(e.agencyCode)
    : existing ? ctx.agencyById.get(existing.agencyId) : ctx.defaultAgency();
  if (!agency) return fail('kode_opd', e.agencyCode ? `perangkat daerah dengan kode "${e.agencyCode}" tidak ada` : 'wajib diisi (kode perangkat daerah, mis. diskominfo)');
  if (!ctx.canWrite(agency.id)) return fail('kode_opd', ctx.outOfScope(agency.id));
  if (existing && existing.agencyId !== agency.id && !ctx.canWrite(existing.agencyId)) {
    return fail('nip', `pegawai ini terdaftar di ${ctx.agencyName(existing.agencyId)}; hanya BKPSDM yang dapat memindahkannya`);
  }

  let positionId: string | null = null;
  if (e.positionCode) {
    positionId = structure.positions.byCode.get(e.positionCode)?.id ?? null;
    const stored = positionId ? undefined : ctx.positionByExt.get(e.positionCode);
    if (stored?.current) positionId = stored.id;
    if (!positionId) {
      if (ctx.failedCodes.has(e.positionCode)) return null;
      return fail('kode_jabatan', `jabatan dengan kode "${e.positionCode}" tidak ada di berkas ini maupun di SIMPEG`);
    }
    if (structure.positionAgency.get(positionId) !== agency.id) {
      return fail('kode_jabatan', `jabatan "${structure.positionTitle.get(positionId)}" berada di ${ctx.agencyName(structure.positionAgency.get(positionId)!)}, bukan ${agency.shortName}`);
    }
  }

  let unitId: string | null;
  if (e.unitCode) {
    const inFile = structure.units.byCode.get(e.unitCode);
    const stored = inFile ? undefined : ctx.unitByExt.get(e.unitCode);
    unitId = inFile?.id ?? (stored?.current ? stored.id : null);
    if (!unitId) {
      if (ctx.failedCodes.has(e.unitCode)) return null;
      return fail('kode_unit', `unit dengan kode "${e.unitCode}" tidak ada di berkas ini maupun di SIMPEG`);
    }
    if (structure.unitAgency.get(unitId) !== agency.id) return fail('kode_unit', `unit ini milik ${ctx.agencyName(structure.unitAgency.get(unitId)!)}, bukan ${agency.shortName}`);
    if (positionId && structure.positionUnit.get(positionId) !== unitId) {
      return fail('kode_unit', `jabatan "${structure.positionTitle.get(positionId)}" ada di unit lain; kosongkan kode_unit atau isi unit jabatan itu`);
    }
  } else {
    // No unit named: the position's unit, else where the employee already sits, else the agency as a whole.
    unitId = positionId ? structure.positionUnit.get(positionId)!
      : existing && existing.agencyId === agency.id && existing.unitId ? existing.unitId : (ctx.topUnitOf.get(agency.id)?.id ?? null);
  }

  const status = e.status ?? existing?.status ?? 'active';
  if (positionId && (status === 'retired' || status === 'transferred')) {
    return fail('kode_jabatan', 'pegawai yang pensiun atau pindah tidak dapat diberi jabatan; kosongkan kode_jabatan');
  }
  const fields: Omit<NewEmployee, 'id'> = {
    nip: e.nip, kind: e.kind, name: e.name, gender: e.gender, birthDate: e.birthDate, rank: e.rank, status,
    educationLevel: e.educationLevel, agencyId: agency.id, unitId,
    titlePrefix: keep(e.titlePrefix, existing?.titlePrefix ?? null),
    titleSuffix: keep(e.titleSuffix, existing?.titleSuffix ?? null),
    birthPlace: keep(e.birthPlace, existing?.birthPlace ?? null),
    nik: keep(e.nik, existing?.nik ?? null),
    address: keep(e.address, existing?.address ?? null),
    phone: keep(e.phone, existing?.phone ?? null),
    email: keep(e.email, existing?.email ?? null),
    rankTmt: keep(e.rankTmt, existing?.rankTmt ?? null),
    educationMajor: keep(e.educationMajor, existing?.educationMajor ?? null),
    tmtCpns: keep(e.tmtCpns, existing?.tmtCpns ?? null),
  };
  return { fields, positionId };
}

/** Plans employees and their assignments; the actor is recorded as the assignments' creator and as the events' causer. */
export function planPeople(ctx: Context, structure: StructurePlan, inputs: EmployeeInput[], actor: Pick<Actor, 'userId' | 'agencyId' | 'permissions'>): PeoplePlan {
  const plan: PeoplePlan = { insert: [], update: [], counts: noCounts(), ranks: [], moreRanks: [], assignments: { open: [], close: [], correct: [] }, events: [] };
  const rows = resolveRows(ctx, structure, inputs);
  const changed = planAssignments(ctx, structure, rows, plan, actor.userId);
  planRecords(rows, changed, plan, actor);
  return plan;
}

/** Step 1: each row once per NIP, with its stored record, agency, unit and position. */
function resolveRows(ctx: Context, structure: StructurePlan, inputs: EmployeeInput[]): Resolved[] {
  const stored = new Map(ctx.snap.employees.map((e) => [e.nip, e]));
  const firstRow = new Map<string, number>();
  const rows: Resolved[] = [];
  for (const e of inputs) {
    if (firstRow.has(e.nip)) {
      ctx.error(e.src, 'nip', `NIP ganda; sudah ada di baris ${firstRow.get(e.nip)}`);
      continue;
    }
    firstRow.set(e.nip, e.src.row);
    const existing = stored.get(e.nip) ?? null;
    const resolved = resolveRow(ctx, structure, e, existing);
    if (resolved) rows.push({ input: e, id: existing?.id ?? randomUUID(), existing, ...resolved });
  }
  return rows;
}

/**
 * Step 2: definitive assignments. One holder per position (in the file and against the database);
 * a new position ends the employee's open assignment on the new TMT. Returns the employees whose
 * assignments change.
 */
function planAssignments(ctx: Context, structure: StructurePlan, rows: Resolved[], plan: PeoplePlan, actorId: string | null): Set<string> {
  const openOfPosition = new Map(ctx.snap.openAssignments.map((a) => [a.positionId, a]));
  const openOfEmployee = new Map(ctx.snap.openAssignments.map((a) => [a.employeeId, a]));
  const rowOfEmployee = new Map(rows.map((r) => [r.id, r]));
  const claims = new Map<string, Resolved>();
  const changed = new Set<string>();
  for (const r of rows) {
    if (!r.positionId) continue;
    const tmt = r.input.positionTmt!;
    const title = structure.positionTitle.get(r.positionId) ?? '';
    const other = claims.get(r.positionId);
    if (other) {
      ctx.error(r.input.src, 'kode_jabatan', `jabatan "${title}" juga diisi NIP ${other.input.nip} di baris ${other.input.src.row}; satu jabatan hanya untuk satu pejabat definitif`);
      continue;
    }
    claims.set(r.positionId, r);
    const holder: SnapAssignment | undefined = openOfPosition.get(r.positionId);
    if (holder && holder.employeeId !== r.id) {
      // The stored holder may leave in this same file, to another position, no later than this TMT.
      const leaving = rowOfEmployee.get(holder.employeeId);
      const leavesInTime = leaving?.positionId && leaving.positionId !== r.positionId && leaving.input.positionTmt! <= tmt;
      if (!leavesInTime) {
        ctx.error(r.input.src, 'kode_jabatan',
          `jabatan "${title}" masih dipegang ${holder.holderName} (NIP ${holder.holderNip}) sejak ${holder.startDate}; pindahkan pejabat itu lebih dulu (boleh di berkas yang sama, dengan TMT paling lambat ${tmt})`);
        continue;
      }
    }
    const mine = openOfEmployee.get(r.id);
    const skNumber = r.input.skNumber ?? null;
    if (mine && mine.positionId === r.positionId) {
      const sk = r.input.skNumber === undefined ? mine.skNumber : skNumber;
      if (mine.startDate !== tmt || sk !== mine.skNumber) {
        plan.assignments.correct.push({ id: mine.id, startDate: tmt, skNumber: sk });
        changed.add(r.id);
      }
      continue;
    }
    if (mine) {
      if (tmt <= mine.startDate) {
        ctx.error(r.input.src, 'tmt_jabatan', `harus sesudah TMT jabatan sekarang (${mine.startDate}), karena jabatan lama berakhir pada TMT ini`);
        continue;
      }
      plan.assignments.close.push({ id: mine.id, endDate: tmt });
      plan.events.push(outboxEvent(PERSONNEL_EVENTS.assignmentChanged, { assignmentId: mine.id, employeeId: r.id, positionId: mine.positionId, startDate: mine.startDate, endDate: tmt }));
    }
    const assignment = { id: randomUUID(), employeeId: r.id, positionId: r.positionId, startDate: tmt, skNumber, createdBy: actorId };
    plan.assignments.open.push(assignment);
    plan.events.push(outboxEvent(PERSONNEL_EVENTS.assignmentChanged, { assignmentId: assignment.id, employeeId: r.id, positionId: r.positionId, startDate: tmt, endDate: null }));
    changed.add(r.id);
  }
  return changed;
}

/** Step 3: employee records inserted or updated, their rank history, and the employee events. */
function planRecords(rows: Resolved[], changed: Set<string>, plan: PeoplePlan, actor: Pick<Actor, 'userId' | 'agencyId' | 'permissions'>): void {
  for (const r of rows) {
    const { fields, existing } = r;
    // The stored link is kept by the import (it never writes user_id), so the event names that account.
    const event = employeeEvent({ id: r.id, nip: fields.nip, agencyId: fields.agencyId, status: fields.status ?? 'active', userId: existing?.userId ?? null }, actor);
    if (!existing) {
      plan.insert.push({ id: r.id, ...fields });
      plan.counts.created++;
      plan.events.push(outboxEvent(PERSONNEL_EVENTS.employeeCreated, event));
      if (fields.rankTmt) plan.ranks.push({ employeeId: r.id, rank: fields.rank, tmt: fields.rankTmt });
      continue;
    }
    const same = sameFields(existing, fields);
    if (!same) plan.update.push({ id: r.id, ...fields });
    if (same && !changed.has(r.id)) plan.counts.unchanged++;
    else plan.counts.updated++;
    if (existing.status !== fields.status) plan.events.push(outboxEvent(PERSONNEL_EVENTS.employeeStatusChanged, event));
    if (fields.rankTmt && (fields.rank !== existing.rank || fields.rankTmt !== existing.rankTmt)) {
      plan.moreRanks.push({ employeeId: r.id, rank: fields.rank, tmt: fields.rankTmt });
    }
  }
}
