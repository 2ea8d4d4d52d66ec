import { appendAudit } from '../../platform/audit/index.js';
import { inTransaction } from '../../platform/db/index.js';
import { FieldConflictError, FieldError, NotFoundError } from '../../platform/errors.js';
import type { Actor, Platform } from '../../platform/index.js';
import type { RegionApi } from '../region/index.js';
import { canManageAgency, closesCycle } from './personnel.policy.js';
import { personnelRepo, type PositionRow, type UnitRow } from './personnel.repo.js';
import {
  UNIT_TREE_DEPTH, type CreatePositionBody, type CreateUnitBody, type PositionView, type SuperiorView, type UnitNode, type UnitTreeQuery,
  type UpdatePositionBody, type UpdateUnitBody,
} from './personnel.schema.js';
import { buildStructure, type OrganisationReference, type Structure } from './personnel.structure.js';

/** Longest superior chain followed; real chains are four or five posts, so more means a cycle in the data. */
const MAX_CHAIN = 20;

const superiorOf = (p: PositionRow): SuperiorView => ({ id: p.id, title: p.title, eselon: p.eselon, unitId: p.unitId });

/** Nests flat units under their parents, each with its head post; roots are units without a (current) parent. */
function nest(units: UnitRow[], heads: PositionRow[]): UnitNode[] {
  const headOf = new Map(heads.map((h) => [h.unitId, { id: h.id, title: h.title, eselon: h.eselon }]));
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.id, {
    id: u.id, name: u.name, shortName: u.shortName, kind: u.kind, head: headOf.get(u.id) ?? null, children: [],
  }]));
  const roots: UnitNode[] = [];
  for (const u of units) {
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(u.id)!);
  }
  // The response schema is depth-bounded; a deeper (malformed) tree is cut rather than failing the page.
  const cut = (list: UnitNode[], depth: number): void => {
    for (const n of list) if (depth <= 1) n.children = []; else cut(n.children, depth - 1);
  };
  cut(roots, UNIT_TREE_DEPTH);
  return roots;
}

