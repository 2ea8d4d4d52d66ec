import type { Ctx, Platform } from '../../platform/index.js';
import { inTransaction } from '../../platform/db/index.js';
import { NotFoundError } from '../../platform/errors.js';
import type { RegionApi } from '../region/index.js';
import { canManageAny, managedAgencies } from './personnel.policy.js';
import { presentAgency } from './personnel.present.js';
import { personnelRepo, type AgencyRow } from './personnel.repo.js';
import type { AgencyView, ListAgenciesQuery, PersonnelAccess } from './personnel.schema.js';

/** An agency as reference data, with its former names. */
export interface AgencyDefinition {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyRow['kind'];
  districtCode?: string | null;
  formerly?: { name: string; shortName: string; validTo: string }[];
}

/** The registry changes by decree, a few times a year; every form that picks an agency reads it. */
const LIST_CACHE_MS = 60_000;

/**
 * The registry of agencies (OPD): public reference data with its history of names (lookups with
 * plain inputs), the reference loader the seeds use, and what the caller may manage.
 */
export function createAgencyService(platform: Platform, deps: { regions: Pick<RegionApi, 'listDistricts'> }) {
  const { db } = platform;
  // Answers not filtered by text are kept a minute per instance (the key space is small: date × kind).
  const listCache = new Map<string, { expiresAt: number; views: AgencyView[] }>();

  async function insertWithHistory(tx: typeof db, def: AgencyDefinition, fields: Omit<AgencyRow, 'id' | 'code' | 'validFrom' | 'validTo' | 'successorId'>, validFrom: string) {
    const formerly = def.formerly ?? [];
    const current = await personnelRepo.insertAgency(tx, { code: def.code, ...fields, validFrom: formerly.at(-1)?.validTo ?? validFrom });
    let successorId = current.id;
    for (let i = formerly.length - 1; i >= 0; i--) {
      const former = formerly[i]!;
      const row = await personnelRepo.insertAgency(tx, {
        code: def.code, ...fields, name: former.name, shortName: former.shortName,
        validFrom: formerly[i - 1]?.validTo ?? validFrom, validTo: former.validTo, successorId,
      });
      successorId = row.id;
    }
  }

  return {
    /** Agencies valid on a date (today by default), filtered by kind and text. */
    async list(query: ListAgenciesQuery): Promise<AgencyView[]> {
      const filter = { at: query.at ?? platform.today(), kind: query.kind, q: query.q?.trim() || undefined };
      const key = filter.q === undefined ? `${filter.at}|${filter.kind ?? ''}` : null;
      const cached = key ? listCache.get(key) : undefined;
      if (cached && cached.expiresAt > Date.now()) return cached.views;
      const views = (await personnelRepo.listAgencies(db, filter)).map(presentAgency);
      if (key) {
        if (listCache.size > 1000) listCache.clear();
        listCache.set(key, { expiresAt: Date.now() + LIST_CACHE_MS, views });
      }
      return views;
    },

    /** One agency by id, current or former; 404 when unknown. */
    async get(id: string): Promise<AgencyView> {
      const row = await personnelRepo.findAgency(db, id);
      if (!row) throw new NotFoundError('Perangkat daerah');
      return presentAgency(row);
    },

    /** One agency by id; null when unknown. */
    async find(id: string): Promise<AgencyView | null> {
      const row = await personnelRepo.findAgency(db, id);
      return row ? presentAgency(row) : null;
    },

    /** The current agency with a code (`diskominfo`); null when unknown. */
    async findByCode(code: string): Promise<AgencyView | null> {
      const row = await personnelRepo.findCurrentByCode(db, code);
      return row ? presentAgency(row) : null;
    },

    /** Which agencies the caller may manage, so the web shows only what the server allows. */
    access(ctx: Ctx): PersonnelAccess {
      return { canManageAny: canManageAny(ctx.actor), manageAgencyIds: managedAgencies(ctx.actor), ownAgencyId: ctx.actor.agencyId };
    },

    /**
     * Loads the reference list of agencies plus one kecamatan agency per district of the region.
     * Idempotent: an agency whose code exists keeps its id; its history is written only once.
     */
    async importAgencies(definitions: AgencyDefinition[], validFrom: string): Promise<number> {
      const districts = await deps.regions.listDistricts();
      const all: AgencyDefinition[] = [
        ...definitions,
        ...districts.map((d) => ({
          code: `kec-${d.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
          name: `Kecamatan ${d.name}`,
          shortName: `Kec. ${d.name}`,
          kind: 'kecamatan' as const,
          districtCode: d.code,
        })),
      ];
      try {
        await inTransaction(db, async (tx) => {
          for (const [index, def] of all.entries()) {
            const existing = await personnelRepo.findCurrentByCode(tx, def.code);
            const fields = { name: def.name, shortName: def.shortName, kind: def.kind, districtCode: def.districtCode ?? null, sortOrder: index + 1 };
            if (existing) await personnelRepo.updateAgency(tx, existing.id, fields);
            else await insertWithHistory(tx, def, fields, validFrom);
          }
        });
      } finally {
        listCache.clear();
      }
      return all.length;
    },
  };
}
