import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './lock.js';

/** The Drizzle handle every repo takes; a transaction handle is one too. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** An open database: the Drizzle handle, which engine is behind it, and how to close it. */
export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** The raw PGlite instance (embedded only): used for COPY from blobs and data-dir dumps. */
  readonly pglite?: PGlite;
  /** The pg pool (server only). */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

// node-postgres returns int8 (counts, bigserial ids) as strings; PGlite returns numbers.
// Normalising here, once, makes `count(*)` a number on both engines. It has to be pg's global
// registry: drizzle passes its own per-query `types` that fall back to it, so a pool option is ignored.
const INT8_OID = 20;
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} exceeds the safe integer range`);
  return n;
}
pg.types.setTypeParser(INT8_OID, parseInt8);

/** Opens PGlite: in memory when `dataDir` is undefined, else in that directory under an exclusive lock. */
export async function openPglite(dataDir?: string): Promise<Database> {
  let release = (): void => {};
  if (dataDir !== undefined) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  try {
    const client = await PGlite.create({
      ...(dataDir !== undefined ? { dataDir: path.join(dataDir, 'pglite') } : {}),
      extensions: { pg_trgm },
    });
    const db = drizzlePglite({ client }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      async close() {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Opens a pool on a PostgreSQL server. */
export async function openPostgres(url: string, maxConnections = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  pool.on('error', () => {}); // idle-client errors surface on the next query instead of crashing the process
  const client = await pool.connect(); // fail fast with the server's own message
  client.release();
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return { db, kind: 'postgres', pool, close: () => pool.end() };
}
