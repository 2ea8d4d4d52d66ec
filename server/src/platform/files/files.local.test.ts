import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.js';
import { CSV_BMKG, CSV_COMPLAINTS, CSV_LATIN1, localStoreApp, PDF_MINIMAL, PNG_1PX } from './files.test-fixtures.js';
import { blobs, type BlobStore } from './index.js';

let t: TestApp;
let store: BlobStore;
let dir: string;
beforeAll(async () => {
  ({ t, store, dir } = await localStoreApp());
});
afterAll(() => t.close());

const IMAGES = { maxBytes: 1_000_000, allowedTypes: ['image/png', 'image/jpeg'] };
const sha = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const filesUnder = (root: string): string[] => (fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) : [])
  .filter((f) => fs.statSync(path.join(root, f)).isFile());

describe('local blob store', () => {
  it('stores a photo under its SHA-256 in a sharded folder and gives the same bytes back', async () => {
    const info = await store.put(PNG_1PX, IMAGES);
    const hash = sha(PNG_1PX);
    expect(info).toEqual({ sha256: hash, sizeBytes: PNG_1PX.length, mediaType: 'image/png' });
    expect(fs.readFileSync(path.join(dir, hash.slice(0, 2), hash.slice(2, 4), hash))).toEqual(PNG_1PX);
    const got = await store.read(hash);
    expect(got?.info).toEqual(info);
    expect(Buffer.from(got!.content)).toEqual(PNG_1PX);
    expect(await store.has(hash)).toBe(true);
  });

  it('keeps one copy and one record when the same content is uploaded twice', async () => {
    const first = await store.put(PDF_MINIMAL, { maxBytes: 10_000, allowedTypes: ['application/pdf'] });
    const second = await store.put(PDF_MINIMAL, { maxBytes: 10_000, allowedTypes: ['application/pdf'] });
    expect(second).toEqual(first);
    expect(await t.platform.db.select().from(blobs).where(eq(blobs.sha256, first.sha256))).toHaveLength(1);
    expect(filesUnder(dir).filter((f) => f.endsWith(first.sha256))).toHaveLength(1);
  });

  it('refuses content over the size limit with 413 and stores nothing', async () => {
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(2048)]);
    await expect(store.put(big, { ...IMAGES, maxBytes: 1024 })).rejects.toMatchObject({
      status: 413, code: 'payload_too_large', details: { sizeBytes: big.length, maxBytes: 1024 },
    });
    expect(await store.has(sha(big))).toBe(false);
  });

  it('judges the type by the bytes, not by what the uploader claims', async () => {
    await expect(store.put(PDF_MINIMAL, { ...IMAGES, declaredType: 'image/png' })).rejects.toMatchObject({
      status: 415, code: 'unsupported_file_type', details: { detectedType: 'application/pdf' },
    });
    await expect(store.put(PNG_1PX, { maxBytes: 10_000, allowedTypes: ['text/csv'], declaredType: 'text/csv' }))
      .rejects.toMatchObject({ status: 415, details: { detectedType: 'image/png' } });
  });

  it('accepts UTF-8 text as the declared text type, even when it starts like a binary format', async () => {
    const csv = { maxBytes: 10_000, allowedTypes: ['text/csv'], declaredType: 'text/csv; charset=utf-8' };
    expect((await store.put(CSV_COMPLAINTS, csv)).mediaType).toBe('text/csv');
    expect((await store.put(CSV_BMKG, csv)).mediaType).toBe('text/csv');
    const json = await store.put(Buffer.from('{"type":"FeatureCollection","features":[]}'),
      { maxBytes: 10_000, allowedTypes: ['application/geo+json'], declaredType: 'application/geo+json' });
    expect(json.mediaType).toBe('application/geo+json');
  });

  it('refuses text that is not UTF-8, and undeclared text where only CSV is accepted', async () => {
    const csv = { maxBytes: 10_000, allowedTypes: ['text/csv'] };
    await expect(store.put(CSV_LATIN1, { ...csv, declaredType: 'text/csv' })).rejects.toMatchObject({ status: 415 });
    await expect(store.put(Buffer.from('a,b\n1,2\n'), csv)).rejects.toMatchObject({ status: 415, details: { detectedType: 'text/plain' } });
    const random = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256));
    await expect(store.put(random, { ...csv, declaredType: 'text/csv' })).rejects.toMatchObject({
      status: 415, details: { detectedType: 'application/octet-stream' },
    });
  });

  it('refuses an empty file', async () => {
    await expect(store.put(new Uint8Array(0), IMAGES)).rejects.toMatchObject({ status: 400, code: 'empty_file' });
  });

  it('answers null for unknown or malformed hashes, never reading outside its folder', async () => {
    expect(await store.read(sha(Buffer.from('tidak pernah diunggah')))).toBeNull();
    expect(await store.open('../../../etc/passwd')).toBeNull();
    expect(await store.has('ABC')).toBe(false);
  });

  it('leaves no temporary files, and a half-written file from a crash does not spoil a later upload', async () => {
    const content = Buffer.concat([PNG_1PX, Buffer.from('foto jalan rusak')]);
    const hash = sha(content);
    const target = path.join(dir, hash.slice(0, 2), hash.slice(2, 4), hash);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(`${target}.dead01.tmp`, content.subarray(0, 10)); // what a killed process left behind
    await store.put(content, IMAGES);
    expect(Buffer.from((await store.read(hash))!.content)).toEqual(content);
    fs.rmSync(`${target}.dead01.tmp`);
    expect(filesUnder(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to serve content whose length was changed on disk (hashes are verified once, on write)', async () => {
    const content = Buffer.concat([PNG_1PX, Buffer.from('lampiran')]);
    const { sha256 } = await store.put(content, IMAGES);
    fs.writeFileSync(path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256), PNG_1PX);
    await expect(store.open(sha256)).rejects.toThrow(/corrupted/);
  });
});
