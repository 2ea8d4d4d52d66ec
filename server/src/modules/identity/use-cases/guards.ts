import { ForbiddenError, TooManyRequestsError, UnauthenticatedError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/index.js';
import { identityRepo, type UserRow } from '../identity.repo.js';
import type { IdentityContext, RequestMeta } from './context.js';

/**
 * Lockout per username and client address: 5 failures within 15 minutes from one address lock that
 * address out of that username for 15 minutes. Nobody else is locked out: across all addresses, a
 * username with many recent failures gets a growing delay instead (ADR 3).
 */
export const LOCKOUT = { windowMinutes: 15, maxFailures: 5, lockMinutes: 15 } as const;

/** From this many failures within the window (all addresses), each attempt waits after the previous failure. */
export const SLOWDOWN = { fromFailures: 10, maxDelaySeconds: 60 } as const;

/** Seconds an attempt must wait after the latest failure when `failures` failed within the window. */
export function slowdownSeconds(failures: number): number {
  if (failures < SLOWDOWN.fromFailures) return 0;
  return Math.min(SLOWDOWN.maxDelaySeconds, 2 ** (failures - SLOWDOWN.fromFailures));
}

/**
 * Throws 429 `too_many_attempts` (with Retry-After) while this address is locked out of the
 * username, or while the username's growing delay since its latest failure has not passed. Unknown
 * usernames are counted and answered alike, so neither reveals which accounts exist.
 */
export async function assertNotLocked(ctx: IdentityContext, username: string, address: string): Promise<void> {
  const state = await identityRepo.failureState(ctx.db, username, address, LOCKOUT.windowMinutes);
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
export async function countFailure(ctx: IdentityContext, username: string, address: string): Promise<void> {
  await identityRepo.recordFailure(ctx.db, username, address, LOCKOUT);
}

/** The client address failures are counted for (`request.ip`; empty when a use case runs outside HTTP). */
export function clientAddress(meta: RequestMeta): string {
  return meta.ip ?? '';
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
