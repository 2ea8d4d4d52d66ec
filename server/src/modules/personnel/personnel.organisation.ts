import { appendAudit } from '../../platform/audit/index.js';
import { FieldConflictError, FieldError, NotFoundError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import type { RegionApi } from '../region/index.js';
import { closesCycle, inScope } from './personnel.policy.js';
import { presentPosition, presentSuperior, presentUnit, presentUnitTree } from './personnel.present.js';
import { personnelRepo, type UnitRow } from './personnel.repo.js';
import type {
  CreatePositionBody, CreateUnitBody, PositionView, SuperiorView, UnitNode, UnitTreeQuery, UpdatePositionBody, UpdateUnitBody,
} from './personnel.schema.js';
import { buildStructure, type OrganisationReference, type Structure } from './personnel.structure.js';

/** Longest superior chain followed; real chains are four or five posts, so more means a cycle in the data. */
const MAX_CHAIN = 20;

/** Organisation use cases: units and positions of the agencies (public org chart, no holders). */
export function createOrganisationService(
  platform: Platform,
  deps: { regions: Pick<RegionApi, 'listVillages'>; revision: Revision },
) {
  const { db } = platform;
  const { revision } = deps;

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
      if (current) chain.push(presentSuperior(current));
    }
    return chain;
  }

  /** A position with its unit, agency and superiors; null when unknown. */
  async function findPosition(id: string): Promise<PositionView | null> {
    const position = await personnelRepo.findPosition(db, id);
    if (!position) return null;
    const unit = (await personnelRepo.findUnit(db, position.unitId))!;
    const agency = (await personnelRepo.findAgency(db, unit.agencyId))!;
    return presentPosition(position, unit, agency, await superiorChain(position.id));
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
      return presentUnitTree(units, heads);
    },

    /** Adds a unit under another unit of the same agency. */
    async createUnit(ctx: Ctx, agencyId: string, body: CreateUnitBody): Promise<UnitNode> {
      inScope(ctx.actor, await personnelRepo.findAgency(db, agencyId), (a) => a.id, 'Perangkat daerah');
      const parent = await personnelRepo.findUnit(db, body.parentId);
      if (!parent || parent.agencyId !== agencyId) {
        throw new FieldError('body.parentId', 'Unit induk harus unit di perangkat daerah yang sama.', 'unit_outside_agency');
      }
      const unit = await revision.write(async (tx) => {
        const [row] = await personnelRepo.insertUnitsReturning(tx, [{
          agencyId, parentId: parent.id, name: body.name.trim(), shortName: body.shortName.trim(), kind: body.kind as UnitRow['kind'],
          sortOrder: await personnelRepo.nextUnitSortOrder(tx, parent.id), validFrom: ctx.today,
        }]);
        await appendAudit(tx, {
          actor: ctx.actor, action: 'unit.created', entityType: 'unit', entityId: row!.id, requestId: ctx.requestId,
          data: { agencyId, parentId: parent.id, name: row!.name },
        });
        return row!;
      });
      return presentUnit(unit);
    },

    /** Renames or moves a unit; a move must stay inside the agency and must not put the unit under itself. */
    async updateUnit(ctx: Ctx, id: string, body: UpdateUnitBody): Promise<UnitNode> {
      const unit = inScope(ctx.actor, await personnelRepo.findUnit(db, id), (u) => u.agencyId, 'Unit kerja');
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
      const updated = await revision.write(async (tx) => {
        const row = await personnelRepo.updateUnit(tx, id, {
          ...(body.parentId !== undefined ? { parentId: body.parentId } : {}),
          ...(body.name !== undefined ? { name: body.name.trim() } : {}),
          ...(body.shortName !== undefined ? { shortName: body.shortName.trim() } : {}),
        });
        await appendAudit(tx, { actor: ctx.actor, action: 'unit.updated', entityType: 'unit', entityId: id, requestId: ctx.requestId, data: { ...body } });
        return row;
      });
      return presentUnit(updated);
    },

    /**
     * Adds a position to a unit. Eselon only for managerial posts; one current head per unit. The
     * superior defaults to the unit's head (or, for a head, the parent unit's head).
     */
    async createPosition(ctx: Ctx, unitId: string, body: CreatePositionBody): Promise<PositionView> {
      const unit = inScope(ctx.actor, await personnelRepo.findUnit(db, unitId), (u) => u.agencyId, 'Unit kerja');
      const eselon = body.eselon ?? null;
      if (eselon !== null && (body.kind === 'pelaksana' || body.kind === 'fungsional')) {
        throw new FieldError('body.eselon', 'Eselon hanya untuk jabatan pimpinan tinggi, administrator dan pengawas.', 'eselon_not_allowed');
      }
      const isHead = body.isHead ?? false;
      const at = ctx.today;
      let superiorId = body.superiorId ?? null;
      if (body.superiorId === undefined) {
        const headUnit = isHead ? unit.parentId : unit.id;
        superiorId = headUnit ? (await personnelRepo.listHeadsOf(db, [headUnit], at))[0]?.id ?? null : null;
      } else if (superiorId !== null) {
        await checkSuperior(unit.agencyId, null, superiorId);
      }
      const id = await revision.write(async (tx) => {
        if (isHead && (await personnelRepo.listHeadsOf(tx, [unit.id], at)).length > 0) {
          throw new FieldConflictError('body.isHead', `${unit.name} sudah punya jabatan kepala unit.`, 'head_taken');
        }
        const [row] = await personnelRepo.insertPositionsReturning(tx, [{
          unitId: unit.id, title: body.title.trim(), kind: body.kind, eselon, isHead, superiorId,
          sortOrder: await personnelRepo.nextPositionSortOrder(tx, unit.id), validFrom: at,
        }]);
        await appendAudit(tx, {
          actor: ctx.actor, action: 'position.created', entityType: 'position', entityId: row!.id, requestId: ctx.requestId, data: { unitId, title: row!.title },
        });
        return row!.id;
      });
      return positionView(id);
    },

    /** Renames a position, changes its eselon or its superior (same agency, no loops). */
    async updatePosition(ctx: Ctx, id: string, body: UpdatePositionBody): Promise<PositionView> {
      const { position, unit } = inScope(ctx.actor, await personnelRepo.findPositionWithUnit(db, id), (p) => p.unit.agencyId, 'Jabatan');
      if (body.superiorId) await checkSuperior(unit.agencyId, id, body.superiorId);
      if (body.eselon && (position.kind === 'pelaksana' || position.kind === 'fungsional')) {
        throw new FieldError('body.eselon', 'Eselon hanya untuk jabatan pimpinan tinggi, administrator dan pengawas.', 'eselon_not_allowed');
      }
      await revision.write(async (tx) => {
        await personnelRepo.updatePosition(tx, id, {
          ...(body.title !== undefined ? { title: body.title.trim() } : {}),
          ...(body.eselon !== undefined ? { eselon: body.eselon } : {}),
          ...(body.superiorId !== undefined ? { superiorId: body.superiorId } : {}),
        });
        await appendAudit(tx, { actor: ctx.actor, action: 'position.updated', entityType: 'position', entityId: id, requestId: ctx.requestId, data: { ...body } });
      });
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
      await revision.write(async (tx) => {
        await personnelRepo.insertUnits(tx, all.units);
        await personnelRepo.insertPositions(tx, all.positions);
      });
      return { units: all.units.length, positions: all.positions.length };
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
