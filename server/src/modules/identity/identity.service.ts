import type { Platform } from '../../platform/index.js';
import { createRevision } from '../../platform/snapshot.js';
import type { PersonnelApi } from '../personnel/index.js';
import { createCredentialService } from './identity.credentials.js';
import { createDemoService } from './identity.demo.js';
import { createLeaverService } from './identity.leavers.js';
import { createPasswordService } from './identity.passwords.js';
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
}

/**
 * Identity's composition root: its one revision (every change to sessions, tokens or accounts that
 * alters what a credential resolves to is a write of it, and the credential cache is its snapshot)
 * and its areas, answered by name. No use case lives here.
 */
export function createIdentityService(platform: Platform, deps: IdentityDeps) {
  const revision = createRevision(platform.db, 'identity');
  const sessions = createSessionService(platform, { revision, agencies: deps.agencies });
  return {
    credentials: createCredentialService(platform, { revision }),
    sessions,
    registration: createRegistrationService(platform, { startSession: sessions.start }),
    passwords: createPasswordService(platform, { revision }),
    tokens: createTokenService(platform, { revision }),
    totp: createTotpService(platform),
    users: createUserService(platform, { agencies: deps.agencies, employees: deps.employees, revision }),
    leavers: createLeaverService(platform, { revision }),
    demo: createDemoService(platform, { revision }),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
