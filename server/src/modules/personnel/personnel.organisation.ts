import { inTransaction } from '../../platform/db/index.js';
import { NotFoundError } from '../../platform/errors.js';
import type { Platform } from '../../platform/index.js';
import type { RegionApi } from '../region/index.js';
import { personnelRepo, type PositionRow, type UnitRow } from './personnel.repo.js';
import { UNIT_TREE_DEPTH, type PositionView, type SuperiorView, type UnitNode, type UnitTreeQuery } from './personnel.schema.js';
import { buildStructure, type OrganisationReference, type Structure } from './personnel.structure.js';

/** Longest superior chain followed; real chains are four or five posts, so more means a cycle in the data. */
const MAX_CHAIN = 20;

const today = (): string => new Date().toISOString().slice(0, 10);

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
export function createOrganisationService(platform: Platform, deps: { regions: Pick<RegionApi, 'listDistricts' | 'listVillages'> }) {
  const { db } = platform;

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
      const at = query.at ?? today();
      const units = await personnelRepo.listUnitsOf(db, agencyId, at);
      const heads = await personnelRepo.listHeadsOf(db, units.map((u) => u.id), at);
      return nest(units, heads);
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
      });
      return { units: all.units.length, positions: all.positions.length };
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
