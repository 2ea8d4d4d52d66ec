import { UnauthenticatedError } from '../../platform/errors.js';
import { createCredentialCache } from './use-cases/credential-cache.js';
import type { Authentication } from '../../platform/http/types.js';
import type { Platform } from '../../platform/index.js';
import { hashPassword } from './identity.passwords.js';
import { identityRepo, type UserRow } from './identity.repo.js';
import type { ChangePasswordBody, LoginBody, RegisterBody, SessionView } from './identity.schema.js';
import { createApiTokenUseCases } from './use-cases/api-tokens.js';
import { authenticate, signOut, signOutEverywhere, type Credentials } from './use-cases/authenticate.js';
import { changePassword } from './use-cases/change-password.js';
import { SESSION_IDLE_MS, type IdentityContext, type IdentityDeps, type RequestMeta } from './use-cases/context.js';
import { createUserAdminUseCases } from './use-cases/manage-users.js';
import { createPersonnelStatusUseCases } from './use-cases/personnel-status.js';
import { presentMe } from './use-cases/present.js';
import { registerCitizen } from './use-cases/register-citizen.js';
import { createDemoUserUseCases } from './use-cases/seed-users.js';
import { signIn } from './use-cases/sign-in.js';
import { createTotpUseCases } from './use-cases/totp.js';

export type { IdentityDeps, RequestMeta } from './use-cases/context.js';

/** A user as other modules see them. */
export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'citizen';
  agencyId: string | null;
  roles: string[];
  status: 'active' | 'disabled';
}

function summarise(user: UserRow): UserSummary {
  return { id: user.id, username: user.username, displayName: user.displayName, kind: user.kind, agencyId: user.agencyId, roles: [...user.roles], status: user.status };
}
export type { SignedIn } from './use-cases/sign-in.js';

/** Identity use cases: sign-in and sessions, registration, passwords, API tokens, TOTP, user administration. */
export function createIdentityService(platform: Platform, deps: IdentityDeps) {
  const ctx: IdentityContext = {
    db: platform.db, database: platform.database, config: platform.config, deps, log: platform.log, credentials: createCredentialCache(platform.db),
  };

  return {
    /** Deletes expired and idle sessions and forgotten sign-in failures; run hourly by the job queue. */
    async pruneExpired(): Promise<void> {
      const now = new Date();
      await identityRepo.deleteExpiredSessions(ctx.db, now, new Date(now.getTime() - SESSION_IDLE_MS));
      await identityRepo.purgeOldFailures(ctx.db, 24);
    },
    /** Resolves the caller from a session cookie or bearer token. */
    authenticate: (credentials: Credentials) => authenticate(ctx, credentials),
    /** Signs in with username, password and (when on) a TOTP code. */
    signIn: (input: LoginBody, meta: RequestMeta) => signIn(ctx, input, meta),
    /** Ends the request's session. */
    signOut: (auth: Authentication) => signOut(ctx, auth),
    /** Ends every session of the caller and revokes every API token of theirs. */
    signOutEverywhere: (auth: Authentication, meta: RequestMeta) => signOutEverywhere(ctx, auth, meta),
    /** Registers and signs in a citizen. */
    register: (input: RegisterBody, meta: RequestMeta) => registerCitizen(ctx, input, meta),
    /** Changes the caller's password and ends their other sessions. */
    changePassword: (auth: Authentication, input: ChangePasswordBody, meta: RequestMeta) => changePassword(ctx, auth, input, meta),

    /** The caller as the web app sees them, with the session's CSRF token (empty for API tokens). */
    async getMe(auth: Authentication): Promise<SessionView> {
      const user = auth.actor.userId ? await identityRepo.findUserById(ctx.db, auth.actor.userId) : null;
      if (!user) throw new UnauthenticatedError();
      return { user: await presentMe(ctx, user, [...auth.actor.permissions]), csrfToken: auth.csrfToken ?? '' };
    },

    /** Looks a user up by id for other modules (name, kind, agency); null when unknown. */
    async findUser(id: string): Promise<UserSummary | null> {
      const user = await identityRepo.findUserById(ctx.db, id);
      return user && summarise(user);
    },

    /** Looks a user up by username (any case); null when unknown. */
    async findUserByUsername(username: string): Promise<UserSummary | null> {
      const user = await identityRepo.findUserByUsername(ctx.db, username.trim().toLowerCase());
      return user && summarise(user);
    },

    /** Hashes a password with argon2id (seeds hash the demo password once and reuse it). */
    hashPassword,

    ...createApiTokenUseCases(ctx),
    ...createTotpUseCases(ctx),
    ...createUserAdminUseCases(ctx),
    ...createPersonnelStatusUseCases(ctx),
    ...createDemoUserUseCases(ctx),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
