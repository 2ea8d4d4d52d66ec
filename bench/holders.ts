/**
 * `currentHolder` in-process: how many "who acts for this position on this date?" answers per second
 * the E-office gets from SIMPEG's holder snapshot with 15,000 employees, next to the reference — the
 * same process doing one primary-key SELECT per iteration through the same driver (the work `limit`
 * does, without HTTP). Target (issue 3): at least 20,000 resolutions per second.
 */
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, queryRows, runMigrations, type Database } from '../server/src/platform/db/index.js';
import { createDatabase, type Engine } from './http-bench.js';
import { BENCH_EMPLOYEES, buildWithStaff } from './personnel-data.js';

export const HOLDER_TARGET_PER_SEC = 20_000;

/** One engine's figures. */
export interface HolderRow {
  engine: Engine;
  positions: number;
  /** Primary-key SELECTs per second in this process. */
  referencePerSec: number;
  resolutionsPerSec: number;
  /** resolutionsPerSec ÷ referencePerSec. */
  ratio: number;
  /** The first call: loading the snapshot of every assignment and delegation. */
  coldLoadMs: number;
  ok: boolean;
}

/** Calls `step` back to back for `seconds` and returns the calls per second. */
async function rate(seconds: number, step: (i: number) => Promise<unknown>): Promise<number> {
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let n = 0;
  while (performance.now() < until) {
    // Batches of 100 keep the clock reads out of the figure.
    for (let k = 0; k < 100; k++) await step(n++);
  }
  return n / ((performance.now() - started) / 1000);
}

async function open(engine: Engine, flags: string[]): Promise<Database> {
  return engine === 'pglite' ? openPglite(flags[1]) : openPostgres(flags[1]!, 10);
}

/** Runs the holder bench on each engine with `seconds` of measurement per figure. */
export async function runHolderBench(engines: Engine[], seconds: number, log: (line: string) => void): Promise<HolderRow[]> {
  const rows: HolderRow[] = [];
  for (const engine of engines) {
    const target = await createDatabase(engine);
    const database = await open(engine, target.flags);
    try {
      log(`${engine}: migrating, seeding ${BENCH_EMPLOYEES} employees…`);
      await runMigrations(database);
      const built = await buildWithStaff(database, BENCH_EMPLOYEES);
      const positions = (await queryRows<{ id: string }>(database.db, sql`SELECT id FROM positions`)).map((r) => r.id);
      const agencies = (await queryRows<{ id: string }>(database.db, sql`SELECT id FROM agencies`)).map((r) => r.id);
      // Mostly today, sometimes a date in the past (a letter's signing date).
      const dates = [undefined, undefined, undefined, '2025-03-17', '2026-01-05', '2024-08-01'];
      const api = built.modules.personnel.api;
      const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length]!;

      log(`${engine}: reference (primary-key SELECT in-process), ${seconds} s…`);
      const referencePerSec = await rate(seconds, (i) => queryRows(database.db, sql`SELECT id, code, name FROM agencies WHERE id = ${pick(agencies, i)}`));
      const cold = performance.now();
      await api.currentHolder(positions[0]!);
      const coldLoadMs = performance.now() - cold;
      log(`${engine}: currentHolder over ${positions.length} positions, ${seconds} s…`);
      const resolutionsPerSec = await rate(seconds, (i) => api.currentHolder(pick(positions, i), pick(dates, i)));
      await built.app.close();
      rows.push({
        engine, positions: positions.length, referencePerSec, resolutionsPerSec, ratio: resolutionsPerSec / referencePerSec,
        coldLoadMs, ok: resolutionsPerSec >= HOLDER_TARGET_PER_SEC,
      });
    } finally {
      await database.close();
      await target.drop();
    }
  }
  return rows;
}
