import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The bus is observed as the app wires it (t.platform.events), so these kernel tests build the app.
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { defineEvent, jobs, outboxEvents, type EventBus, type JobHandler } from './index.js';
import { retryDelayMs } from './events.runner.js';

let t: TestApp;
let bus: EventBus;
beforeAll(async () => {
  t = await buildTestApp();
  bus = t.platform.events;
});
afterAll(() => t.close());

/** A handler that records every payload it receives. */
function recorder(): { calls: Record<string, unknown>[]; handler: JobHandler } {
  const calls: Record<string, unknown>[] = [];
  return { calls, handler: async (payload) => { calls.push(payload); } };
}

const rolledBack = defineEvent<{ n: number }>('test.rolled-back');
const committed = defineEvent<{ complaintId: string }>('test.committed');
const refanned = defineEvent<{ n: number }>('test.refanned');

const jobsNamed = (name: string) => t.platform.db.select().from(jobs).where(eq(jobs.name, name));

/** Moves a pending job's next attempt to the past, as if its backoff had elapsed. */
const letBackoffElapse = (name: string) =>
  t.platform.db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(and(eq(jobs.name, name), eq(jobs.status, 'pending')));

describe('outbox', () => {
  it('never delivers an event whose transaction rolled back', async () => {
    const r = recorder();
    bus.subscribe(rolledBack, 'test.rolled-back-listener', r.handler);
    await expect(t.platform.db.transaction(async (tx) => {
      await bus.publish(tx, rolledBack, { n: 1 });
      throw new Error('batal');
    })).rejects.toThrow('batal');
    await bus.drain();
    expect(r.calls).toEqual([]);
    const stored = await t.platform.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'test.rolled-back'));
    expect(stored).toEqual([]);
  });

  it('delivers a committed event once to each subscriber', async () => {
    const a = recorder();
    const b = recorder();
    bus.subscribe(committed, 'test.committed-a', a.handler);
    bus.subscribe(committed, 'test.committed-b', b.handler);
    await t.platform.db.transaction((tx) => bus.publish(tx, committed, { complaintId: 'c-1' }));
    expect(await bus.drain()).toBeGreaterThanOrEqual(2);
    await bus.drain();
    expect(a.calls).toEqual([{ complaintId: 'c-1' }]);
    expect(b.calls).toEqual([{ complaintId: 'c-1' }]);
    const [event] = await t.platform.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'test.committed'));
    expect(event?.dispatchedAt).toBeInstanceOf(Date);
    expect((await jobsNamed('test.committed-a')).map((j) => j.status)).toEqual(['done']);
  });

  it('does not deliver twice when an event is fanned out again after a crash', async () => {
    const r = recorder();
    bus.subscribe(refanned, 'test.refanned-listener', r.handler);
    await t.platform.db.transaction((tx) => bus.publish(tx, refanned, { n: 7 }));
    await bus.drain();
    // The dispatcher died after creating the jobs but before marking the event: it is seen again.
    await t.platform.db.update(outboxEvents).set({ dispatchedAt: null }).where(eq(outboxEvents.type, 'test.refanned'));
    await bus.drain();
    expect(r.calls).toEqual([{ n: 7 }]);
    expect(await jobsNamed('test.refanned-listener')).toHaveLength(1);
  });

  it('refuses a second handler under a name already taken', () => {
    bus.handle('test.taken', async () => {});
    expect(() => bus.subscribe(defineEvent('test.any'), 'test.taken', async () => {})).toThrow(/already registered/);
  });
});

