import { randomUUID } from 'node:crypto';
import { sameFields, type Context, type SnapPosition } from './import.context.js';
import type { EmployeeInput, PositionInput } from './import.rows.js';
import type { PlannedPosition, StructurePlan } from './import.structure.js';
import { loopFrom, MAX_DEPTH, sortByDepth, sortCounter } from './import.tree.js';

// Positions of a file: their unit (or the agency's top unit), one head per unit, superiors named by
// code within the agency or derived from the unit tree (simpeg.md §5), and loops of superiors.
// Each step below reads and narrows `planned`; a row that fails leaves it and marks its code failed.

/** The planning state the steps share. */
interface Planning {
  ctx: Context;
  plan: StructurePlan;
  planned: Map<string, PlannedPosition>;
  fail: (p: PositionInput, column: string, message: string) => void;
}

type UnitRef = { id: string; agencyId: string; name: string };

/** Functional and pelaksana titles are held by many people in one unit; the rest are one post each. */
const SHARED_KINDS: ReadonlySet<PositionInput['kind']> = new Set(['fungsional', 'pelaksana']);

/** Plans the positions of an import into `plan`, after the units (see planStructure). */
export function planPositions(ctx: Context, inputs: PositionInput[], plan: StructurePlan, employees: EmployeeInput[] = []): void {
  const planned = new Map<string, PlannedPosition>();
  const s: Planning = {
    ctx, plan, planned,
    fail: (p, column, message) => {
      ctx.error(p.src, column, message);
      ctx.failedCodes.add(p.code);
      planned.delete(p.code);
    },
  };
  readRows(s, inputs);
  const adopted = claimHeads(s);
  adoptTwins(s, adopted, claimants(ctx, employees));
  // Stored posts the file takes over, as they stand before superiors are checked.
  const byStoredId = inFileById(planned);
  linkNamedSuperiors(s);
  deriveSuperiors(s, byStoredId);
  refuseLoops(s);
  emit(s);
}

const inFileById = (planned: Map<string, PlannedPosition>) =>
  new Map([...planned.values()].filter((p) => p.existing).map((p) => [p.existing!.id, p]));

/** The unit a row names by code: one of this file, else a current stored one. */
function unitByCode(s: Planning, code: string): UnitRef | null {
  const inFile = s.plan.units.byCode.get(code);
  if (inFile) return { id: inFile.id, agencyId: inFile.agencyId, name: inFile.input.name };
  const stored = s.ctx.unitByExt.get(code);
  return stored?.current ? { id: stored.id, agencyId: stored.agencyId, name: stored.name } : null;
}

/** The unit of a row: by code, else where the stored post already is, else the agency's top unit; null after failing the row. */
function unitOfRow(s: Planning, p: PositionInput, existing: SnapPosition | null): UnitRef | null {
  const { ctx } = s;
  if (p.unitCode) {
    const unit = unitByCode(s, p.unitCode);
    if (!unit) {
      if (ctx.failedCodes.has(p.unitCode)) ctx.failedCodes.add(p.code);
      else s.fail(p, 'kode_unit', `unit dengan kode "${p.unitCode}" tidak ada di berkas ini maupun di SIMPEG`);
    }
    return unit;
  }
  if (p.unitCode === undefined && p.agencyCode === undefined && existing) {
    const stored = ctx.unitById.get(existing.unitId)!;
    return { id: stored.id, agencyId: stored.agencyId, name: stored.name };
  }
  const agency = p.agencyCode ? ctx.agencyByCode.get(p.agencyCode) : ctx.defaultAgency();
  if (!agency) {
    if (p.agencyCode) s.fail(p, 'kode_opd', `perangkat daerah dengan kode "${p.agencyCode}" tidak ada`);
    else s.fail(p, 'kode_unit', 'isi kode_unit, atau kode_opd untuk unit teratas perangkat daerah');
    return null;
  }
  const top = ctx.topUnitOf.get(agency.id);
  if (!top) { s.fail(p, 'kode_opd', `${agency.shortName} belum memiliki unit teratas`); return null; }
  return { id: top.id, agencyId: agency.id, name: top.name };
}

