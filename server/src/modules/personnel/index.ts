import type { App, Platform } from '../../platform/index.js';
import { importRoutes } from './import/import.routes.js';
import { registerAgencyPages } from './personnel.pages.js';
import { personnelRoutes } from './personnel.routes.js';
import { statisticsRoutes } from './statistics/statistics.routes.js';
import { createPersonnelService, type PersonnelDeps, type PersonnelService } from './personnel.service.js';

export type {
  AgencyView, DelegationRecord, EmployeeProfile, EmployeeRef, EmployeeSummary, Holding, HolderView, PositionRef, PositionView, SuperiorView, UnitNode,
} from './personnel.schema.js';
export { PERSONNEL_EVENTS, type AssignmentEvent, type ChangedBy, type DelegationEvent, type EmployeeEvent } from './personnel.events.js';
export type { OrganisationReference, UnitName } from './personnel.structure.js';
export type { AgencyDefinition } from './personnel.agencies.js';
export { IMPORT_KINDS, type ImportKind, type ImportReport } from './import/import.schema.js';
export type { BulkAssignment, BulkDelegation, BulkEducation, BulkEmployee, BulkLeave, BulkPosition, BulkRank, BulkTraining, PersonnelBulkRecords } from './personnel.bulk.js';
export type { PersonnelStatistics } from './statistics/statistics.schema.js';
export {
  crossCheck, formatEmployeeNumber, parseEmployeeNumber, validateEmployeeNumber,
  type EmployeeKind, type EmployeeNumber, type EmployeeNumberMismatches, type EmployeeNumberResult,
} from './personnel.nip.js';
export { PERSONNEL_ROLES } from './personnel.roles.js';
export { PERSONNEL_NOTIFICATION_KINDS } from './personnel.notifications.js';
export { compareRanks, pnsRank, pnsRankBySapkId, pppkGrade, rankLabel, PNS_RANKS, PPPK_GRADES, type PnsRank } from './personnel.ranks.js';

/**
 * Builds what other modules, seeds and the CLI may call on SIMPEG: agencies, positions and their
 * superior chain, who acts for a position on a date (`currentHolder`, honouring Plt/Plh/Pj), the
 * positions of an employee, the employees of an agency or unit, the account link identity keeps,
 * and the reference loaders the seeds use. Lookups take plain inputs; writes take the caller's `ctx`.
 */
function personnelApi(s: PersonnelService) {
  return {
    findAgency: s.agencies.find,
    findAgencyByCode: s.agencies.findByCode,
    listAgencies: s.agencies.list,
    importAgencies: s.agencies.importAgencies,
    importOrganisation: s.organisation.importOrganisation,
    unitTree: s.organisation.unitTree,
    findPosition: s.organisation.findPosition,
    superiorChain: s.organisation.superiorChain,
    currentHolder: s.holders.currentHolder,
    positionsOf: s.holders.positionsOf,
    employeesOf: s.directory.list,
    employeesOfUsers: s.employees.employeesOfUsers,
    accountLinkFor: s.employees.accountLinkFor,
    linkAccount: s.employees.linkAccount,
    unlinkAccount: s.employees.unlinkAccount,
    statistics: s.statistics.statistics,
    hasEmployees: s.bulk.hasEmployees,
    importPersonnelBulk: s.bulk.importPersonnelBulk,
  };
}

export type PersonnelApi = ReturnType<typeof personnelApi>;

/** SIMPEG: agencies, units and positions, employees, assignments and delegations. */
export function createPersonnelModule(platform: Platform, deps: PersonnelDeps) {
  const service = createPersonnelService(platform, deps);
  registerAgencyPages(platform, service.agencies);
  return {
    name: 'personnel',
    api: personnelApi(service),
    /** The CSV/XLSX/SIASN importer, for the CLI (`import personnel …`). */
    imports: service.imports,
    routes: (app: App) => {
      personnelRoutes(app, service);
      statisticsRoutes(app, service.statistics);
      importRoutes(app, service.imports);
    },
  };
}
