import type { Actor } from '../../../platform/http/actor.js';
import { canManageAgency } from '../personnel.policy.js';
import type { DelegationRow, EmployeeRow, PositionRow, UnitRow } from '../personnel.repo.js';
import type { Problems, SourceRow } from './import.cells.js';

// What the planner knows: the database as it is (a snapshot read in the import's transaction), the
// caller's scope, and lookups that see the database and the file together.

/** An agency record; former names are kept so SIASN names from before a rename still match. */
export interface SnapAgency {
  id: string;
  code: string;
  name: string;
  shortName: string;
  current: boolean;
}

/** A unit as stored; `current` is false for units closed before today. */
export type SnapUnit = Pick<UnitRow, 'id' | 'agencyId' | 'parentId' | 'externalId' | 'name' | 'shortName' | 'kind' | 'sortOrder'> & { current: boolean };
/** A position as stored. */
export type SnapPosition = Pick<PositionRow, 'id' | 'unitId' | 'externalId' | 'title' | 'kind' | 'eselon' | 'isHead' | 'superiorId' | 'sortOrder'> & { current: boolean };
/** An employee as stored (only those whose NIP is in the file are read); `userId` is read for events, never written. */
export type SnapEmployee = Omit<EmployeeRow, 'createdAt' | 'updatedAt'>;

/** An open definitive assignment, with its holder's NIP and name for messages. */
export interface SnapAssignment {
  id: string;
  employeeId: string;
  positionId: string;
  startDate: string;
  skNumber: string | null;
  holderNip: string;
  holderName: string;
}

/** A Plt/Plh/Pj/Pjs delegation, with its delegate's NIP and name for messages. */
export type SnapDelegation = Pick<DelegationRow, 'id' | 'positionId' | 'employeeId' | 'kind' | 'skNumber' | 'skDate' | 'startDate' | 'endDate' | 'reason'> & {
  delegateNip: string;
  delegateName: string;
};

/** Everything that ever held or covered some positions: what a delegations file is checked against. */
export interface Holdings {
  delegations: SnapDelegation[];
  assignments: { employeeId: string; positionId: string; startDate: string; endDate: string | null }[];
}

/** The database as the planner sees it. */
export interface Snapshot {
  /** The date the import began (ctx.today): what it writes as valid_from and closes on, and what "current" means. */
  today: string;
  agencies: SnapAgency[];
  units: SnapUnit[];
  positions: SnapPosition[];
  employees: SnapEmployee[];
  openAssignments: SnapAssignment[];
  /** Delegations in force today or starting later (closing a post must not strand its Plt). */
  currentDelegations: SnapDelegation[];
}

/** Whose rows the caller may import: BKPSDM every agency, an agency admin their own. */
export interface Scope {
  actor: Actor;
  /** True when rows without an agency code have no default agency (BKPSDM imports for every agency). */
  all: boolean;
  agencyId: string | null;
}

/** Lookups over the snapshot plus the problem sink and scope, shared by the planning steps. */
export function createContext(snap: Snapshot, scope: Scope, problems: Problems) {
  const agencyById = new Map(snap.agencies.map((a) => [a.id, a]));
  const agencyByCode = new Map(snap.agencies.filter((a) => a.current).map((a) => [a.code, a]));
  const unitById = new Map(snap.units.map((u) => [u.id, u]));
  const unitByExt = new Map(snap.units.filter((u) => u.externalId !== null).map((u) => [u.externalId!, u]));
  const positionById = new Map(snap.positions.map((p) => [p.id, p]));
  const positionByExt = new Map(snap.positions.filter((p) => p.externalId !== null).map((p) => [p.externalId!, p]));
  const topUnitOf = new Map(snap.units.filter((u) => u.current && u.parentId === null && u.kind === 'opd').map((u) => [u.agencyId, u]));
  /** Codes of file rows that already failed (while reading, mapping or planning): references to them report nothing more. */
  const failedCodes = problems.failedCodes;
  const own = scope.agencyId ? agencyById.get(scope.agencyId) : undefined;

  return {
    snap, scope, problems, agencyById, agencyByCode, unitById, unitByExt, positionById, positionByExt, topUnitOf, failedCodes,

    /** Reports a problem with a column of a row. */
    error(src: SourceRow, column: string, message: string): void {
      problems.error(src.row, src.label(column), src.get(column), message);
    },

    /** The agency a row falls back to when it names none: the agency admin's own. */
    defaultAgency(): SnapAgency | undefined {
      return scope.all ? undefined : own;
    },

    /** True when the caller may import rows of this agency: SIMPEG's scope check, as every form applies it. */
    canWrite(agencyId: string): boolean {
      return canManageAgency(scope.actor, agencyId);
    },

    /** The message for a row of another agency than the agency admin's own. */
    outOfScope(agencyId: string): string {
      return `baris ini untuk ${agencyById.get(agencyId)?.shortName ?? 'perangkat daerah lain'}; Anda hanya dapat mengimpor data ${own?.shortName ?? 'perangkat daerah Anda'}`;
    },

    /** The short name of an agency, for messages. */
    agencyName(agencyId: string): string {
      return agencyById.get(agencyId)?.shortName ?? agencyId;
    },
  };
}

export type Context = ReturnType<typeof createContext>;

/** Created, updated and unchanged counts of one table. */
export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export const noCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

/** True when every listed field of `next` equals the stored one. */
export function sameFields<T extends object>(stored: T, next: Partial<T>): boolean {
  return (Object.keys(next) as (keyof T)[]).every((k) => (stored[k] ?? null) === (next[k] ?? null));
}