/** Step 1: each row's stored post, unit and agency, in the caller's scope; duplicate codes refused. */
function readRows(s: Planning, inputs: PositionInput[]): void {
  const { ctx, planned, fail } = s;
  const firstRow = new Map<string, number>();
  for (const p of inputs) {
    if (firstRow.has(p.code)) {
      ctx.error(p.src, 'kode_jabatan', `kode jabatan ganda; sudah dipakai di baris ${firstRow.get(p.code)}`);
      continue;
    }
    firstRow.set(p.code, p.src.row);
    const existing = ctx.positionByExt.get(p.code) ?? null;
    if (existing && !existing.current) { fail(p, 'kode_jabatan', 'jabatan dengan kode ini sudah ditutup; pakai kode baru'); continue; }
    const unit = unitOfRow(s, p, existing);
    if (!unit) continue;
    if (p.agencyCode && p.unitCode && ctx.agencyByCode.get(p.agencyCode)?.id !== unit.agencyId) {
      fail(p, 'kode_opd', `unit "${unit.name}" milik ${ctx.agencyName(unit.agencyId)}, bukan perangkat daerah "${p.agencyCode}"`);
      continue;
    }
    if (!ctx.canWrite(unit.agencyId)) { fail(p, p.unitCode ? 'kode_unit' : 'kode_opd', ctx.outOfScope(unit.agencyId)); continue; }
    const storedAgency = existing ? ctx.unitById.get(existing.unitId)?.agencyId : undefined;
    if (storedAgency && storedAgency !== unit.agencyId) {
      fail(p, 'kode_unit', `jabatan ${p.code} milik ${ctx.agencyName(storedAgency)}; jabatan tidak dapat dipindah ke perangkat daerah lain`);
      continue;
    }
    planned.set(p.code, {
      input: p, id: existing?.id ?? '', agencyId: unit.agencyId, unitId: unit.id, existing,
      isHead: p.isHead ?? existing?.isHead ?? false,
      eselon: p.eselon === undefined ? (existing?.eselon ?? null) : p.eselon,
      superior: p.superiorCode === undefined && existing ? existing.superiorId : 'derive',
    });
  }
}

/**
 * Step 2, one head per unit: a second head in the file is refused; a stored head without a code is
 * adopted by the file's head post; a stored head with another code is a conflict. Returns the
 * stored posts adopted.
 */
function claimHeads(s: Planning): Set<string> {
  const storedHead = new Map(s.ctx.snap.positions.filter((x) => x.current && x.isHead).map((x) => [x.unitId, x]));
  const byStoredId = inFileById(s.planned);
  const adopted = new Set<string>();
  const claims = new Map<string, PlannedPosition>();
  for (const p of [...s.planned.values()]) {
    if (!p.isHead) continue;
    const other = claims.get(p.unitId);
    if (other) { s.fail(p.input, 'kepala_unit', `unit ini sudah diberi jabatan kepala "${other.input.title}" di baris ${other.input.src.row}`); continue; }
    claims.set(p.unitId, p);
    const stored = storedHead.get(p.unitId);
    if (!stored || stored.id === p.existing?.id || byStoredId.has(stored.id)) continue;
    if (stored.externalId === null && !p.existing) {
      adopted.add(stored.id);
      p.existing = stored;
      p.id = stored.id;
      continue;
    }
    s.fail(p.input, 'kepala_unit', `unit ini sudah punya jabatan kepala "${stored.title}"; isi kepala_unit "tidak" atau ubah jabatan kepala itu lebih dulu`);
  }
  return adopted;
}

/** Stored ids of the employees of the file who take each position code. */
function claimants(ctx: Context, employees: EmployeeInput[]): Map<string, Set<string>> {
  const storedId = new Map(ctx.snap.employees.map((e) => [e.nip, e.id]));
  const out = new Map<string, Set<string>>();
  for (const e of employees) {
    const id = storedId.get(e.nip);
    if (!e.positionCode || !id) continue;
    out.set(e.positionCode, (out.get(e.positionCode) ?? new Set()).add(id));
  }
  return out;
}

/**
 * Step 3: other new positions take over a stored, uncoded twin (same unit and title), else get a
 * new id. A structural post has one holder, so its first twin is taken and the employees step
 * refuses a different holder. A functional or pelaksana title is shared by many people in one
 * unit, so its row takes the twin its own employee already holds, else a vacant one, else a new
 * post: never a colleague's.
 */
function adoptTwins(s: Planning, adopted: Set<string>, claimedBy: Map<string, Set<string>>): void {
  const twins = new Map<string, SnapPosition[]>();
  for (const x of s.ctx.snap.positions) {
    if (!x.current || x.isHead || x.externalId !== null) continue;
    const key = `${x.unitId}|${x.title.toLowerCase()}`;
    twins.set(key, [...(twins.get(key) ?? []), x]);
  }
  const holderOf = new Map(s.ctx.snap.openAssignments.map((a) => [a.positionId, a.employeeId]));
  for (const p of s.planned.values()) {
    if (p.id) continue;
    const free = p.isHead ? [] : (twins.get(`${p.unitId}|${p.input.title.toLowerCase()}`) ?? []).filter((x) => !adopted.has(x.id));
    let twin: SnapPosition | undefined;
    if (!SHARED_KINDS.has(p.input.kind)) twin = free[0];
    else {
      const mine = claimedBy.get(p.input.code);
      twin = free.find((x) => mine?.has(holderOf.get(x.id) ?? '')) ?? free.find((x) => !holderOf.has(x.id));
    }
    if (twin) { adopted.add(twin.id); p.existing = twin; p.id = twin.id; } else p.id = randomUUID();
  }
}

