import type { Authenticate } from '../../platform/http/access.js';
import type { App, Ctx, Platform } from '../../platform/index.js';
import { PERSONNEL_EVENTS } from '../personnel/index.js';
import type { DemoAccountsReport, DemoUser, KnownDemoAccounts } from './identity.demo.js';
import { hashPassword } from './identity.crypto.js';
import type { UserSummary } from './identity.present.js';
import { identityRepo, type BulkUser } from './identity.repo.js';
import { identityRoutes, SESSION_COOKIE } from './identity.routes.js';
import type { UserView } from './identity.schema.js';
import { createIdentityService, type IdentityDeps } from './identity.service.js';

export { APP_KEYS, type AppKey } from './identity.policy.js';
export { IDENTITY_ROLES } from './identity.roles.js';
export type { BulkUser } from './identity.repo.js';
export type { Me, UserView } from './identity.schema.js';
export type { DemoAccountsReport, DemoUser, KnownDemoAccounts } from './identity.demo.js';
export type { IdentityDeps } from './identity.service.js';
export type { UserSummary } from './identity.present.js';
export { SESSION_COOKIE };

/** What other modules, seeds, the CLI and tests may call on identity: lookups and loaders, no caller. */
export interface IdentityApi {
  /** Looks a user up by id (name, kind, agency, roles, status); null when unknown. */
  findUser(id: string): Promise<UserSummary | null>;
  /** Looks a user up by username (any case, surrounding spaces ignored); null when unknown. */
  findUserByUsername(username: string): Promise<UserSummary | null>;
  /** Hashes a password with argon2id (seeds hash the demo password once and reuse it). */
  hashPassword(password: string): Promise<string>;
  /** Creates a system administrator from the command line (no agency). */
  createSystemAdmin(input: { username: string; password: string; displayName?: string }): Promise<UserView>;
  /** Creates a demo account unless its username exists; true when it was created (never in production). */
  ensureDemoUser(account: DemoUser): Promise<boolean>;
  /** Bulk-loads demo accounts with COPY, skipping usernames that exist; how many were added. */
  importDemoUsers(rows: readonly BulkUser[]): Promise<number>;
  /** Active accounts anyone could sign in to with the published demo password. */
  findActiveDemoAccounts(known: KnownDemoAccounts): Promise<DemoAccountsReport>;
  /** Disables every active demo account, ending its sessions and tokens. */
  disableDemoAccounts(known: KnownDemoAccounts): Promise<DemoAccountsReport>;
  /**
   * Grants the calling citizen a role their module declared `self-service`, when its own flow earns
   * it (registering a business makes its owner): the caller's account only, audited; true when
   * granted now, false when already held. Call it after the module's own write has committed
   * (it is idempotent, so a retry completes an interrupted flow); any other role answers 403.
   */
  grantSelfService(ctx: Ctx, role: string): Promise<boolean>;
  /** Where to e-mail an active account (notifications); null when it has no address or is disabled. */
  mailAddressOf(userId: string): Promise<string | null>;
}

/** Identity: users (staff and citizens), sessions, API tokens, TOTP, roles and permissions. */
export function createIdentityModule(platform: Platform, deps: IdentityDeps) {
  const service = createIdentityService(platform, deps);
  platform.events.every('identity.prune-sessions', 3_600_000, () => service.sessions.prune());
  // A retired or transferred employee keeps no access (SIMPEG is the source of who still works here),
  // within the rules user administration applies to whoever recorded the change.
  platform.events.subscribe(PERSONNEL_EVENTS.employeeStatusChanged, 'identity.disable-leaver', (event) => service.leavers.applyEmployeeStatus(event));
  const authenticate: Authenticate = (request) => {
    const cookie = request.cookies?.[SESSION_COOKIE];
    const authorization = request.headers.authorization;
    return service.credentials.authenticate({ sessionToken: cookie, authorization });
  };
  const api: IdentityApi = {
    findUser: service.users.findUser,
    findUserByUsername: service.users.findUserByUsername,
    hashPassword,
    createSystemAdmin: service.users.createSystemAdmin,
    ensureDemoUser: service.demo.ensureDemoUser,
    importDemoUsers: service.demo.importDemoUsers,
    findActiveDemoAccounts: service.demo.findActiveDemoAccounts,
    disableDemoAccounts: service.demo.disableDemoAccounts,
    grantSelfService: service.grants.grantSelfService,
    mailAddressOf: async (userId) => {
      const user = await identityRepo.findUserById(platform.db, userId);
      return user?.status === 'active' ? user.email : null;
    },
  };
  return {
    name: 'identity',
    authenticate,
    api,
    routes: (app: App) => identityRoutes(app, service, platform.config.publicUrl.startsWith('https:')),
  };
}
