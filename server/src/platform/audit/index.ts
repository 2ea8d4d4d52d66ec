import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { Actor } from '../http/actor.js';
import { auditLog } from './audit.tables.js';

export { auditLog } from './audit.tables.js';

/** What a module records about a change to an official record. */
export interface AuditEntry {
  actor: Actor | { label: string; userId?: string | null };
  /** Verb in `<entity>.<verb>` form, e.g. `user.created`, `letter.signed`. */
  action: string;
  entityType: string;
  entityId: string;
  /** What changed; never secrets (no password hashes, no tokens). */
  data?: Record<string, unknown>;
  requestId?: string | null;
}

/** The hash the chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

// Appends are serialised on this advisory lock (held to commit), so the chain has no forks.
const AUDIT_LOCK_KEY = 3328_0002;

/** JSON with object keys sorted at every level: jsonb reorders keys, so the hash must not depend on order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

interface HashedFields {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  requestId: string | null;
}

function entryHash(prevHash: string, row: HashedFields): string {
  const body = canonical({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one entry to the audit log inside the caller's transaction, chained to the previous
 * entry. Call it in the same transaction as the change, so the record and its audit commit together.
 */
export async function appendAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const actor = entry.actor;
  const fields: HashedFields = {
    at: new Date(),
    actorId: 'kind' in actor ? actor.userId : (actor.userId ?? null),
    actorLabel: 'kind' in actor ? (actor.username ?? actor.kind) : actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data ?? {},
    requestId: entry.requestId ?? null,
  };
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: entryHash(prevHash, fields) });
}

/** Result of checking the chain: how many entries were read, and the first broken one if any. */
export interface AuditVerification {
  checked: number;
  firstBroken: { id: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' } | null;
}

/** Walks the whole chain in id order, in pages, and names the first entry that does not verify. */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
): Promise<AuditVerification> {
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog);
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(1000);
    if (page.length === 0) break;
    for (const row of page) {
      if (row.prevHash !== prevHash) return { checked, firstBroken: { id: row.id, reason: 'prev_hash_mismatch' } };
      const expected = entryHash(prevHash, {
        at: row.at, actorId: row.actorId, actorLabel: row.actorLabel, action: row.action,
        entityType: row.entityType, entityId: row.entityId, data: row.data, requestId: row.requestId,
      });
      if (row.hash !== expected) return { checked, firstBroken: { id: row.id, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
    onProgress?.(checked, total);
  }
  return { checked, firstBroken: null };
}
