import { randomInt } from 'node:crypto';
import { appendAudit } from '../../platform/audit/index.js';
import { inTransaction } from '../../platform/db/index.js';
import { AppError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { RoleCatalogue } from '../../platform/roles.js';
import type { Revision } from '../../platform/snapshot.js';
import { hashPassword, randomSecret, tokenHash } from './identity.crypto.js';
import { assertStrongPassword } from './identity.password-strength.js';
import { canChangeUser, userInScope } from './identity.policy.js';
import { identityRepo, type UserRow } from './identity.repo.js';
import type { PasswordResetAnswer, PasswordResetConfirmBody, PasswordResetRequestBody, TemporaryPasswordView } from './identity.schema.js';

/** The job that looks the account up and mails the link, so the request itself does the same work for every answer. */
export const RESET_LINK_JOB = 'identity.password-reset-link';
/** How long a mailed link works. */
export const RESET_LINK_MINUTES = 30;
/** Links mailed to one account per hour, however they were asked for (stops mail-bombing an address). */
export const RESET_LINKS_PER_HOUR = 3;
/** Accounts one e-mail address can receive links for in one request (unverified addresses may repeat). */
const ACCOUNTS_PER_ADDRESS = 5;

const SENT = 'Jika akun itu ada dan memiliki alamat e-mail, tautan untuk mengatur ulang kata sandi sudah dikirim ke alamat tersebut. '
  + `Periksa kotak masuk (dan folder spam) dalam beberapa menit; tautan berlaku ${RESET_LINK_MINUTES} menit dan hanya sekali pakai.`;
const NO_MAIL = 'Pemulihan kata sandi lewat e-mail belum tersedia di platform ini. '
  + 'Hubungi administrator perangkat daerah Anda (pegawai) atau layanan pengaduan (warga) untuk mengatur ulang kata sandi.';

function invalidLink(): AppError {
  return new AppError(400, 'invalid_reset_token', 'Tautan atur ulang kata sandi ini tidak berlaku: sudah dipakai, sudah lewat '
    + `${RESET_LINK_MINUTES} menit, atau tidak dikenal. Minta tautan baru dari halaman masuk.`, { fields: { 'body.token': 'tidak berlaku' } });
}

// Letters and digits that cannot be mistaken for one another when read aloud or copied from paper.
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A temporary password of four groups of four (about 90 bits), read out or handed over by an administrator. */
function temporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join(''));
  return groups.join('-');
}

/** What a queued reset request carries: the login as typed (normalised) and who asked. */
interface ResetRequest {
  login: string;
  address: string | null;
  requestId: string | null;
}

/**
 * Password recovery: a one-time link by e-mail (requested by anyone, answered alike whether or not
 * the account exists), and a temporary password set by a user administrator in scope.
 */
