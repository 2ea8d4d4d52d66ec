import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../config.js';
import { openPglite, openPostgres, type Database, type Db } from './client.js';

export { openPglite, openPostgres, type Database, type Db } from './client.js';
export { runMigrations, MIGRATIONS_DIR } from './migrate.js';
export { DataDirLockedError } from './lock.js';
export { copyRecords, copyRows, copyTransaction } from './copy.js';

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

// Serialization failures and deadlocks are safe to retry: the transaction did not commit.
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `work` in one transaction and retries it (up to 3 times) when PostgreSQL reports a
 * serialization failure or deadlock. Keep the work short: no network or file I/O inside.
 */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => work(tx as unknown as Db));
    } catch (err) {
      const code = pgErrorCode(err);
      if (attempt >= 3 || code === undefined || !RETRYABLE.has(code)) throw err;
    }
  }
}

/** The SQLSTATE of a database error from either driver (drizzle may wrap it in `cause`). */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The constraint name of a unique or foreign-key violation, from either driver. */
export function pgConstraint(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
  }
  return undefined;
}

/** Runs a raw query and returns its rows, whichever driver is underneath. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** `count(*)` as a number on both engines (the int8 parser in client.ts makes it so on pg). */
export const countAll = sql<number>`count(*)::int`;

/** An ILIKE pattern matching `text` anywhere; `%`, `_` and `\` in it mean themselves, not wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
