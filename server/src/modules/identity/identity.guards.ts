import { ForbiddenError, TooManyRequestsError, UnauthenticatedError } from '../../platform/errors.js';
import type { Ctx } from '../../platform/index.js';
import type { Db } from '../../platform/db/index.js';
import { LOCKOUT, slowdownSeconds } from './identity.policy.js';
import { identityRepo, type UserRow } from './identity.repo.js';

// The checks the credential areas (sessions, passwords, TOTP, tokens) share that need the database;
// the rules themselves (lockout, slowdown) are in identity.policy.ts.

/**
 * Throws 429 `too_many_attempts` (with Retry-After) while this address is locked out of the
 * username, or while the username's growing delay since its latest failure has not passed. Unknown
 * usernames are counted and answered alike, so neither reveals which accounts exist.
 */
export async function assertNotLocked(db: Db, username: string, address: string): Promise<void> {
  const state = await identityRepo.failureState(db, username, address, LOCKOUT.windowMinutes);
  if (state.lockedForSeconds !== null) {
    const minutes = Math.ceil(state.lockedForSeconds / 60);
    throw new TooManyRequestsError(`Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`, state.lockedForSeconds, 'too_many_attempts');
  }
  const waitMs = slowdownSeconds(state.recentFailures) * 1000 - (state.sinceLastFailureMs ?? Number.POSITIVE_INFINITY);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new TooManyRequestsError(`Terlalu banyak percobaan masuk yang gagal untuk akun ini. Coba lagi dalam ${seconds} detik.`, seconds, 'too_many_attempts');
  }
}

/** Counts a failed password (or code) for the username, known or not, from the address; old counts are pruned hourly. */
export async function countFailure(db: Db, username: string, address: string): Promise<void> {
  await identityRepo.recordFailure(db, username, address, LOCKOUT);
}

/** The client address failures are counted for (the request's; empty when a use case runs outside HTTP). */
export function clientAddress(ctx: Ctx): string {
  return ctx.address ?? '';
}

/**
 * The caller's own, active user record, for actions a person must take in a signed-in session
 * (password, tokens, TOTP): machine tokens may not manage credentials.
 */
export async function requireSignedInUser(db: Db, ctx: Ctx): Promise<UserRow> {
  const { actor } = ctx;
  if (actor.kind === 'token') throw new ForbiddenError('Tindakan ini hanya dapat dilakukan setelah masuk, bukan dengan token API.');
  if (actor.kind !== 'user' || !actor.userId) throw new UnauthenticatedError();
  const user = await identityRepo.findUserById(db, actor.userId);
  if (!user || user.status !== 'active') throw new UnauthenticatedError();
  return user;
}
