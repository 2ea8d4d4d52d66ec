import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { buildApp, type BuildOptions, type Built } from '../src/app.js';
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
export async function buildTestApp(env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-test-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_PROFILE: 'none', ...env });
  const { database, databaseUrl, close } = await openTestDatabase();
  const built = await buildApp(config, database, options);
  await built.app.ready();
  return {
    ...built,
    database,
    databaseUrl,
    async close() {
      await built.app.close();
      await close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated database for one test file (PGlite, or a PostgreSQL clone under `test:pg`), without the app. */
export async function openTestDatabase(): Promise<{ database: Database; databaseUrl: string | null; close(): Promise<void> }> {
  const template = inject('pgTemplate');
  if (!template) {
    const database = await openPglite();
    await runMigrations(database);
    return { database, databaseUrl: null, close: () => database.close() };
  }
  const dbName = await cloneTemplate(template);
  const database = await openPostgres(urlFor(dbName), 10);
  return {
    database,
    databaseUrl: urlFor(dbName),
    async close() {
      await database.close();
      await dropDatabase(dbName);
    },
  };
}
