import { Secret, TOTP } from 'otpauth';
import { appendAudit } from '../../platform/audit/index.js';
import { inTransaction } from '../../platform/db/index.js';
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import { openTotpSecret, sealTotpSecret, verifyPassword } from './identity.crypto.js';
import { assertNotLocked, clientAddress, countFailure, requireSignedInUser } from './identity.guards.js';
import { identityRepo, type UserRow } from './identity.repo.js';
import type { TotpSetupView } from './identity.schema.js';

const ISSUER = 'Tegal Smart City';

function totpFor(base32: string, username: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(base32) });
}

/**
 * Checks a code from the user's authenticator (one step of clock drift either way) and records its
 * time step, so the same code is refused the second time.
 */
export async function acceptTotpCode(platform: Pick<Platform, 'db' | 'config'>, user: UserRow, code: string): Promise<boolean> {
  const base32 = user.totpSecret ? openTotpSecret(platform.config.authSecret, user.totpSecret) : null;
  if (!base32) return false;
  const totp = totpFor(base32, user.username);
  const now = Date.now();
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return false;
  return identityRepo.claimTotpStep(platform.db, user.id, totp.counter({ timestamp: now }) + delta);
}

/**
 * TOTP (authenticator app): the optional second factor of staff. Turning it on or off changes no
 * credential already resolved (a session stays a session), so the identity revision does not move.
 */
export function createTotpService(platform: Platform) {
  const { db, config } = platform;
  return {
    /** Starts enrolment: makes a new secret (kept sealed until enabled) and returns it for the QR code. */
    async setup(ctx: Ctx): Promise<TotpSetupView> {
      const user = await requireSignedInUser(db, ctx);
      if (user.kind !== 'staff') throw new ForbiddenError('Autentikasi dua langkah hanya tersedia untuk akun pegawai.');
      if (user.totpEnabled) throw new ConflictError('totp_already_enabled', 'Autentikasi dua langkah sudah aktif. Nonaktifkan dulu untuk memasang ulang.');
      const secret = new Secret({ size: 20 });
      await identityRepo.updateUser(db, user.id, { totpSecret: sealTotpSecret(config.authSecret, secret.base32), totpLastStep: null });
      return { secret: secret.base32, otpauthUrl: totpFor(secret.base32, user.username).toString() };
    },

    /** Turns TOTP on once the user proves their authenticator produces the right codes. */
    async enable(ctx: Ctx, code: string): Promise<void> {
      const user = await requireSignedInUser(db, ctx);
      if (user.totpEnabled) throw new ConflictError('totp_already_enabled', 'Autentikasi dua langkah sudah aktif.');
      if (!user.totpSecret) throw new ConflictError('totp_not_set_up', 'Mulai pemasangan autentikator terlebih dahulu.');
      if (!(await acceptTotpCode(platform, user, code))) {
        throw new ValidationError('Kode autentikator tidak cocok. Periksa jam ponsel lalu coba kode berikutnya.', { fields: { 'body.code': 'kode tidak cocok' } }, 'invalid_totp');
      }
      await inTransaction(db, async (tx) => {
        await identityRepo.updateUser(tx, user.id, { totpEnabled: true });
        await appendAudit(tx, { actor: ctx.actor, action: 'user.totp_enabled', entityType: 'user', entityId: user.id, requestId: ctx.requestId });
      });
    },

    /** Turns TOTP off after the user re-enters their password. */
    async disable(ctx: Ctx, password: string): Promise<void> {
      const user = await requireSignedInUser(db, ctx);
      const address = clientAddress(ctx);
      await assertNotLocked(db, user.username, address);
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
        await countFailure(db, user.username, address);
        throw new AppError(400, 'wrong_password', 'Kata sandi salah.', { fields: { 'body.password': 'kata sandi salah' } });
      }
      if (!user.totpEnabled && !user.totpSecret) return;
      await inTransaction(db, async (tx) => {
        await identityRepo.updateUser(tx, user.id, { totpEnabled: false, totpSecret: null, totpLastStep: null });
        if (user.totpEnabled) {
          await appendAudit(tx, { actor: ctx.actor, action: 'user.totp_disabled', entityType: 'user', entityId: user.id, requestId: ctx.requestId });
        }
      });
    },
  };
}
