import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.js';
import { localStoreApp, PDF_MINIMAL, PNG_1PX } from './files.test-fixtures.js';
import type { BlobStore } from './index.js';

let t: TestApp;
let store: BlobStore;
let dir: string;
beforeAll(async () => {
  ({ t, store, dir } = await localStoreApp());
});
afterAll(() => t.close());

const MB = 1_048_576;
const PDFS = { maxBytes: 8 * MB, allowedTypes: ['application/pdf'] };
const CSV = { maxBytes: 8 * MB, allowedTypes: ['text/csv'], declaredType: 'text/csv' };
const spooled = () => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** `count` chunks of 64 KB after `first`, counting how many the reader pulled. */
function source(first: Buffer, count: number, fill = 0x20) {
  const pulled = { chunks: 0 };
  const hash = createHash('sha256').update(first);
  const chunk = Buffer.alloc(64 * 1024, fill);
  async function* gen() {
    pulled.chunks++;
    yield first;
    for (let i = 0; i < count; i++) {
      pulled.chunks++;
      yield chunk;
    }
  }
  for (let i = 0; i < count; i++) hash.update(chunk);
  return { stream: gen(), pulled, sha256: hash.digest('hex'), sizeBytes: first.length + count * chunk.length };
}

describe('streaming blob store', () => {
  it('stores a stream of several megabytes, hashing it on the way, and reads it back as a stream', async () => {
    const src = source(PDF_MINIMAL, 60);
    const info = await store.put(Readable.from(src.stream), PDFS);
    expect(info).toEqual({ sha256: src.sha256, sizeBytes: src.sizeBytes, mediaType: 'application/pdf' });
    const opened = await store.open(info.sha256);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of opened!.stream) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    expect({ sha256: hash.digest('hex'), size }).toEqual({ sha256: src.sha256, size: src.sizeBytes });
    expect(spooled()).toEqual([]);
  });

  it('reads a byte range of a stored blob', async () => {
    const content = Buffer.concat([PDF_MINIMAL, Buffer.from('0123456789')]);
    const { sha256 } = await store.put(content, PDFS);
    const opened = await store.open(sha256, { start: content.length - 10, end: content.length - 6 });
    const chunks: Buffer[] = [];
    for await (const c of opened!.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('01234');
    await expect(store.open(sha256, { start: 0, end: content.length })).rejects.toThrow(RangeError);
  });

  it('stops reading on the first chunk over the limit, answers 413 and keeps nothing', async () => {
    const src = source(PDF_MINIMAL, 10_000); // 640 MB if it were read to the end
    await expect(store.put(src.stream, { ...PDFS, maxBytes: MB })).rejects.toMatchObject({
      status: 413, code: 'payload_too_large', details: { maxBytes: MB },
    });
    expect(src.pulled.chunks).toBeLessThanOrEqual(18);
    expect(await store.has(src.sha256)).toBe(false);
    expect(spooled()).toEqual([]);
  });

  it('refuses a disallowed type from its first 64 KB, without reading the rest', async () => {
    const src = source(PNG_1PX, 1000);
    await expect(store.put(src.stream, PDFS)).rejects.toMatchObject({ status: 415, details: { detectedType: 'image/png' } });
    expect(src.pulled.chunks).toBeLessThanOrEqual(3);
    expect(spooled()).toEqual([]);
  });

  it('refuses declared text that turns binary after its first 64 KB', async () => {
    const header = Buffer.from('kecamatan,jumlah\n');
    async function* csv() {
      yield header;
      for (let i = 0; i < 5; i++) yield Buffer.from('Slawi,42\n'.repeat(8000));
      yield Buffer.from([0xb1, 0x0a]); // Latin-1 "±": not UTF-8
    }
    await expect(store.put(csv(), CSV)).rejects.toMatchObject({ status: 415, details: { detectedType: 'application/octet-stream' } });
    async function* good() {
      yield header;
      // A multi-byte character split between two chunks is still text.
      const plusMinus = Buffer.from('±');
      yield Buffer.concat([Buffer.from('Talang,12\n'.repeat(7000)), plusMinus.subarray(0, 1)]);
      yield Buffer.concat([plusMinus.subarray(1), Buffer.from('\n')]);
    }
    expect((await store.put(good(), CSV)).mediaType).toBe('text/csv');
    expect(spooled()).toEqual([]);
  });

  it('refuses an empty stream', async () => {
    await expect(store.put(Readable.from([]), PDFS)).rejects.toMatchObject({ status: 400, code: 'empty_file' });
  });
});
