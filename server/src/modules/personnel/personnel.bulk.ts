import { copyRecords, copyTransaction } from '../../platform/db/index.js';
import type { Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { personnelRepo } from './personnel.repo.js';
import {
  assignments, delegations, educationHistory, employees, leaveHistory, positions, rankHistory, trainingHistory,
  type DELEGATION_KINDS, type EDUCATION_LEVELS, type EMPLOYEE_KINDS, type EMPLOYEE_STATUSES, type ESELONS, type GENDERS,
  type LEAVE_KINDS, type POSITION_KINDS, type TRAINING_KINDS,
} from './personnel.tables.js';

type Of<T extends readonly string[]> = T[number];

/** A non-head position added to an existing unit (head posts come with the unit structure). */
export interface BulkPosition {
  id: string;
  unitId: string;
  title: string;
  kind: Of<typeof POSITION_KINDS>;
  eselon?: Of<typeof ESELONS> | null;
  superiorId: string | null;
  sortOrder: number;
  validFrom: string;
  validTo?: string | null;
}

/** An employee as stored; ids are chosen by the caller so history rows can point at them. */
export interface BulkEmployee {
  id: string;
  nip: string;
  kind: Of<typeof EMPLOYEE_KINDS>;
  name: string;
  titlePrefix?: string | null;
  titleSuffix?: string | null;
  gender: Of<typeof GENDERS>;
  birthDate: string;
  birthPlace?: string | null;
  nik?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  rank: string;
  rankTmt?: string | null;
  status: Of<typeof EMPLOYEE_STATUSES>;
  educationLevel: Of<typeof EDUCATION_LEVELS>;
  educationMajor?: string | null;
  agencyId: string;
  unitId?: string | null;
  userId?: string | null;
  tmtCpns?: string | null;
}

export interface BulkAssignment {
  employeeId: string;
  positionId: string;
  startDate: string;
  endDate?: string | null;
  skNumber?: string | null;
  skDate?: string | null;
}

export interface BulkRank {
  employeeId: string;
  rank: string;
  tmt: string;
  skNumber?: string | null;
  skDate?: string | null;
}

export interface BulkEducation {
  employeeId: string;
  level: Of<typeof EDUCATION_LEVELS>;
  institution: string;
  major?: string | null;
  graduationYear: number;
}

export interface BulkTraining {
  employeeId: string;
  kind: Of<typeof TRAINING_KINDS>;
  name: string;
  institution?: string | null;
  hours?: number | null;
  startDate: string;
  endDate?: string | null;
}

export interface BulkLeave {
  employeeId: string;
  kind: Of<typeof LEAVE_KINDS>;
  startDate: string;
  endDate: string;
  note?: string | null;
}

export interface BulkDelegation {
  positionId: string;
  employeeId: string;
  kind: Of<typeof DELEGATION_KINDS>;
  skNumber: string;
  skDate?: string | null;
  startDate: string;
  endDate?: string | null;
  reason: string;
}

/** Everything a bulk load may carry; every list but `employees` is optional. */
export interface PersonnelBulkRecords {
  positions?: BulkPosition[];
  employees: BulkEmployee[];
  assignments?: BulkAssignment[];
  ranks?: BulkRank[];
  education?: BulkEducation[];
  training?: BulkTraining[];
  leave?: BulkLeave[];
  delegations?: BulkDelegation[];
}

/** Rows written per table. */
export type PersonnelBulkCounts = Record<keyof PersonnelBulkRecords, number>;

/**
 * Bulk loading of personnel records (seeds, initial imports from an old SIMPEG): COPY on both
 * engines, all tables in one transaction. Rows are not audited one by one; the database's own
 * constraints (one open holder per position, valid NIP digits…) still apply to every row.
 */
export function createPersonnelBulk(platform: Platform, deps: { revision: Revision }) {
  return {
    /** Whether any employee is recorded yet: seeds load only into an empty register. */
    async hasEmployees(): Promise<boolean> {
      return personnelRepo.hasEmployees(platform.db);
    },

    /** Writes the records in one transaction and moves the revision, so the holder and directory snapshots reload. */
    async importPersonnelBulk(records: PersonnelBulkRecords): Promise<PersonnelBulkCounts> {
      const counts = await copyTransaction(platform.database, async (bound) => {
        const counts: PersonnelBulkCounts = {
          positions: await copyRecords(bound, positions,
            ['id', 'unitId', 'title', 'kind', 'eselon', 'superiorId', 'sortOrder', 'validFrom', 'validTo'], records.positions),
          employees: await copyRecords(bound, employees, [
            'id', 'nip', 'kind', 'name', 'titlePrefix', 'titleSuffix', 'gender', 'birthDate', 'birthPlace', 'nik', 'address', 'phone',
            'email', 'rank', 'rankTmt', 'status', 'educationLevel', 'educationMajor', 'agencyId', 'unitId', 'userId', 'tmtCpns',
          ], records.employees),
          assignments: await copyRecords(bound, assignments,
            ['employeeId', 'positionId', 'startDate', 'endDate', 'skNumber', 'skDate'], records.assignments),
          ranks: await copyRecords(bound, rankHistory, ['employeeId', 'rank', 'tmt', 'skNumber', 'skDate'], records.ranks),
          education: await copyRecords(bound, educationHistory,
            ['employeeId', 'level', 'institution', 'major', 'graduationYear'], records.education),
          training: await copyRecords(bound, trainingHistory,
            ['employeeId', 'kind', 'name', 'institution', 'hours', 'startDate', 'endDate'], records.training),
          leave: await copyRecords(bound, leaveHistory, ['employeeId', 'kind', 'startDate', 'endDate', 'note'], records.leave),
          delegations: await copyRecords(bound, delegations,
            ['positionId', 'employeeId', 'kind', 'skNumber', 'skDate', 'startDate', 'endDate', 'reason'], records.delegations),
        };
        await deps.revision.bump(bound.db);
        return counts;
      });
      deps.revision.invalidate();
      return counts;
    },
  };
}

export type PersonnelBulk = ReturnType<typeof createPersonnelBulk>;
