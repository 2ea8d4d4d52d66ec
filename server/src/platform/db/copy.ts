import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './client.js';

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Quotes one value for PostgreSQL's CSV COPY format; `null` becomes an unquoted empty field. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? pgArray(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

function pgArray(values: unknown[]): string {
  return `{${values.map((v) => `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * Bulk-loads rows with `COPY … FROM` on either engine: PGlite reads the data as a blob from
 * `/dev/blob`, the server takes it as a `STDIN` stream. Column names are checked, values CSV-quoted.
 * Returns the number of rows written.
 */
export async function copyRows(
  database: Database,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<number> {
  for (const name of [table, ...columns]) if (!IDENT.test(name)) throw new Error(`unsafe identifier ${name}`);
  const head = `COPY ${table} (${columns.join(', ')})`;
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  if (lines.length === 0) return 0;
  const body = lines.join('\n') + '\n';

  if (database.pglite) {
    await database.pglite.query(`${head} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([body]) });
    return lines.length;
  }
  const client = await database.pool!.connect();
  try {
    await pipeline(Readable.from([body]), client.query(copyFrom(`${head} FROM STDIN WITH (FORMAT csv)`)));
  } finally {
    client.release();
  }
  return lines.length;
}

/**
 * Runs `work` inside one transaction on one connection, handing it a Database (for copyRows) and a
 * Drizzle handle bound to that transaction: several COPYs and queries then commit or roll back
 * together. (copyRows on a plain Database COPYs on a pool connection of its own on the server.)
 */
export async function copyTransaction<T>(database: Database, work: (bound: Database) => Promise<T>): Promise<T> {
  if (database.pglite) {
    return database.pglite.transaction(async (tx) => {
      // A PGlite transaction answers query(sql, params, { blob }) like PGlite itself: all copyRows uses.
      const pglite = tx as unknown as PGlite;
      return work({ ...database, pglite, db: drizzlePglite({ client: pglite }) as unknown as Db });
    });
  }
  const client = await database.pool!.connect();
  try {
    await client.query('BEGIN');
    // copyRows asks the pool for a client and releases it; hand it this one and keep it open.
    const pool = { connect: async () => ({ query: client.query.bind(client), release() {} }) } as unknown as pg.Pool;
    const result = await work({ ...database, pool, db: drizzleNodePg({ client }) as unknown as Db });
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * copyRows for records shaped like a Drizzle table's insert type: columns are named by the table's
 * keys (`unitId` → `unit_id`), absent optional values become NULL. Returns the number of rows written.
 */
export async function copyRecords<T extends object>(database: Database, table: PgTable, keys: readonly (keyof T & string)[], rows: readonly T[] = []): Promise<number> {
  const columns = getTableColumns(table);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column.name;
  });
  return copyRows(database, getTableName(table), names, rows.map((row) => keys.map((key) => row[key] ?? null)));
}
