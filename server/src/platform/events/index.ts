import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';
import { createOutboxBus } from './events.bus.js';

export { outboxEvents, jobs } from './events.tables.js';
export { eventRoutes } from './events.routes.js';
export { createJobAdmin, type JobAdmin } from './events.service.js';
export { reportDeadJobs } from './events.cli.js';
export type { JobView, JobPage } from './events.schema.js';

/**
 * A handler for a job or an event delivery. Delivery is AT LEAST ONCE: a job may run again after a
 * crash or a lost acknowledgement, so a handler must be idempotent (check before acting, upsert
 * rather than insert, key side effects on `jobId`, which stays the same across retries).
 * A thrown error is a failed attempt: the job is retried with backoff, then marked dead.
 */
export type JobHandler = (payload: Record<string, unknown>, meta: { jobId: number; attempt: number }) => Promise<void>;

/** What an event carries: a JSON object (type aliases fit it; interfaces lack its index signature). */
export type EventPayload = Record<string, unknown>;

/**
 * An event type: its name and, for the compiler only, its payload. Each is defined once, with
 * `defineEvent`, in the events file of the module that publishes it; publishing and subscribing take
 * the definition, so a payload of the wrong shape does not compile.
 */
export interface EventType<P extends EventPayload> {
  readonly name: string;
  /** Never set: carries the payload type. */
  readonly payloadType?: P;
}

/** Defines an event type by name, with its payload type. */
export function defineEvent<P extends EventPayload>(name: string): EventType<P> {
  return Object.freeze({ name });
}

/** One event ready for the outbox, for `publishMany`; made by `outboxEvent`, which checks the payload. */
export interface OutboxEvent {
  readonly type: string;
  readonly payload: EventPayload;
}

/** Pairs an event type with a payload of its shape, for `publishMany`. */
export function outboxEvent<P extends EventPayload>(event: EventType<P>, payload: P): OutboxEvent {
  return { type: event.name, payload };
}

/** Options when enqueueing a job. */
export interface EnqueueOptions {
  /** Not before this moment (default: now). */
  runAt?: Date;
  /** Attempts before the job is marked dead (default 5). */
  maxAttempts?: number;
  /** A job with the same key is enqueued only once, ever (later enqueues are ignored). */
  dedupeKey?: string;
}

/** Options of one subscription. */
export interface SubscribeOptions {
  /** Attempts per delivery before it is marked dead (default 5). */
  maxAttempts?: number;
}

/** Tuning of the poller and the runner; the defaults suit production. */
export interface EventBusOptions {
  /** How often the poller looks for due jobs and undelivered events. */
  pollIntervalMs?: number;
  /** How soon after a publish or enqueue from this process the poller looks again. */
  wakeDelayMs?: number;
  /** Jobs claimed and run at once by this instance. */
  concurrency?: number;
  /** How long a claimed job stays reserved; renewed while its handler runs. */
  leaseMs?: number;
  /** First retry waits about this long; each later one about twice as long … */
  retryBaseMs?: number;
  /** … up to this. */
  retryMaxMs?: number;
}

/**
 * The outbox and job queue. `publish` and `enqueue` take the caller's transaction, so the event or
 * job commits with the change (and vanishes with a rollback); delivery happens after commit, by
 * whichever instance claims it first (`FOR UPDATE SKIP LOCKED`). Ordering between jobs is not guaranteed.
 */
export interface EventBus {
  /** Writes an event to the outbox inside `tx`. */
  publish<P extends EventPayload>(tx: Db, event: EventType<P>, payload: P): Promise<void>;
  /** Writes many events inside `tx` in a few statements (bulk imports); delivered like `publish`'s. */
  publishMany(tx: Db, events: readonly OutboxEvent[]): Promise<void>;
  /** Writes a job inside `tx`; with a `dedupeKey` it is idempotent. */
  enqueue(tx: Db, name: string, payload: Record<string, unknown>, options?: EnqueueOptions): Promise<void>;
  /** Registers a job handler under a unique name. */
  handle(name: string, handler: JobHandler): void;
  /**
   * Subscribes a handler to an event type. `subscriber` is its job name, unique like `handle`'s
   * names (e.g. `dashboard.count-complaint`); each event becomes one job per subscriber.
   */
  subscribe<P extends EventPayload>(
    event: EventType<P>, subscriber: string, handler: (payload: P, meta: { jobId: number; attempt: number }) => Promise<void>, options?: SubscribeOptions,
  ): void;
  /**
   * Registers a recurring job: at most one run per `everyMs` slot across all instances (each slot is
   * enqueued with the dedupe key `<name>@<slot start>`, so instances racing for it make one job).
   */
  every(name: string, everyMs: number, handler: JobHandler): void;
  /** Fans out pending events and runs due jobs until none are left; returns how many jobs ran. */
  drain(): Promise<number>;
  /** Starts the background poller. */
  start(): void;
  /** Stops the poller and waits for running jobs. */
  stop(): Promise<void>;
}

/** Creates the PostgreSQL-backed outbox and job queue (works the same on PGlite). */
export function createEventBus(db: Db, log: FastifyBaseLogger, options?: EventBusOptions): EventBus {
  return createOutboxBus(db, log, options);
}
