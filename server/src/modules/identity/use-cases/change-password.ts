import { appendAudit } from '../../../platform/audit/index.js';
import { inTransaction } from '../../../platform/db/index.js';
import { AppError, ValidationError } from '../../../platform/errors.js';
import type { Authentication } from '../../../platform/http/types.js';
import { assertStrongPassword, hashPassword, verifyPassword } from '../identity.passwords.js';
import { identityRepo } from '../identity.repo.js';
import type { ChangePasswordBody } from '../identity.schema.js';
import type { IdentityContext, RequestMeta } from './context.js';
import { assertNotLocked, clientAddress, countFailure, requireSignedInUser } from './guards.js';

/**
 * Changes the signed-in user's password after checking the current one, ends every other session
 * of theirs and revokes all their API tokens (a password change is how people throw out whoever
 * else got in, and a token made by an intruder would otherwise outlive it).
 */
export async function changePassword(ctx: IdentityContext, auth: Authentication, input: ChangePasswordBody, meta: RequestMeta): Promise<void> {
  const user = await requireSignedInUser(ctx, auth.actor);
  const address = clientAddress(meta);
  await assertNotLocked(ctx, user.username, address);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await countFailure(ctx, user.username, address);
    throw new AppError(400, 'wrong_password', 'Kata sandi saat ini salah.', { fields: { 'body.currentPassword': 'kata sandi salah' } });
  }
  if (input.newPassword === input.currentPassword) {
    throw new ValidationError('Kata sandi baru harus berbeda dari yang sekarang.', { fields: { 'body.newPassword': 'sama dengan kata sandi sekarang' } }, 'weak_password');
  }
  assertStrongPassword(input.newPassword, 'body.newPassword', [user.username, user.displayName, user.email ?? '']);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (tx) => {
    await identityRepo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: new Date() });
    await identityRepo.deleteSessionsOfUser(tx, user.id, auth.sessionId);
    await identityRepo.revokeTokensOfUser(tx, user.id, new Date());
    await appendAudit(tx, { actor: auth.actor, action: 'user.password_changed', entityType: 'user', entityId: user.id, requestId: meta.requestId, data: { tokensRevoked: true } });
  });
  ctx.credentials.invalidate();
}
