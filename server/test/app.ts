import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { buildApp, type Built } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openPglite, openPostgres, runMigrations, type Database } from '../src/platform/db/index.js';
import { cloneTemplate, dropDatabase, urlFor } from './pg.js';

/** A built platform on a database of its own, and how to dispose of both. */
export interface TestApp extends Built {
  database: Database;
  /** The PostgreSQL database's URL under `test:pg` (another instance can open it); null on PGlite. */
  databaseUrl: string | null;
  close(): Promise<void>;
}

/**
 * Builds the whole platform for one test file on a fresh database: in-memory PGlite by default,
 * or (under `npm run test:pg`) a PostgreSQL database cloned from the migrated template.
 */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-test-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_PROFILE: 'none', ...env });
  const template = inject('pgTemplate');
  let database: Database;
  let dbName: string | null = null;
  if (template) {
    dbName = await cloneTemplate(template);
    database = await openPostgres(urlFor(dbName), 10);
  } else {
    database = await openPglite();
    await runMigrations(database);
  }
  const built = await buildApp(config, database);
  await built.app.ready();
  return {
    ...built,
    database,
    databaseUrl: dbName ? urlFor(dbName) : null,
    async close() {
      await built.app.close();
      await database.close();
      if (dbName) await dropDatabase(dbName);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
