import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../db/index.js';
import { filesRepo } from './files.repo.js';
import { spool, SPOOL_FILE, type Spooled } from './files.spool.js';
import type { BlobInfo, BlobOwner, BlobStore, ByteRange } from './index.js';

/** Where the bytes go: a directory or a bucket. Writes must never expose a partly written object. */
export interface ObjectStorage {
  /** Where uploads are spooled while they arrive (for a directory: inside it, so linking is atomic). */
  readonly spoolDir: string;
  /** Stores a complete spooled upload under `key`, leaving the spooled file in place. */
  store(spooled: Spooled, key: string): Promise<void>;
  /** The object (or the inclusive range of it) as a stream; null when it is not there. */
  open(key: string, sizeBytes: number, range?: ByteRange): Promise<Readable | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; absent is fine. */
  remove(key: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const OWNER_KIND = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
/** Orphans removed per sweep run; the next run takes the rest. */
const SWEEP_BATCH = 500;
/** Spooled files this old belong to a process that died mid-upload. */
const STALE_SPOOL_MS = 24 * 3_600_000;

/** `ab/cd/abcd…`: two levels of fan-out keep directories (and bucket listings) small. */
export function blobKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

function ownerOf(owner: BlobOwner): { kind: string; id: string } {
  if (!OWNER_KIND.test(owner.kind)) throw new Error(`blob owner kind "${owner.kind}" is not <module>.<what>`);
  return { kind: owner.kind, id: String(owner.id) };
}

/** Removes upload leftovers of crashed processes from the spool directory. */
async function sweepSpool(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => SPOOL_FILE.test(n))) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > STALE_SPOOL_MS) await fs.rm(file, { force: true });
  }
}

/**
 * The blob store over any object storage. An upload is spooled and checked, stored under its hash
 * (skipped when already there), then claimed: its row is inserted or touched under the row lock. The
 * sweeper deletes an orphan's row and object under that same lock, so the two cannot interleave: a
 * claim after a sweep finds no row and stores the object again; a sweep after a claim sees a fresh
 * `released_at` and keeps it. The slow part (an upload to a bucket) happens outside any transaction.
 */
export function createContentStore(storage: ObjectStorage, db: Db, settings: { graceMs: number }): BlobStore {
  async function stat(sha256: string): Promise<BlobInfo | null> {
    if (!SHA256.test(sha256)) return null;
    const row = await filesRepo.find(db, sha256);
    return row ? { sha256, sizeBytes: row.sizeBytes, mediaType: row.mediaType } : null;
  }

  async function open(sha256: string, range?: ByteRange) {
    const info = await stat(sha256);
    if (!info) return null;
    if (range && !(range.start >= 0 && range.start <= range.end && range.end < info.sizeBytes)) {
      throw new RangeError(`range ${range.start}-${range.end} is outside blob ${sha256} (${info.sizeBytes} bytes)`);
    }
    const stream = await storage.open(blobKey(sha256), info.sizeBytes, range);
    if (!stream) throw new Error(`blob ${sha256} is recorded but its content is missing from storage`);
    return { info, stream };
  }

  return {
    async put(source, options) {
      const spooled = await spool(source, options, storage.spoolDir);
      try {
        const { sha256, sizeBytes, mediaType } = spooled;
        const key = blobKey(sha256);
        if (!(await storage.exists(key))) await storage.store(spooled, key);
        await db.transaction(async (tx) => {
          const { inserted } = await filesRepo.claim(tx, { sha256, sizeBytes, mediaType });
          // A new row may mean a sweep removed the object since we looked: put it back under the lock.
          if (inserted && !(await storage.exists(key))) await storage.store(spooled, key);
        });
        // The type validated for this upload; identical bytes recorded earlier keep their first record.
        return { sha256, sizeBytes, mediaType };
      } finally {
        await fs.rm(spooled.path, { force: true });
      }
    },

    stat,
    open,

    async read(sha256) {
      const opened = await open(sha256);
      if (!opened) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
      return { info: opened.info, content: Buffer.concat(chunks) };
    },

    async has(sha256) {
      return (await stat(sha256)) !== null;
    },

    async attach(tx, sha256, owner) {
      const { kind, id } = ownerOf(owner);
      if (!SHA256.test(sha256) || !(await filesRepo.find(tx, sha256))) throw new Error(`blob ${sha256} is not stored; put it before attaching`);
      await filesRepo.addRef(tx, sha256, kind, id);
    },

    async detach(tx, owner, sha256) {
      const { kind, id } = ownerOf(owner);
      await filesRepo.dropRefs(tx, kind, id, sha256);
    },

    async attached(database, owner) {
      const { kind, id } = ownerOf(owner);
      return filesRepo.refsOf(database, kind, id);
    },

    async sweep(options = {}) {
      const graceMs = options.graceMs ?? settings.graceMs;
      let removed = 0;
      for (const sha256 of await filesRepo.orphans(db, graceMs, SWEEP_BATCH)) {
        // Row and object go together under the row lock; if the object cannot be removed, the row stays.
        const gone = await db.transaction(async (tx) => {
          if (!(await filesRepo.deleteOrphan(tx, sha256, graceMs))) return false;
          await storage.remove(blobKey(sha256));
          return true;
        });
        if (gone) removed++;
      }
      await sweepSpool(storage.spoolDir);
      return removed;
    },
  };
}
