import { appendAudit } from '../../../platform/audit/index.js';
import { inTransaction } from '../../../platform/db/index.js';
import { ANONYMOUS } from '../../../platform/http/actor.js';
import type { Authentication } from '../../../platform/http/types.js';
import { API_TOKEN_PREFIX, tokenHash } from '../identity.crypto.js';
import { permissionsFor } from '../identity.policy.js';
import { identityRepo } from '../identity.repo.js';
import { SESSION_IDLE_MS, SESSION_TOUCH_MS, type IdentityContext, type RequestMeta } from './context.js';
import { requireSignedInUser } from './guards.js';
import { actorFor } from './present.js';
import { tokenExpiresAt } from './token-lifetime.js';

const NONE: Authentication = { actor: ANONYMOUS, via: 'none' };

/** What a request presents as credentials: the session cookie's value and the Authorization header. */
export interface Credentials {
  sessionToken?: string;
  authorization?: string;
}

/** Resolves a session cookie: valid while used within 12 hours and younger than 7 days, for an active user. */
async function fromSession(ctx: IdentityContext, sessionToken: string): Promise<Authentication> {
  if (sessionToken.length > 200) return NONE;
  const hash = tokenHash(ctx.config.authSecret, sessionToken);
  const cached = await ctx.credentials.lookup(`s:${hash}`);
  if (cached.hit) return cached.hit;
  const found = await identityRepo.findSessionByHash(ctx.db, hash);
  if (!found) return NONE;
  const { session, user } = found;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
    await identityRepo.deleteSession(ctx.db, session.id);
    return NONE;
  }
  if (user.status !== 'active') return NONE;
  let lastSeen = session.lastSeenAt.getTime();
  if (now - lastSeen >= SESSION_TOUCH_MS) {
    await identityRepo.touchSession(ctx.db, session.id, new Date(now));
    lastSeen = now;
  }
  const auth: Authentication = { actor: actorFor(user), via: 'session', csrfToken: session.csrfToken, sessionId: session.id };
  cached.remember(auth, Math.min(session.expiresAt.getTime(), lastSeen + SESSION_IDLE_MS));
  return auth;
}

/**
 * Resolves a bearer API token. Its permissions are its scopes that the owner still holds, so a
 * token loses what its owner loses. Revoked, expired and unknown tokens authenticate nobody.
 */
async function fromToken(ctx: IdentityContext, token: string): Promise<Authentication> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return NONE;
  const hash = tokenHash(ctx.config.authSecret, token);
  const cached = await ctx.credentials.lookup(`t:${hash}`);
  if (cached.hit) return cached.hit;
  const found = await identityRepo.findTokenByHash(ctx.db, hash);
  if (!found) return NONE;
  const { token: row, user } = found;
  const now = new Date();
  const expiresAt = tokenExpiresAt(row);
  if (row.revokedAt || expiresAt <= now || user.status !== 'active') return NONE;
  const scopes = new Set(row.scopes);
  // Like sessions, record use at most once a minute: a busy client must not turn every read into a write.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= SESSION_TOUCH_MS) await identityRepo.touchToken(ctx.db, row.id, now);
  const auth: Authentication = { actor: actorFor(user, permissionsFor(user.roles).filter((p) => scopes.has(p)), 'token'), via: 'token' };
  cached.remember(auth, expiresAt.getTime());
  return auth;
}

/**
 * Who is calling: a bearer token when an `Authorization: Bearer` header is sent (never falling back
 * to the cookie, so a bad token is not silently upgraded), else the session cookie, else nobody.
 */
export async function authenticate(ctx: IdentityContext, credentials: Credentials): Promise<Authentication> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(credentials.authorization ?? '');
  if (bearer) return fromToken(ctx, bearer[1]!);
  if (credentials.sessionToken) return fromSession(ctx, credentials.sessionToken);
  return NONE;
}

/** Ends the session the request was made with (nothing to do for tokens and anonymous callers). */
export async function signOut(ctx: IdentityContext, auth: Authentication): Promise<void> {
  if (auth.via === 'session' && auth.sessionId) {
    await identityRepo.deleteSession(ctx.db, auth.sessionId);
    ctx.credentials.invalidate();
  }
}

/**
 * Ends every session of the caller, this one included, and revokes every API token of theirs: what
 * to do after signing in on a shared computer or suspecting that someone else got in.
 */
export async function signOutEverywhere(ctx: IdentityContext, auth: Authentication, meta: RequestMeta): Promise<void> {
  const user = await requireSignedInUser(ctx, auth.actor);
  await inTransaction(ctx.db, async (tx) => {
    await identityRepo.deleteSessionsOfUser(tx, user.id);
    await identityRepo.revokeTokensOfUser(tx, user.id, new Date());
    await appendAudit(tx, { actor: auth.actor, action: 'user.signed_out_everywhere', entityType: 'user', entityId: user.id, requestId: meta.requestId });
  });
  ctx.credentials.invalidate();
}
