import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/actor.js';
import type { RoleCatalogue } from '../../platform/roles.js';

/** The apps of the platform, in the order menus show them. */
export const APP_KEYS = ['segalengko', 'dolan', 'eoffice', 'simpeg', 'satudata', 'sate', 'smartcity'] as const;
export type AppKey = (typeof APP_KEYS)[number];

/**
 * Roles and permissions are not listed here: each module declares its own in `<m>.roles.ts`, and
 * `modules.ts` assembles them into the one `RoleCatalogue` (platform/roles.ts) identity is given.
 * A permission ending in `-agency` applies only to records of the actor's own agency; the service
 * checks the record, and out-of-scope records answer 404. The rules below take the catalogue to
 * know what a role grants.
 */

/** The app keys a set of permissions opens, in menu order. */
export function appsFrom(permissions: Iterable<string>): AppKey[] {
  const held = new Set(permissions);
  return APP_KEYS.filter((key) => held.has(`app:${key}`));
}

/** A user record as far as user-management rules care. */
export interface ManagedUser {
  agencyId: string | null;
  roles: readonly string[];
}

/**
 * Whoever changes an account, as the user-management rules see them: a signed-in actor, or the
 * causer another module recorded with its event (SIMPEG's `changedBy`), with the rights held then.
 */
export type UserManager = Pick<Actor, 'agencyId' | 'permissions'>;

/** True when the actor may see and manage users at all (everywhere or in their agency). */
export function canManageUsers(actor: UserManager): boolean {
  return actor.permissions.has('users:manage') || actor.permissions.has('users:manage-agency');
}

/** The agency the actor's user management is confined to; null means every agency. */
export function userScope(actor: UserManager): { agencyId: string | null } | 'all' {
  if (actor.permissions.has('users:manage')) return 'all';
  return { agencyId: actor.agencyId };
}

/** True when the user lies inside the actor's user-management scope (else the record answers 404). */
export function canSeeUser(actor: UserManager, user: ManagedUser): boolean {
  const scope = userScope(actor);
  if (scope === 'all') return canManageUsers(actor);
  return actor.permissions.has('users:manage-agency') && scope.agencyId !== null && user.agencyId === scope.agencyId;
}

/**
 * Identity's one scope check, applied by every use case that loads a user to show or change: the
 * user, when the actor manages users and the user lies in their scope. A caller who manages no users
 * at all gets 403; a user outside the scope answers 404 exactly like a missing one, so ids of other
 * agencies' accounts cannot be probed.
 */
export function userInScope<T extends ManagedUser>(actor: UserManager, user: T | null | undefined): T {
  if (!canManageUsers(actor)) throw new ForbiddenError();
  if (!user || !canSeeUser(actor, user)) throw new NotFoundError('Pengguna');
  return user;
}

/**
 * True when the actor may grant (or take away) the role: they manage users and already hold every
 * permission the role grants, so nobody hands out (or strips) more than they have themselves.
 * A role the catalogue does not know grants nothing; user administration refuses to grant it (400).
 */
export function canGrantRole(catalogue: RoleCatalogue, actor: UserManager, role: string): boolean {
  return canManageUsers(actor) && catalogue.permissionsFor([role]).every((p) => actor.permissions.has(p));
}

/**
 * True when the actor may change this account at all (name, agency, roles, status): it lies in their
 * scope and they could grant every role it holds. Used by user administration and by identity's
 * handlers of other modules' events, so the same rules hold whichever module causes the change.
 */
export function canChangeUser(catalogue: RoleCatalogue, actor: UserManager, user: ManagedUser): boolean {
  return canSeeUser(actor, user) && user.roles.every((role) => canGrantRole(catalogue, actor, role));
}

/**
 * True when a SIMPEG status change by the actor may disable (or, on return, re-enable) the account
 * linked to the employee: whoever could change the account in user administration, or BKPSDM
 * (`users:disable-leavers`, granted nothing else over accounts) for an account whose every role's
 * permissions they hold themselves — so recording a retirement never ends a platform admin's access.
 */
