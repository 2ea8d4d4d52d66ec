import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

// Reading untrusted input without letting its size decide how much memory or CPU time one request
// takes: a byte cap enforced while the bytes arrive, and a way for long parsing loops to let other
// requests (and the health check) run between slices of work.

/** Bytes as they come from a Node stream, a web stream or a generator. */
export type ByteSource = AsyncIterable<Uint8Array>;

/** A chunk as a Buffer, without copying. */
export function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Passes a stream's chunks through, throwing `tooLarge()` as soon as more than `maxBytes` have
 * arrived. Leaving a `for await` loop destroys the stream, so the rest of an upload is never read.
 */
export async function* capped(stream: ByteSource, maxBytes: number, tooLarge: () => Error): AsyncGenerator<Buffer> {
  let sizeBytes = 0;
  for await (const chunk of stream) {
    sizeBytes += chunk.byteLength;
    if (sizeBytes > maxBytes) throw tooLarge();
    yield asBuffer(chunk);
  }
}

/**
 * Reads a stream into one buffer, throwing `tooLarge()` as soon as more than `maxBytes` have
 * arrived, so an oversized or endless upload never sits in memory beyond the cap. For files, prefer
 * the blob store's streaming `put`, which never holds the whole file.
 */
export async function readCapped(stream: ByteSource, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let sizeBytes = 0;
  for await (const chunk of capped(stream, maxBytes, tooLarge)) {
    sizeBytes += chunk.byteLength;
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks, sizeBytes);
  chunks.length = 0;
  return bytes;
}

/** An upload received into a temporary file; `remove()` deletes it (safe to call twice). */
export interface TempFile {
  path: string;
  sizeBytes: number;
  sha256: string;
  remove(): Promise<void>;
}

/**
 * Writes a stream to a new temporary file (in `dir`, default the system's), hashing it and throwing
 * `tooLarge()` on the first byte over `maxBytes`; the file is removed on any failure. Memory holds
 * one chunk at a time, however slowly the upload arrives. For files to keep, use the blob store's `put`.
 */
export async function spoolCapped(stream: ByteSource, maxBytes: number, tooLarge: () => Error, dir = os.tmpdir()): Promise<TempFile> {
  const file = path.join(dir, `.upload-${randomBytes(8).toString('hex')}.tmp`);
  const remove = () => fs.rm(file, { force: true });
  const handle = await fs.open(file, 'wx');
  const hash = createHash('sha256');
  let sizeBytes = 0;
  try {
    for await (const chunk of capped(stream, maxBytes, tooLarge)) {
      sizeBytes += chunk.byteLength;
      hash.update(chunk);
      await handle.write(chunk);
    }
  } catch (err) {
    await remove();
    throw err;
  } finally {
    await handle.close();
  }
  return { path: file, sizeBytes, sha256: hash.digest('hex'), remove };
}

/**
 * A pause point for long synchronous work: the returned function resolves at once until `sliceMs`
 * of work have passed since the last pause, then waits one event-loop turn. Call it between chunks.
 */
export function timeSlicer(sliceMs = 20): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}
