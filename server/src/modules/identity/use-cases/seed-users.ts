import { ForbiddenError } from '../../../platform/errors.js';
import { identityRepo, type BulkUser } from '../identity.repo.js';
import type { IdentityContext } from './context.js';
import { createUserRecord } from './create-user.js';

/** A demo account to make if missing; the password arrives hashed (hash once, reuse for all). */
export type DemoUser = Omit<BulkUser, 'phone'>;

/** Demo accounts: refused outright in production, whatever the caller thinks. */
export function createDemoUserUseCases(ctx: IdentityContext) {
  function assertNotProduction(): void {
    if (ctx.config.nodeEnv === 'production') throw new ForbiddenError('Akun demo tidak pernah dibuat di production.');
  }

  return {
    /** Creates the demo account unless its username exists; true when it was created. */
    async ensureDemoUser(account: DemoUser): Promise<boolean> {
      assertNotProduction();
      if (await identityRepo.findUserByUsername(ctx.db, account.username)) return false;
      await createUserRecord(ctx, { ...account, passwordChangedAt: new Date() }, { label: 'seed' });
      return true;
    },

    /**
     * Bulk-loads demo accounts with COPY, skipping usernames that exist, so a re-run adds nothing.
     * Bulk demo rows are not audited one by one: they are test data, not official records.
     */
    async importDemoUsers(rows: readonly BulkUser[]): Promise<number> {
      assertNotProduction();
      const taken = await identityRepo.existingUsernames(ctx.db, rows.map((r) => r.username));
      return identityRepo.copyUsers(ctx.database, rows.filter((r) => !taken.has(r.username)));
    },
  };
}
