import type { Authenticate } from '../../platform/http/access.js';
import type { App, Platform } from '../../platform/index.js';
import { PERSONNEL_EVENTS } from '../personnel/index.js';
import { identityRoutes, SESSION_COOKIE } from './identity.routes.js';
import { createIdentityService, type IdentityDeps, type IdentityService } from './identity.service.js';

export { APP_KEYS, PERMISSIONS, ROLES, permissionsFor, type AppKey, type Permission, type Role } from './identity.policy.js';
export type { BulkUser } from './identity.repo.js';
export type { Me, UserView } from './identity.schema.js';
export type { DemoAccountsReport, DemoUser, KnownDemoAccounts } from './use-cases/seed-users.js';
export type { IdentityDeps, UserSummary } from './identity.service.js';
export { SESSION_COOKIE };

/** What other modules, seeds and the CLI may call on identity. */
export type IdentityApi = Pick<IdentityService,
  'findUser' | 'findUserByUsername' | 'hashPassword' | 'createSystemAdmin' | 'ensureDemoUser' | 'importDemoUsers'
  | 'findActiveDemoAccounts' | 'disableDemoAccounts'>;

/** Identity: users (staff and citizens), sessions, API tokens, TOTP, roles and permissions. */
export function createIdentityModule(platform: Platform, deps: IdentityDeps) {
  const service = createIdentityService(platform, deps);
  platform.events.every('identity.prune-sessions', 3_600_000, () => service.pruneExpired());
  // A retired or transferred employee keeps no access (SIMPEG is the source of who still works here),
  // within the rules user administration applies to whoever recorded the change.
  platform.events.subscribe(PERSONNEL_EVENTS.employeeStatusChanged, 'identity.disable-leaver', (event) => service.applyEmployeeStatus(event));
  const authenticate: Authenticate = (request) => {
    const cookie = request.cookies?.[SESSION_COOKIE];
    const authorization = request.headers.authorization;
    return service.authenticate({ sessionToken: cookie, authorization });
  };
  return {
    name: 'identity',
    authenticate,
    api: service as IdentityApi,
    routes: (app: App) => identityRoutes(app, service, platform.config.publicUrl.startsWith('https:')),
  };
}
