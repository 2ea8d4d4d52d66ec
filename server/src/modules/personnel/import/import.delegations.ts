import { randomUUID } from 'node:crypto';
import { outboxEvent, type OutboxEvent } from '../../../platform/events/index.js';
import type { Actor } from '../../../platform/http/actor.js';
import { PERSONNEL_EVENTS, type DelegationEvent } from '../personnel.events.js';
import { DELEGATION_LABEL, dayText, lastDayText } from '../personnel.format.js';
import { displayName, isDelegable } from '../personnel.policy.js';
import type { delegations } from '../personnel.tables.js';
import { noCounts, type Context, type Counts, type Holdings, type SnapDelegation, type SnapEmployee, type SnapPosition } from './import.context.js';
import type { DelegationInput } from './import.rows.js';

// Plt/Plh/Pj/Pjs from a file, each row checked as the delegation form checks one: only managerial
// posts, Pj and Pjs only for JPT posts, the delegate an active employee the importer manages and not
// the post's own definitive holder, and never two delegations of one post at once (stored or in the
// file). A row matches a stored delegation by post, delegate, kind and start date: the same values
// change nothing, so a file can be imported again; a new SK number, SK date or reason corrects it
// and an earlier last day ends it earlier, while a later one is refused as on the form (a longer
// term needs a new SK, so a new row).

/** A delegation the import adds. */
export type NewDelegation = typeof delegations.$inferInsert & { id: string };

/** A stored delegation the import corrects or ends earlier. */
export interface DelegationUpdate {
  id: string;
  skNumber: string;
  skDate: string | null;
  endDate: string | null;
  reason: string;
}

/** What the delegation part of an import writes: rows, then one audit entry and one event per delegation. */
export interface DelegationPlan {
  insert: NewDelegation[];
  update: DelegationUpdate[];
  counts: Counts;
  audits: { action: 'delegation.created' | 'delegation.corrected' | 'delegation.ended'; payload: DelegationEvent; skNumber: string }[];
  events: OutboxEvent[];
}

/** A row whose post and delegate are known. */
interface Row {
  input: DelegationInput;
  position: SnapPosition;
  employee: SnapEmployee;
  /** The stored delegation the row stands for; null for a new one. */
  stored: SnapDelegation | null;
}

/** A period as stored: the end is exclusive, null = open. */
type Period = { startDate: string; endDate: string | null };

const overlaps = (a: Period, b: Period) => (b.endDate === null || a.startDate < b.endDate) && (a.endDate === null || b.startDate < a.endDate);
const keyOf = (positionId: string, employeeId: string, kind: string, startDate: string) => `${positionId}|${employeeId}|${kind}|${startDate}`;

/** The period as a decree says it: "mulai 2 Januari 2025 sampai dengan 30 Juni 2025". */
const periodText = (p: Period) => `mulai ${dayText(p.startDate)}${p.endDate ? ` sampai dengan ${lastDayText(p.endDate)}` : ' tanpa batas waktu'}`;

/** Plans the delegations of a file against `holdings`, everything stored about the posts it names. */
export function planDelegations(ctx: Context, inputs: DelegationInput[], holdings: Holdings, actor: Pick<Actor, 'userId'>): DelegationPlan {
  const plan: DelegationPlan = { insert: [], update: [], counts: noCounts(), audits: [], events: [] };
  const rows = resolveRows(ctx, inputs, holdings);
  const changes = new Map<string, DelegationUpdate>();
  for (const row of rows) if (row.stored) planChange(ctx, row, plan, changes);
  const fresh = rows.filter((row) => !row.stored && checkNew(ctx, row, holdings));
  for (const row of refuseOverlaps(ctx, fresh, holdings, changes)) {
    const d = row.input;
    const inserted: NewDelegation = {
      id: randomUUID(), positionId: row.position.id, employeeId: row.employee.id, kind: d.kind, skNumber: d.skNumber, skDate: d.skDate ?? null,
      startDate: d.startDate, endDate: d.endDate, reason: d.reason, createdBy: actor.userId,
    };
    plan.insert.push(inserted);
    plan.counts.created++;
    record(plan, 'delegation.created', { ...inserted, skDate: inserted.skDate ?? null, endDate: inserted.endDate ?? null });
  }
  return plan;
}

