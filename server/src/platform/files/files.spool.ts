import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, ValidationError } from '../errors.js';
import { asBuffer, capped, type ByteSource } from '../streams.js';
import { judgeMediaType, SNIFF_BYTES, TextCheck, type Judged } from './files.detect.js';
import type { PutOptions } from './index.js';

// An upload on its way into the store: read once, as it arrives, into a temporary file, while its
// size is counted against the limit, its type judged from the first bytes and its SHA-256 computed.
// Nothing is in memory beyond one chunk and the first SNIFF_BYTES.

/** A complete, checked upload in a temporary file; the caller stores it, then removes the file. */
export interface Spooled {
  path: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

/** Temporary files of uploads: `.upload-<random>.tmp`, so a sweep can recognise leftovers of a crash. */
export const SPOOL_FILE = /^\.upload-[0-9a-f]{16}\.tmp$/;

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

/** 413 for content over the limit; `sizeBytes` when known (bytes in memory), else "more than". */
export function tooLarge(maxBytes: number, sizeBytes?: number): AppError {
  const what = sizeBytes === undefined ? 'Berkas' : `Berkas berukuran ${formatSize(sizeBytes)},`;
  return new AppError(413, 'payload_too_large', `${what} melebihi batas ${formatSize(maxBytes)}.`,
    sizeBytes === undefined ? { maxBytes } : { sizeBytes, maxBytes });
}

function unsupported(mediaType: string, allowedTypes: readonly string[]): AppError {
  return new AppError(415, 'unsupported_file_type',
    `Jenis berkas ${typeName(mediaType)} tidak diterima di sini; yang diterima: ${allowedTypes.map(typeName).join(', ')}.`,
    { detectedType: mediaType, allowedTypes: [...allowedTypes] });
}

const emptyFile = () => new ValidationError('Berkas kosong; pilih berkas yang berisi.', undefined, 'empty_file');

/** Judges the head and refuses a type the caller does not accept, before the rest is read. */
async function judge(head: Buffer[], text: TextCheck, options: PutOptions): Promise<Judged> {
  const judged = await judgeMediaType(Buffer.concat(head), text.ok, options.declaredType);
  if (!options.allowedTypes.includes(judged.mediaType)) throw unsupported(judged.mediaType, options.allowedTypes);
  return judged;
}

/** Writes the chunks after the checks, hashing them; returns size, hash and type. */
async function spoolInto(file: fs.FileHandle, source: ByteSource, options: PutOptions): Promise<Omit<Spooled, 'path'>> {
  const hash = createHash('sha256');
  const text = new TextCheck();
  const head: Buffer[] = [];
  let sizeBytes = 0;
  let judged: Judged | null = null;
  for await (const chunk of capped(source, options.maxBytes, () => tooLarge(options.maxBytes))) {
    sizeBytes += chunk.byteLength;
    hash.update(chunk);
    if (!judged || judged.byText) text.push(chunk);
    if (judged) {
      // Judged as text by its head, so all of it must be text: else it is binary after all.
      if (judged.byText && !text.ok) throw unsupported('application/octet-stream', options.allowedTypes);
      await file.write(chunk);
      continue;
    }
    head.push(chunk);
    if (sizeBytes < SNIFF_BYTES) continue;
    judged = await judge(head, text, options);
    for (const part of head) await file.write(part);
    head.length = 0;
  }
  if (sizeBytes === 0) throw emptyFile();
  text.end();
  if (!judged) {
    judged = await judge(head, text, options);
    for (const part of head) await file.write(part);
  } else if (judged.byText && !text.ok) {
    throw unsupported('application/octet-stream', options.allowedTypes);
  }
  return { sha256: hash.digest('hex'), sizeBytes, mediaType: judged.mediaType };
}

/**
 * Reads `source` into a new temporary file in `dir`, refusing it (and removing the file) on the
 * first byte over `maxBytes`, or as soon as its first bytes show a type not allowed. The file is
 * flushed to disk before this returns, so it can be linked or renamed into place as it is.
 */
export async function spool(source: ByteSource | Uint8Array, options: PutOptions, dir: string): Promise<Spooled> {
  if (source instanceof Uint8Array) {
    // Bytes already in memory: the exact size is known, so the refusal can say it.
    if (source.byteLength === 0) throw emptyFile();
    if (source.byteLength > options.maxBytes) throw tooLarge(options.maxBytes, source.byteLength);
    const bytes = asBuffer(source);
    source = (async function* () { yield bytes; })();
  }
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `.upload-${randomBytes(8).toString('hex')}.tmp`);
  const handle = await fs.open(file, 'wx');
  try {
    const result = await spoolInto(handle, source, options);
    await handle.sync();
    return { path: file, ...result };
  } catch (err) {
    await fs.rm(file, { force: true });
    throw err;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
