import { assertStrongPassword, hashPassword } from '../identity.passwords.js';
import type { RegisterBody } from '../identity.schema.js';
import type { IdentityContext, RequestMeta } from './context.js';
import { createUserRecord, normalisePhone } from './create-user.js';
import { startSession, type SignedIn } from './sign-in.js';

/** Registers a citizen account (role `citizen`) and signs it in. */
export async function registerCitizen(ctx: IdentityContext, input: RegisterBody, meta: RequestMeta): Promise<SignedIn> {
  const username = input.username.toLowerCase();
  const email = input.email?.toLowerCase() ?? null;
  assertStrongPassword(input.password, 'body.password', [username, input.displayName, email ?? '']);
  const user = await createUserRecord(ctx, {
    username, displayName: input.displayName.trim(), email, phone: normalisePhone(input.phone),
    kind: 'citizen', agencyId: null, roles: ['citizen'],
    passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(),
  }, 'self', meta);
  return startSession(ctx, user, meta);
}
