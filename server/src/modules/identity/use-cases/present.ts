import type { Actor } from '../../../platform/index.js';
import { appsFrom, permissionsFor } from '../identity.policy.js';
import type { TokenRow, UserRow } from '../identity.repo.js';
import type { AgencyRef, Me, TokenView, UserView } from '../identity.schema.js';
import type { IdentityContext } from './context.js';
import { tokenExpiresAt } from './token-lifetime.js';

/** The actor a user acts as; a token narrows the permissions to its scopes. */
export function actorFor(user: UserRow, permissions: readonly string[] = permissionsFor(user.roles), kind: 'user' | 'token' = 'user'): Actor {
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

/** Looks agencies up once per id within one presentation. */
export function agencyLookup(ctx: IdentityContext): (id: string | null) => Promise<AgencyRef | null> {
  const cache = new Map<string, Promise<AgencyRef | null>>();
  return (id) => {
    if (id === null) return Promise.resolve(null);
    let found = cache.get(id);
    if (!found) {
      found = ctx.deps.agencies.findAgency(id).then((a) => (a ? { id: a.id, name: a.name, shortName: a.shortName } : null));
      cache.set(id, found);
    }
    return found;
  };
}

/** The signed-in user as the web app sees them. */
export async function presentMe(ctx: IdentityContext, user: UserRow, permissions: readonly string[]): Promise<Me> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    agency: await agencyLookup(ctx)(user.agencyId),
    roles: [...user.roles],
    permissions: [...permissions],
    apps: appsFrom(permissions),
    totpEnabled: user.totpEnabled,
    email: user.email,
    emailVerified: user.emailVerified,
  };
}

/** A user as administrators see them. */
export async function presentUser(user: UserRow, agency: (id: string | null) => Promise<AgencyRef | null>): Promise<UserView> {
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
