import { inTransaction } from '../../platform/db/index.js';
import { NotFoundError } from '../../platform/errors.js';
import type { Actor, Platform } from '../../platform/index.js';
import type { RegionApi } from '../region/index.js';
import { personnelRepo, type AgencyRow } from './personnel.repo.js';
import { createPersonnelBulk, type PersonnelBulkRecords } from './personnel.bulk.js';
import { createDirectory } from './personnel.directory.js';
import { createEmployeeService } from './personnel.employees.js';
import { createHistoryService } from './personnel.history.js';
import { createHolderService } from './personnel.holders.js';
import type { AgencyView, AssignBody, EmployeeProfile, EndBody, ListAgenciesQuery } from './personnel.schema.js';
import { createOrganisationService } from './personnel.organisation.js';
import { createStatisticsService } from './statistics/statistics.service.js';

/** An agency as reference data, with its former names. */
export interface AgencyDefinition {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyRow['kind'];
  districtCode?: string | null;
  formerly?: { name: string; shortName: string; validTo: string }[];
}

function present(row: AgencyRow): AgencyView {
  return {
    id: row.id, code: row.code, name: row.name, shortName: row.shortName, kind: row.kind,
    districtCode: row.districtCode, validFrom: row.validFrom, validTo: row.validTo, successorId: row.successorId,
  };
}

/**
 * SIMPEG use cases: the registry of agencies (OPD), their organisation (units, positions), employees,
 * and who holds which position (assignments and delegations).
 */
export function createPersonnelService(platform: Platform, deps: { regions: Pick<RegionApi, 'listDistricts' | 'listVillages'> }) {
  const { db } = platform;
  /** Today in the region's time zone: TMTs and delegations start at local midnight. */
  const directory = createDirectory(platform);
  const holders = createHolderService(platform, { onWrite: directory.invalidateDirectory });
  /** Drops every per-instance cache after a local write (other instances follow the revision row). */
  const changed = (): void => {
    holders.invalidateHolders();
    directory.invalidateDirectory();
  };
  const employees = createEmployeeService(platform, holders, directory, changed);
  const history = createHistoryService(platform);
  const bulk = createPersonnelBulk(platform);
  // The registry changes by decree, a few times a year, and every form that picks an agency reads it:
  // keep unfiltered-by-text answers for a minute per instance (the key space is small: date × kind).
  const listCache = new Map<string, { expiresAt: number; views: AgencyView[] }>();
  const LIST_CACHE_MS = 60_000;

  return {
    ...createOrganisationService(platform, { ...deps, onPositionsChanged: changed }),
    invalidateCaches: changed,
    ...holders,
    ...employees,
    ...createStatisticsService(platform),
    hasEmployees: bulk.hasEmployees,

    /** Bulk-loads personnel records (seeds, a first import from an old SIMPEG) with COPY, then drops the caches. */
    async importPersonnelBulk(records: PersonnelBulkRecords) {
      const counts = await bulk.importPersonnelBulk(records);
      changed();
      return counts;
    },

    /** Assigns a position (see HolderService.assign) and answers the employee's updated profile. */
    async assignPosition(actor: Actor, employeeId: string, body: AssignBody, requestId: string | null): Promise<EmployeeProfile> {
      await holders.assign(actor, employeeId, body, requestId);
      return employees.getProfile(actor, employeeId);
    },

    /** Adds a history record of one section and answers the employee's updated profile. */
    async addHistory<B>(section: (actor: Actor, id: string, body: B, requestId: string | null) => Promise<unknown>,
      actor: Actor, employeeId: string, body: B, requestId: string | null): Promise<EmployeeProfile> {
      await section(actor, employeeId, body, requestId);
      changed();
      return employees.getProfile(actor, employeeId);
    },
    history,

    /** Ends an assignment and answers the employee's updated profile. */
    async endAssignmentOf(actor: Actor, assignmentId: string, body: EndBody, requestId: string | null): Promise<EmployeeProfile> {
      const { employeeId } = await holders.endAssignment(actor, assignmentId, body, requestId);
      return employees.getProfile(actor, employeeId);
    },

    /** Agencies valid on a date (today by default); public reference data. */
    async listAgencies(query: ListAgenciesQuery): Promise<AgencyView[]> {
      const filter = { at: query.at ?? platform.today(), kind: query.kind, q: query.q?.trim() || undefined };
      const key = filter.q === undefined ? `${filter.at}|${filter.kind ?? ''}` : null;
      const cached = key ? listCache.get(key) : undefined;
      if (cached && cached.expiresAt > Date.now()) return cached.views;
      const views = (await personnelRepo.listAgencies(db, filter)).map(present);
      if (key) {
        if (listCache.size > 1000) listCache.clear();
        listCache.set(key, { expiresAt: Date.now() + LIST_CACHE_MS, views });
      }
      return views;
    },

    /** One agency by id, current or former. */
    async getAgency(id: string): Promise<AgencyView> {
      const row = await personnelRepo.findAgency(db, id);
      if (!row) throw new NotFoundError('Perangkat daerah');
      return present(row);
    },

    /** Finds an agency by id; null when unknown. */
    async findAgency(id: string): Promise<AgencyView | null> {
      const row = await personnelRepo.findAgency(db, id);
      return row ? present(row) : null;
    },

    /** Finds the current agency with a code (`diskominfo`); null when unknown. */
    async findAgencyByCode(code: string): Promise<AgencyView | null> {
      const row = await personnelRepo.findCurrentByCode(db, code);
      return row ? present(row) : null;
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
      listCache.clear();
      await inTransaction(db, async (tx) => {
        for (const [index, def] of all.entries()) {
          const existing = await personnelRepo.findCurrentByCode(tx, def.code);
          const formerly = def.formerly ?? [];
          const currentFrom = formerly.at(-1)?.validTo ?? validFrom;
          const fields = { name: def.name, shortName: def.shortName, kind: def.kind, districtCode: def.districtCode ?? null, sortOrder: index + 1 };
          if (existing) {
            await personnelRepo.updateAgency(tx, existing.id, fields);
            continue;
          }
          const current = await personnelRepo.insertAgency(tx, { code: def.code, ...fields, validFrom: currentFrom });
          let successorId = current.id;
          for (let i = formerly.length - 1; i >= 0; i--) {
            const former = formerly[i]!;
            const row = await personnelRepo.insertAgency(tx, {
              code: def.code, name: former.name, shortName: former.shortName, kind: def.kind,
              districtCode: def.districtCode ?? null, sortOrder: index + 1,
              validFrom: formerly[i - 1]?.validTo ?? validFrom, validTo: former.validTo, successorId,
            });
            successorId = row.id;
          }
        }
      });
      listCache.clear();
      return all.length;
    },
  };
}

export type PersonnelService = ReturnType<typeof createPersonnelService>;