describe('job queue', () => {
  it('enqueues a job with a dedupe key only once', async () => {
    const r = recorder();
    bus.handle('test.deduped', r.handler);
    for (let i = 0; i < 3; i++) {
      await t.platform.db.transaction((tx) => bus.enqueue(tx, 'test.deduped', { i }, { dedupeKey: 'report-2024-06' }));
    }
    await bus.drain();
    expect(r.calls).toEqual([{ i: 0 }]);
  });

  it('does not run a job before its runAt', async () => {
    const r = recorder();
    bus.handle('test.later', r.handler);
    await bus.enqueue(t.platform.db, 'test.later', {}, { runAt: new Date(Date.now() + 3_600_000) });
    await bus.drain();
    expect(r.calls).toEqual([]);
    expect((await jobsNamed('test.later'))[0]?.status).toBe('pending');
  });

  it('retries a failing handler with backoff, then marks the job dead keeping the last error', async () => {
    let attempts = 0;
    bus.handle('test.flaky', async (_payload, meta) => {
      attempts++;
      throw new Error(`layanan SMS tidak menjawab (percobaan ${meta.attempt})`);
    });
    await bus.enqueue(t.platform.db, 'test.flaky', { to: '0812' }, { maxAttempts: 3 });

    await bus.drain();
    let [job] = await jobsNamed('test.flaky');
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now()); // waits before the next attempt
    await bus.drain();
    expect(attempts).toBe(1); // still backing off

    await letBackoffElapse('test.flaky');
    await bus.drain();
    await letBackoffElapse('test.flaky');
    await bus.drain();
    [job] = await jobsNamed('test.flaky');
    expect(attempts).toBe(3);
    expect(job).toMatchObject({ status: 'dead', attempts: 3 });
    expect(job!.lastError).toContain('layanan SMS tidak menjawab (percobaan 3)');
    expect(job!.finishedAt).toBeInstanceOf(Date);

    await letBackoffElapse('test.flaky');
    await bus.drain();
    expect(attempts).toBe(3); // dead jobs stay dead until an operator retries them
  });

  it('waits longer after each failure, with jitter, up to a ceiling', () => {
    const low = [1, 2, 3, 4].map((n) => retryDelayMs(n, 5000, 60_000, () => 0));
    const high = [1, 2, 3, 4].map((n) => retryDelayMs(n, 5000, 60_000, () => 1));
    expect(low).toEqual([2500, 5000, 10_000, 20_000]);
    expect(high).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(20, 5000, 60_000, () => 1)).toBe(60_000);
  });

  it('sends a job with no registered handler to the dead list with a clear error', async () => {
    await bus.enqueue(t.platform.db, 'test.nobody-handles-this', {});
    await bus.drain();
    const [job] = await jobsNamed('test.nobody-handles-this');
    expect(job).toMatchObject({ status: 'dead', attempts: 1 });
    expect(job!.lastError).toContain('Tidak ada penangan terdaftar untuk pekerjaan "test.nobody-handles-this"');
  });

  it('takes back a job whose worker died mid-run once its lease expires, but not a job still leased', async () => {
    const r = recorder();
    bus.handle('test.orphaned', r.handler);
    await bus.enqueue(t.platform.db, 'test.orphaned', { id: 'expired' });
    await bus.enqueue(t.platform.db, 'test.orphaned', { id: 'leased' });
    // Another process claimed both and died: one lease has run out, the other has not yet.
    await t.platform.db.update(jobs).set({ status: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 minute'` })
      .where(and(eq(jobs.name, 'test.orphaned'), sql`${jobs.payload}->>'id' = 'expired'`));
    await t.platform.db.update(jobs).set({ status: 'running', attempts: 1, lockedUntil: sql`now() + interval '1 hour'` })
      .where(and(eq(jobs.name, 'test.orphaned'), sql`${jobs.payload}->>'id' = 'leased'`));

    await bus.drain();
    expect(r.calls).toEqual([{ id: 'expired' }]);
    const byId = Object.fromEntries((await jobsNamed('test.orphaned')).map((j) => [j.payload.id, j]));
    expect(byId.expired).toMatchObject({ status: 'done', attempts: 2 });
    expect(byId.leased).toMatchObject({ status: 'running', attempts: 1 });
  });

  it('marks dead a job whose lease expired on its last attempt', async () => {
    bus.handle('test.crashes-process', async () => {});
    await bus.enqueue(t.platform.db, 'test.crashes-process', {}, { maxAttempts: 1 });
    await t.platform.db.update(jobs).set({ status: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 minute'` })
      .where(eq(jobs.name, 'test.crashes-process'));
    await bus.drain();
    const [job] = await jobsNamed('test.crashes-process');
    expect(job).toMatchObject({ status: 'dead', attempts: 1 });
    expect(job!.lastError).toMatch(/Batas waktu/);
  });
});

describe('housekeeping', () => {
  it('prunes finished jobs and delivered events after a week, keeping recent and dead ones', async () => {
    const weekAgo = sql`now() - interval '8 days'`;
    const [oldDone] = await t.platform.db.insert(jobs).values({ name: 'test.old-done', payload: {}, status: 'done', finishedAt: sql`${weekAgo}` as unknown as Date }).returning();
    const [recentDone] = await t.platform.db.insert(jobs).values({ name: 'test.recent-done', payload: {}, status: 'done', finishedAt: new Date() }).returning();
    const [oldDead] = await t.platform.db.insert(jobs).values({ name: 'test.old-dead', payload: {}, status: 'dead', finishedAt: sql`${weekAgo}` as unknown as Date }).returning();
    const [oldEvent] = await t.platform.db.insert(outboxEvents).values({ type: 'test.old', payload: {}, dispatchedAt: sql`${weekAgo}` as unknown as Date }).returning();

    await bus.enqueue(t.platform.db, 'platform.prune-finished-jobs', {});
    await bus.drain();

    const left = await t.platform.db.select({ id: jobs.id }).from(jobs).where(sql`${jobs.id} IN (${oldDone!.id}, ${recentDone!.id}, ${oldDead!.id})`);
    expect(left.map((j) => j.id).sort()).toEqual([recentDone!.id, oldDead!.id].sort());
    expect(await t.platform.db.select().from(outboxEvents).where(eq(outboxEvents.id, oldEvent!.id))).toEqual([]);
  });
});

