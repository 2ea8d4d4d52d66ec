import { randomUUID } from 'node:crypto';
import { sameFields, type Context, type SnapPosition } from './import.context.js';
import type { PositionInput } from './import.rows.js';
import type { PlannedPosition, StructurePlan } from './import.structure.js';
import { loopFrom, MAX_DEPTH, sortCounter } from './import.tree.js';

// Positions of a file: their unit (or the agency's top unit), one head per unit, superiors named by
// code within the agency or derived from the unit tree (simpeg.md §5), and loops of superiors.

/** Plans the positions of an import into `plan`, after the units (see planStructure). */
export function planPositions(ctx: Context, inputs: PositionInput[], plan: StructurePlan): void {
  const { snap } = ctx;
  const planned = new Map<string, PlannedPosition>();
  const firstRow = new Map<string, number>();
  const fail = (p: PositionInput, column: string, message: string) => {
    ctx.error(p.src, column, message);
    ctx.failedCodes.add(p.code);
    planned.delete(p.code);
  };
  const unitRef = (code: string) => {
    const inFile = plan.units.byCode.get(code);
    if (inFile) return { id: inFile.id, agencyId: inFile.agencyId, name: inFile.input.name };
    const stored = ctx.unitByExt.get(code);
    return stored?.current ? { id: stored.id, agencyId: stored.agencyId, name: stored.name } : null;
  };

  for (const p of inputs) {
    if (firstRow.has(p.code)) {
      ctx.error(p.src, 'kode_jabatan', `kode jabatan ganda; sudah dipakai di baris ${firstRow.get(p.code)}`);
      continue;
    }
    firstRow.set(p.code, p.src.row);
    const existing = ctx.positionByExt.get(p.code) ?? null;
    if (existing && !existing.current) { fail(p, 'kode_jabatan', 'jabatan dengan kode ini sudah ditutup; pakai kode baru'); continue; }
    let unit: { id: string; agencyId: string; name: string } | null;
    if (p.unitCode) {
      unit = unitRef(p.unitCode);
      if (!unit) {
        if (ctx.failedCodes.has(p.unitCode)) ctx.failedCodes.add(p.code);
        else fail(p, 'kode_unit', `unit dengan kode "${p.unitCode}" tidak ada di berkas ini maupun di SIMPEG`);
        continue;
      }
    } else if (p.unitCode === undefined && p.agencyCode === undefined && existing) {
      const stored = ctx.unitById.get(existing.unitId)!;
      unit = { id: stored.id, agencyId: stored.agencyId, name: stored.name };
    } else {
      const agency = p.agencyCode ? ctx.agencyByCode.get(p.agencyCode) : ctx.defaultAgency();
      if (!agency) {
        if (p.agencyCode) fail(p, 'kode_opd', `perangkat daerah dengan kode "${p.agencyCode}" tidak ada`);
        else fail(p, 'kode_unit', 'isi kode_unit, atau kode_opd untuk unit teratas perangkat daerah');
        continue;
      }
      const top = ctx.topUnitOf.get(agency.id);
      if (!top) { fail(p, 'kode_opd', `${agency.shortName} belum memiliki unit teratas`); continue; }
      unit = { id: top.id, agencyId: agency.id, name: top.name };
    }
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

  // One head per unit: a second head in the file is refused; a stored head without a code is
  // adopted by the file's head post; a stored head with another code is a conflict.
  const storedHead = new Map(snap.positions.filter((s) => s.current && s.isHead).map((s) => [s.unitId, s]));
  const inFileById = () => new Map([...planned.values()].filter((p) => p.existing).map((p) => [p.existing!.id, p]));
  let byStoredId = inFileById();
  const adopted = new Set<string>();
  const claims = new Map<string, PlannedPosition>();
  for (const p of [...planned.values()]) {
    if (!p.isHead) continue;
    const other = claims.get(p.unitId);
    if (other) { fail(p.input, 'kepala_unit', `unit ini sudah diberi jabatan kepala "${other.input.title}" di baris ${other.input.src.row}`); continue; }
    claims.set(p.unitId, p);
    const stored = storedHead.get(p.unitId);
    if (!stored || stored.id === p.existing?.id || byStoredId.has(stored.id)) continue;
    if (stored.externalId === null && !p.existing) {
      adopted.add(stored.id);
      p.existing = stored;
      p.id = stored.id;
      continue;
    }
    fail(p.input, 'kepala_unit', `unit ini sudah punya jabatan kepala "${stored.title}"; isi kepala_unit "tidak" atau ubah jabatan kepala itu lebih dulu`);
  }
  // Other new positions take over a stored, uncoded twin (same unit and title), else get a new id.
  const twins = new Map<string, SnapPosition[]>();
  for (const s of snap.positions) {
    if (!s.current || s.isHead || s.externalId !== null) continue;
    const key = `${s.unitId}|${s.title.toLowerCase()}`;
    twins.set(key, [...(twins.get(key) ?? []), s]);
  }
  for (const p of planned.values()) {
    if (p.id) continue;
    const twin = p.isHead ? undefined : twins.get(`${p.unitId}|${p.input.title.toLowerCase()}`)?.find((s) => !adopted.has(s.id));
    if (twin) { adopted.add(twin.id); p.existing = twin; p.id = twin.id; } else p.id = randomUUID();
  }
  byStoredId = inFileById();

  // Superiors named by code must be in the same agency; the rest follow the unit tree.
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
  const headOf = new Map<string, string>();
  for (const s of snap.positions) if (s.current && s.isHead && !byStoredId.has(s.id)) headOf.set(s.unitId, s.id);
  for (const p of planned.values()) if (p.isHead) headOf.set(p.unitId, p.id);
  const derive = (p: PlannedPosition): string | null => {
    let unit = p.isHead ? (plan.unitParent.get(p.unitId) ?? null) : p.unitId;
    for (let n = 0; unit && n < MAX_DEPTH; n++) {
      const head = headOf.get(unit);
      if (head && head !== p.id) return head;
      unit = plan.unitParent.get(unit) ?? null;
    }
    return null;
  };
  for (const p of planned.values()) if (p.superior === 'derive') p.superior = derive(p);

  const fileById = new Map([...planned.values()].map((p) => [p.id, p]));
  const superiorOf = (id: string) => (fileById.has(id) ? (fileById.get(id)!.superior as string | null) : ctx.positionById.get(id)?.superiorId);
  for (const p of [...planned.values()]) {
    const loop = loopFrom(p.id, superiorOf);
    if (!loop) continue;
    const names = loop.map((id) => fileById.get(id)?.input.code ?? ctx.positionById.get(id)?.externalId ?? ctx.positionById.get(id)?.title ?? id);
    fail(p.input, 'kode_atasan', `rantai atasan membentuk lingkaran: ${[...names, names[0]].join(' → ')}`);
  }

  const nextSort = sortCounter(snap.positions.map((s) => ({ key: s.unitId, sortOrder: s.sortOrder })));
  for (const p of planned.values()) {
    plan.positionAgency.set(p.id, p.agencyId);
    plan.positionUnit.set(p.id, p.unitId);
    plan.positionTitle.set(p.id, p.input.title);
    const fields = {
      unitId: p.unitId, title: p.input.title, kind: p.input.kind, eselon: p.eselon, isHead: p.isHead,
      superiorId: p.superior as string | null, externalId: p.input.code,
    };
    if (!p.existing) {
      plan.positions.insert.push({ id: p.id, ...fields, sortOrder: nextSort(p.unitId), validFrom: snap.today });
      plan.positions.counts.created++;
    } else if (sameFields(p.existing, fields)) {
      plan.positions.counts.unchanged++;
    } else {
      plan.positions.update.push({ id: p.id, ...fields });
      plan.positions.counts.updated++;
      if (p.existing.isHead && (!p.isHead || p.unitId !== p.existing.unitId)) plan.positions.demote.push(p.id);
    }
  }
  // Superiors first, so each insert batch only points at rows already written.
  const depth = (id: string | null | undefined, n = 0): number =>
    (id && fileById.has(id) && !fileById.get(id)!.existing && n < MAX_DEPTH ? depth(fileById.get(id)!.superior as string | null, n + 1) : n);
  plan.positions.insert.sort((a, b) => depth(a.id) - depth(b.id));
  plan.positions.byCode = planned;
}

