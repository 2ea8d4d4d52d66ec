import type { Actor } from '../../platform/index.js';
import type { RoleCatalogue, RoleEntry } from '../../platform/roles.js';
import { appsFrom, tokenExpiresAt, userAbilities } from './identity.policy.js';
import type { TokenRow, UserRow } from './identity.repo.js';
import type { AgencyRef, LinkedEmployee, Me, RoleView, TokenView, UserView } from './identity.schema.js';
import type { IdentityDeps } from './identity.service.js';

/** A user as other modules see them. */
export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'citizen';
  agencyId: string | null;
  roles: string[];
  status: 'active' | 'disabled';
}

/** Finds an agency's name by id (null for none), asking SIMPEG once per id within one answer. */
export type AgencyLookup = (id: string | null) => Promise<AgencyRef | null>;

/** The actor a user acts as, with the permissions of their roles (a token's: narrowed to its scopes). */
export function actorFor(user: UserRow, permissions: readonly string[], kind: 'user' | 'token' = 'user'): Actor {
  return Object.freeze({
    kind,
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    userKind: user.kind,
    agencyId: user.agencyId,
    roles: Object.freeze([...user.roles]),
    permissions: new Set(permissions),
  });
}

/** A lookup of agencies for one answer (a list shows the same few agencies many times). */
export function agencyLookup(agencies: IdentityDeps['agencies']): AgencyLookup {
  const cache = new Map<string, Promise<AgencyRef | null>>();
  return (id) => {
    if (id === null) return Promise.resolve(null);
    let found = cache.get(id);
    if (!found) {
      found = agencies.findAgency(id).then((a) => (a ? { id: a.id, name: a.name, shortName: a.shortName } : null));
      cache.set(id, found);
    }
    return found;
  };
}

/** The signed-in user as the web app sees them. */
export async function presentMe(user: UserRow, permissions: readonly string[], agency: AgencyLookup): Promise<Me> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    agency: await agency(user.agencyId),
    roles: [...user.roles],
    permissions: [...permissions],
    apps: appsFrom(permissions),
    totpEnabled: user.totpEnabled,
    email: user.email,
    emailVerified: user.emailVerified,
    mustChangePassword: user.mustChangePassword,
  };
}

/** A user as administrators see them, with the linked employee record and what the viewer may do. */
export async function presentUser(
  catalogue: RoleCatalogue, viewer: Actor, user: UserRow, agency: AgencyLookup, employee: LinkedEmployee | null,
): Promise<UserView> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    emailVerified: user.emailVerified,
    kind: user.kind,
    agency: await agency(user.agencyId),
    roles: [...user.roles],
    status: user.status,
    totpEnabled: user.totpEnabled,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    employee: employee && { id: employee.id, nip: employee.nip, displayName: employee.displayName },
    abilities: userAbilities(catalogue, viewer, user, employee !== null),
  };
}

/** A role of the catalogue as user administration shows it. */
export function presentRole(role: RoleEntry, grantable: boolean): RoleView {
  return {
    name: role.name, kind: role.kind, label: { ...role.label }, description: { ...role.description }, module: role.module,
    grantable, selfService: role.grantedBy === 'self-service',
  };
}

/** A user for other modules (name, kind, agency, roles, status). */
export function presentSummary(user: UserRow): UserSummary {
  return {
    id: user.id, username: user.username, displayName: user.displayName, kind: user.kind, agencyId: user.agencyId, roles: [...user.roles], status: user.status,
  };
}

/** An API token without its secret. */
export function presentToken(row: TokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: [...row.scopes],
    createdAt: row.createdAt.toISOString(),
    expiresAt: tokenExpiresAt(row).toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
