import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The bus is observed as the app wires it (t.platform.events), so these kernel tests build the app.
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { urlFor } from '../../../test/pg.js';
import { openPostgres, queryRows, type Database, type Db } from '../db/index.js';
import { createEventBus, defineEvent, jobs, type EventBus } from './index.js';

const sharedEvent = defineEvent<{ i: number }>('test.shared-event');
const background = defineEvent<Record<string, never>>('test.background');

let t: TestApp;
const extra: Database[] = [];
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  for (const database of extra) await database.close();
  await t.close();
});

/**
 * Two handles on the test database as two app instances would have them: on PostgreSQL two
 * separate pools; on PGlite, which one process owns, the one embedded handle shared.
 */
async function twoInstances(): Promise<[Db, Db]> {
  if (t.database.kind === 'pglite') return [t.platform.db, t.platform.db];
  const [{ name }] = (await queryRows<{ name: string }>(t.platform.db, sql`SELECT current_database() AS name`)) as [{ name: string }];
  const a = await openPostgres(urlFor(name), 4);
  const b = await openPostgres(urlFor(name), 4);
  extra.push(a, b);
  return [a.db, b.db];
}

const yieldOnce = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('several instances', () => {
  it('two instances draining at once handle every job and every event delivery exactly once', async () => {
    const [dbA, dbB] = await twoInstances();
    const handled = new Map<number, number>();
    const buses: EventBus[] = [dbA, dbB].map((db) => {
      const bus = createEventBus(db, t.platform.log, { concurrency: 4 });
      const count = async (_payload: Record<string, unknown>, meta: { jobId: number }) => {
        await yieldOnce(); // let the other instance interleave
        handled.set(meta.jobId, (handled.get(meta.jobId) ?? 0) + 1);
      };
      bus.handle('test.shared-job', count);
      bus.subscribe(sharedEvent, 'test.shared-listener', count);
      return bus;
    });

    await t.platform.db.transaction(async (tx) => {
      for (let i = 0; i < 120; i++) await buses[0]!.enqueue(tx, 'test.shared-job', { i });
      for (let i = 0; i < 40; i++) await buses[0]!.publish(tx, sharedEvent, { i });
    });
    await Promise.all(buses.map((bus) => bus.drain()));

    expect(handled.size).toBe(160);
    expect([...handled.values()].every((n) => n === 1)).toBe(true);
    const statuses = await t.platform.db.select({ status: jobs.status, n: sql<number>`count(*)::int` }).from(jobs).groupBy(jobs.status);
    expect(statuses).toEqual([{ status: 'done', n: 160 }]);
  });

  it('delivers in the background once started, and stop() waits for the job that is running', async () => {
    const poller = createEventBus(t.platform.db, t.platform.log, { pollIntervalMs: 50, wakeDelayMs: 5 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let began!: () => void;
    const running = new Promise<void>((resolve) => { began = resolve; });
    poller.subscribe(background, 'test.background-listener', async () => {
      began();
      await gate;
    });
    poller.start();
    await t.platform.db.transaction((tx) => poller.publish(tx, background, {}));
    await running; // picked up by the poll loop, without drain()

    let stopped = false;
    const stopping = poller.stop().then(() => { stopped = true; });
    for (let i = 0; i < 5; i++) await yieldOnce();
    expect(stopped).toBe(false);
    release();
    await stopping;
    const [job] = await t.platform.db.select().from(jobs).where(eq(jobs.name, 'test.background-listener'));
    expect(job?.status).toBe('done');
  });

  it('runs a recurring job once per slot even when two started instances race for it', async () => {
    const [dbA, dbB] = await twoInstances();
    let runs = 0;
    const buses = [dbA, dbB].map((db) => {
      const bus = createEventBus(db, t.platform.log, { pollIntervalMs: 50, wakeDelayMs: 5 });
      bus.every('test.hourly', 3_600_000, async () => { runs++; });
      return bus;
    });
    buses.forEach((bus) => bus.start());
    for (let i = 0; i < 100 && runs === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300)); // both pollers have ticked several times
    await Promise.all(buses.map((bus) => bus.stop()));

    const made = await t.platform.db.select({ key: jobs.dedupeKey, status: jobs.status }).from(jobs).where(eq(jobs.name, 'test.hourly'));
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(made).toHaveLength(runs); // one job per hour slot (two only if the test straddled an hour)
    expect(made.every((j) => j.status === 'done' && j.key?.startsWith('test.hourly@'))).toBe(true);
  });
});
