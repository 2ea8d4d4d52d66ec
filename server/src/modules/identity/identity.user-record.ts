import { appendAudit, type AuditEntry } from '../../platform/audit/index.js';
import { inTransaction, pgConstraint, pgErrorCode, type Db } from '../../platform/db/index.js';
import { ConflictError } from '../../platform/errors.js';
import { identityRepo, type NewUser, type UserRow } from './identity.repo.js';

// Making an account, shared by registration, user administration and the demo seed.

/** Turns `08…` into `+628…`, so one phone number has one spelling. */
export function normalisePhone(phone: string | undefined): string | null {
  if (!phone) return null;
  return phone.startsWith('0') ? `+62${phone.slice(1)}` : phone;
}

/**
 * Inserts a user and records `user.created` in the audit log, in one transaction. A taken username
 * or verified e-mail answers 409 (the unique indexes decide, so two concurrent sign-ups cannot both
 * win). Only addresses set by an administrator are verified, so only they can collide, and the
 * answer does not repeat the address. A new account has no credential in use, so the identity
 * revision does not move.
 */
export async function createUserRecord(
  db: Db,
  values: NewUser,
  by: AuditEntry['actor'] | 'self',
  requestId: string | null = null,
): Promise<UserRow> {
  try {
    return await inTransaction(db, async (tx) => {
      const user = await identityRepo.insertUser(tx, values);
      await appendAudit(tx, {
        actor: by === 'self' ? { label: user.username, userId: user.id } : by,
        action: 'user.created', entityType: 'user', entityId: user.id, requestId,
        data: { username: user.username, kind: user.kind, agencyId: user.agencyId, roles: user.roles },
      });
      return user;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') {
      const constraint = pgConstraint(err);
      if (constraint === 'users_email_idx') {
        throw new ConflictError('email_taken', 'Alamat e-mail ini sudah dipakai akun lain. Pakai alamat lain atau kosongkan.', { fields: { 'body.email': 'sudah dipakai akun lain' } });
      }
      throw new ConflictError('username_taken', `Nama pengguna "${values.username}" sudah dipakai. Pilih nama lain.`, { fields: { 'body.username': 'sudah dipakai; pilih nama lain' } });
    }
    throw err;
  }
}