/** Step 4: superiors named by code, in the file or stored, must be in the same agency. */
function linkNamedSuperiors(s: Planning): void {
  const { ctx, planned, fail } = s;
  for (const p of [...planned.values()]) {
    const code = p.input.superiorCode;
    if (!code) continue;
    const inFile = planned.get(code);
    const stored = inFile ? undefined : ctx.positionByExt.get(code);
    const superior = inFile ? { id: inFile.id, agencyId: inFile.agencyId, title: inFile.input.title }
      : stored?.current ? { id: stored.id, agencyId: ctx.unitById.get(stored.unitId)!.agencyId, title: stored.title } : null;
    if (!superior) {
      if (ctx.failedCodes.has(code)) { planned.delete(p.input.code); ctx.failedCodes.add(p.input.code); }
      else fail(p.input, 'kode_atasan', `jabatan dengan kode "${code}" tidak ada di berkas ini maupun di SIMPEG`);
      continue;
    }
    if (superior.agencyId !== p.agencyId) {
      fail(p.input, 'kode_atasan', `atasan "${superior.title}" berada di ${ctx.agencyName(superior.agencyId)}, di luar ${ctx.agencyName(p.agencyId)}`);
      continue;
    }
    p.superior = superior.id;
  }
}

/** Step 5 (simpeg.md §5): a head reports to the nearest head above its unit, anyone else to the head of their own unit or above. */
function deriveSuperiors(s: Planning, byStoredId: Map<string, PlannedPosition>): void {
  const { plan } = s;
  const headOf = new Map<string, string>();
  for (const x of s.ctx.snap.positions) if (x.current && x.isHead && !byStoredId.has(x.id)) headOf.set(x.unitId, x.id);
  for (const p of s.planned.values()) if (p.isHead) headOf.set(p.unitId, p.id);
  const derive = (p: PlannedPosition): string | null => {
    let unit = p.isHead ? (plan.unitParent.get(p.unitId) ?? null) : p.unitId;
    for (let n = 0; unit && n < MAX_DEPTH; n++) {
      const head = headOf.get(unit);
      if (head && head !== p.id) return head;
      unit = plan.unitParent.get(unit) ?? null;
    }
    return null;
  };
  for (const p of s.planned.values()) if (p.superior === 'derive') p.superior = derive(p);
}

/** Step 6: loops of superiors, through the file and stored posts alike. */
function refuseLoops(s: Planning): void {
  const { ctx } = s;
  const fileById = new Map([...s.planned.values()].map((p) => [p.id, p]));
  const superiorOf = (id: string) => (fileById.has(id) ? (fileById.get(id)!.superior as string | null) : ctx.positionById.get(id)?.superiorId);
  for (const p of [...s.planned.values()]) {
    const loop = loopFrom(p.id, superiorOf);
    if (!loop) continue;
    const names = loop.map((id) => fileById.get(id)?.input.code ?? ctx.positionById.get(id)?.externalId ?? ctx.positionById.get(id)?.title ?? id);
    s.fail(p.input, 'kode_atasan', `rantai atasan membentuk lingkaran: ${[...names, names[0]].join(' → ')}`);
  }
}

/** Step 7: inserts, updates and counts; superiors are inserted before the posts that point at them. */
function emit(s: Planning): void {
  const { ctx, plan, planned } = s;
  const nextSort = sortCounter(ctx.snap.positions.map((x) => ({ key: x.unitId, sortOrder: x.sortOrder })));
  for (const p of planned.values()) {
    plan.positionAgency.set(p.id, p.agencyId);
    plan.positionUnit.set(p.id, p.unitId);
    plan.positionTitle.set(p.id, p.input.title);
    const fields = {
      unitId: p.unitId, title: p.input.title, kind: p.input.kind, eselon: p.eselon, isHead: p.isHead,
      superiorId: p.superior as string | null, externalId: p.input.code,
    };
    if (!p.existing) {
      plan.positions.insert.push({ id: p.id, ...fields, sortOrder: nextSort(p.unitId), validFrom: ctx.snap.today });
      plan.positions.counts.created++;
    } else if (sameFields(p.existing, fields)) {
      plan.positions.counts.unchanged++;
    } else {
      plan.positions.update.push({ id: p.id, ...fields });
      plan.positions.counts.updated++;
      if (p.existing.isHead && (!p.isHead || p.unitId !== p.existing.unitId)) plan.positions.demote.push(p.id);
    }
  }
  // Only new posts count: stored superiors are already written.
  const fileById = new Map([...planned.values()].map((p) => [p.id, p]));
  sortByDepth(plan.positions.insert, (id) => {
    const p = fileById.get(id);
    return p && !p.existing ? (p.superior as string | null) : undefined;
  });
  plan.positions.byCode = planned;
}
