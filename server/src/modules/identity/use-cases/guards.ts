import { ForbiddenError, TooManyRequestsError, UnauthenticatedError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/index.js';
import { identityRepo, type UserRow } from '../identity.repo.js';
import type { IdentityContext } from './context.js';

/** Lockout: 5 failures within 15 minutes lock the username for 15 minutes. */
export const LOCKOUT = { windowMinutes: 15, maxFailures: 5, lockMinutes: 15 } as const;


/** Throws 429 `too_many_attempts` (with Retry-After) while the username is locked. */
export async function assertNotLocked(ctx: IdentityContext, username: string): Promise<void> {
  const seconds = await identityRepo.lockedForSeconds(ctx.db, username);
  if (seconds !== null) {
    const minutes = Math.ceil(seconds / 60);
    throw new TooManyRequestsError(`Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`, seconds, 'too_many_attempts');
  }
}

/** Counts a failed password (or code) for the username, known or not; old counts are pruned hourly. */
export async function countFailure(ctx: IdentityContext, username: string): Promise<void> {
  await identityRepo.recordFailure(ctx.db, username, LOCKOUT);
}

/**
 * The actor's own, active user record, for actions a person must take in a signed-in session
 * (password, tokens, TOTP): machine tokens may not manage credentials.
 */
export async function requireSignedInUser(ctx: IdentityContext, actor: Actor): Promise<UserRow> {
  if (actor.kind === 'token') throw new ForbiddenError('Tindakan ini hanya dapat dilakukan setelah masuk, bukan dengan token API.');
  if (actor.kind !== 'user' || !actor.userId) throw new UnauthenticatedError();
  const user = await identityRepo.findUserById(ctx.db, actor.userId);
  if (!user || user.status !== 'active') throw new UnauthenticatedError();
  return user;
}
