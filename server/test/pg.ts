import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, runMigrations } from '../src/platform/db/index.js';

/** The PostgreSQL server the `test:pg` tier uses. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The same server with another database name. */
export function urlFor(database: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates and migrates the template database; returns its name. */
export async function createTemplateDatabase(): Promise<string> {
  const name = `tsc_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const database = await openPostgres(urlFor(name), 2);
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
  return name;
}

/** Clones the template into a fresh database for one test file; returns its name. */
export async function cloneTemplate(template: string): Promise<string> {
  // Named after its template, so a run drops only its own databases, never a parallel run's.
  const name = `${template.replace('tsc_tpl_', 'tsc_t_')}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return name;
}

/** Drops one test database (closing stray connections first). */
export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Drops the template and every database cloned from it that a failed test file left behind. */
export async function dropTestDatabases(template: string): Promise<void> {
  const clones = `${template.replace('tsc_tpl_', 'tsc_t_')}\\_%`;
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2 ORDER BY datname = $2', [clones, template]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
