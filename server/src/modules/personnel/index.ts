import type { App, Platform } from '../../platform/index.js';
import type { RegionApi } from '../region/index.js';
import { personnelRoutes } from './personnel.routes.js';
import { createPersonnelService, type PersonnelService } from './personnel.service.js';

export type { AgencyView, PositionView, SuperiorView, UnitNode } from './personnel.schema.js';
export type { OrganisationReference, UnitName } from './personnel.structure.js';
export type { AgencyDefinition } from './personnel.service.js';
export {
  crossCheck, formatEmployeeNumber, parseEmployeeNumber, validateEmployeeNumber,
  type EmployeeKind, type EmployeeNumber, type EmployeeNumberMismatches, type EmployeeNumberResult,
} from './personnel.nip.js';
export { compareRanks, pnsRank, pnsRankBySapkId, pppkGrade, rankLabel, PNS_RANKS, PPPK_GRADES, type PnsRank } from './personnel.ranks.js';

/** What other modules may call on SIMPEG. */
export type PersonnelApi = Pick<
  PersonnelService,
  'findAgency' | 'findAgencyByCode' | 'listAgencies' | 'importAgencies' | 'importOrganisation' | 'findPosition' | 'superiorChain'
>;

/** SIMPEG: agencies, their units and positions (employees land next). */
export function createPersonnelModule(platform: Platform, deps: { regions: Pick<RegionApi, 'listDistricts' | 'listVillages'> }) {
  const service = createPersonnelService(platform, deps);
  return {
    name: 'personnel',
    api: service as PersonnelApi,
    routes: (app: App) => personnelRoutes(app, service),
  };
}