/** The audit entry and the event of one delegation written, with the values it is left with. */
function record(plan: DelegationPlan, action: DelegationPlan['audits'][number]['action'], d: Omit<SnapDelegation, 'delegateNip' | 'delegateName'>): void {
  const payload: DelegationEvent = { delegationId: d.id, positionId: d.positionId, employeeId: d.employeeId, kind: d.kind, startDate: d.startDate, endDate: d.endDate };
  plan.audits.push({ action, payload, skNumber: d.skNumber });
  plan.events.push(outboxEvent(PERSONNEL_EVENTS.delegationChanged, payload));
}

/** Step 1: each row's post (in the importer's agencies) and delegate, and the stored delegation it matches; duplicates refused. */
function resolveRows(ctx: Context, inputs: DelegationInput[], holdings: Holdings): Row[] {
  const employeeByNip = new Map(ctx.snap.employees.map((e) => [e.nip, e]));
  const storedByKey = new Map(holdings.delegations.map((d) => [keyOf(d.positionId, d.employeeId, d.kind, d.startDate), d]));
  const firstRow = new Map<string, number>();
  const rows: Row[] = [];
  for (const d of inputs) {
    const position = ctx.positionByExt.get(d.positionCode);
    if (!position) {
      ctx.error(d.src, 'kode_jabatan', `jabatan dengan kode "${d.positionCode}" tidak ada di SIMPEG; impor berkas jabatannya lebih dulu`);
      continue;
    }
    const agencyId = ctx.unitById.get(position.unitId)!.agencyId;
    if (!ctx.canWrite(agencyId)) { ctx.error(d.src, 'kode_jabatan', ctx.outOfScope(agencyId)); continue; }
    const employee = employeeByNip.get(d.nip);
    if (!employee) { ctx.error(d.src, 'nip', `pegawai dengan NIP ${d.nip} tidak ada di SIMPEG`); continue; }
    const key = keyOf(position.id, employee.id, d.kind, d.startDate);
    const first = firstRow.get(key);
    if (first !== undefined) {
      ctx.error(d.src, 'kode_jabatan', `pelimpahan ganda; jabatan, NIP, jenis dan tanggal mulai yang sama sudah ada di baris ${first}`);
      continue;
    }
    firstRow.set(key, d.src.row);
    rows.push({ input: d, position, employee, stored: storedByKey.get(key) ?? null });
  }
  return rows;
}

/**
 * Step 2, a row matching a stored delegation: unchanged, or corrected (SK number, SK date, reason),
 * or ended earlier. A later last day, or any new end of a delegation already over, is refused.
 */
function planChange(ctx: Context, row: Row, plan: DelegationPlan, changes: Map<string, DelegationUpdate>): void {
  const d = row.input;
  const stored = row.stored!;
  const next: DelegationUpdate = { id: stored.id, skNumber: d.skNumber, skDate: d.skDate === undefined ? stored.skDate : d.skDate, endDate: d.endDate, reason: d.reason };
  const endMoves = next.endDate !== stored.endDate;
  if (!endMoves && next.skNumber === stored.skNumber && next.skDate === stored.skDate && next.reason === stored.reason) {
    plan.counts.unchanged++;
    return;
  }
  if (endMoves && stored.endDate !== null && stored.endDate <= ctx.snap.today) {
    ctx.error(d.src, 'tanggal_selesai', `pelimpahan ini sudah berakhir (hari terakhir ${lastDayText(stored.endDate)}); masa tugasnya tidak dapat diubah lagi`);
    return;
  }
  if (endMoves && stored.endDate !== null && (next.endDate === null || next.endDate > stored.endDate)) {
    ctx.error(d.src, 'tanggal_selesai', `pelimpahan ini tercatat sampai dengan ${lastDayText(stored.endDate)}; untuk memperpanjang buat pelimpahan baru dengan SK baru (baris baru yang mulai sesudahnya)`);
    return;
  }
  changes.set(stored.id, next);
  plan.update.push(next);
  plan.counts.updated++;
  record(plan, endMoves ? 'delegation.ended' : 'delegation.corrected', { ...stored, ...next });
}

