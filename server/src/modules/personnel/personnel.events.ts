/**
 * Events SIMPEG publishes through the outbox (in the transaction of the change). The E-office moves
 * inboxes with `assignment_changed`, identity deactivates accounts on `employee_status_changed` to
 * retired or transferred, and any module caching holders listens to `delegation_changed`.
 */
export const PERSONNEL_EVENTS = {
  employeeCreated: 'personnel.employee_created',
  employeeStatusChanged: 'personnel.employee_status_changed',
  assignmentChanged: 'personnel.assignment_changed',
  delegationChanged: 'personnel.delegation_changed',
} as const;

/** Payload of `personnel.employee_created` and `personnel.employee_status_changed`. */
export interface EmployeeEvent {
  employeeId: string;
  nip: string;
  agencyId: string;
  status: string;
  /** The linked sign-in account, if any. */
  userId: string | null;
}

/** Payload of `personnel.assignment_changed`: a holder started (`startDate`) or left (`endDate`) a position. */
export interface AssignmentEvent {
  assignmentId: string;
  employeeId: string;
  positionId: string;
  startDate: string;
  endDate: string | null;
}

/** Payload of `personnel.delegation_changed`. */
export interface DelegationEvent {
  delegationId: string;
  positionId: string;
  employeeId: string;
  kind: string;
  startDate: string;
  endDate: string | null;
}