/** Organisation use cases: units and positions of the agencies (public org chart, no holders). */
export function createOrganisationService(
  platform: Platform,
  deps: { regions: Pick<RegionApi, 'listDistricts' | 'listVillages'>; onPositionsChanged: () => void },
) {
  const { db } = platform;
  /** Today in the region's time zone: TMTs and delegations start at local midnight. */

  /** The unit when the actor manages its agency; 404 otherwise. */
  async function managedUnit(actor: Actor, id: string): Promise<UnitRow> {
    const unit = await personnelRepo.findUnit(db, id);
    if (!unit || !canManageAgency(actor, unit.agencyId)) throw new NotFoundError('Unit kerja');
    return unit;
  }

  /** A superior must be a post of the same agency and must not make the chain loop back. */
  async function checkSuperior(agencyId: string, positionId: string | null, superiorId: string): Promise<void> {
    const superior = await personnelRepo.findPosition(db, superiorId);
    const superiorUnit = superior ? await personnelRepo.findUnit(db, superior.unitId) : null;
    if (!superiorUnit || superiorUnit.agencyId !== agencyId) {
      throw new FieldError('body.superiorId', 'Atasan harus jabatan di perangkat daerah yang sama.', 'superior_outside_agency');
    }
    if (positionId !== null) {
      const links = await personnelRepo.positionSuperiors(db, agencyId);
      if (closesCycle(positionId, superiorId, (id) => links.get(id))) {
        throw new FieldError('body.superiorId', 'Atasan ini membuat rantai atasan berputar (jabatan menjadi atasan dirinya sendiri).', 'superior_cycle');
      }
    }
  }

  /** A position as the API shows it (the caller knows it exists). */
  async function positionView(id: string): Promise<PositionView> {
    return (await findPosition(id))!;
  }

  /** Superiors of a position, nearest first; stops at a cycle or after MAX_CHAIN steps. */
  async function superiorChain(positionId: string): Promise<SuperiorView[]> {
    const chain: SuperiorView[] = [];
    const seen = new Set([positionId]);
    let current = await personnelRepo.findPosition(db, positionId);
    while (current?.superiorId && !seen.has(current.superiorId) && chain.length < MAX_CHAIN) {
      seen.add(current.superiorId);
      current = await personnelRepo.findPosition(db, current.superiorId);
      if (current) chain.push(superiorOf(current));
    }
    return chain;
  }

  /** A position with its unit, agency and superiors; null when unknown. */
  async function findPosition(id: string): Promise<PositionView | null> {
    const position = await personnelRepo.findPosition(db, id);
    if (!position) return null;
    const unit = (await personnelRepo.findUnit(db, position.unitId))!;
    const agency = (await personnelRepo.findAgency(db, unit.agencyId))!;
    return {
      id: position.id, title: position.title, kind: position.kind, eselon: position.eselon, isHead: position.isHead,
      validFrom: position.validFrom, validTo: position.validTo,
      unit: { id: unit.id, name: unit.name, shortName: unit.shortName, kind: unit.kind },
      agency: { id: agency.id, code: agency.code, name: agency.name, shortName: agency.shortName },
      superiors: await superiorChain(position.id),
    };
  }

  return {
    superiorChain,
    findPosition,

    /** One position for the API; unknown ids answer 404. */
    async getPosition(id: string): Promise<PositionView> {
      const view = await findPosition(id);
      if (!view) throw new NotFoundError('Jabatan');
      return view;
    },

    /** The agency's units valid on a date (today by default) as a tree, each with its head post. */
    async unitTree(agencyId: string, query: UnitTreeQuery): Promise<UnitNode[]> {
      if (!(await personnelRepo.findAgency(db, agencyId))) throw new NotFoundError('Perangkat daerah');
      const at = query.at ?? platform.today();
      const units = await personnelRepo.listUnitsOf(db, agencyId, at);
      const heads = await personnelRepo.listHeadsOf(db, units.map((u) => u.id), at);
      return nest(units, heads);
    },

    /** Adds a unit under another unit of the same agency. */
    async createUnit(actor: Actor, agencyId: string, body: CreateUnitBody, requestId: string | null = null): Promise<UnitNode> {
      if (!canManageAgency(actor, agencyId) || !(await personnelRepo.findAgency(db, agencyId))) throw new NotFoundError('Perangkat daerah');
      const parent = await personnelRepo.findUnit(db, body.parentId);
      if (!parent || parent.agencyId !== agencyId) {
        throw new FieldError('body.parentId', 'Unit induk harus unit di perangkat daerah yang sama.', 'unit_outside_agency');
      }
      const unit = await inTransaction(db, async (tx) => {
        const [row] = await personnelRepo.insertUnitsReturning(tx, [{
          agencyId, parentId: parent.id, name: body.name.trim(), shortName: body.shortName.trim(), kind: body.kind as UnitRow['kind'],
          sortOrder: await personnelRepo.nextUnitSortOrder(tx, parent.id), validFrom: platform.today(),
        }]);
        await personnelRepo.bumpRevision(tx);
        await appendAudit(tx, { actor, action: 'unit.created', entityType: 'unit', entityId: row!.id, requestId, data: { agencyId, parentId: parent.id, name: row!.name } });
        return row!;
      });
      return { id: unit.id, name: unit.name, shortName: unit.shortName, kind: unit.kind, head: null, children: [] };
    },

    /** Renames or moves a unit; a move must stay inside the agency and must not put the unit under itself. */
    async updateUnit(actor: Actor, id: string, body: UpdateUnitBody, requestId: string | null = null): Promise<UnitNode> {
      const unit = await managedUnit(actor, id);
      if (body.parentId !== undefined) {
        if (unit.parentId === null) throw new FieldError('body.parentId', 'Unit teratas perangkat daerah tidak dapat dipindah.', 'unit_is_root');
        const parent = await personnelRepo.findUnit(db, body.parentId);
        if (!parent || parent.agencyId !== unit.agencyId) {
          throw new FieldError('body.parentId', 'Unit induk harus unit di perangkat daerah yang sama.', 'unit_outside_agency');
        }
        const links = await personnelRepo.unitParents(db, unit.agencyId);
        if (closesCycle(unit.id, parent.id, (u) => links.get(u))) {
          throw new FieldError('body.parentId', `${parent.name} berada di bawah ${unit.name}; unit tidak dapat dipindah ke bawah dirinya sendiri.`, 'unit_cycle');
        }
      }
      const updated = await inTransaction(db, async (tx) => {
        const row = await personnelRepo.updateUnit(tx, id, {
          ...(body.parentId !== undefined ? { parentId: body.parentId } : {}),
          ...(body.name !== undefined ? { name: body.name.trim() } : {}),
          ...(body.shortName !== undefined ? { shortName: body.shortName.trim() } : {}),
        });
        await personnelRepo.bumpRevision(tx);
        await appendAudit(tx, { actor, action: 'unit.updated', entityType: 'unit', entityId: id, requestId, data: { ...body } });
        return row;
      });
      deps.onPositionsChanged();
      return { id: updated.id, name: updated.name, shortName: updated.shortName, kind: updated.kind, head: null, children: [] };
    },

    /**
     * Adds a position to a unit. Eselon only for managerial posts; one current head per unit. The
     * superior defaults to the unit's head (or, for a head, the parent unit's head).
     */
    async createPosition(actor: Actor, unitId: string, body: CreatePositionBody, requestId: string | null = null): Promise<PositionView> {
      const unit = await managedUnit(actor, unitId);
      const eselon = body.eselon ?? null;
      if (eselon !== null && (body.kind === 'pelaksana' || body.kind === 'fungsional')) {
        throw new FieldError('body.eselon', 'Eselon hanya untuk jabatan pimpinan tinggi, administrator dan pengawas.', 'eselon_not_allowed');
      }
      const isHead = body.isHead ?? false;
      const at = platform.today();
      let superiorId = body.superiorId ?? null;
      if (body.superiorId === undefined) {
        const headUnit = isHead ? unit.parentId : unit.id;
        superiorId = headUnit ? (await personnelRepo.listHeadsOf(db, [headUnit], at))[0]?.id ?? null : null;
      } else if (superiorId !== null) {
        await checkSuperior(unit.agencyId, null, superiorId);
      }
      const id = await inTransaction(db, async (tx) => {
        if (isHead && (await personnelRepo.listHeadsOf(tx, [unit.id], at)).length > 0) {
          throw new FieldConflictError('body.isHead', `${unit.name} sudah punya jabatan kepala unit.`, 'head_taken');
        }
        const [row] = await personnelRepo.insertPositionsReturning(tx, [{
          unitId: unit.id, title: body.title.trim(), kind: body.kind, eselon, isHead, superiorId,
          sortOrder: await personnelRepo.nextPositionSortOrder(tx, unit.id), validFrom: at,
        }]);
        await personnelRepo.bumpRevision(tx);
        await appendAudit(tx, { actor, action: 'position.created', entityType: 'position', entityId: row!.id, requestId, data: { unitId, title: row!.title } });
        return row!.id;
      });
      deps.onPositionsChanged();
      return positionView(id);
    },

    /** Renames a position, changes its eselon or its superior (same agency, no loops). */
    async updatePosition(actor: Actor, id: string, body: UpdatePositionBody, requestId: string | null = null): Promise<PositionView> {
      const position = await personnelRepo.findPosition(db, id);
      const unit = position ? await personnelRepo.findUnit(db, position.unitId) : null;
      if (!position || !unit || !canManageAgency(actor, unit.agencyId)) throw new NotFoundError('Jabatan');
      if (body.superiorId) await checkSuperior(unit.agencyId, id, body.superiorId);
      if (body.eselon && (position.kind === 'pelaksana' || position.kind === 'fungsional')) {
        throw new FieldError('body.eselon', 'Eselon hanya untuk jabatan pimpinan tinggi, administrator dan pengawas.', 'eselon_not_allowed');
      }
      await inTransaction(db, async (tx) => {
        await personnelRepo.updatePosition(tx, id, {
          ...(body.title !== undefined ? { title: body.title.trim() } : {}),
          ...(body.eselon !== undefined ? { eselon: body.eselon } : {}),
          ...(body.superiorId !== undefined ? { superiorId: body.superiorId } : {}),
        });
        await personnelRepo.bumpRevision(tx);
        await appendAudit(tx, { actor, action: 'position.updated', entityType: 'position', entityId: id, requestId, data: { ...body } });
      });
      deps.onPositionsChanged();
      return positionView(id);
    },

    /**
     * Gives every current agency without units its standard structure (see buildStructure).
     * Idempotent: an agency that already has units is left as it is, so later edits survive re-seeding.
     */
    async importOrganisation(reference: OrganisationReference): Promise<{ units: number; positions: number }> {
      const agencies = await personnelRepo.listCurrentAgencies(db);
      const done = await personnelRepo.agenciesWithUnits(db, agencies.map((a) => a.id));
      const pending = agencies.filter((a) => !done.has(a.id));
      if (pending.length === 0) return { units: 0, positions: 0 };
      const kelurahanOf = new Map<string, string[]>();
      for (const agency of pending) {
        if (agency.kind !== 'kecamatan' || !agency.districtCode) continue;
        const villages = await deps.regions.listVillages(agency.districtCode);
        kelurahanOf.set(agency.id, villages.filter((v) => v.kind === 'kelurahan').map((v) => v.name));
      }
      const all: Structure = { units: [], positions: [] };
      for (const agency of pending) {
        const s = buildStructure(agency, reference, kelurahanOf.get(agency.id) ?? []);
        all.units.push(...s.units);
        all.positions.push(...s.positions);
      }
      await inTransaction(db, async (tx) => {
        await personnelRepo.insertUnits(tx, all.units);
        await personnelRepo.insertPositions(tx, all.positions);
        await personnelRepo.bumpRevision(tx);
      });
      deps.onPositionsChanged();
      return { units: all.units.length, positions: all.positions.length };
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
