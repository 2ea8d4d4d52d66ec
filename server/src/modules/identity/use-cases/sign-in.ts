import { UnauthenticatedError } from '../../../platform/errors.js';
import { randomSecret, tokenHash } from '../identity.crypto.js';
import { verifyNothing, verifyPassword } from '../identity.passwords.js';
import { permissionsFor } from '../identity.policy.js';
import { identityRepo, type UserRow } from '../identity.repo.js';
import type { LoginBody, SessionView } from '../identity.schema.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, type IdentityContext, type RequestMeta } from './context.js';
import { assertNotLocked, clientAddress, countFailure } from './guards.js';
import { presentMe } from './present.js';
import { acceptTotpCode } from './totp.js';

/** A new session: what the browser is told, the cookie value, and when the cookie should expire. */
export interface SignedIn {
  view: SessionView;
  sessionToken: string;
  expiresAt: Date;
}

const INVALID = 'Nama pengguna atau kata sandi salah.';

/** Starts a session for a user who has just proven who they are. */
export async function startSession(ctx: IdentityContext, user: UserRow, meta: RequestMeta): Promise<SignedIn> {
  const now = new Date();
  const sessionToken = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await identityRepo.deleteStaleSessions(ctx.db, user.id, now, new Date(now.getTime() - SESSION_IDLE_MS));
  await identityRepo.insertSession(ctx.db, {
    tokenHash: tokenHash(ctx.config.authSecret, sessionToken), userId: user.id, csrfToken,
    createdAt: now, lastSeenAt: now, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { view: { user: await presentMe(ctx, user, permissionsFor(user.roles)), csrfToken }, sessionToken, expiresAt };
}

/**
 * Signs a user in with username and password (and a TOTP code when they turned it on).
 * A wrong password, an unknown user and a disabled account all answer the same 401, after the same
 * work; failures count per username, known or not, and client address: they lock that address out
 * for a while and slow everyone else down (guards.ts), but never lock the owner out.
 */
export async function signIn(ctx: IdentityContext, input: LoginBody, meta: RequestMeta): Promise<SignedIn> {
  const username = input.username.trim().toLowerCase();
  const address = clientAddress(meta);
  await assertNotLocked(ctx, username, address);
  const user = await identityRepo.findUserByUsername(ctx.db, username);
  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await verifyNothing(input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    await countFailure(ctx, username, address);
    throw new UnauthenticatedError(INVALID, 'invalid_credentials');
  }
  if (user.totpEnabled) {
    if (input.totp === undefined) {
      throw new UnauthenticatedError('Masukkan kode 6 angka dari aplikasi autentikator Anda.', 'totp_required');
    }
    if (!(await acceptTotpCode(ctx, user, input.totp))) {
      await countFailure(ctx, username, address);
      throw new UnauthenticatedError('Kode autentikator salah atau sudah dipakai. Masukkan kode yang baru.', 'totp_required');
    }
  }
  // Only this address's count: failures from elsewhere keep slowing whoever made them.
  await identityRepo.clearFailures(ctx.db, username, address);
  const signedIn = await startSession(ctx, user, meta);
  await identityRepo.touchLastLogin(ctx.db, user.id, new Date());
  return signedIn;
}
