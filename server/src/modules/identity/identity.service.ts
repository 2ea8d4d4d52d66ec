import type { Platform } from '../../platform/index.js';
import type { RoleCatalogue } from '../../platform/roles.js';
import { createRevision } from '../../platform/snapshot.js';
import type { PersonnelApi } from '../personnel/index.js';
import { createCredentialService } from './identity.credentials.js';
import { createDemoService } from './identity.demo.js';
import { createGrantService } from './identity.grants.js';
import { createLeaverService } from './identity.leavers.js';
import { createPasswordService } from './identity.passwords.js';
import { createRecoveryService } from './identity.recovery.js';
import { createRegistrationService } from './identity.registration.js';
import { createSessionService } from './identity.sessions.js';
import { createTokenService } from './identity.tokens.js';
import { createTotpService } from './identity.totp.js';
import { createUserService } from './identity.users.js';

/**
 * What identity needs from SIMPEG: agencies to place staff in, and employee records to link accounts
 * to (looked up by NIP, linked and unlinked by SIMPEG's guarded, audited steps).
 */
export interface IdentityDeps {
  agencies: Pick<PersonnelApi, 'findAgency' | 'findAgencyByCode'>;
  employees: Pick<PersonnelApi, 'accountLinkFor' | 'linkAccount' | 'unlinkAccount' | 'employeesOfUsers'>;
  /** Every module's permissions and roles, assembled at start-up (`modules.ts`). */
  roles: RoleCatalogue;
}

/**
 * Identity's composition root: its one revision (every change to sessions, tokens or accounts that
 * alters what a credential resolves to is a write of it, and the credential cache is its snapshot)
 * and its areas, answered by name. No use case lives here.
 */
export function createIdentityService(platform: Platform, deps: IdentityDeps) {
  const revision = createRevision(platform.db, 'identity');
  const { roles } = deps;
  const sessions = createSessionService(platform, { revision, roles, agencies: deps.agencies });
  return {
    credentials: createCredentialService(platform, { revision, roles }),
    sessions,
    registration: createRegistrationService(platform, { startSession: sessions.start }),
    passwords: createPasswordService(platform, { revision }),
    recovery: createRecoveryService(platform, { revision, roles }),
    tokens: createTokenService(platform, { revision, roles }),
    totp: createTotpService(platform),
    users: createUserService(platform, { agencies: deps.agencies, employees: deps.employees, revision, roles }),
    grants: createGrantService(platform, { revision, roles }),
    leavers: createLeaverService(platform, { revision, roles }),
    demo: createDemoService(platform, { revision }),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
