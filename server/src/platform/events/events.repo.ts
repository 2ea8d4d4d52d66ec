import { and, asc, count, desc, eq, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { jobs, outboxEvents } from './events.tables.js';

export type JobRow = typeof jobs.$inferSelect;
export type JobStatus = JobRow['status'];
export type NewJob = typeof jobs.$inferInsert;

/** The job fields a runner needs once it holds the lease. */
export interface ClaimedJob {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/** `now() + ms` computed by the database, so every instance agrees on one clock. */
const fromNow = (ms: number): SQL => sql`now() + make_interval(secs => ${ms / 1000})`;

/** The claim of one worker: the row is still running under the attempt that worker started. */
const heldBy = (id: number, attempt: number) => and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.attempts, attempt));

/** Data access for the outbox and the job queue; every function takes the handle (a transaction or the pool). */
export const eventsRepo = {
  async insertEvent(db: Db, type: string, payload: Record<string, unknown>): Promise<void> {
    await db.insert(outboxEvents).values({ type, payload });
  },

  /** Inserts many events, 500 rows per statement (well under the bind-parameter limit). */
  async insertEvents(db: Db, rows: readonly { type: string; payload: Record<string, unknown> }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await db.insert(outboxEvents).values(rows.slice(i, i + 500));
  },

  /** Inserts jobs; a row whose dedupe key already exists is skipped. Returns how many were inserted. */
  async insertJobs(db: Db, rows: NewJob[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted = await db.insert(jobs).values(rows).onConflictDoNothing({ target: jobs.dedupeKey }).returning({ id: jobs.id });
    return inserted.length;
  },

  /** Locks up to `limit` undispatched events; events another instance holds are skipped, not waited for. */
  async lockPendingEvents(tx: Db, limit: number) {
    return tx.select({ id: outboxEvents.id, type: outboxEvents.type, payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(isNull(outboxEvents.dispatchedAt))
      .orderBy(asc(outboxEvents.id))
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  async markDispatched(tx: Db, ids: number[]): Promise<void> {
    await tx.update(outboxEvents).set({ dispatchedAt: sql`now()` }).where(inArray(outboxEvents.id, ids));
  },

  /**
   * Puts running jobs whose lease ran out (their process died) back to pending, or to dead when
   * that was their last attempt, so a job that crashes the process cannot loop forever.
   */
  async releaseExpiredLeases(db: Db): Promise<number> {
    const last = sql`${jobs.attempts} >= ${jobs.maxAttempts}`;
    const rows = await db.update(jobs).set({
      status: sql`CASE WHEN ${last} THEN 'dead' ELSE 'pending' END`,
      lockedUntil: null,
      lastError: 'Batas waktu pengerjaan habis (proses pekerja berhenti di tengah jalan).',
      finishedAt: sql`CASE WHEN ${last} THEN now() END`,
    }).where(and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`))).returning({ id: jobs.id });
    return rows.length;
  },

  /** Claims up to `limit` due jobs for this worker: marks them running, counts the attempt, sets the lease. */
  async claimDueJobs(db: Db, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
    const due = db.select({ id: jobs.id }).from(jobs)
      .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, sql`now()`)))
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    return db.update(jobs)
      .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: fromNow(leaseMs) })
      .where(inArray(jobs.id, due))
      .returning({ id: jobs.id, name: jobs.name, payload: jobs.payload, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts });
  },

  /** Extends the lease of a job this worker still holds. */
  async extendLease(db: Db, id: number, attempt: number, leaseMs: number): Promise<void> {
    await db.update(jobs).set({ lockedUntil: fromNow(leaseMs) }).where(heldBy(id, attempt));
  },

  async markDone(db: Db, id: number, attempt: number): Promise<void> {
    await db.update(jobs).set({ status: 'done', lockedUntil: null, finishedAt: sql`now()` }).where(heldBy(id, attempt));
  },

  /** Records a failed attempt: back to pending after `retryDelayMs`, or dead when attempts are used up (or `final`). */
  async markFailed(db: Db, id: number, attempt: number, error: string, retryDelayMs: number, final = false): Promise<void> {
    const dead = final ? sql`true` : sql`${jobs.attempts} >= ${jobs.maxAttempts}`;
    await db.update(jobs).set({
      status: sql`CASE WHEN ${dead} THEN 'dead' ELSE 'pending' END`,
      runAt: sql`CASE WHEN ${dead} THEN ${jobs.runAt} ELSE ${fromNow(retryDelayMs)} END`,
      finishedAt: sql`CASE WHEN ${dead} THEN now() END`,
      lockedUntil: null,
      lastError: error,
    }).where(heldBy(id, attempt));
  },

  async listJobs(db: Db, status: JobStatus | undefined, limit: number, offset: number): Promise<JobRow[]> {
    return db.select().from(jobs).where(status ? eq(jobs.status, status) : undefined)
      .orderBy(desc(jobs.id)).limit(limit).offset(offset);
  },

  async countJobs(db: Db, status: JobStatus | undefined): Promise<number> {
    const [row] = await db.select({ n: count() }).from(jobs).where(status ? eq(jobs.status, status) : undefined);
    return Number(row?.n ?? 0);
  },

  async findJob(db: Db, id: number): Promise<JobRow | null> {
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    return row ?? null;
  },

  /** Gives a dead job a fresh set of attempts, due now; null when the job is not dead. */
  async reviveDeadJob(db: Db, id: number): Promise<JobRow | null> {
    const [row] = await db.update(jobs)
      .set({ status: 'pending', attempts: 0, runAt: sql`now()`, lockedUntil: null, finishedAt: null })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'dead')))
      .returning();
    return row ?? null;
  },

  /** Deletes finished jobs and delivered events older than `before`; dead jobs stay for inspection. */
  async pruneFinished(db: Db, before: Date): Promise<{ jobs: number; events: number }> {
    const doneJobs = await db.delete(jobs).where(and(eq(jobs.status, 'done'), lt(jobs.finishedAt, before))).returning({ id: jobs.id });
    const oldEvents = await db.delete(outboxEvents).where(lt(outboxEvents.dispatchedAt, before)).returning({ id: outboxEvents.id });
    return { jobs: doneJobs.length, events: oldEvents.length };
  },
};
