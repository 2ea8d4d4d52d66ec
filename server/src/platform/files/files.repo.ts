import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { blobs } from './files.tables.js';

export type BlobRow = typeof blobs.$inferSelect;

/** Data access for blob records; the bytes live in the object storage. */
export const filesRepo = {
  /** Records a blob; identical content is already recorded, and the first record stands. */
  async insertOnce(db: Db, row: { sha256: string; sizeBytes: number; mediaType: string }): Promise<BlobRow> {
    await db.insert(blobs).values(row).onConflictDoNothing({ target: blobs.sha256 });
    const stored = await filesRepo.find(db, row.sha256);
    if (!stored) throw new Error(`blob ${row.sha256} vanished right after it was recorded`);
    return stored;
  },

  async find(db: Db, sha256: string): Promise<BlobRow | null> {
    const [row] = await db.select().from(blobs).where(eq(blobs.sha256, sha256));
    return row ?? null;
  },
};
