import { randomUUID } from 'node:crypto';
import type { NewUnit } from '../personnel.repo.js';
import { sameFields, type Context } from './import.context.js';
import type { UnitInput } from './import.rows.js';
import type { PlannedUnit, StructurePlan } from './import.structure.js';
import { loopFrom, sortByDepth, sortCounter } from './import.tree.js';

// Units of a file: agency and scope, parents by code (file first, then stored external ids),
// loops through the file and stored units alike, and adoption of uncoded standard units.
// Each step below reads and narrows `planned`; a row that fails leaves it and marks its code failed.

/** The planning state the steps share. */
interface UnitPlanning {
  ctx: Context;
  plan: StructurePlan;
  planned: Map<string, PlannedUnit>;
  /** Parent codes still to resolve, by unit code. */
  parentCodeOf: Map<string, string>;
}

/** Plans the units of an import into `plan` (see planStructure). */
export function planUnits(ctx: Context, inputs: UnitInput[], plan: StructurePlan): void {
  const s: UnitPlanning = { ctx, plan, planned: new Map(), parentCodeOf: new Map() };
  readRows(s, inputs);
  resolveParents(s);
  refuseLoops(s);
  emit(s);
}

/** Step 1: each row's agency (in the caller's scope) and stored unit; the agency's top unit and parents that need no code resolved. */
function readRows(s: UnitPlanning, inputs: UnitInput[]): void {
  const { ctx, planned } = s;
  const firstRow = new Map<string, number>();
  for (const u of inputs) {
    if (firstRow.has(u.code)) {
      ctx.error(u.src, 'kode_unit', `kode unit ganda; sudah dipakai di baris ${firstRow.get(u.code)}`);
      continue;
    }
    firstRow.set(u.code, u.src.row);
    const fail = (column: string, message: string) => (ctx.error(u.src, column, message), ctx.failedCodes.add(u.code));
    let existing = ctx.unitByExt.get(u.code) ?? null;
    const agency = u.agencyCode ? ctx.agencyByCode.get(u.agencyCode)
      : existing ? ctx.agencyById.get(existing.agencyId) : ctx.defaultAgency();
    if (!agency) {
      fail('kode_opd', u.agencyCode ? `perangkat daerah dengan kode "${u.agencyCode}" tidak ada` : 'wajib diisi (kode perangkat daerah, mis. diskominfo)');
      continue;
    }
    if (!ctx.canWrite(agency.id)) { fail('kode_opd', ctx.outOfScope(agency.id)); continue; }
    if (existing && !existing.current) { fail('kode_unit', 'unit dengan kode ini sudah ditutup; pakai kode baru'); continue; }
    if (existing && existing.agencyId !== agency.id) {
      fail('kode_opd', `unit ${u.code} milik ${ctx.agencyName(existing.agencyId)}; unit tidak dapat dipindah ke perangkat daerah lain`);
      continue;
    }
    let parentId: string | null = null;
    if (u.agencyTop) {
      const top = ctx.topUnitOf.get(agency.id);
      if (!top) { fail('kode_unit', `${agency.shortName} belum memiliki unit teratas`); continue; }
      if (existing && existing.id !== top.id) { fail('kode_unit', `kode ini sudah dipakai unit lain di ${agency.shortName}`); continue; }
      if (top.externalId && top.externalId !== u.code) { fail('kode_unit', `unit teratas ${agency.shortName} sudah terhubung ke kode "${top.externalId}"`); continue; }
      existing = top;
    } else if (u.parentCode === undefined && existing) {
      parentId = existing.parentId;
    } else if (!u.parentCode) {
      const top = ctx.topUnitOf.get(agency.id);
      if (!top) { fail('kode_induk', `${agency.shortName} belum memiliki unit teratas; isi kode_induk`); continue; }
      parentId = top.id;
    } else {
      s.parentCodeOf.set(u.code, u.parentCode);
    }
    planned.set(u.code, { input: u, id: existing?.id ?? '', agencyId: agency.id, parentId, existing });
  }
}

/** The parent a row names by code: a unit of this file (resolved first) or a current stored one, in the same agency. */
function parentByCode(s: UnitPlanning, p: PlannedUnit, parentCode: string, resolveFirst: (parent: PlannedUnit) => boolean): string | null {
  const { ctx } = s;
  const inFile = s.planned.get(parentCode);
  if (inFile) {
    if (!resolveFirst(inFile)) return null;
    if (inFile.agencyId !== p.agencyId) {
      ctx.error(p.input.src, 'kode_induk', `unit induk "${inFile.input.name}" milik ${ctx.agencyName(inFile.agencyId)}, bukan ${ctx.agencyName(p.agencyId)}`);
      return null;
    }
    return inFile.id || (inFile.id = randomUUID());
  }
  const stored = ctx.unitByExt.get(parentCode);
  if (!stored || !stored.current) {
    if (!ctx.failedCodes.has(parentCode)) ctx.error(p.input.src, 'kode_induk', `unit dengan kode "${parentCode}" tidak ada di berkas ini maupun di SIMPEG`);
    return null;
  }
  if (stored.agencyId !== p.agencyId) {
    ctx.error(p.input.src, 'kode_induk', `unit induk "${stored.name}" milik ${ctx.agencyName(stored.agencyId)}, bukan ${ctx.agencyName(p.agencyId)}`);
    return null;
  }
  return stored.id;
}

