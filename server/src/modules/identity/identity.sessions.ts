import { appendAudit } from '../../platform/audit/index.js';
import { UnauthenticatedError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { randomSecret, tokenHash, verifyNothing, verifyPassword } from './identity.crypto.js';
import { assertNotLocked, clientAddress, countFailure, requireSignedInUser } from './identity.guards.js';
import type { RoleCatalogue } from '../../platform/roles.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './identity.policy.js';
import { agencyLookup, presentMe } from './identity.present.js';
import { identityRepo, type UserRow } from './identity.repo.js';
import type { LoginBody, SessionView } from './identity.schema.js';
import type { IdentityDeps } from './identity.service.js';
import { acceptTotpCode } from './identity.totp.js';

/** A new session: what the browser is told, the cookie value, and when the cookie should expire. */
export interface SignedIn {
  view: SessionView;
  sessionToken: string;
  expiresAt: Date;
}

const INVALID = 'Nama pengguna atau kata sandi salah.';

/** Sessions: signing in and out, the signed-in user, and the hourly clean-up. */
export function createSessionService(platform: Platform, deps: { revision: Revision; roles: RoleCatalogue; agencies: IdentityDeps['agencies'] }) {
  const { db, config } = platform;
  const { revision } = deps;

  /** Starts a session for a user who has just proven who they are (signing in, or registering). */
  async function start(ctx: Ctx, user: UserRow): Promise<SignedIn> {
    const now = new Date();
    const sessionToken = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    await identityRepo.deleteStaleSessions(db, user.id, now, new Date(now.getTime() - SESSION_IDLE_MS));
    await identityRepo.insertSession(db, {
      tokenHash: tokenHash(config.authSecret, sessionToken), userId: user.id, csrfToken,
      createdAt: now, lastSeenAt: now, expiresAt, ip: ctx.address, userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    });
    const me = await presentMe(user, deps.roles.permissionsFor(user.roles), agencyLookup(deps.agencies));
    return { view: { user: me, csrfToken }, sessionToken, expiresAt };
  }

  return {
    start,

    /**
     * Signs a user in with username and password (and a TOTP code when they turned it on).
     * A wrong password, an unknown user and a disabled account all answer the same 401, after the same
     * work; failures count per username, known or not, and client address: they lock that address out
     * for a while and slow everyone else down (identity.guards.ts), but never lock the owner out.
     */
    async signIn(ctx: Ctx, input: LoginBody): Promise<SignedIn> {
      const username = input.username.trim().toLowerCase();
      const address = clientAddress(ctx);
      await assertNotLocked(db, username, address);
      const user = await identityRepo.findUserByUsername(db, username);
      const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await verifyNothing(input.password);
      if (!user || !passwordOk || user.status !== 'active') {
        await countFailure(db, username, address);
        throw new UnauthenticatedError(INVALID, 'invalid_credentials');
      }
      if (user.totpEnabled) {
        if (input.totp === undefined) {
          throw new UnauthenticatedError('Masukkan kode 6 angka dari aplikasi autentikator Anda.', 'totp_required');
        }
        if (!(await acceptTotpCode(platform, user, input.totp))) {
          await countFailure(db, username, address);
          throw new UnauthenticatedError('Kode autentikator salah atau sudah dipakai. Masukkan kode yang baru.', 'totp_required');
        }
      }
      // Only this address's count: failures from elsewhere keep slowing whoever made them.
      await identityRepo.clearFailures(db, username, address);
      const signedIn = await start(ctx, user);
      await identityRepo.touchLastLogin(db, user.id, new Date());
      return signedIn;
    },

    /** The caller as the web app sees them, with the session's CSRF token (empty for API tokens). */
    async me(ctx: Ctx): Promise<SessionView> {
      const user = ctx.actor.userId ? await identityRepo.findUserById(db, ctx.actor.userId) : null;
      if (!user) throw new UnauthenticatedError();
      return { user: await presentMe(user, [...ctx.actor.permissions], agencyLookup(deps.agencies)), csrfToken: ctx.auth.csrfToken ?? '' };
    },

    /** Ends the session the request was made with (nothing to do for tokens and anonymous callers). */
    async signOut(ctx: Ctx): Promise<void> {
      const { sessionId } = ctx.auth;
      if (ctx.auth.via === 'session' && sessionId) await revision.write((tx) => identityRepo.deleteSession(tx, sessionId));
    },

    /**
     * Ends every session of the caller, this one included, and revokes every API token of theirs: what
     * to do after signing in on a shared computer or suspecting that someone else got in.
     */
    async signOutEverywhere(ctx: Ctx): Promise<void> {
      const user = await requireSignedInUser(db, ctx);
      await revision.write(async (tx) => {
        await identityRepo.endAccess(tx, user.id, new Date());
        await appendAudit(tx, { actor: ctx.actor, action: 'user.signed_out_everywhere', entityType: 'user', entityId: user.id, requestId: ctx.requestId });
      });
    },

    /** Deletes expired and idle sessions and forgotten sign-in failures; run hourly by the job queue. */
    async prune(): Promise<void> {
      const now = new Date();
      // Only sessions every instance already refuses (past their limits): no revision to move.
      await identityRepo.deleteExpiredSessions(db, now, new Date(now.getTime() - SESSION_IDLE_MS));
      await identityRepo.purgeOldFailures(db, 24);
    },
  };
}
