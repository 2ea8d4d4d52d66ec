import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import type { ByteSource } from '../streams.js';
import { createLocalStorage } from './files.local.js';
import { createS3Storage } from './files.s3.js';
import { createContentStore } from './files.store.js';

export { blobs, blobRefs } from './files.tables.js';
export { detectMediaType } from './files.detect.js';
export { installBlobCaching, sendBlob, type ServeOptions } from './files.http.js';
export type { ByteSource } from '../streams.js';

/** What the blob store knows about a stored file. */
export interface BlobInfo {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

/** Limits a caller sets on one upload. */
export interface PutOptions {
  /** Larger content is refused with 413 `payload_too_large`, on the first byte too many. */
  maxBytes: number;
  /**
   * Media types accepted, detected from the content (e.g. `image/png`, `application/pdf`, `text/csv`);
   * anything else is refused with 415 `unsupported_file_type`, as soon as the first 64 KB are read.
   */
  allowedTypes: readonly string[];
  /**
   * The type the uploader declared (a multipart part's Content-Type, or what the endpoint expects).
   * Only consulted for textual types (`text/csv`, `application/json`…), which have no magic number,
   * and only when the content really is UTF-8 text; it can never relabel binary content.
   */
  declaredType?: string;
}

/** Inclusive byte positions, as in HTTP's `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A stored blob being read: its identity and a stream of its bytes (or of the range asked for). */
export interface OpenBlob {
  info: BlobInfo;
  stream: Readable;
}

/** The record that uses a blob: `kind` is `<module>.<what>` (`employee.photo`), `id` the record's id. */
export interface BlobOwner {
  kind: string;
  id: string | number;
}

/**
 * Content-addressed file storage: a local directory by default, an S3-compatible bucket in
 * production. Files are named by the SHA-256 of their bytes, so storing the same content twice
 * keeps one copy. `put` streams, outside any transaction; then the record that uses the blob calls
 * `attach` inside its own transaction. A blob nobody attached (the write failed) or everybody
 * detached is removed by the recurring sweep once the grace period (`BLOB_ORPHAN_GRACE_HOURS`) has passed.
 */
export interface BlobStore {
  /**
   * Reads a stream (or bytes already in memory) into the store: size checked while reading, type
   * judged from the first bytes (never the file name), SHA-256 computed on the way. Returns its identity.
   */
  put(source: ByteSource | Uint8Array, options: PutOptions): Promise<BlobInfo>;
  /** The blob's identity, or null when no such blob is stored. */
  stat(sha256: string): Promise<BlobInfo | null>;
  /** The blob as a stream, whole or a validated range of it; null when no such blob is stored. */
  open(sha256: string, range?: ByteRange): Promise<OpenBlob | null>;
  /** The blob's bytes in memory, for small files a caller must hold whole (a PDF to stamp). */
  read(sha256: string): Promise<{ info: BlobInfo; content: Buffer } | null>;
  /** True when a blob with this hash is stored. */
  has(sha256: string): Promise<boolean>;
  /** Records that `owner` uses the blob; call inside the owner's own transaction. */
  attach(tx: Db, sha256: string, owner: BlobOwner): Promise<void>;
  /** Drops the owner's references (all of them, or to one blob), inside the owner's transaction. */
  detach(tx: Db, owner: BlobOwner, sha256?: string): Promise<void>;
  /** The blobs an owner uses. */
  attached(db: Db, owner: BlobOwner): Promise<string[]>;
  /**
   * Removes blobs unreferenced for longer than the grace period (the configured one, or `graceMs`),
   * from storage and table, and upload leftovers of crashed processes. Returns how many blobs went.
   */
  sweep(options?: { graceMs?: number }): Promise<number>;
}

/** Name of the recurring job that runs `sweep`. */
export const SWEEP_JOB = 'platform.sweep-orphan-blobs';

/** Creates the blob store the configuration names: `local` (a directory) or `s3` (a bucket). */
export function createBlobStore(config: Config['blobs'], db: Db, options: { orphanGraceHours?: number } = {}): BlobStore {
  const storage = config.kind === 's3'
    ? createS3Storage(config, path.join(os.tmpdir(), 'tsc-blob-spool'))
    : createLocalStorage(config.dir);
  return createContentStore(storage, db, { graceMs: (options.orphanGraceHours ?? 24) * 3_600_000 });
}
