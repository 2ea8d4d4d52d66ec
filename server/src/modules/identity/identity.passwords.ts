import { appendAudit } from '../../platform/audit/index.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { hashPassword, verifyPassword } from './identity.crypto.js';
import { assertNotLocked, clientAddress, countFailure, requireSignedInUser } from './identity.guards.js';
import { assertStrongPassword } from './identity.password-strength.js';
import { identityRepo } from './identity.repo.js';
import type { ChangePasswordBody } from './identity.schema.js';

/** Passwords: a signed-in person changing their own (hashing and strength rules are in crypto and password-strength). */
export function createPasswordService(platform: Platform, deps: { revision: Revision }) {
  const { db } = platform;
  return {
    /**
     * Changes the signed-in user's password after checking the current one, ends every other session
     * of theirs and revokes all their API tokens (a password change is how people throw out whoever
     * else got in, and a token made by an intruder would otherwise outlive it).
     */
    async change(ctx: Ctx, input: ChangePasswordBody): Promise<void> {
      const user = await requireSignedInUser(db, ctx);
      const address = clientAddress(ctx);
      await assertNotLocked(db, user.username, address);
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await countFailure(db, user.username, address);
        throw new AppError(400, 'wrong_password', 'Kata sandi saat ini salah.', { fields: { 'body.currentPassword': 'kata sandi salah' } });
      }
      if (input.newPassword === input.currentPassword) {
        throw new ValidationError('Kata sandi baru harus berbeda dari yang sekarang.', { fields: { 'body.newPassword': 'sama dengan kata sandi sekarang' } }, 'weak_password');
      }
      assertStrongPassword(input.newPassword, 'body.newPassword', [user.username, user.displayName, user.email ?? '']);
      const passwordHash = await hashPassword(input.newPassword);
      await deps.revision.write(async (tx) => {
        const now = new Date();
        await identityRepo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: false });
        await identityRepo.deleteSessionsOfUser(tx, user.id, ctx.auth.sessionId);
        await identityRepo.revokeTokensOfUser(tx, user.id, now);
        await appendAudit(tx, { actor: ctx.actor, action: 'user.password_changed', entityType: 'user', entityId: user.id, requestId: ctx.requestId, data: { tokensRevoked: true } });
      });
    },
  };
}
