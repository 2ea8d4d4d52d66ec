import type { Ctx, Platform } from '../../platform/index.js';
import { hashPassword } from './identity.crypto.js';
import { assertStrongPassword } from './identity.password-strength.js';
import type { UserRow } from './identity.repo.js';
import type { RegisterBody } from './identity.schema.js';
import type { SignedIn } from './identity.sessions.js';
import { createUserRecord, normalisePhone } from './identity.user-record.js';

/** Registration: citizens make their own account and are signed in. */
export function createRegistrationService(platform: Platform, deps: { startSession: (ctx: Ctx, user: UserRow) => Promise<SignedIn> }) {
  return {
    /**
     * Registers a citizen account (role `citizen`) and signs it in. The e-mail address is stored
     * unverified: only verified addresses are unique, so the answer is the same whether or not the
     * address is in use elsewhere, and registration reveals nothing about other people's addresses.
     * (Verification by a link sent to the address arrives with e-mail delivery; until then a citizen's
     * address stays unverified and is not used to identify anyone.)
     */
    async register(ctx: Ctx, input: RegisterBody): Promise<SignedIn> {
      const username = input.username.toLowerCase();
      const email = input.email?.toLowerCase() ?? null;
      assertStrongPassword(input.password, 'body.password', [username, input.displayName, email ?? '']);
      const user = await createUserRecord(platform.db, {
        username, displayName: input.displayName.trim(), email, emailVerified: false, phone: normalisePhone(input.phone),
        kind: 'citizen', agencyId: null, roles: ['citizen'],
        passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(),
      }, 'self', ctx.requestId);
      return deps.startSession(ctx, user);
    },
  };
}
