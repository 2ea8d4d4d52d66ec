import type { FastifyBaseLogger } from 'fastify';
import { inTransaction, type Db } from '../db/index.js';
import { eventsRepo, type NewJob } from './events.repo.js';
import { runClaimedJob } from './events.runner.js';
import type { EnqueueOptions, EventBus, EventBusOptions, JobHandler } from './index.js';

const DEFAULTS: Required<EventBusOptions> = {
  pollIntervalMs: 1000,
  wakeDelayMs: 25,
  concurrency: 4,
  leaseMs: 60_000,
  retryBaseMs: 5_000,
  retryMaxMs: 3_600_000,
};

// Events fanned out per dispatcher transaction: small enough to keep the transaction short.
const EVENT_BATCH = 100;

// Finished jobs and delivered events are kept this long for inspection, then pruned hourly.
const KEEP_FINISHED_MS = 7 * 24 * 3_600_000;

/** Builds the outbox dispatcher, the job runner and the poll loop over one database handle. */
export function createOutboxBus(db: Db, log: FastifyBaseLogger, options: EventBusOptions = {}): EventBus {
  const o = { ...DEFAULTS, ...options };
  const handlers = new Map<string, JobHandler>();
  const subscribers = new Map<string, { name: string; maxAttempts: number | undefined }[]>();
  const inFlight = new Set<Promise<void>>();
  const recurring: { name: string; everyMs: number; lastSlot: number }[] = [];
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let cycle: Promise<unknown> | null = null;
  let again = false;

  /** Turns undelivered events into one job per subscriber and marks them dispatched, in one transaction. */
  async function dispatchEvents(): Promise<void> {
    for (;;) {
      const fanned = await inTransaction(db, async (tx) => {
        const events = await eventsRepo.lockPendingEvents(tx, EVENT_BATCH);
        if (events.length === 0) return 0;
        const rows: NewJob[] = events.flatMap((event) => (subscribers.get(event.type) ?? []).map((s) => ({
          name: s.name,
          payload: event.payload,
          dedupeKey: `${event.id}:${s.name}`,
          ...(s.maxAttempts !== undefined ? { maxAttempts: s.maxAttempts } : {}),
        })));
        await eventsRepo.insertJobs(tx, rows);
        await eventsRepo.markDispatched(tx, events.map((e) => e.id));
        return events.length;
      });
      if (fanned < EVENT_BATCH) return;
    }
  }

  /** Claims one batch of due jobs and runs them; returns how many were claimed. */
  async function runDueBatch(): Promise<number> {
    const claimed = await eventsRepo.claimDueJobs(db, o.concurrency, o.leaseMs);
    const runs = claimed.map((job) => {
      const run = runClaimedJob(db, log, job, handlers.get(job.name), o).finally(() => inFlight.delete(run));
      inFlight.add(run);
      return run;
    });
    await Promise.all(runs);
    return claimed.length;
  }

  /** Enqueues each recurring job whose slot this instance has not enqueued yet (deduplicated across instances). */
  async function enqueueRecurring(): Promise<void> {
    const now = Date.now();
    const due = recurring.filter((r) => Math.floor(now / r.everyMs) !== r.lastSlot);
    if (due.length === 0) return;
    await eventsRepo.insertJobs(db, due.map((r) => {
      r.lastSlot = Math.floor(now / r.everyMs);
      return { name: r.name, payload: {}, dedupeKey: `${r.name}@${new Date(r.lastSlot * r.everyMs).toISOString()}` };
    }));
  }

  async function drain(): Promise<number> {
    let ran = 0;
    for (;;) {
      await eventsRepo.releaseExpiredLeases(db);
      await dispatchEvents();
      const n = await runDueBatch();
      if (n === 0) return ran;
      ran += n;
    }
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref();
  }

  function tick(): void {
    if (cycle) {
      again = true;
      return;
    }
    // Recurring jobs are enqueued by the poller only, so `drain()` stays deterministic for callers.
    cycle = enqueueRecurring()
      .then(drain)
      .catch((err: unknown) => log.error({ err }, 'job poller cycle failed; retrying on the next poll'))
      .finally(() => {
        cycle = null;
        schedule(again ? 0 : o.pollIntervalMs);
        again = false;
      });
  }

  // The caller's transaction has not committed yet: look again shortly; the next poll is the backstop.
  function wake(): void {
    if (stopped) return;
    if (cycle) again = true;
    else schedule(o.wakeDelayMs);
  }

  function handle(name: string, handler: JobHandler): void {
    if (handlers.has(name)) throw new Error(`job handler "${name}" is already registered`);
    handlers.set(name, handler);
  }

  handle('platform.prune-finished-jobs', async () => {
    const pruned = await eventsRepo.pruneFinished(db, new Date(Date.now() - KEEP_FINISHED_MS));
    if (pruned.jobs + pruned.events > 0) log.info(pruned, 'pruned finished jobs and delivered events');
  });
  recurring.push({ name: 'platform.prune-finished-jobs', everyMs: 3_600_000, lastSlot: -1 });

  return {
    async publish(tx, event, payload) {
      await eventsRepo.insertEvent(tx, event.name, payload);
      wake();
    },
    async publishMany(tx, list) {
      if (list.length === 0) return;
      await eventsRepo.insertEvents(tx, list);
      wake();
    },
    async enqueue(tx, name, payload, options: EnqueueOptions = {}) {
      if (options.maxAttempts !== undefined && (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1)) {
        throw new Error(`maxAttempts must be a positive integer, got ${options.maxAttempts}`);
      }
      await eventsRepo.insertJobs(tx, [{
        name,
        payload,
        ...(options.runAt ? { runAt: options.runAt } : {}),
        ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
        ...(options.dedupeKey !== undefined ? { dedupeKey: options.dedupeKey } : {}),
      }]);
      wake();
    },
    handle,
    subscribe(event, subscriber, handler, options = {}) {
      // The payload is what `publish` stored for this event type, checked against it by the compiler.
      handle(subscriber, handler as JobHandler);
      const list = subscribers.get(event.name) ?? [];
      list.push({ name: subscriber, maxAttempts: options.maxAttempts });
      subscribers.set(event.name, list);
    },
    every(name, everyMs, handler) {
      if (!Number.isInteger(everyMs) || everyMs < 1000) throw new Error(`every(${name}): interval must be at least 1000 ms`);
      handle(name, handler);
      recurring.push({ name, everyMs, lastSlot: -1 });
    },
    drain,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await cycle;
      await Promise.allSettled([...inFlight]);
    },
  };
}
