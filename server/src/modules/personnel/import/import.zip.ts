import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ImportFileError } from './import.limits.js';

// The ZIP container of an XLSX, read from the uploaded bytes: the central directory says where
// each part is, and a part is inflated as a stream of small chunks, counted against one budget for
// the whole file. Nothing is inflated whole, so a part that expands to gigabytes costs no more
// memory than one chunk before the budget stops it.

/** A ZIP entry as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** Declared uncompressed size; 0xffffffff for ZIP64, which no spreadsheet this size needs. */
  size: number;
  compressedSize: number;
  method: number;
  localOffset: number;
}

const CHUNK_BYTES = 64 * 1024;

/** The file is a ZIP but its parts are not where or what its directory says. */
export const brokenZip = (): ImportFileError =>
  new ImportFileError('file_format', 'Berkas XLSX rusak (isinya tidak sesuai daftar isinya). Simpan ulang dari Excel.');

/** Lists a ZIP's entries from its central directory without inflating anything; null when there is none. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEnd = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= minEnd; i--) {
    if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      name: Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** Inflated bytes counted across the parts of one file: what a small ZIP may expand to in all. */
export class InflateBudget {
  usedBytes = 0;

  constructor(readonly maxBytes: number, private readonly tooLarge: () => Error) {}

  spend(bytes: number): void {
    this.usedBytes += bytes;
    if (this.usedBytes > this.maxBytes) throw this.tooLarge();
  }
}

function* slices(data: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < data.length; i += CHUNK_BYTES) yield data.subarray(i, i + CHUNK_BYTES);
}

/**
 * The content of one entry in chunks of at most 64 KB, each counted against `budget` before it is
 * handed on. An entry that inflates to more than it declares (or fails to inflate) is a broken
 * file. Stopping the iteration early stops the inflation.
 */
export async function* entryChunks(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): AsyncGenerator<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw brokenZip();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw brokenZip();
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw brokenZip();
    for (const chunk of slices(data)) {
      budget.spend(chunk.length);
      yield chunk;
    }
    return;
  }
  if (entry.method !== 8) throw brokenZip();
  const source = Readable.from(slices(data), { objectMode: false });
  const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES });
  source.pipe(inflate);
  let producedBytes = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      producedBytes += chunk.length;
      // The declared size is also what the early size check summed: more is a crafted entry.
      if (producedBytes > entry.size) throw brokenZip();
      budget.spend(chunk.length);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw brokenZip(); // a zlib error: the data is not deflate
  } finally {
    source.destroy();
    inflate.destroy();
  }
  if (producedBytes !== entry.size) throw brokenZip();
}
