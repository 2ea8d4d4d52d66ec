import type { Platform } from '../../platform/index.js';
import { createRevision } from '../../platform/snapshot.js';
import type { RegionApi } from '../region/index.js';
import { createImportService } from './import/import.service.js';
import { createAgencyService } from './personnel.agencies.js';
import { createAssignmentService } from './personnel.assignments.js';
import { createPersonnelBulk } from './personnel.bulk.js';
import { createDirectory } from './personnel.directory.js';
import { createEmployeeService } from './personnel.employees.js';
import { createHistoryService } from './personnel.history.js';
import { createHolderService } from './personnel.holders.js';
import { createOrganisationService } from './personnel.organisation.js';
import { createProfileService } from './personnel.profiles.js';
import { createStatisticsService } from './statistics/statistics.service.js';

/** What SIMPEG needs from other modules: the region's kecamatan (one agency each) and their kelurahan. */
export interface PersonnelDeps {
  regions: Pick<RegionApi, 'listDistricts' | 'listVillages'>;
}

/**
 * SIMPEG's composition root: one revision for everything the module keeps in memory (holders and
 * the directory), and the areas, each with exactly the others it uses. No use case lives here.
 */
export function createPersonnelService(platform: Platform, deps: PersonnelDeps) {
  const revision = createRevision(platform.db, 'personnel');
  const holders = createHolderService(platform, { revision });
  const profiles = createProfileService(platform, { holders });
  return {
    agencies: createAgencyService(platform, deps),
    organisation: createOrganisationService(platform, { regions: deps.regions, revision }),
    holders,
    assignments: createAssignmentService(platform, { revision, holders, profiles }),
    directory: createDirectory(platform, { revision }),
    profiles,
    employees: createEmployeeService(platform, { revision, profiles }),
    history: createHistoryService(platform, { revision, profiles }),
    statistics: createStatisticsService(platform),
    bulk: createPersonnelBulk(platform, { revision }),
    imports: createImportService(platform, { revision }),
  };
}

export type PersonnelService = ReturnType<typeof createPersonnelService>;
