import { appendAudit } from '../../platform/audit/index.js';
import { ForbiddenError } from '../../platform/errors.js';
import type { Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { verifyPassword } from './identity.crypto.js';
import { identityRepo, type BulkUser } from './identity.repo.js';
import { createUserRecord } from './identity.user-record.js';

/** A demo account to make if missing; the password arrives hashed (hash once, reuse for all). */
export type DemoUser = Omit<BulkUser, 'phone' | 'demo'>;

/**
 * How to recognise demo accounts made before the seed flagged them: the published password, the
 * fixed usernames, and a PostgreSQL regular expression matching the bulk usernames (`warga.00001`).
 */
export interface KnownDemoAccounts {
  password: string;
  usernames: readonly string[];
  bulkPattern: string;
}

/** Active demo accounts: the first few usernames and how many there are. */
export interface DemoAccountsReport {
  usernames: string[];
  total: number;
}

/** How many usernames a report names; the rest are counted. */
const NAMED = 10;

/**
 * Demo accounts, for the seeds and the command line (loaders, no caller): refused outright in
 * production, whatever the caller thinks; found and disabled there.
 */
export function createDemoService(platform: Platform, deps: { revision: Revision }) {
  const { db, database, config } = platform;

  function assertNotProduction(): void {
    if (config.nodeEnv === 'production') throw new ForbiddenError('Akun demo tidak pernah dibuat di production.');
  }

  /** The password hashes that verify against the published password (one argon2 run per distinct hash). */
  async function demoHashes(known: KnownDemoAccounts): Promise<string[]> {
    const candidates = await identityRepo.demoCandidateHashes(db, known);
    const matching: string[] = [];
    for (const hash of candidates) if (await verifyPassword(hash, known.password)) matching.push(hash);
    return matching;
  }

  return {
    /** Creates the demo account (flagged `demo`) unless its username exists; true when it was created. */
    async ensureDemoUser(account: DemoUser): Promise<boolean> {
      assertNotProduction();
      if (await identityRepo.findUserByUsername(db, account.username)) return false;
      await createUserRecord(db, { ...account, demo: true, passwordChangedAt: new Date() }, { label: 'seed' });
      return true;
    },

    /**
     * Bulk-loads demo accounts (flagged `demo`) with COPY, skipping usernames that exist, so a re-run
     * adds nothing. Bulk demo rows are not audited one by one: they are test data, not official records.
     */
    async importDemoUsers(rows: readonly BulkUser[]): Promise<number> {
      assertNotProduction();
      const taken = await identityRepo.existingUsernames(db, rows.map((r) => r.username));
      return identityRepo.copyUsers(database, rows.filter((r) => !taken.has(r.username)).map((r) => ({ ...r, demo: true })));
    },

    /**
     * Active accounts anyone could sign in to with the published demo password: flagged by the seed,
     * or (data seeded before the flag) a known demo username whose password still is the demo one.
     * Production refuses to start while there is one.
     */
    async findActiveDemoAccounts(known: KnownDemoAccounts): Promise<DemoAccountsReport> {
      return identityRepo.findActiveDemoAccounts(db, await demoHashes(known), NAMED);
    },

    /**
     * Disables every active demo account, ends its sessions and revokes its API tokens, recorded as
     * one audit entry (like their creation, demo accounts are not audited one by one).
     */
    async disableDemoAccounts(known: KnownDemoAccounts): Promise<DemoAccountsReport> {
      const hashes = await demoHashes(known);
      const usernames = await deps.revision.write(async (tx) => {
        const gone = await identityRepo.disableDemoAccounts(tx, hashes);
        if (gone.length > 0) {
          await appendAudit(tx, {
            actor: { label: 'cli' }, action: 'user.demo_disabled', entityType: 'user', entityId: 'demo-accounts',
            data: { count: gone.length, usernames: gone.slice(0, 100), reason: 'demo' },
          });
        }
        return gone;
      });
      return { usernames: usernames.slice(0, NAMED), total: usernames.length };
    },
  };
}
