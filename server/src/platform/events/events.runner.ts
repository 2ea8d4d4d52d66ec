import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';
import { eventsRepo, type ClaimedJob } from './events.repo.js';
import type { JobHandler } from './index.js';

/** How long a failed job waits before its next attempt, and how leases are kept. */
export interface RunnerTiming {
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

/**
 * Exponential backoff with jitter: the ceiling doubles per attempt (capped at `maxMs`) and the wait
 * is drawn from its upper half, so retries of many jobs failing together spread out.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

// last_error is for people reading the dead-letter list: the message and the top of the stack.
function describeError(err: unknown): string {
  const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

/**
 * Runs one claimed job outside any transaction and records the outcome. The lease is renewed while
 * the handler runs, so only a job whose process died is ever taken over by another instance.
 */
export async function runClaimedJob(
  db: Db,
  log: FastifyBaseLogger,
  job: ClaimedJob,
  handler: JobHandler | undefined,
  timing: RunnerTiming,
): Promise<void> {
  if (!handler) {
    const error = `Tidak ada penangan terdaftar untuk pekerjaan "${job.name}"; pekerjaan dihentikan.`;
    log.error({ jobId: job.id, job: job.name }, 'no handler registered for job; marked dead');
    await eventsRepo.markFailed(db, job.id, job.attempts, error, 0, true);
    return;
  }
  const heartbeat = setInterval(() => {
    eventsRepo.extendLease(db, job.id, job.attempts, timing.leaseMs).catch((err: unknown) => {
      log.warn({ err, jobId: job.id }, 'could not extend job lease');
    });
  }, Math.max(1000, Math.floor(timing.leaseMs / 3)));
  heartbeat.unref();
  try {
    await handler(job.payload, { jobId: job.id, attempt: job.attempts });
  } catch (err) {
    clearInterval(heartbeat);
    const last = job.attempts >= job.maxAttempts;
    log[last ? 'error' : 'warn']({ err, jobId: job.id, job: job.name, attempt: job.attempts }, last ? 'job failed for the last time; marked dead' : 'job failed; will retry');
    const delay = retryDelayMs(job.attempts, timing.retryBaseMs, timing.retryMaxMs);
    await eventsRepo.markFailed(db, job.id, job.attempts, describeError(err), delay);
    return;
  } finally {
    clearInterval(heartbeat);
  }
  await eventsRepo.markDone(db, job.id, job.attempts);
}
