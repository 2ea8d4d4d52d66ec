import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { measure, type LoadResult, type LoadSettings, type RequestMix } from './load.js';
import { BENCH_EMPLOYEES, type DirectoryBenchFile } from './personnel-data.js';
import { childEnv, expectSuccess, freePort, serverPid, spawnTsx, stopServer, waitForHttp } from './proc.js';

export type Engine = 'pglite' | 'postgres';

/** A load target: which server runs and which address autocannon loads. */
export interface Target {
  /** The name printed in the table (`limit`, `agencies`). */
  name: string;
  server: 'limit' | 'app';
  path: string;
  /** Staff the database needs for this target; the searches and token come from the prepare step. */
  employees?: number;
}

export const LIMIT: Target = { name: 'limit', server: 'limit', path: '/limit' };
export const AGENCIES: Target = { name: 'agencies', server: 'app', path: '/api/agencies' };
/** The platform's own overhead: every plugin and hook around one `SELECT 1`. */
export const HEALTH: Target = { name: 'health', server: 'app', path: '/api/health' };
/** SIMPEG's employee directory: staff searches (bearer token) over 15,000 employees. */
export const DIRECTORY: Target = { name: 'directory', server: 'app', path: '/api/employees', employees: BENCH_EMPLOYEES };

/** One row of the results table. */
export interface HttpRow extends LoadResult {
  engine: Engine;
  target: string;
  path: string;
  /** Requests per second relative to `limit` on the same engine in the same run. */
  ratio: number;
}

/** The server the PostgreSQL benchmarks use; a dedicated database on it is created and dropped. */
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** That database's name (BENCH_DATABASE), so two people benchmarking on one server do not drop each other's. */
const BENCH_DATABASE = benchDatabaseName(process.env.BENCH_DATABASE);

function benchDatabaseName(name: string | undefined): string {
  if (name === undefined || name === '') return 'tsc_bench';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`BENCH_DATABASE must be a lower-case SQL identifier, not "${name}"`);
  return name;
}

/** Where to write a CPU profile of each server's measured run (BENCH_CPU_PROF), if anywhere. */
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;

/** Engines to run, from BENCH_ENGINES (default `pglite,postgres`). */
export function benchEngines(env: NodeJS.ProcessEnv = process.env): Engine[] {
  const names = (env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) if (name !== 'pglite' && name !== 'postgres') throw new Error(`unknown engine ${name} in BENCH_ENGINES`);
  return names as Engine[];
}

async function onServer(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for one engine; returns the server flags and how to remove it. */
export async function createDatabase(engine: Engine): Promise<{ flags: string[]; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-'));
    return { flags: ['--data-dir', dir], drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  await onServer(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  });
  const url = new URL(DATABASE_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  return {
    flags: ['--database-url', url.toString()],
    drop: () => onServer((c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`)),
  };
}

async function loadTarget(engine: Engine, target: Target, flags: string[], settings: LoadSettings, mix: RequestMix): Promise<LoadResult> {
  const port = await freePort();
  const profile = CPU_PROFILE_DIR ? ['--cpu-prof-dir', CPU_PROFILE_DIR, '--cpu-prof-name', `${engine}-${target.name}-${Date.now()}`] : [];
  const spawned = spawnTsx(
    ['bench/server.ts', '--target', target.server, '--engine', engine, '--port', String(port), ...flags, ...profile],
    childEnv(process.env.BENCH_LOG_LEVEL ? { BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
  );
  const url = `http://127.0.0.1:${port}${target.path}`;
  // An authenticated target answers 401 to the bare poll: wait for the platform's health instead.
  const ready = target.server === 'app' ? `http://127.0.0.1:${port}/api/health` : url;
  await waitForHttp(ready, spawned, performance.now(), 120_000);
  const pid = serverPid(spawned.child.pid!);
  try {
    // With BENCH_CPU_PROF the server profiles from the start of the measured run until it is stopped.
    return await measure(url, pid, settings, mix, CPU_PROFILE_DIR ? () => process.kill(pid, 'SIGUSR2') : undefined);
  } finally {
    await stopServer(spawned, pid);
  }
}

/**
 * Loads `limit` and then each target on each engine, one server process at a time, and expresses
 * every figure as a ratio to that engine's `limit` (which always runs, so the ratio is of one run).
 */
export async function runHttpBench(targets: Target[], engines: Engine[], settings: LoadSettings, log: (line: string) => void): Promise<HttpRow[]> {
  const rows: HttpRow[] = [];
  const ordered = [LIMIT, ...targets.filter((t) => t !== LIMIT)];
  for (const engine of engines) {
    const database = await createDatabase(engine);
    const benchFile = path.join(os.tmpdir(), `tsc-bench-${engine}-${process.pid}.json`);
    try {
      const employees = Math.max(0, ...targets.map((t) => t.employees ?? 0));
      const staffFlags = employees > 0 ? ['--employees', String(employees), '--bench-file', benchFile] : [];
      log(`${engine}: migrating and seeding the reference data${employees > 0 ? ` and ${employees} employees` : ''}…`);
      await expectSuccess(spawnTsx(['bench/server.ts', '--prepare', '--engine', engine, ...database.flags, ...staffFlags], childEnv({})), 'prepare');
      const directory = employees > 0 ? JSON.parse(fs.readFileSync(benchFile, 'utf8')) as DirectoryBenchFile : null;
      let limitRps = 0;
      for (const target of ordered) {
        log(`${engine}: ${target.name} (${target.path}), ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s…`);
        const mix: RequestMix = target.employees && directory
          ? { headers: { authorization: `Bearer ${directory.token}` }, paths: directory.paths }
          : {};
        const result = await loadTarget(engine, target, database.flags, settings, mix);
        if (target === LIMIT) limitRps = result.requestsPerSec;
        rows.push({ engine, target: target.name, path: target.path, ...result, ratio: limitRps > 0 ? result.requestsPerSec / limitRps : 0 });
      }
    } finally {
      fs.rmSync(benchFile, { force: true });
      await database.drop();
    }
  }
  return rows;
}
