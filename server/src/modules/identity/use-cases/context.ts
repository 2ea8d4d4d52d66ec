import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../../platform/config.js';
import type { Database, Db } from '../../../platform/db/index.js';
import type { PersonnelApi } from '../../personnel/index.js';
import type { CredentialCache } from './credential-cache.js';

/** What identity needs from other modules: agencies to place staff, employee records to link accounts to. */
export interface IdentityDeps {
  agencies: Pick<PersonnelApi, 'findAgency' | 'findAgencyByCode'>;
  employees: Pick<PersonnelApi, 'accountLinkFor' | 'linkAccount'>;
}

/** What every identity use case works with. */
export interface IdentityContext {
  readonly db: Db;
  readonly database: Database;
  readonly config: Config;
  readonly deps: IdentityDeps;
  readonly log: FastifyBaseLogger;
  /** Resolved sessions and tokens reused for a few seconds; invalidate after changing any. */
  readonly credentials: CredentialCache;
}

/** Facts about the HTTP request a use case records (sessions, audit), without HTTP objects. */
export interface RequestMeta {
  requestId?: string;
  ip?: string;
  userAgent?: string;
}

/** Session lifetime: ended after 12 hours without use, and 7 days after sign-in whatever happens. */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
/** `last_seen_at` is written at most this often, so reads do not turn into writes. */
export const SESSION_TOUCH_MS = 60_000;
