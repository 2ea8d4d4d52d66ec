import type { Db } from '../db/index.js';
import { AppError, ValidationError } from '../errors.js';
import { detectMediaType } from './files.detect.js';
import { filesRepo } from './files.repo.js';
import { sha256Hex } from './files.sigv4.js';
import type { BlobInfo, BlobStore, PutOptions } from './index.js';

/** Where the bytes go: a directory or a bucket. Writes must never expose a partly written object. */
export interface ObjectStorage {
  write(key: string, content: Uint8Array, mediaType: string): Promise<void>;
  read(key: string): Promise<Uint8Array | null>;
  exists(key: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** `ab/cd/abcd…`: two levels of fan-out keep directories (and bucket listings) small. */
export function blobKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/gif': 'GIF',
  'text/csv': 'CSV', 'text/plain': 'teks biasa', 'application/json': 'JSON', 'application/geo+json': 'GeoJSON',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/zip': 'ZIP', 'application/octet-stream': 'tidak dikenal',
};
const typeName = (mediaType: string): string => TYPE_NAMES[mediaType] ?? mediaType;

function formatSize(bytes: number): string {
  const n = (v: number) => v.toLocaleString('id-ID', { maximumFractionDigits: 1 });
  if (bytes >= 1_048_576) return `${n(bytes / 1_048_576)} MB`;
  if (bytes >= 1024) return `${n(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

/**
 * The blob store over any object storage: limits and type checks first, then the bytes, then the
 * `blobs` row, so a recorded blob always has its content (a crash in between leaves only an
 * unreferenced object, which the next upload of the same content reuses).
 */
export function createContentStore(storage: ObjectStorage, db: Db): BlobStore {
  return {
    async put(content: Uint8Array, options: PutOptions): Promise<BlobInfo> {
      if (content.byteLength === 0) throw new ValidationError('Berkas kosong; pilih berkas yang berisi.', undefined, 'empty_file');
      if (content.byteLength > options.maxBytes) {
        throw new AppError(413, 'payload_too_large',
          `Berkas berukuran ${formatSize(content.byteLength)}, melebihi batas ${formatSize(options.maxBytes)}.`,
          { sizeBytes: content.byteLength, maxBytes: options.maxBytes });
      }
      const mediaType = await detectMediaType(content, options.declaredType);
      if (!options.allowedTypes.includes(mediaType)) {
        throw new AppError(415, 'unsupported_file_type',
          `Jenis berkas ${typeName(mediaType)} tidak diterima di sini; yang diterima: ${options.allowedTypes.map(typeName).join(', ')}.`,
          { detectedType: mediaType, allowedTypes: [...options.allowedTypes] });
      }
      const sha256 = sha256Hex(content);
      const key = blobKey(sha256);
      if (!(await storage.exists(key))) await storage.write(key, content, mediaType);
      await filesRepo.insertOnce(db, { sha256, sizeBytes: content.byteLength, mediaType });
      // The type validated for this upload; identical bytes recorded earlier keep their first record.
      return { sha256, sizeBytes: content.byteLength, mediaType };
    },

    async get(sha256: string) {
      if (!SHA256.test(sha256)) return null;
      const row = await filesRepo.find(db, sha256);
      if (!row) return null;
      const content = await storage.read(blobKey(sha256));
      if (!content) throw new Error(`blob ${sha256} is recorded but its content is missing from storage`);
      if (sha256Hex(content) !== sha256) throw new Error(`blob ${sha256} is corrupted in storage (content hash differs)`);
      return { info: { sha256, sizeBytes: row.sizeBytes, mediaType: row.mediaType }, content };
    },

    async has(sha256: string): Promise<boolean> {
      return SHA256.test(sha256) && (await filesRepo.find(db, sha256)) !== null;
    },
  };
}
