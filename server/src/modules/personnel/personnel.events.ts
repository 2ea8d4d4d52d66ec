import { defineEvent } from '../../platform/events/index.js';
import type { Actor } from '../../platform/http/actor.js';
import type { EMPLOYEE_STATUSES } from './personnel.tables.js';

type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

/**
 * Events SIMPEG publishes through the outbox (in the transaction of the change). The E-office moves
 * inboxes with `assignment_changed`, identity deactivates accounts on `employee_status_changed` to
 * retired or transferred (and re-enables them on a return to active), and any module caching holders
 * listens to `delegation_changed`.
 */
export const PERSONNEL_EVENTS = {
  employeeCreated: defineEvent<EmployeeEvent>('personnel.employee_created'),
  employeeStatusChanged: defineEvent<EmployeeEvent>('personnel.employee_status_changed'),
  assignmentChanged: defineEvent<AssignmentEvent>('personnel.assignment_changed'),
  delegationChanged: defineEvent<DelegationEvent>('personnel.delegation_changed'),
};

/**
 * Who caused a change, with the rights they held at that moment, so a subscriber can apply its own
 * rules to the causer (identity will not let SIMPEG do to an account what the causer could not do in
 * user administration). Null for the command line and the system.
 */
export type ChangedBy = {
  userId: string;
  agencyId: string | null;
  permissions: string[];
} | null;

// Type aliases rather than interfaces, so a payload fits the outbox's JSON record as it is.
/** Payload of `personnel.employee_created` and `personnel.employee_status_changed`; built only by employeeEvent. */
export type EmployeeEvent = {
  employeeId: string;
  nip: string;
  agencyId: string;
  status: EmployeeStatus;
  /** The linked sign-in account, if any. */
  userId: string | null;
  changedBy: ChangedBy;
};

/**
 * The one builder of EmployeeEvent, used by every path that creates an employee or changes their
 * status (forms, imports), so the linked account and the causer are never left out.
 */
export function employeeEvent(
  employee: { id: string; nip: string; agencyId: string; status: EmployeeStatus; userId: string | null },
  actor: Pick<Actor, 'userId' | 'agencyId' | 'permissions'>,
): EmployeeEvent {
  return {
    employeeId: employee.id, nip: employee.nip, agencyId: employee.agencyId, status: employee.status, userId: employee.userId,
    changedBy: actor.userId ? { userId: actor.userId, agencyId: actor.agencyId, permissions: [...actor.permissions] } : null,
  };
}

/** Payload of `personnel.assignment_changed`: a holder started (`startDate`) or left (`endDate`) a position. */
export type AssignmentEvent = {
  assignmentId: string;
  employeeId: string;
  positionId: string;
  startDate: string;
  endDate: string | null;
};

/** Payload of `personnel.delegation_changed`. */
export type DelegationEvent = {
  delegationId: string;
  positionId: string;
  employeeId: string;
  kind: string;
  startDate: string;
  endDate: string | null;
};