export function createRecoveryService(platform: Platform, deps: { revision: Revision; roles: RoleCatalogue }) {
  const { db, config, mail, log } = platform;
  const when = new Intl.DateTimeFormat('id-ID', { timeZone: config.timeZone, dateStyle: 'long', timeStyle: 'short' });

  /** The mail a link goes out in; it names the account, since the request may have named only the address. */
  function linkMail(user: UserRow, token: string, request: ResetRequest, at: Date) {
    const link = `${config.publicUrl}/atur-ulang-sandi?token=${token}`;
    const text = [
      `Halo ${user.displayName},`,
      '',
      `Ada permintaan untuk mengatur ulang kata sandi akun "${user.username}" di ${config.publicUrl}.`,
      `Buka tautan berikut dalam ${RESET_LINK_MINUTES} menit untuk membuat kata sandi baru:`,
      '',
      link,
      '',
      'Tautan ini hanya dapat dipakai sekali. Setelah kata sandi diganti, semua sesi dan token API akun ini diakhiri.',
      'Jika Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.',
      '',
      `Diminta pada ${when.format(at)}${request.address ? ` dari alamat ${request.address}` : ''}.`,
    ].join('\n');
    return { to: user.email!, subject: 'Atur ulang kata sandi akun Anda', text };
  }

  /**
   * Mails one account a fresh link, unless this request already did (a job handled twice), the account
   * has no address, or it had its hourly share. The plain token exists only in the mail: it is never
   * stored, not even in the job queue. A failed delivery removes the new link and fails the job, so the
   * queue retries; earlier links end only once the new one is delivered.
   */
  async function mailLink(user: UserRow, request: ResetRequest, requestKey: string): Promise<void> {
    if (!user.email) return;
    const now = new Date();
    const token = randomSecret();
    // The account's row is locked while counting, so requests handled at once cannot all pass the limit.
    const row = await inTransaction(db, async (tx) => {
      await identityRepo.lockUser(tx, user.id);
      if (await identityRepo.hasResetRequest(tx, user.id, requestKey)) return null;
      if (await identityRepo.countResetTokensSince(tx, user.id, new Date(now.getTime() - 3_600_000)) >= RESET_LINKS_PER_HOUR) {
        log.warn({ userId: user.id }, 'password-reset link not mailed: hourly limit of the account reached');
        return null;
      }
      const inserted = await identityRepo.insertResetToken(tx, {
        userId: user.id, tokenHash: tokenHash(config.authSecret, token), requestKey, requestedFrom: request.address,
        createdAt: now, expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      });
      await appendAudit(tx, {
        actor: { label: 'anonymous' }, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id,
        requestId: request.requestId, data: { requestedFrom: request.address },
      });
      return inserted;
    });
    if (!row) return;
    try {
      await mail.deliverNow(linkMail(user, token, request, now));
    } catch (err) {
      await identityRepo.deleteResetToken(db, row.id);
      throw err;
    }
    await identityRepo.endResetTokens(db, user.id, new Date(), row.id);
  }

  platform.events.handle(RESET_LINK_JOB, async (payload, meta) => {
    const request = payload as unknown as ResetRequest;
    if (typeof request.login !== 'string') throw new Error('malformed password-reset request');
    for (const user of await identityRepo.findActiveUsersByLogin(db, request.login, ACCOUNTS_PER_ADDRESS)) {
      await mailLink(user, request, String(meta.jobId));
    }
  });

  return {
    /**
     * Asks for a reset link by username or e-mail address. The request only queues the look-up, so the
     * answer and the work are the same whether or not the account exists, has an address or had its
     * hourly share of links; the per-address limit is the route's.
     */
    async request(ctx: Ctx, input: PasswordResetRequestBody): Promise<PasswordResetAnswer> {
      if (!mail.enabled) return { message: NO_MAIL };
      const request: ResetRequest = { login: input.login.trim().toLowerCase(), address: ctx.address, requestId: ctx.requestId };
      await inTransaction(db, (tx) => platform.events.enqueue(tx, RESET_LINK_JOB, { ...request }, { maxAttempts: 5 }));
      return { message: SENT };
    },

    /**
     * Sets a new password with a mailed link: the link must be unused, unexpired and its account active
     * (otherwise one 400 `invalid_reset_token`); a weak password leaves the link usable. Every session,
     * API token and other link of the account ends, and the change is audited.
     */
    async confirm(ctx: Ctx, input: PasswordResetConfirmBody): Promise<void> {
      const found = await identityRepo.findResetToken(db, tokenHash(config.authSecret, input.token));
      const now = new Date();
      if (!found || found.token.endedAt !== null || found.token.expiresAt <= now || found.user.status !== 'active') throw invalidLink();
      const { user } = found;
      assertStrongPassword(input.newPassword, 'body.newPassword', [user.username, user.displayName, user.email ?? '']);
      const passwordHash = await hashPassword(input.newPassword);
      await deps.revision.write(async (tx) => {
        if (!(await identityRepo.claimResetToken(tx, found.token.id, new Date()))) throw invalidLink();
        await identityRepo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: false });
        await identityRepo.endAccess(tx, user.id, now);
        await identityRepo.endResetTokens(tx, user.id, now);
        await appendAudit(tx, {
          actor: { label: user.username, userId: user.id }, action: 'user.password_reset', entityType: 'user', entityId: user.id,
          requestId: ctx.requestId, data: { via: 'email_link', sessionsEnded: true, tokensRevoked: true },
        });
      });
    },

    /**
     * A user administrator gives a user in their scope (identity's one scope check: 404 outside it) a
     * temporary password, shown once, that the user must change at their next sign-in. The user's
     * sessions, API tokens and reset links end; the reset is audited (the password is not).
     */
    async resetByAdministrator(ctx: Ctx, id: string): Promise<TemporaryPasswordView> {
      const user = userInScope(ctx.actor, await identityRepo.findUserById(db, id));
      if (user.id === ctx.actor.userId) {
        throw new ValidationError('Ganti kata sandi Anda sendiri lewat halaman akun, bukan lewat pengaturan ulang.', undefined, 'cannot_reset_self');
      }
      // An agency administrator cannot take over an account holding more than they hold (e.g. a platform admin's).
      if (!canChangeUser(deps.roles, ctx.actor, user)) throw new ForbiddenError('Anda tidak berwenang mengatur ulang kata sandi akun dengan peran ini.');
      const password = temporaryPassword();
      const passwordHash = await hashPassword(password);
      await deps.revision.write(async (tx) => {
        const now = new Date();
        await identityRepo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: true });
        await identityRepo.endAccess(tx, user.id, now);
        await identityRepo.endResetTokens(tx, user.id, now);
        await appendAudit(tx, {
          actor: ctx.actor, action: 'user.password_reset', entityType: 'user', entityId: user.id, requestId: ctx.requestId,
          data: { via: 'administrator', mustChangePassword: true, sessionsEnded: true, tokensRevoked: true },
        });
      });
      return { temporaryPassword: password, mustChangePassword: true };
    },
  };
}

export type RecoveryService = ReturnType<typeof createRecoveryService>;
