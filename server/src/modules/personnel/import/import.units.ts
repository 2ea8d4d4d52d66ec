import { randomUUID } from 'node:crypto';
import type { NewUnit } from '../personnel.repo.js';
import { sameFields, type Context } from './import.context.js';
import type { UnitInput } from './import.rows.js';
import type { PlannedUnit, StructurePlan } from './import.structure.js';
import { loopFrom, sortByDepth, sortCounter } from './import.tree.js';

// Units of a file: agency and scope, parents by code (file first, then stored external ids),
// loops through the file and stored units alike, and adoption of uncoded standard units.

/** Plans the units of an import into `plan` (see planStructure). */
export function planUnits(ctx: Context, inputs: UnitInput[], plan: StructurePlan): void {
  const { snap } = ctx;
  const planned = new Map<string, PlannedUnit>();
  const firstRow = new Map<string, number>();
  const parentCodeOf = new Map<string, string>();

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
      parentCodeOf.set(u.code, u.parentCode);
    }
    planned.set(u.code, { input: u, id: existing?.id ?? '', agencyId: agency.id, parentId, existing });
  }

  // Parents named by code: a unit of this file (placed first) or a stored one.
  const adopted = new Set<string>();
  const siblings = (parentId: string) => snap.units.filter((s) => s.parentId === parentId && s.current && s.externalId === null);
  const resolving = new Set<string>();
  const done = new Map<string, boolean>();
  const idOf = (p: PlannedUnit) => p.id || (p.id = randomUUID());
  const resolve = (p: PlannedUnit): boolean => {
    const code = p.input.code;
    const known = done.get(code);
    if (known !== undefined) return known;
    const finish = (ok: boolean) => (done.set(code, ok), ok);
    const parentCode = parentCodeOf.get(code);
    if (parentCode !== undefined) {
      const inFile = planned.get(parentCode);
      if (inFile) {
        // A parent being resolved further down the stack means a loop in the file: linked as
        // written, so the loop check below reports it.
        if (!resolving.has(parentCode)) {
          resolving.add(code);
          const ok = resolve(inFile);
          resolving.delete(code);
          if (!ok) return finish(false);
        }
        if (inFile.agencyId !== p.agencyId) {
          ctx.error(p.input.src, 'kode_induk', `unit induk "${inFile.input.name}" milik ${ctx.agencyName(inFile.agencyId)}, bukan ${ctx.agencyName(p.agencyId)}`);
          return finish(false);
        }
        p.parentId = idOf(inFile);
      } else {
        const stored = ctx.unitByExt.get(parentCode);
        if (!stored || !stored.current) {
          if (!ctx.failedCodes.has(parentCode)) ctx.error(p.input.src, 'kode_induk', `unit dengan kode "${parentCode}" tidak ada di berkas ini maupun di SIMPEG`);
          return finish(false);
        }
        if (stored.agencyId !== p.agencyId) {
          ctx.error(p.input.src, 'kode_induk', `unit induk "${stored.name}" milik ${ctx.agencyName(stored.agencyId)}, bukan ${ctx.agencyName(p.agencyId)}`);
          return finish(false);
        }
        p.parentId = stored.id;
      }
    }
    if (!p.id) {
      const twin = p.parentId && ctx.unitById.has(p.parentId) && !p.input.agencyTop
        ? siblings(p.parentId).find((s) => !adopted.has(s.id) && s.name.toLowerCase() === p.input.name.toLowerCase())
        : undefined;
      if (twin) { adopted.add(twin.id); p.existing = twin; p.id = twin.id; } else p.id = randomUUID();
    }
    return finish(true);
  };
  for (const [code, p] of planned) if (!resolve(p)) { planned.delete(code); ctx.failedCodes.add(code); }

  // Loops, through the file and stored units alike.
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

  const nextSort = sortCounter(snap.units.map((u) => ({ key: u.parentId, sortOrder: u.sortOrder })));
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
  sortByDepth(plan.units.insert, (id) => (fileById.has(id) ? fileById.get(id)!.parentId : undefined));
  plan.units.byCode = planned;
}

