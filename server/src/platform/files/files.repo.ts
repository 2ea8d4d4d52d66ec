import { and, eq, inArray, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { blobRefs, blobs } from './files.tables.js';

export type BlobRow = typeof blobs.$inferSelect;

/** The moment before which an unreferenced blob may go. */
const cutoff = (graceMs: number) => sql`now() - (${graceMs}::double precision * interval '1 millisecond')`;

const unreferenced = (db: Db) =>
  notExists(db.select({ one: sql`1` }).from(blobRefs).where(eq(blobRefs.sha256, blobs.sha256)));

/** Data access for blob records and their references; the bytes live in the object storage. */
export const filesRepo = {
  /**
   * Records a blob, or touches the existing record (`released_at = now()`), holding its row lock
   * until `tx` ends; `inserted` tells which. Identical content recorded earlier keeps its first type.
   */
  async claim(tx: Db, row: { sha256: string; sizeBytes: number; mediaType: string }): Promise<{ inserted: boolean }> {
    const [result] = await tx.insert(blobs).values(row)
      .onConflictDoUpdate({ target: blobs.sha256, set: { releasedAt: sql`now()` } })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    return { inserted: result?.inserted === true };
  },

  async find(db: Db, sha256: string): Promise<BlobRow | null> {
    const [row] = await db.select().from(blobs).where(eq(blobs.sha256, sha256));
    return row ?? null;
  },

  async addRef(tx: Db, sha256: string, ownerKind: string, ownerId: string): Promise<void> {
    await tx.insert(blobRefs).values({ sha256, ownerKind, ownerId }).onConflictDoNothing();
  },

  /** Drops an owner's references (all, or to one blob); the blobs let go start their grace period now. */
  async dropRefs(tx: Db, ownerKind: string, ownerId: string, sha256?: string): Promise<string[]> {
    const dropped = await tx.delete(blobRefs)
      .where(and(eq(blobRefs.ownerKind, ownerKind), eq(blobRefs.ownerId, ownerId), sha256 ? eq(blobRefs.sha256, sha256) : undefined))
      .returning({ sha256: blobRefs.sha256 });
    const hashes = [...new Set(dropped.map((d) => d.sha256))];
    if (hashes.length > 0) await tx.update(blobs).set({ releasedAt: sql`now()` }).where(inArray(blobs.sha256, hashes));
    return hashes;
  },

  async refsOf(db: Db, ownerKind: string, ownerId: string): Promise<string[]> {
    const rows = await db.select({ sha256: blobRefs.sha256 }).from(blobRefs)
      .where(and(eq(blobRefs.ownerKind, ownerKind), eq(blobRefs.ownerId, ownerId)));
    return rows.map((r) => r.sha256);
  },

  /** Blobs without references since before the grace period: candidates, re-checked one by one. */
  async orphans(db: Db, graceMs: number, limit: number): Promise<string[]> {
    const rows = await db.select({ sha256: blobs.sha256 }).from(blobs)
      .where(and(lte(blobs.releasedAt, cutoff(graceMs)), unreferenced(db)))
      .orderBy(blobs.releasedAt).limit(limit);
    return rows.map((r) => r.sha256);
  },

  /**
   * Deletes the record if it is still an orphan, re-checked under its row lock: an upload that
   * touched it, or a reference added meanwhile, keeps it. True when deleted (the lock is held until `tx` ends).
   */
  async deleteOrphan(tx: Db, sha256: string, graceMs: number): Promise<boolean> {
    const deleted = await tx.delete(blobs)
      .where(and(eq(blobs.sha256, sha256), lte(blobs.releasedAt, cutoff(graceMs)), unreferenced(tx)))
      .returning({ sha256: blobs.sha256 });
    return deleted.length > 0;
  },
};
