import type { App, Platform } from '../../platform/index.js';
import type { RegionApi } from '../region/index.js';
import { importRoutes } from './import/import.routes.js';
import { createImportService } from './import/import.service.js';
import { personnelRoutes } from './personnel.routes.js';
import { statisticsRoutes } from './statistics/statistics.routes.js';
import { createPersonnelService, type PersonnelService } from './personnel.service.js';

export type {
  AgencyView, DelegationRecord, EmployeeProfile, EmployeeRef, EmployeeSummary, Holding, HolderView, PositionRef, PositionView, SuperiorView, UnitNode,
} from './personnel.schema.js';
export { PERSONNEL_EVENTS, type AssignmentEvent, type ChangedBy, type DelegationEvent, type EmployeeEvent } from './personnel.events.js';
export type { OrganisationReference, UnitName } from './personnel.structure.js';
export type { AgencyDefinition } from './personnel.service.js';
export { IMPORT_KINDS, type ImportKind, type ImportReport } from './import/import.schema.js';
export type { BulkAssignment, BulkDelegation, BulkEducation, BulkEmployee, BulkLeave, BulkPosition, BulkRank, BulkTraining, PersonnelBulkRecords } from './personnel.bulk.js';
export type { PersonnelStatistics } from './personnel.schema.js';
export {
  crossCheck, formatEmployeeNumber, parseEmployeeNumber, validateEmployeeNumber,
  type EmployeeKind, type EmployeeNumber, type EmployeeNumberMismatches, type EmployeeNumberResult,
} from './personnel.nip.js';
export { compareRanks, pnsRank, pnsRankBySapkId, pppkGrade, rankLabel, PNS_RANKS, PPPK_GRADES, type PnsRank } from './personnel.ranks.js';

/**
 * What other modules may call on SIMPEG: agencies, positions and their superior chain, who acts for
 * a position on a date (`currentHolder`, honouring Plt/Plh/Pj), the positions of an employee, the
 * employees of an agency or unit, and the reference loaders the seeds use.
 */
export type PersonnelApi = Pick<
  PersonnelService,
  | 'findAgency' | 'findAgencyByCode' | 'listAgencies' | 'importAgencies' | 'importOrganisation'
  | 'findPosition' | 'superiorChain' | 'currentHolder' | 'positionsOf' | 'employeesOf' | 'employeeOfUser' | 'accountLinkFor' | 'linkAccount'
  | 'statistics' | 'hasEmployees' | 'importPersonnelBulk' | 'unitTree'
>;

/** SIMPEG: agencies, units and positions, employees, assignments and delegations. */
export function createPersonnelModule(platform: Platform, deps: { regions: Pick<RegionApi, 'listDistricts' | 'listVillages'> }) {
  const service = createPersonnelService(platform, deps);
  const imports = createImportService(platform, { onChanged: service.invalidateCaches });
  return {
    name: 'personnel',
    api: service as PersonnelApi,
    /** The CSV/XLSX/SIASN importer, for the CLI (`import personnel …`). */
    imports,
    routes: (app: App) => {
      personnelRoutes(app, service);
      statisticsRoutes(app, service);
      importRoutes(app, imports);
    },
  };
}