export function canApplyLeaverStatus(catalogue: RoleCatalogue, actor: UserManager, user: ManagedUser): boolean {
  if (canChangeUser(catalogue, actor, user)) return true;
  return actor.permissions.has('users:disable-leavers')
    && catalogue.permissionsFor(user.roles).every((p) => actor.permissions.has(p));
}

/**
 * True when the actor may link an account to a SIMPEG employee record (or end the link), at creation
 * or later: only a full user administrator, since whoever signs in with the account reads that
 * record's personal data.
 */
export function canLinkEmployee(actor: UserManager): boolean {
  return actor.permissions.has('users:manage');
}

/** What the actor may do with a user inside their scope; sent with the user so the web copies no rule. */
export function userAbilities(
  catalogue: RoleCatalogue,
  actor: UserManager & Partial<Pick<Actor, 'userId'>>,
  user: ManagedUser & { id: string; kind: 'staff' | 'citizen' },
  linkedToEmployee: boolean,
): { edit: boolean; resetPassword: boolean; linkEmployee: boolean; unlinkEmployee: boolean } {
  const linker = canSeeUser(actor, user) && canLinkEmployee(actor);
  const edit = canChangeUser(catalogue, actor, user);
  return {
    edit,
    // One's own password is changed with the current one, never reset (identity.recovery).
    resetPassword: edit && user.id !== actor.userId,
    linkEmployee: linker && user.kind === 'staff' && !linkedToEmployee,
    unlinkEmployee: linker && linkedToEmployee,
  };
}

/** True when the actor may place a user in the agency. */
export function canAssignAgency(actor: UserManager, agencyId: string): boolean {
  if (actor.permissions.has('users:manage')) return true;
  return actor.permissions.has('users:manage-agency') && actor.agencyId !== null && actor.agencyId === agencyId;
}

/** Session lifetime: ended after 12 hours without use, and 7 days after sign-in whatever happens. */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
/** `last_seen_at` (and a token's `last_used_at`) is written at most this often, so reads do not turn into writes. */
export const SESSION_TOUCH_MS = 60_000;

/**
 * Lockout per username and client address: 5 failures within 15 minutes from one address lock that
 * address out of that username for 15 minutes. Nobody else is locked out: across all addresses, a
 * username with many recent failures gets a growing delay instead (ADR 3).
 */
export const LOCKOUT = { windowMinutes: 15, maxFailures: 5, lockMinutes: 15 } as const;

/** From this many failures within the window (all addresses), each attempt waits after the previous failure. */
export const SLOWDOWN = { fromFailures: 10, maxDelaySeconds: 60 } as const;

/** Seconds an attempt must wait after the latest failure when `failures` failed within the window. */
export function slowdownSeconds(failures: number): number {
  if (failures < SLOWDOWN.fromFailures) return 0;
  return Math.min(SLOWDOWN.maxDelaySeconds, 2 ** (failures - SLOWDOWN.fromFailures));
}

/** An API token made without `expiresInDays` expires after this many days. */
export const TOKEN_DEFAULT_DAYS = 90;
/** The longest lifetime a token may be given (the schema refuses more with 400). */
export const TOKEN_MAX_DAYS = 365;
const DAY_MS = 86_400_000;

/** When a token made at `createdAt` expires, for the days asked or the default. */
export function expiryFor(createdAt: Date, days: number | undefined): Date {
  return new Date(createdAt.getTime() + (days ?? TOKEN_DEFAULT_DAYS) * DAY_MS);
}

/**
 * When a token stops working. Tokens made before expiry became mandatory have none stored: they
 * get the longest lifetime counted from their creation, so no token lives for ever.
 */
export function tokenExpiresAt(row: { createdAt: Date; expiresAt: Date | null }): Date {
  return row.expiresAt ?? new Date(row.createdAt.getTime() + TOKEN_MAX_DAYS * DAY_MS);
}
