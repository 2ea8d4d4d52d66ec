import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { createLocalStorage } from './files.local.js';
import { createS3Storage } from './files.s3.js';
import { createContentStore } from './files.store.js';

export { blobs } from './files.tables.js';
export { detectMediaType } from './files.detect.js';

/** What the blob store knows about a stored file. */
export interface BlobInfo {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

/** Limits a caller sets on one upload. */
export interface PutOptions {
  /** Larger content is refused with 413 `payload_too_large`. */
  maxBytes: number;
  /**
   * Media types accepted, detected from the content (e.g. `image/png`, `application/pdf`, `text/csv`);
   * anything else is refused with 415 `unsupported_file_type`.
   */
  allowedTypes: readonly string[];
  /**
   * The type the uploader declared (a multipart part's Content-Type, or what the endpoint expects).
   * Only consulted for textual types (`text/csv`, `application/json`…), which have no magic number,
   * and only when the content really is UTF-8 text; it can never relabel binary content.
   */
  declaredType?: string;
}

/**
 * Content-addressed file storage: a local directory by default, an S3-compatible bucket in
 * production. Files are named by the SHA-256 of their bytes, so storing the same content twice
 * keeps one copy. Call `put` before the transaction that references the blob, never inside it.
 */
export interface BlobStore {
  /** Checks size and type (by content, never by file name), stores the bytes once, returns their identity. */
  put(content: Uint8Array, options: PutOptions): Promise<BlobInfo>;
  /** The blob and its bytes, or null when no such blob was stored. */
  get(sha256: string): Promise<{ info: BlobInfo; content: Uint8Array } | null>;
  /** True when a blob with this hash is stored. */
  has(sha256: string): Promise<boolean>;
}

/** Creates the blob store the configuration names: `local` (a directory) or `s3` (a bucket). */
export function createBlobStore(config: Config['blobs'], db: Db): BlobStore {
  const storage = config.kind === 's3' ? createS3Storage(config) : createLocalStorage(config.dir);
  return createContentStore(storage, db);
}
