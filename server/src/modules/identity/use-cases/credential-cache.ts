import type { Db } from '../../../platform/db/index.js';
import type { Authentication } from '../../../platform/http/types.js';
import { createSnapshot } from '../../../platform/snapshot.js';
import { identityRepo } from '../identity.repo.js';

/** How long a resolved credential is reused before the database is asked again (and the session touched). */
const REUSE_MS = 10_000;
/** Entries kept per instance; past this the cache starts over rather than growing. */
const MAX_ENTRIES = 50_000;

interface Entry {
  auth: Authentication;
  until: number;
}

/** What one request gets from the cache: a reusable answer, or a way to store the one it is about to compute. */
export interface CredentialLookup {
  hit: Authentication | null;
  remember(auth: Authentication, validUntil: number): void;
}

/**
 * Resolved sessions and API tokens, reused for a few seconds so an authenticated read costs no
 * database round trip for the caller's identity. Sign-out, revocation, a password change or an
 * account change bump the identity revision in their transaction and drop this instance's entries
 * at once (`invalidate`); other instances drop theirs within a second (platform/snapshot).
 */
export function createCredentialCache(db: Db) {
  const snapshot = createSnapshot({ load: async () => new Map<string, Entry>(), readRevision: () => identityRepo.revision(db) });
  return {
    /**
     * Looks a credential up by its hash. `remember` stores into the map this lookup saw, so an answer
     * computed while a sign-out invalidated the cache lands in the discarded map, not the new one.
     */
    async lookup(key: string): Promise<CredentialLookup> {
      const map = await snapshot.get();
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
    },

    /** Drops every entry after a local change to sessions, tokens or accounts. */
    invalidate: (): void => snapshot.invalidate(),
  };
}

export type CredentialCache = ReturnType<typeof createCredentialCache>;
