import { appendAudit } from '../audit/index.js';
import { inTransaction, type Db } from '../db/index.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Actor } from '../http/actor.js';
import { eventsRepo, type JobRow } from './events.repo.js';
import type { JobPage, JobStatus, JobView } from './events.schema.js';

const STATUS_LABEL: Record<JobStatus, string> = {
  pending: 'menunggu',
  running: 'sedang dikerjakan',
  done: 'selesai',
  dead: 'gagal permanen',
};

function presentJob(row: JobRow): JobView {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt.toISOString(),
    lastError: row.lastError,
    dedupeKey: row.dedupeKey,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Operator use cases on the job queue: see what is queued or dead, and give a dead job another go.
 * Callers gate these behind `jobs:manage` (the route) or console access (the CLI).
 */
export function createJobAdmin(db: Db) {
  return {
    /** One page of jobs, newest first, optionally of one status. */
    async list(query: { status?: JobStatus; page?: number; pageSize?: number }): Promise<JobPage> {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const rows = await eventsRepo.listJobs(db, query.status, pageSize, (page - 1) * pageSize);
      const total = await eventsRepo.countJobs(db, query.status);
      return { items: rows.map(presentJob), total, page, pageSize };
    },

    /** Puts a dead job back in the queue with fresh attempts; recorded in the audit log. */
    async retry(actor: Actor, id: number, requestId?: string): Promise<JobView> {
      const row = await inTransaction(db, async (tx) => {
        const revived = await eventsRepo.reviveDeadJob(tx, id);
        if (!revived) {
          const existing = await eventsRepo.findJob(tx, id);
          if (!existing) throw new NotFoundError(`Pekerjaan #${id}`);
          throw new ConflictError('job_not_dead',
            `Pekerjaan #${id} berstatus ${STATUS_LABEL[existing.status]}; hanya pekerjaan yang gagal permanen yang dapat diulang.`,
            { status: existing.status });
        }
        await appendAudit(tx, {
          actor, action: 'job.retried', entityType: 'job', entityId: String(id),
          data: { name: revived.name, lastError: revived.lastError }, requestId: requestId ?? null,
        });
        return revived;
      });
      return presentJob(row);
    },
  };
}

export type JobAdmin = ReturnType<typeof createJobAdmin>;
