import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern, copyRows, countAll, queryRows, type Database, type Db } from '../../platform/db/index.js';
import { apiTokens, loginAttempts, passwordResetTokens, sessions, users } from './identity.tables.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;
export type ResetTokenRow = typeof passwordResetTokens.$inferSelect;

/** Sign-in failures bearing on one attempt (see `failureState`). */
export interface FailureState extends Record<string, unknown> {
  lockedForSeconds: number | null;
  recentFailures: number;
  sinceLastFailureMs: number | null;
}

/** Which accounts count as demo accounts: flagged by the seed, or holding one of these password hashes. */
function demoAccount(demoHashes: readonly string[]): SQL {
  return demoHashes.length > 0 ? sql`(${users.demo} OR ${inArray(users.passwordHash, [...demoHashes])})` : sql`${users.demo}`;
}

/** A user to bulk-load with COPY (regency-scale demo data). */
export interface BulkUser {
  username: string;
  displayName: string;
  kind: 'staff' | 'citizen';
  agencyId: string | null;
  roles: string[];
  passwordHash: string;
  phone: string | null;
  /** Made with the published demo password (production refuses to start while such an account is active). */
  demo?: boolean;
}

/**
 * Data access for users, sessions, sign-in failures and API tokens; every function takes the handle.
 * Writes that change what a credential resolves to are made by use cases inside a write of identity's
 * revision (identity.service.ts), never marked here.
 */
