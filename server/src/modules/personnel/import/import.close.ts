import { DELEGATION_LABEL, dayText, lastDayText } from '../personnel.format.js';
import type { Context, SnapAssignment } from './import.context.js';
import type { PeoplePlan } from './import.people.js';
import type { PositionInput, UnitInput } from './import.rows.js';
import type { StructurePlan } from './import.structure.js';

// Closing what a complete structure file leaves out (import option `closeMissing`). The rule:
// a units, positions or SIASN file sent with closeMissing=true is the whole structure of every
// agency it has rows for. Of those agencies, each current unit or position that came from an
// import (it has an external code) and whose code is not in the file is closed today (valid_to).
// Records without a code (the standard structure, posts made by hand) and the agency's top unit
// are never closed by omission. A position someone still holds, unless this file moves them
// elsewhere, and a unit that still has staff, current positions or sub-units the file keeps, are
// error rows instead: the import is refused until they are moved or listed.
//
// Delegations follow the rule for definitive holders: a position with a Plt/Plh/Pj/Pjs in force on
// the closing day or starting later is an error row too, never closed with the delegation ended
// behind the user's back. An import never takes anyone out of a position by omission (see
// import.people.ts); ending a term early is a decision with its own SK, made on the form or by a
// delegations file with an earlier tanggal_selesai, after which the structure file closes the post.

/** What would close, for the report. */
export interface ClosedRecord {
  table: 'units' | 'positions';
  code: string;
  name: string;
}

/** Units and positions an import closes. */
export interface ClosePlan {
  units: string[];
  positions: string[];
  records: ClosedRecord[];
}

/** The row number of problems about records missing from the file (they have no row). */
const NO_ROW = 0;

/** Plans the closing of coded units (when `units` is given) and positions (when `positions` is) of the file's agencies that the file leaves out. */
export function planClosing(
  ctx: Context, structure: StructurePlan, people: PeoplePlan,
  file: { units?: UnitInput[]; positions?: PositionInput[] }, staffedUnits: Set<string>,
): ClosePlan {
  const out: ClosePlan = { units: [], positions: [], records: [] };
  const closingPositions = file.positions ? planPositionClosing(ctx, structure, people, file.positions, out) : new Set<string>();
  if (file.units) planUnitClosing(ctx, structure, file.units, staffedUnits, closingPositions, out);
  return out;
}

/** Why a position left out of the file must stay open: someone holds it or covers it; null when it may close. */
function stillHeld(ctx: Context, positionId: string, holder: SnapAssignment | undefined, ending: Set<string>): string | null {
  if (holder && !ending.has(holder.id)) {
    return `masih dipegang ${holder.holderName} (NIP ${holder.holderNip}); pindahkan pejabat itu lebih dulu`;
  }
  const delegation = ctx.snap.currentDelegations.find((d) => d.positionId === positionId);
  if (!delegation) return null;
  const label = DELEGATION_LABEL[delegation.kind];
  const term = delegation.startDate > ctx.snap.today ? `ditunjuk mulai ${dayText(delegation.startDate)}`
    : delegation.endDate ? `bertugas sampai dengan ${lastDayText(delegation.endDate)}` : 'bertugas tanpa batas waktu';
  return `${label} ${delegation.delegateName} (NIP ${delegation.delegateNip}) ${term}; akhiri pelimpahan itu lebih dulu`;
}

/** Coded current positions of the file's agencies that the file leaves out; returns the ids that close. */
function planPositionClosing(ctx: Context, structure: StructurePlan, people: PeoplePlan, inFile: PositionInput[], out: ClosePlan): Set<string> {
  const agencyOfUnit = (id: string) => ctx.unitById.get(id)?.agencyId;
  const positionCodes = new Set(inFile.map((p) => p.code));
  const positionAgencies = new Set([...structure.positions.byCode.values()].map((p) => p.agencyId));
  const holderOf = new Map(ctx.snap.openAssignments.map((a) => [a.positionId, a]));
  const ending = new Set(people.assignments.close.map((c) => c.id));
  const closing = new Set<string>();
  for (const p of ctx.snap.positions) {
    if (!p.current || p.externalId === null || positionCodes.has(p.externalId) || !positionAgencies.has(agencyOfUnit(p.unitId)!)) continue;
    const why = stillHeld(ctx, p.id, holderOf.get(p.id), ending);
    if (why) {
      ctx.problems.error(NO_ROW, 'kode_jabatan', p.externalId, `jabatan "${p.title}" tidak ada di berkas sehingga akan ditutup, tetapi ${why} atau cantumkan jabatan ini di berkas`);
      continue;
    }
    closing.add(p.id);
    out.positions.push(p.id);
    out.records.push({ table: 'positions', code: p.externalId, name: p.title });
  }
  return closing;
}

/** Coded current units of the file's agencies that the file leaves out, unless staff, kept posts or kept sub-units hold them open. */
function planUnitClosing(ctx: Context, structure: StructurePlan, inFile: UnitInput[], staffedUnits: Set<string>, closingPositions: Set<string>, out: ClosePlan): void {
  const unitCodes = new Set(inFile.map((u) => u.code));
  const unitAgencies = new Set([...structure.units.byCode.values()].map((u) => u.agencyId));
  const missing = ctx.snap.units.filter((u) => u.current && u.externalId !== null && u.parentId !== null
    && !unitCodes.has(u.externalId) && unitAgencies.has(u.agencyId));
  const closing = new Set(missing.map((u) => u.id));
  // Where each position sits once the import is written: moved posts count in their new unit.
  const unitOfPosition = new Map(ctx.snap.positions.filter((p) => p.current).map((p) => [p.id, p.unitId]));
  for (const p of structure.positions.byCode.values()) unitOfPosition.set(p.id, p.unitId);
  const keptPost = new Map<string, string>();
  for (const [id, unitId] of unitOfPosition) if (!closingPositions.has(id) && !keptPost.has(unitId)) keptPost.set(unitId, id);
  const plannedName = new Map([...structure.units.byCode.values()].map((x) => [x.id, x.input.name]));
  const childrenOf = new Map<string, string[]>();
  for (const [id, parentId] of structure.unitParent) if (parentId) childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), id]);
  const blocked = (id: string): string | null => {
    if (staffedUnits.has(id)) return 'masih ada pegawai aktif di unit ini';
    const post = keptPost.get(id);
    if (post) return `masih ada jabatan "${structure.positionTitle.get(post) ?? ctx.positionById.get(post)?.title}" di unit ini`;
    const child = childrenOf.get(id)?.find((c) => !closing.has(c));
    return child ? `masih ada unit bawahan "${ctx.unitById.get(child)?.name ?? plannedName.get(child) ?? child}"` : null;
  };
  // A unit that stays keeps its parent open too, so repeat until nothing more stays.
  for (let again = true; again;) {
    again = false;
    for (const u of missing) {
      const why = closing.has(u.id) ? blocked(u.id) : null;
      if (!why) continue;
      closing.delete(u.id);
      again = true;
      ctx.problems.error(NO_ROW, 'kode_unit', u.externalId, `unit "${u.name}" tidak ada di berkas sehingga akan ditutup, tetapi ${why}; pindahkan lebih dulu atau cantumkan unit ini di berkas`);
    }
  }
  for (const u of missing) {
    if (!closing.has(u.id)) continue;
    out.units.push(u.id);
    out.records.push({ table: 'units', code: u.externalId!, name: u.name });
  }
}
