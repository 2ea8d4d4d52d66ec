import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';

export { outboxEvents, jobs } from './events.tables.js';

/** A handler for a job or an event delivery. It must be idempotent: delivery is at least once. */
export type JobHandler = (payload: Record<string, unknown>, meta: { jobId: number; attempt: number }) => Promise<void>;

/** Options when enqueueing a job. */
export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** A job with the same key is enqueued only once. */
  dedupeKey?: string;
}

/**
 * The outbox and job queue. `publish` and `enqueue` take the caller's transaction, so the event or
 * job commits with the change; delivery happens after commit, by whichever instance claims it first.
 */
export interface EventBus {
  publish(tx: Db, type: string, payload: Record<string, unknown>): Promise<void>;
  enqueue(tx: Db, name: string, payload: Record<string, unknown>, options?: EnqueueOptions): Promise<void>;
  /** Registers a job handler under a unique name. */
  handle(name: string, handler: JobHandler): void;
  /** Subscribes a named handler to an event type; each delivery becomes a job `<subscriber>`. */
  subscribe(eventType: string, subscriber: string, handler: JobHandler): void;
  /** Fans out pending events and runs due jobs until none are left; returns how many jobs ran. */
  drain(): Promise<number>;
  /** Starts the background poller. */
  start(): void;
  /** Stops the poller and waits for running jobs. */
  stop(): Promise<void>;
}

/** Placeholder replaced by the real outbox and queue; publishes nothing yet. */
export function createEventBus(_db: Db, _log: FastifyBaseLogger): EventBus {
  const missing = async (): Promise<never> => { throw new Error('event bus not implemented'); };
  return { publish: missing, enqueue: missing, handle() {}, subscribe() {}, drain: async () => 0, start() {}, stop: async () => {} };
}
