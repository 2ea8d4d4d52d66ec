import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './client.js';

// A plain identifier, quoted when used, so `Data_2024` keeps its case; anything else is refused
// rather than escaped, because these names come from code and a strange one is a bug.
const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Rows for COPY: an array, a generator, or an async source such as a parsed upload stream. */
export type CopySource = Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>;

// Lines are handed to PostgreSQL's COPY stream in pieces of about this many characters: big enough
// that per-write overhead vanishes, small enough that memory stays flat.
const STREAM_PIECE_CHARS = 64 * 1024;
// PGlite reads `/dev/blob` whole into its own memory (`blob.arrayBuffer()`), so one COPY per this
// many characters of CSV, all in one transaction, bounds memory on the embedded engine.
const PGLITE_BATCH_CHARS = 4 * 1024 * 1024;

/** Quotes one value for PostgreSQL's CSV COPY format; `null` becomes an unquoted empty field. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? pgArray(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

function pgArray(values: unknown[]): string {
  return `{${values.map((v) => `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** `users` or `open_data.budget_2024` as a quoted SQL name; anything else is refused. */
export function quoteTableName(table: string): string {
  const parts = table.split('.');
  if (parts.length > 2) throw new Error(`unsafe identifier ${table}`);
  return parts.map(quoteIdentifier).join('.');
}

function quoteIdentifier(name: string): string {
  if (!IDENT.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `"${name}"`;
}

/**
 * The rows as CSV text in pieces of about `pieceChars` characters, counting them in `counted.rows`.
 * Only one piece is held at a time, so memory does not grow with the number of rows.
 */
async function* csvPieces(rows: CopySource, width: number, pieceChars: number, counted: { rows: number }): AsyncGenerator<string> {
  let piece = '';
  for await (const row of rows) {
    if (row.length !== width) throw new Error(`row ${counted.rows + 1} has ${row.length} values, expected ${width}`);
    piece += row.map(csvField).join(',') + '\n';
    counted.rows++;
    if (piece.length >= pieceChars) {
      yield piece;
      piece = '';
    }
  }
  if (piece.length > 0) yield piece;
}

/**
 * Bulk-loads rows with `COPY … FROM` on either engine, streaming: the rows may be an array, a
 * generator or an async iterable, and are read once, as they are written. The server takes them as
 * one `STDIN` stream; PGlite, which reads its `/dev/blob` input whole, gets one COPY per few
 * megabytes inside one transaction (the caller's, under copyTransaction), so either engine loads all
 * rows or none. `table` is `name` or `schema.name`; names are checked and quoted, values CSV-quoted.
 * Returns the number of rows written.
 */
export async function copyRows(database: Database, table: string, columns: readonly string[], rows: CopySource): Promise<number> {
  const head = `COPY ${quoteTableName(table)} (${columns.map(quoteIdentifier).join(', ')})`;
  const counted = { rows: 0 };
  if (database.pglite) {
    const batches = csvPieces(rows, columns.length, PGLITE_BATCH_CHARS, counted);
    await copyPglite(database.pglite, `${head} FROM '/dev/blob' WITH (FORMAT csv)`, batches);
    return counted.rows;
  }
  const pieces = csvPieces(rows, columns.length, STREAM_PIECE_CHARS, counted);
  const first = await pieces.next();
  if (first.done) return 0;
  const client = await database.pool!.connect();
  let failure: Error | undefined;
  try {
    await pipeline(Readable.from(prepend(first.value, pieces)), client.query(copyFrom(`${head} FROM STDIN WITH (FORMAT csv)`)));
  } catch (err) {
    failure = err as Error;
    throw err;
  } finally {
    // A connection whose COPY broke off is not handed to the next caller.
    client.release(failure);
  }
  return counted.rows;
}

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

type PgliteQuery = Pick<PGlite, 'query'>;

/** Runs one COPY per batch, inside the caller's transaction or, on PGlite itself, a new one. */
async function copyPglite(pglite: PgliteQuery, statement: string, batches: AsyncGenerator<string>): Promise<void> {
  const first = await batches.next();
  if (first.done) return;
  const second = await batches.next();
  const copy = (q: PgliteQuery, text: string) => q.query(statement, [], { blob: new Blob([text]) });
  if (second.done) {
    await copy(pglite, first.value); // one statement is atomic already
    return;
  }
  const run = async (q: PgliteQuery): Promise<void> => {
    await copy(q, first.value);
    await copy(q, second.value);
    for (let next = await batches.next(); !next.done; next = await batches.next()) await copy(q, next.value);
  };
  // copyTransaction hands a PGlite transaction, which has no `transaction` of its own: COPY in it.
  const top = pglite as Partial<PGlite>;
  if (typeof top.transaction === 'function') await top.transaction((tx) => run(tx));
  else await run(pglite);
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
 * keys (`unitId` → `unit_id`), absent optional values become NULL; the records may stream as in
 * copyRows. Returns the number of rows written.
 */
export async function copyRecords<T extends object>(
  database: Database, table: PgTable, keys: readonly (keyof T & string)[], rows: Iterable<T> | AsyncIterable<T> = [],
): Promise<number> {
  const columns = getTableColumns(table);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column.name;
  });
  const schema = getTableConfig(table).schema;
  const name = schema ? `${schema}.${getTableName(table)}` : getTableName(table);
  return copyRows(database, name, names, mapRows(rows, (row) => keys.map((key) => row[key] ?? null)));
}

async function* mapRows<T>(rows: Iterable<T> | AsyncIterable<T>, toRow: (row: T) => readonly unknown[]): AsyncGenerator<readonly unknown[]> {
  for await (const row of rows) yield toRow(row);
}
