/**
 * The server under test, run as its own process so the load generator does not share its CPU time:
 *
 *   tsx bench/server.ts --target limit|app --engine pglite|postgres --port N (--data-dir D | --database-url U)
 *   tsx bench/server.ts --prepare --engine … (--data-dir D | --database-url U) [--employees N --bench-file F]
 *
 * `--prepare` migrates the database, seeds the reference data and exits. With `--cpu-prof-dir D` the
 * server starts V8's CPU profiler on SIGUSR2 (sent when the measured run begins) and writes the
 * profile to D when it stops, so the profile holds the measured requests only (BENCH_CPU_PROF). `limit` is a bare Fastify
 * server (no platform plugins) with one route doing one primary-key SELECT through the same Drizzle
 * driver; `app` is the whole platform from buildApp.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { loadConfig, type Config } from '../server/src/platform/config.js';
import { openPglite, openPostgres, queryRows, runMigrations, type Database } from '../server/src/platform/db/index.js';
import { BENCH_AUTH_SECRET } from './personnel-data.js';

const { values: args } = parseArgs({
  options: {
    target: { type: 'string' },
    engine: { type: 'string' },
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    prepare: { type: 'boolean', default: false },
    /** With --prepare: also seed this many employees and write the directory bench's token and searches. */
    employees: { type: 'string' },
    'bench-file': { type: 'string' },
    'cpu-prof-dir': { type: 'string' },
    /** The profile's file name (without extension); the target's by default. */
    'cpu-prof-name': { type: 'string' },
  },
});

function benchConfig(): Config {
  const port = args.port ?? '0';
  return loadConfig({
    // Production settings, as a deployment would run; request logging off so the log pipe is not measured.
    NODE_ENV: 'production',
    PORT: port,
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: BENCH_AUTH_SECRET,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ...(args['data-dir'] ? { DATA_DIR: args['data-dir'] } : {}),
    ...(args['database-url'] ? { DATABASE_URL: args['database-url'] } : {}),
  });
}

async function open(): Promise<Database> {
  if (args.engine === 'pglite') {
    if (!args['data-dir']) throw new Error('--data-dir is required with --engine pglite');
    return openPglite(args['data-dir']);
  }
  if (args.engine === 'postgres') {
    if (!args['database-url']) throw new Error('--database-url is required with --engine postgres');
    return openPostgres(args['database-url']);
  }
  throw new Error('--engine must be pglite or postgres');
}

/** Migrates and, on an empty database, seeds the reference data (regions and agencies). */
async function prepare(database: Database, config: Config): Promise<void> {
  await runMigrations(database);
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM agencies`);
  if ((row?.n ?? 0) > 0) return;
  // Loaded only when seeding, so the limit server's process does not carry the platform's code.
  const { buildApp } = await import('../server/src/app.js');
  const { seedReference } = await import('../server/seeds/index.js');
  const built = await buildApp(config, database);
  await seedReference(built.modules, config.regionCode);
  await built.app.close();
}

async function serveLimit(database: Database, port: number): Promise<() => Promise<void>> {
  const ids = (await queryRows<{ id: string }>(database.db, sql`SELECT id FROM agencies`)).map((r) => r.id);
  if (ids.length === 0) throw new Error('no agencies: run --prepare first');
  const app = Fastify({ logger: false });
  app.get('/limit', async () => {
    const id = ids[Math.floor(Math.random() * ids.length)]!;
    const [row] = await queryRows(database.db, sql`SELECT id, code, name, short_name FROM agencies WHERE id = ${id}`);
    return row;
  });
  await app.listen({ port, host: '127.0.0.1' });
  return () => app.close();
}

async function serveApp(database: Database, config: Config): Promise<() => Promise<void>> {
  const { buildApp } = await import('../server/src/app.js');
  const { app, platform } = await buildApp(config, database);
  await app.listen({ port: config.port, host: config.host });
  platform.events.start();
  return async () => {
    await platform.events.stop();
    await app.close();
  };
}

/**
 * Starts V8's CPU profiler when SIGUSR2 arrives; the returned function stops it and writes
 * `<dir>/<name>.cpuprofile` (nothing when the signal never came).
 */
function profileOnSignal(dir: string, name: string): () => Promise<void> {
  const session = new Session();
  session.connect();
  let started: Promise<unknown> | null = null;
  process.on('SIGUSR2', () => {
    started ??= session.post('Profiler.enable').then(() => session.post('Profiler.start'));
  });
  return async () => {
    if (!started) return;
    await started;
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

async function main(): Promise<void> {
  const config = benchConfig();
  const database = await open();
  await prepare(database, config);
  if (args.prepare) {
    if (args.employees && args['bench-file']) {
      const { prepareDirectoryBench } = await import('./personnel-data.js');
      await prepareDirectoryBench(database, Number(args.employees), args['bench-file']);
    }
    await database.close();
    return;
  }
  let close: () => Promise<void>;
  if (args.target === 'limit') close = await serveLimit(database, config.port);
  else if (args.target === 'app') close = await serveApp(database, config);
  else throw new Error('--target must be limit or app');

  const profile = args['cpu-prof-dir'] ? profileOnSignal(args['cpu-prof-dir'], args['cpu-prof-name'] ?? args.target ?? 'server') : null;
  const stop = async () => {
    await profile?.();
    await close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
