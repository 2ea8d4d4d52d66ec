import type { Config } from '../config.js';
import type { Db } from '../db/index.js';

export { blobs } from './files.tables.js';

/** What the blob store knows about a stored file. */
export interface BlobInfo {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

/** Limits a caller sets on one upload. */
export interface PutOptions {
  maxBytes: number;
  /** Media types accepted, detected from the content (e.g. `image/png`, `application/pdf`, `text/csv`). */
  allowedTypes: readonly string[];
}

/** Content-addressed file storage: a local directory by default, an S3-compatible bucket in production. */
export interface BlobStore {
  put(content: Uint8Array, options: PutOptions): Promise<BlobInfo>;
  get(sha256: string): Promise<{ info: BlobInfo; content: Uint8Array } | null>;
  has(sha256: string): Promise<boolean>;
}

/** Placeholder replaced by the real store. */
export function createBlobStore(_config: Config['blobs'], _db: Db): BlobStore {
  const missing = async (): Promise<never> => { throw new Error('blob store not implemented'); };
  return { put: missing, get: missing, has: missing };
}