/**
 * Step 2: parents named by code, file rows before the rows under them; then a new unit takes over
 * an uncoded stored sibling of the same name (the standard structure) or gets a new id.
 */
function resolveParents(s: UnitPlanning): void {
  const { ctx, planned } = s;
  const adopted = new Set<string>();
  const siblings = (parentId: string) => ctx.snap.units.filter((x) => x.parentId === parentId && x.current && x.externalId === null);
  const resolving = new Set<string>();
  const done = new Map<string, boolean>();
  const resolve = (p: PlannedUnit): boolean => {
    const code = p.input.code;
    const known = done.get(code);
    if (known !== undefined) return known;
    const finish = (ok: boolean) => (done.set(code, ok), ok);
    const parentCode = s.parentCodeOf.get(code);
    if (parentCode !== undefined) {
      // A parent being resolved further down the stack means a loop in the file: linked as
      // written, so the loop check reports it.
      const parentId = parentByCode(s, p, parentCode, (parent) => {
        if (resolving.has(parentCode)) return true;
        resolving.add(code);
        const ok = resolve(parent);
        resolving.delete(code);
        return ok;
      });
      if (!parentId) return finish(false);
      p.parentId = parentId;
    }
    if (!p.id) {
      const twin = p.parentId && ctx.unitById.has(p.parentId) && !p.input.agencyTop
        ? siblings(p.parentId).find((x) => !adopted.has(x.id) && x.name.toLowerCase() === p.input.name.toLowerCase())
        : undefined;
      if (twin) { adopted.add(twin.id); p.existing = twin; p.id = twin.id; } else p.id = randomUUID();
    }
    return finish(true);
  };
  for (const [code, p] of planned) if (!resolve(p)) { planned.delete(code); ctx.failedCodes.add(code); }
}

/** Step 3: loops, through the file and stored units alike. */
function refuseLoops(s: UnitPlanning): void {
  const { ctx, planned } = s;
  const fileById = new Map([...planned.values()].map((p) => [p.id, p]));
  const parentOf = (id: string) => (fileById.has(id) ? fileById.get(id)!.parentId : ctx.unitById.get(id)?.parentId);
  for (const p of [...planned.values()]) {
    const loop = loopFrom(p.id, parentOf);
    if (!loop) continue;
    const names = loop.map((id) => fileById.get(id)?.input.code ?? ctx.unitById.get(id)?.externalId ?? ctx.unitById.get(id)?.name ?? id);
    ctx.error(p.input.src, 'kode_induk', `unit induk membentuk lingkaran: ${[...names, names[0]].join(' → ')}`);
    planned.delete(p.input.code);
    ctx.failedCodes.add(p.input.code);
  }
}

/** Step 4: inserts (parents first), updates and counts; the agency's top unit only takes the code. */
function emit(s: UnitPlanning): void {
  const { ctx, plan, planned } = s;
  const nextSort = sortCounter(ctx.snap.units.map((u) => ({ key: u.parentId, sortOrder: u.sortOrder })));
  for (const p of planned.values()) {
    plan.unitParent.set(p.id, p.parentId);
    plan.unitAgency.set(p.id, p.agencyId);
    const { input } = p;
    if (p.existing?.parentId === null && p.existing.kind === 'opd') {
      // The agency's top unit keeps its name and kind (those follow the agency registry); it only gets the code.
      if (p.existing.externalId === input.code) plan.units.counts.unchanged++;
      else { plan.units.update.push({ id: p.id, externalId: input.code }); plan.units.counts.updated++; }
      continue;
    }
    const fields = {
      parentId: p.parentId, name: input.name, kind: input.kind as NewUnit['kind'], externalId: input.code,
      shortName: input.shortName ?? p.existing?.shortName ?? input.name.slice(0, 80),
    };
    if (!p.existing) {
      plan.units.insert.push({ id: p.id, agencyId: p.agencyId, ...fields, sortOrder: nextSort(p.parentId), validFrom: ctx.snap.today });
      plan.units.counts.created++;
    } else if (sameFields(p.existing, fields)) {
      plan.units.counts.unchanged++;
    } else {
      plan.units.update.push({ id: p.id, ...fields });
      plan.units.counts.updated++;
    }
  }
  // Parents first, so each insert batch only points at rows already written.
  const fileById = new Map([...planned.values()].map((p) => [p.id, p]));
  sortByDepth(plan.units.insert, (id) => (fileById.has(id) ? fileById.get(id)!.parentId : undefined));
  plan.units.byCode = planned;
}
