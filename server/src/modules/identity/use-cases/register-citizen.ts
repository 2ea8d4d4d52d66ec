import { assertStrongPassword, hashPassword } from '../identity.passwords.js';
import type { RegisterBody } from '../identity.schema.js';
import type { IdentityContext, RequestMeta } from './context.js';
import { createUserRecord, normalisePhone } from './create-user.js';
import { startSession, type SignedIn } from './sign-in.js';

/**
 * Registers a citizen account (role `citizen`) and signs it in. The e-mail address is stored
 * unverified: only verified addresses are unique, so the answer is the same whether or not the
 * address is in use elsewhere, and registration reveals nothing about other people's addresses.
 * (Verification by a link sent to the address arrives with e-mail delivery; until then a citizen's
 * address stays unverified and is not used to identify anyone.)
 */
export async function registerCitizen(ctx: IdentityContext, input: RegisterBody, meta: RequestMeta): Promise<SignedIn> {
  const username = input.username.toLowerCase();
  const email = input.email?.toLowerCase() ?? null;
  assertStrongPassword(input.password, 'body.password', [username, input.displayName, email ?? '']);
  const user = await createUserRecord(ctx, {
    username, displayName: input.displayName.trim(), email, emailVerified: false, phone: normalisePhone(input.phone),
    kind: 'citizen', agencyId: null, roles: ['citizen'],
    passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(),
  }, 'self', meta);
  return startSession(ctx, user, meta);
}
