import { NotFoundError } from '../../platform/errors.js';
import { can, type Actor } from '../../platform/http/actor.js';
import type { EmployeeKind } from './personnel.nip.js';
import { pnsRank, pppkGrade } from './personnel.ranks.js';

// Pure record-level rules of SIMPEG. BKPSDM (`personnel:manage`) works on every agency; an agency
// admin (`personnel:manage-agency`) only on their own; every member of staff reads the directory.

/** True when the actor may change records of the agency (its units, positions, employees, delegations). */
export function canManageAgency(actor: Actor, agencyId: string): boolean {
  return can(actor, 'personnel:manage') || (can(actor, 'personnel:manage-agency') && actor.agencyId === agencyId);
}

/**
 * SIMPEG's one scope check, used by every use case that loads a record to change or to show in full:
 * the record when the actor may manage its agency; otherwise 404, exactly as if it did not exist, so
 * ids of other agencies cannot be probed. `agencyOf` says which agency the record belongs to.
 */
export function inScope<T>(actor: Actor, record: T | null | undefined, agencyOf: (found: T) => string, what: string): T {
  if (record === null || record === undefined || !canManageAgency(actor, agencyOf(record))) throw new NotFoundError(what);
  return record;
}

/** Which agencies' records the actor may manage: null for every agency, else the list (maybe empty). */
export function managedAgencies(actor: Actor): string[] | null {
  if (can(actor, 'personnel:manage')) return null;
  return can(actor, 'personnel:manage-agency') && actor.agencyId !== null ? [actor.agencyId] : [];
}

/** True when the actor may end (or shorten) a delegation of a position in this agency: not once it is over. */
export function canEndDelegation(actor: Actor, agencyId: string, delegation: { endDate: string | null }, today: string): boolean {
  return canManageAgency(actor, agencyId) && (delegation.endDate === null || delegation.endDate > today);
}

/** True when the actor manages at least one agency, i.e. may reach the admin screens at all. */
export function canManageAny(actor: Actor): boolean {
  return can(actor, 'personnel:manage') || (can(actor, 'personnel:manage-agency') && actor.agencyId !== null);
}

/**
 * NIK, birth date, address and phone: BKPSDM and the person only (not the agency admin), and only
 * with `personnel:read-personal`, so an API token reads them only when scoped for it.
 */
export function canViewPersonal(actor: Actor, employee: { userId: string | null }): boolean {
  return can(actor, 'personnel:read-personal') && (can(actor, 'personnel:manage') || isSelf(actor, employee));
}

/** Rank, position, education, training and leave history: the person and whoever manages their agency. */
export function canViewHistory(actor: Actor, employee: { userId: string | null; agencyId: string }): boolean {
  return canManageAgency(actor, employee.agencyId) || isSelf(actor, employee);
}

/** True when the record is the signed-in person's own. */
export function isSelf(actor: Actor, employee: { userId: string | null }): boolean {
  return actor.userId !== null && employee.userId === actor.userId;
}

/** True when a position of this kind can be delegated (Plt/Plh/Pj/Pjs): the managerial ones; a functional post has none. */
export function isDelegable(kind: string): boolean {
  return kind === 'jpt_pratama' || kind === 'administrator' || kind === 'pengawas';
}

/** The canonical rank code when it belongs to the employee kind's ladder (`iii/a` → `III/a`); null otherwise. */
export function rankForKind(kind: EmployeeKind, rank: string): string | null {
  return (kind === 'pns' ? pnsRank(rank)?.code : pppkGrade(rank)) ?? null;
}

/**
 * True when making `newParent` the parent of `id` closes a loop: walking up from `newParent`
 * reaches `id`. `parentOf` answers from the current tree; a broken chain simply ends the walk.
 */
export function closesCycle(id: string, newParent: string | null, parentOf: (node: string) => string | null | undefined): boolean {
  const seen = new Set<string>();
  for (let node: string | null | undefined = newParent; node !== null && node !== undefined; node = parentOf(node)) {
    if (node === id || seen.has(node)) return true;
    seen.add(node);
  }
  return false;
}

/** The name as printed: gelar depan, name, then gelar belakang after a comma. */
export function displayName(e: { name: string; titlePrefix: string | null; titleSuffix: string | null }): string {
  const front = e.titlePrefix ? `${e.titlePrefix} ${e.name}` : e.name;
  return e.titleSuffix ? `${front}, ${e.titleSuffix}` : front;
}
