import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Staff and citizens. `agencyId` names a personnel agency by id (no cross-module foreign key). */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case; unique. */
    username: text('username').notNull(),
    email: text('email'),
    /**
     * True once the address is known to belong to the account (set by an administrator, or confirmed
     * by a link). Only verified addresses are unique, so registration never reveals a taken address.
     */
    emailVerified: boolean('email_verified').notNull().default(false),
    phone: text('phone'),
    displayName: text('display_name').notNull(),
    kind: text('kind', { enum: ['staff', 'citizen'] }).notNull(),
    agencyId: uuid('agency_id'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    /** Set when an administrator gave a temporary password: the web sends the user to change it first. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    /** Why a disabled account is disabled: `admin` (by hand) or `personnel` (SIMPEG recorded a leaver). */
    disabledReason: text('disabled_reason', { enum: ['admin', 'personnel'] }),
    /** Made by the demo seed with the published password: production refuses to start while one is active. */
    demo: boolean('demo').notNull().default(false),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The last TOTP time step accepted, so a code cannot be used twice. */
    totpLastStep: integer('totp_last_step'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_idx').on(t.username),
    uniqueIndex('users_email_idx').on(t.email).where(sql`${t.emailVerified}`),
    index('users_agency_idx').on(t.agencyId),
  ],
);

/** Browser sessions: the cookie holds a random token, the table only its hash. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_idx').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per username (known or not) and client address, so lockout does not reveal which
 * accounts exist and one address cannot lock an account for everyone else.
 */
export const loginAttempts = pgTable('login_attempts', {
  username: text('username').notNull(),
  address: text('address').notNull().default(''),
  failures: integer('failures').notNull().default(0),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
}, (t) => [primaryKey({ columns: [t.username, t.address] })]);

/** Tokens for machine clients: hashed, scoped, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the token, shown in lists so owners can tell tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/**
 * One-time password-reset links: the mail holds the token, this table only its hash. A link ends
 * when used, when a newer one is mailed, or when the password is reset another way.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** The queued request that made it, so a request handled twice (at-least-once jobs) mails once. */
    requestKey: text('request_key').notNull(),
    /** Client address the request came from, shown in the mail and the audit log. */
    requestedFrom: text('requested_from'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('password_reset_tokens_hash_idx').on(t.tokenHash),
    uniqueIndex('password_reset_tokens_request_idx').on(t.userId, t.requestKey),
    index('password_reset_tokens_user_idx').on(t.userId, t.createdAt),
  ],
);