export const identityRepo = {
  async findUserById(db: Db, id: string): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row ?? null;
  },

  async findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.username, username));
    return row ?? null;
  },

  async insertUser(db: Db, values: NewUser): Promise<UserRow> {
    const [row] = await db.insert(users).values(values).returning();
    return row!;
  },

  async updateUser(db: Db, id: string, patch: Partial<NewUser>): Promise<UserRow> {
    const [row] = await db.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).returning();
    return row!;
  },

  /**
   * Adds a role to an active account of the kind, in one statement (no read-modify-write race with an
   * administrator's change); null when the account is not such, or holds the role already.
   */
  async addRole(db: Db, id: string, kind: 'staff' | 'citizen', role: string): Promise<UserRow | null> {
    const [row] = await db.update(users)
      .set({ roles: sql`array_append(${users.roles}, ${role}::text)`, updatedAt: new Date() })
      .where(and(eq(users.id, id), eq(users.kind, kind), eq(users.status, 'active'), sql`NOT (${role}::text = ANY(${users.roles}))`))
      .returning();
    return row ?? null;
  },

  /** Removes an account (undoing a creation whose follow-up failed); sessions and tokens go with it. */
  async deleteUser(db: Db, id: string): Promise<void> {
    await db.delete(users).where(eq(users.id, id));
  },

  /** Revokes every token of a user that is not revoked yet (a disabled account keeps no machine access). */
  async revokeTokensOfUser(db: Db, userId: string, at: Date): Promise<void> {
    await db.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  },

  /** Ends every way a disabled account could still act: its sessions and its API tokens. */
  async endAccess(db: Db, userId: string, at: Date): Promise<void> {
    await identityRepo.deleteSessionsOfUser(db, userId);
    await identityRepo.revokeTokensOfUser(db, userId, at);
  },

  /** Records a TOTP step as used; false when it (or a later one) was used already: a replay. */
  async claimTotpStep(db: Db, id: string, step: number): Promise<boolean> {
    const rows = await db.update(users).set({ totpLastStep: step })
      .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return rows.length === 1;
  },

  /** One page of users, optionally confined to an agency and filtered by text and kind. */
  async listUsers(db: Db, filter: { agencyId?: string; q?: string; kind?: 'staff' | 'citizen'; limit: number; offset: number }) {
    const conditions: SQL[] = [];
    if (filter.agencyId !== undefined) conditions.push(eq(users.agencyId, filter.agencyId));
    if (filter.kind) conditions.push(eq(users.kind, filter.kind));
    if (filter.q) conditions.push(or(ilike(users.username, containsPattern(filter.q)), ilike(users.displayName, containsPattern(filter.q)))!);
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const [rows, [count]] = await Promise.all([
      db.select().from(users).where(where).orderBy(asc(users.username)).limit(filter.limit).offset(filter.offset),
      db.select({ total: countAll }).from(users).where(where),
    ]);
    return { rows, total: count?.total ?? 0 };
  },

  /** Bulk-loads users with COPY; the caller makes sure none of the usernames exist. */
  copyUsers(database: Database, rows: readonly BulkUser[]): Promise<number> {
    return copyRows(database, 'users', ['username', 'display_name', 'kind', 'agency_id', 'roles', 'password_hash', 'phone', 'demo'],
      rows.map((u) => [u.username, u.displayName, u.kind, u.agencyId, u.roles, u.passwordHash, u.phone, u.demo ?? false]));
  },

  async insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<SessionRow> {
    const [row] = await db.insert(sessions).values(values).returning();
    return row!;
  },

  async findSessionByHash(db: Db, tokenHash: string): Promise<{ session: SessionRow; user: UserRow } | null> {
    const [row] = await db.select({ session: sessions, user: users }).from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.tokenHash, tokenHash));
    return row ?? null;
  },

  async touchSession(db: Db, id: string, at: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  },

  async deleteSession(db: Db, id: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, id));
  },

  /** Ends every session of a user, except (optionally) the one in use. */
  async deleteSessionsOfUser(db: Db, userId: string, exceptId?: string): Promise<void> {
    await db.delete(sessions).where(and(eq(sessions.userId, userId), exceptId ? ne(sessions.id, exceptId) : undefined));
  },

  /** Removes a user's sessions that are past their absolute or idle limit. */
  async deleteStaleSessions(db: Db, userId: string, now: Date, idleSince: Date): Promise<void> {
    await db.delete(sessions).where(and(eq(sessions.userId, userId), or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince))));
  },

  /** Removes every session past its absolute or idle limit (hourly housekeeping). */
  async deleteExpiredSessions(db: Db, now: Date, idleSince: Date): Promise<number> {
    const gone = await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince))).returning({ id: sessions.id });
    return gone.length;
  },

  /**
   * The sign-in failures that bear on one attempt, on the database clock: how long this address is
   * still locked out of the username (null when not), and the username's failures from every
   * address within the window with the time since the latest.
   */
  async failureState(db: Db, username: string, address: string, windowMinutes: number): Promise<FailureState> {
    const [row] = await queryRows<FailureState>(db, sql`
      SELECT (SELECT greatest(1, ceil(extract(epoch FROM (locked_until - now()))))::int FROM login_attempts
              WHERE username = ${username} AND address = ${address} AND locked_until > now()) AS "lockedForSeconds",
             coalesce(sum(failures), 0)::int AS "recentFailures",
             (extract(epoch FROM (now() - max(last_failure_at))) * 1000)::float8 AS "sinceLastFailureMs"
      FROM login_attempts
      WHERE username = ${username} AND last_failure_at > now() - make_interval(mins => ${windowMinutes}::int)`);
    return row ?? { lockedForSeconds: null, recentFailures: 0, sinceLastFailureMs: null };
  },

  /**
   * Counts one failed sign-in of a username from an address in a single statement (safe under
   * concurrency): failures older than the window, or from before an expired lock, start a new
   * count; reaching `maxFailures` locks that address out of that username.
   */
  async recordFailure(db: Db, username: string, address: string, rule: { windowMinutes: number; maxFailures: number; lockMinutes: number }): Promise<void> {
    await db.execute(sql`
      INSERT INTO login_attempts AS a (username, address, failures, first_failure_at, last_failure_at, locked_until)
      VALUES (${username}, ${address}, 1, now(), now(), CASE WHEN ${rule.maxFailures}::int <= 1 THEN now() + make_interval(mins => ${rule.lockMinutes}::int) END)
      ON CONFLICT (username, address) DO UPDATE SET
        failures = CASE WHEN a.first_failure_at < now() - make_interval(mins => ${rule.windowMinutes}::int) OR a.locked_until <= now()
                        THEN 1 ELSE a.failures + 1 END,
        first_failure_at = CASE WHEN a.first_failure_at < now() - make_interval(mins => ${rule.windowMinutes}::int) OR a.locked_until <= now()
                        THEN now() ELSE a.first_failure_at END,
        last_failure_at = now(),
        locked_until = CASE
          WHEN a.first_failure_at < now() - make_interval(mins => ${rule.windowMinutes}::int) OR a.locked_until <= now() THEN NULL
          WHEN a.failures + 1 >= ${rule.maxFailures}::int THEN now() + make_interval(mins => ${rule.lockMinutes}::int)
          ELSE a.locked_until END`);
  },

  /** Forgets the failures of a username from one address (its owner just signed in from there). */
  async clearFailures(db: Db, username: string, address: string): Promise<void> {
    await db.delete(loginAttempts).where(and(eq(loginAttempts.username, username), eq(loginAttempts.address, address)));
  },

  /** Forgets failure counts that no longer matter, so guessed usernames do not pile up. */
  async purgeOldFailures(db: Db, olderThanHours: number): Promise<void> {
    await db.execute(sql`DELETE FROM login_attempts WHERE first_failure_at < now() - make_interval(hours => ${olderThanHours}::int)
      AND (locked_until IS NULL OR locked_until < now())`);
  },

  async insertToken(db: Db, values: typeof apiTokens.$inferInsert): Promise<TokenRow> {
    const [row] = await db.insert(apiTokens).values(values).returning();
    return row!;
  },

  async listTokens(db: Db, userId: string): Promise<TokenRow[]> {
    return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  },

  async findTokenByHash(db: Db, tokenHash: string): Promise<{ token: TokenRow; user: UserRow } | null> {
    const [row] = await db.select({ token: apiTokens, user: users }).from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.tokenHash, tokenHash));
    return row ?? null;
  },

  async findToken(db: Db, id: string, userId: string): Promise<TokenRow | null> {
    const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
    return row ?? null;
  },

  /** Marks a token revoked; returns it, or null when it was revoked already. */
  async revokeToken(db: Db, id: string, at: Date): Promise<TokenRow | null> {
    const [row] = await db.update(apiTokens).set({ revokedAt: at })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning();
    return row ?? null;
  },

  /** Records use of a token, at most once a minute (the `gt` guard keeps writes rare). */
  async touchToken(db: Db, id: string, at: Date): Promise<void> {
    await db.update(apiTokens).set({ lastUsedAt: at })
      .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(at.getTime() - 60_000)))));
  },

  /** Which of the given usernames are taken. */
  async existingUsernames(db: Db, usernames: readonly string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const rows = await db.select({ username: users.username }).from(users).where(inArray(users.username, [...usernames]));
    return new Set(rows.map((r) => r.username));
  },

  /**
   * Password hashes to test against the published demo password, for active accounts the seed did
   * not flag (made before the flag existed): those of the fixed demo usernames, and those shared by
   * several accounts named like the bulk demo accounts (the seed hashes once and reuses the hash; a
   * self-registered look-alike has a hash of its own and is never tested, so this stays a few checks).
   */
  async demoCandidateHashes(db: Db, names: { usernames: readonly string[]; bulkPattern: string }): Promise<string[]> {
    const rows = await queryRows<{ hash: string }>(db, sql`
      SELECT password_hash AS hash FROM users
      WHERE status = 'active' AND NOT demo AND password_hash IS NOT NULL AND username IN ${[...names.usernames, '']}
      UNION
      SELECT password_hash FROM users
      WHERE status = 'active' AND NOT demo AND password_hash IS NOT NULL AND username ~ ${names.bulkPattern}
      GROUP BY password_hash HAVING count(*) > 1`);
    return rows.map((r) => r.hash);
  },

  /** Active demo accounts (flagged, or holding a demo password hash): the first `limit` usernames and how many. */
  async findActiveDemoAccounts(db: Db, demoHashes: readonly string[], limit: number): Promise<{ usernames: string[]; total: number }> {
    const where = and(eq(users.status, 'active'), demoAccount(demoHashes));
    const [rows, [count]] = await Promise.all([
      db.select({ username: users.username }).from(users).where(where).orderBy(asc(users.username)).limit(limit),
      db.select({ total: countAll }).from(users).where(where),
    ]);
    return { usernames: rows.map((r) => r.username), total: count?.total ?? 0 };
  },

  /** Disables every active demo account, ends its sessions and revokes its tokens; returns their usernames. */
  async disableDemoAccounts(db: Db, demoHashes: readonly string[]): Promise<string[]> {
    // One statement whatever the number (the full profile has 60,000): no id list crosses the wire.
    const rows = await queryRows<{ username: string }>(db, sql`
      WITH gone AS (
        UPDATE users SET status = 'disabled', disabled_reason = 'admin', updated_at = now()
        WHERE status = 'active' AND ${demoAccount(demoHashes)} RETURNING id, username),
      ended AS (DELETE FROM sessions WHERE user_id IN (SELECT id FROM gone)),
      revoked AS (UPDATE api_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM gone))
      SELECT username FROM gone ORDER BY username`);
    return rows.map((r) => r.username);
  },

  /** Records a successful sign-in (not a change of the account, so `updated_at` stays). */
  async touchLastLogin(db: Db, id: string, at: Date): Promise<void> {
    await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
  },

  /** Active accounts a password-reset request names: by username, or (with an @) every one holding that address. */
  async findActiveUsersByLogin(db: Db, login: string, limit: number): Promise<UserRow[]> {
    const match = login.includes('@') ? eq(users.email, login) : eq(users.username, login);
    return db.select().from(users).where(and(match, eq(users.status, 'active'))).orderBy(asc(users.username)).limit(limit);
  },

  /** Locks a user's row until the transaction ends (serialises checks that must not race, like the reset-link limit). */
  async lockUser(db: Db, id: string): Promise<void> {
    await db.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
  },

  /** Reset links made for a user since a moment (used or not): the per-account limit counts them. */
  async countResetTokensSince(db: Db, userId: string, since: Date): Promise<number> {
    const [row] = await db.select({ total: countAll }).from(passwordResetTokens)
      .where(and(eq(passwordResetTokens.userId, userId), gt(passwordResetTokens.createdAt, since)));
    return row?.total ?? 0;
  },

  /** True when this request already made a link for the user (a job handled twice). */
  async hasResetRequest(db: Db, userId: string, requestKey: string): Promise<boolean> {
    const rows = await db.select({ id: passwordResetTokens.id }).from(passwordResetTokens)
      .where(and(eq(passwordResetTokens.userId, userId), eq(passwordResetTokens.requestKey, requestKey)));
    return rows.length > 0;
  },

  async insertResetToken(db: Db, values: typeof passwordResetTokens.$inferInsert): Promise<ResetTokenRow> {
    const [row] = await db.insert(passwordResetTokens).values(values).returning();
    return row!;
  },

  async deleteResetToken(db: Db, id: string): Promise<void> {
    await db.delete(passwordResetTokens).where(eq(passwordResetTokens.id, id));
  },

  /** Ends a user's open reset links, except (optionally) one. */
  async endResetTokens(db: Db, userId: string, at: Date, exceptId?: string): Promise<void> {
    await db.update(passwordResetTokens).set({ endedAt: at }).where(and(
      eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.endedAt), exceptId ? ne(passwordResetTokens.id, exceptId) : undefined,
    ));
  },

  async findResetToken(db: Db, tokenHash: string): Promise<{ token: ResetTokenRow; user: UserRow } | null> {
    const [row] = await db.select({ token: passwordResetTokens, user: users }).from(passwordResetTokens)
      .innerJoin(users, eq(users.id, passwordResetTokens.userId)).where(eq(passwordResetTokens.tokenHash, tokenHash));
    return row ?? null;
  },

  /** Uses a reset link in one statement: false when it was used, ended or expired meanwhile (two tabs racing). */
  async claimResetToken(db: Db, id: string, at: Date): Promise<boolean> {
    const rows = await db.update(passwordResetTokens).set({ endedAt: at })
      .where(and(eq(passwordResetTokens.id, id), isNull(passwordResetTokens.endedAt), gt(passwordResetTokens.expiresAt, at)))
      .returning({ id: passwordResetTokens.id });
    return rows.length === 1;
  },
};