/** Step 3, a new delegation: a current managerial post, the kind fitting it, an active delegate in scope who does not hold the post. */
function checkNew(ctx: Context, row: Row, holdings: Holdings): boolean {
  const { input: d, position, employee } = row;
  const fail = (column: string, message: string) => (ctx.error(d.src, column, message), false);
  if (!position.current) return fail('kode_jabatan', `jabatan "${position.title}" sudah ditutup; jabatan yang ditutup tidak dapat dilimpahkan`);
  if (!isDelegable(position.kind)) {
    return fail('kode_jabatan', `${position.title} bukan jabatan pimpinan; Plt/Plh hanya untuk jabatan pimpinan tinggi, administrator dan pengawas`);
  }
  if ((d.kind === 'pj' || d.kind === 'pjs') && position.kind !== 'jpt_pratama') return fail('jenis_pelimpahan', 'Pj dan Pjs hanya untuk jabatan pimpinan tinggi');
  if (!ctx.canWrite(employee.agencyId)) {
    return fail('nip', `pegawai ini terdaftar di ${ctx.agencyName(employee.agencyId)}; Anda hanya dapat menunjuk pegawai perangkat daerah Anda`);
  }
  if (employee.status !== 'active') return fail('nip', `${displayName(employee)} tidak berstatus aktif; tunjuk pegawai lain`);
  const holds = holdings.assignments.some((a) => a.positionId === position.id && a.employeeId === employee.id && (a.endDate === null || a.endDate > d.startDate));
  if (holds) return fail('nip', `${displayName(employee)} adalah pemegang definitif jabatan ini; tidak dapat sekaligus menjadi Plt/Plh`);
  return true;
}

/**
 * Step 4: a new delegation may not overlap another of the same post, stored (with the ends this file
 * gives them) or earlier in the file. Returns the rows that pass.
 */
function refuseOverlaps(ctx: Context, rows: Row[], holdings: Holdings, changes: Map<string, DelegationUpdate>): Row[] {
  const storedOf = new Map<string, SnapDelegation[]>();
  for (const d of holdings.delegations) {
    const planned = changes.has(d.id) ? { ...d, endDate: changes.get(d.id)!.endDate } : d;
    storedOf.set(d.positionId, [...(storedOf.get(d.positionId) ?? []), planned]);
  }
  const accepted = new Map<string, Row[]>();
  const kept: Row[] = [];
  for (const row of rows) {
    const d = row.input;
    const clash = storedOf.get(row.position.id)?.find((s) => overlaps(s, d));
    if (clash) {
      ctx.error(d.src, 'tanggal_mulai', `sudah ada ${DELEGATION_LABEL[clash.kind]} ${clash.delegateName} (NIP ${clash.delegateNip}) untuk ${row.position.title} `
        + `${periodText(clash)}; masa tugas tidak boleh tumpang tindih`);
      continue;
    }
    const earlier = accepted.get(row.position.id)?.find((other) => overlaps(other.input, d));
    if (earlier) {
      ctx.error(d.src, 'tanggal_mulai', `masa tugas tumpang tindih dengan ${DELEGATION_LABEL[earlier.input.kind]} di baris ${earlier.input.src.row} `
        + `(${periodText(earlier.input)}) untuk jabatan yang sama; satu jabatan hanya satu pelimpahan pada satu waktu`);
      continue;
    }
    accepted.set(row.position.id, [...(accepted.get(row.position.id) ?? []), row]);
    kept.push(row);
  }
  return kept;
}
