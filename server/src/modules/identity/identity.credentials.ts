import { ANONYMOUS } from '../../platform/http/actor.js';
import type { Authentication } from '../../platform/http/types.js';
import type { Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { API_TOKEN_PREFIX, tokenHash } from './identity.crypto.js';
import type { RoleCatalogue } from '../../platform/roles.js';
import { SESSION_IDLE_MS, SESSION_TOUCH_MS, tokenExpiresAt } from './identity.policy.js';
import { actorFor } from './identity.present.js';
import { identityRepo } from './identity.repo.js';

const NONE: Authentication = { actor: ANONYMOUS, via: 'none' };
/** How long a resolved credential is reused before the database is asked again (and the session touched). */
const REUSE_MS = 10_000;
/** Entries kept per instance; past this the cache starts over rather than growing. */
const MAX_ENTRIES = 50_000;

/** What a request presents as credentials: the session cookie's value and the Authorization header. */
export interface Credentials {
  sessionToken?: string;
  authorization?: string;
}

interface Entry {
  auth: Authentication;
  until: number;
}

/** What one resolution gets from the cache: a reusable answer, or a way to store the one it is about to compute. */
interface CredentialLookup {
  hit: Authentication | null;
  remember(auth: Authentication, validUntil: number): void;
}

/**
 * Resolving callers: session cookies and bearer API tokens become an `Authentication`. Resolved
 * credentials are reused for a few seconds (ADR 9), so an authenticated read costs no database round
 * trip for the caller's identity; they are a snapshot of identity's revision, which every sign-out,
 * revocation, password or account change moves: this instance drops them at once, others within a
 * second (platform/snapshot).
 */
export function createCredentialService(platform: Platform, deps: { revision: Revision; roles: RoleCatalogue }) {
  const { db, config } = platform;
  const cache = deps.revision.snapshot(async () => new Map<string, Entry>());

  /**
   * Looks a credential up by its hash. `remember` stores into the map this lookup saw, so an answer
   * computed while a sign-out invalidated the cache lands in the discarded map, not the new one.
   */
  async function lookup(key: string): Promise<CredentialLookup> {
    const map = await cache.get();
    const entry = map.get(key);
    const now = Date.now();
    if (entry && entry.until <= now) map.delete(key);
    return {
      hit: entry && entry.until > now ? entry.auth : null,
      remember(auth, validUntil) {
        if (map.size >= MAX_ENTRIES) map.clear();
        map.set(key, { auth, until: Math.min(validUntil, Date.now() + REUSE_MS) });
      },
    };
  }

  /** Resolves a session cookie: valid while used within 12 hours and younger than 7 days, for an active user. */
  async function fromSession(sessionToken: string): Promise<Authentication> {
    if (sessionToken.length > 200) return NONE;
    const hash = tokenHash(config.authSecret, sessionToken);
    const cached = await lookup(`s:${hash}`);
    if (cached.hit) return cached.hit;
    const found = await identityRepo.findSessionByHash(db, hash);
    if (!found) return NONE;
    const { session, user } = found;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
      // Already dead everywhere (every instance checks these limits): tidying up needs no new revision.
      await identityRepo.deleteSession(db, session.id);
      return NONE;
    }
    if (user.status !== 'active') return NONE;
    let lastSeen = session.lastSeenAt.getTime();
    if (now - lastSeen >= SESSION_TOUCH_MS) {
      await identityRepo.touchSession(db, session.id, new Date(now));
      lastSeen = now;
    }
    const auth: Authentication = { actor: actorFor(user, deps.roles.permissionsFor(user.roles)), via: 'session', csrfToken: session.csrfToken, sessionId: session.id };
    cached.remember(auth, Math.min(session.expiresAt.getTime(), lastSeen + SESSION_IDLE_MS));
    return auth;
  }

  /**
   * Resolves a bearer API token. Its permissions are its scopes that the owner still holds, so a
   * token loses what its owner loses. Revoked, expired and unknown tokens authenticate nobody.
   */
  async function fromToken(token: string): Promise<Authentication> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return NONE;
    const hash = tokenHash(config.authSecret, token);
    const cached = await lookup(`t:${hash}`);
    if (cached.hit) return cached.hit;
    const found = await identityRepo.findTokenByHash(db, hash);
    if (!found) return NONE;
    const { token: row, user } = found;
    const now = new Date();
    const expiresAt = tokenExpiresAt(row);
    if (row.revokedAt || expiresAt <= now || user.status !== 'active') return NONE;
    const scopes = new Set(row.scopes);
    // Like sessions, record use at most once a minute: a busy client must not turn every read into a write.
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= SESSION_TOUCH_MS) await identityRepo.touchToken(db, row.id, now);
    const auth: Authentication = { actor: actorFor(user, deps.roles.permissionsFor(user.roles).filter((p) => scopes.has(p)), 'token'), via: 'token' };
    cached.remember(auth, expiresAt.getTime());
    return auth;
  }

  return {
    /**
     * Who is calling: a bearer token when an `Authorization: Bearer` header is sent (never falling
     * back to the cookie, so a bad token is not silently upgraded), else the session cookie, else nobody.
     */
    async authenticate(credentials: Credentials): Promise<Authentication> {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(credentials.authorization ?? '');
      if (bearer) return fromToken(bearer[1]!);
      if (credentials.sessionToken) return fromSession(credentials.sessionToken);
      return NONE;
    },
  };
}
