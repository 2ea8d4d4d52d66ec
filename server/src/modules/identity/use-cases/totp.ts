import { Secret, TOTP } from 'otpauth';
import { inTransaction } from '../../../platform/db/index.js';
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/index.js';
import { appendAudit } from '../../../platform/audit/index.js';
import { openTotpSecret, sealTotpSecret } from '../identity.crypto.js';
import { verifyPassword } from '../identity.passwords.js';
import { identityRepo, type UserRow } from '../identity.repo.js';
import type { TotpSetupView } from '../identity.schema.js';
import type { IdentityContext, RequestMeta } from './context.js';
import { assertNotLocked, clientAddress, countFailure, requireSignedInUser } from './guards.js';

const ISSUER = 'Tegal Smart City';

function totpFor(base32: string, username: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(base32) });
}

/**
 * Checks a code from the user's authenticator (one step of clock drift either way) and records its
 * time step, so the same code is refused the second time.
 */
export async function acceptTotpCode(ctx: IdentityContext, user: UserRow, code: string): Promise<boolean> {
  const base32 = user.totpSecret ? openTotpSecret(ctx.config.authSecret, user.totpSecret) : null;
  if (!base32) return false;
  const totp = totpFor(base32, user.username);
  const now = Date.now();
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return false;
  return identityRepo.claimTotpStep(ctx.db, user.id, totp.counter({ timestamp: now }) + delta);
}

/** TOTP (authenticator app) use cases: optional second factor for staff. */
export function createTotpUseCases(ctx: IdentityContext) {
  return {
    /** Starts enrolment: makes a new secret (kept sealed until enabled) and returns it for the QR code. */
    async setupTotp(actor: Actor): Promise<TotpSetupView> {
      const user = await requireSignedInUser(ctx, actor);
      if (user.kind !== 'staff') throw new ForbiddenError('Autentikasi dua langkah hanya tersedia untuk akun pegawai.');
      if (user.totpEnabled) throw new ConflictError('totp_already_enabled', 'Autentikasi dua langkah sudah aktif. Nonaktifkan dulu untuk memasang ulang.');
      const secret = new Secret({ size: 20 });
      await identityRepo.updateUser(ctx.db, user.id, { totpSecret: sealTotpSecret(ctx.config.authSecret, secret.base32), totpLastStep: null });
      return { secret: secret.base32, otpauthUrl: totpFor(secret.base32, user.username).toString() };
    },

    /** Turns TOTP on once the user proves their authenticator produces the right codes. */
    async enableTotp(actor: Actor, code: string, meta: RequestMeta = {}): Promise<void> {
      const user = await requireSignedInUser(ctx, actor);
      if (user.totpEnabled) throw new ConflictError('totp_already_enabled', 'Autentikasi dua langkah sudah aktif.');
      if (!user.totpSecret) throw new ConflictError('totp_not_set_up', 'Mulai pemasangan autentikator terlebih dahulu.');
      if (!(await acceptTotpCode(ctx, user, code))) {
        throw new ValidationError('Kode autentikator tidak cocok. Periksa jam ponsel lalu coba kode berikutnya.', { fields: { 'body.code': 'kode tidak cocok' } }, 'invalid_totp');
      }
      await inTransaction(ctx.db, async (tx) => {
        await identityRepo.updateUser(tx, user.id, { totpEnabled: true });
        await appendAudit(tx, { actor, action: 'user.totp_enabled', entityType: 'user', entityId: user.id, requestId: meta.requestId });
      });
    },

    /** Turns TOTP off after the user re-enters their password. */
    async disableTotp(actor: Actor, password: string, meta: RequestMeta = {}): Promise<void> {
      const user = await requireSignedInUser(ctx, actor);
      await assertNotLocked(ctx, user.username, clientAddress(meta));
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
        await countFailure(ctx, user.username, clientAddress(meta));
        throw new AppError(400, 'wrong_password', 'Kata sandi salah.', { fields: { 'body.password': 'kata sandi salah' } });
      }
      if (!user.totpEnabled && !user.totpSecret) return;
      await inTransaction(ctx.db, async (tx) => {
        await identityRepo.updateUser(tx, user.id, { totpEnabled: false, totpSecret: null, totpLastStep: null });
        if (user.totpEnabled) {
          await appendAudit(tx, { actor, action: 'user.totp_disabled', entityType: 'user', entityId: user.id, requestId: meta.requestId });
        }
      });
    },
  };
}
