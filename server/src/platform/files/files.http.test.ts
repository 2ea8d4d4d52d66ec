import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
// The helper is tested through a route of the whole platform, registered here before the app is ready.
import { openTestDatabase } from '../../../test/app.js';
import { buildApp, type Built } from '../../app.js';
import { loadConfig } from '../config.js';
import { PDF_MINIMAL } from './files.test-fixtures.js';
import { sendBlob } from './index.js';

let built: Built;
let closeDb: () => Promise<void>;
let dataDir: string;
const content = Buffer.concat([PDF_MINIMAL, Buffer.from('%'.repeat(1000))]);
let sha256: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-test-'));
  const db = await openTestDatabase();
  closeDb = db.close;
  built = await buildApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_PROFILE: 'none' }), db.database);
  const { app, platform } = built;
  const Params = Type.Object({ sha256: Type.String(), visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]) });
  app.get('/api/test-files/:visibility/:sha256', { schema: { params: Params }, config: { access: 'public' } },
    (req, reply) => sendBlob(platform.blobs, req, reply, req.params.sha256, { visibility: req.params.visibility, fileName: 'Surat Undangan Rapat.pdf' }));
  await app.ready();
  sha256 = (await platform.blobs.put(content, { maxBytes: 10_000, allowedTypes: ['application/pdf'] })).sha256;
});
afterAll(async () => {
  await built.app.close();
  await closeDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const get = (visibility: string, headers: Record<string, string> = {}, hash = sha256) =>
  built.app.inject({ method: 'GET', url: `/api/test-files/${visibility}/${hash}`, headers });

describe('serving a blob over HTTP', () => {
  it('streams a public file with its hash as ETag, cached for a year as immutable', async () => {
    const res = await get('public');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(content);
    expect(res.headers).toMatchObject({
      etag: `"${sha256}"`, 'cache-control': 'public, max-age=31536000, immutable', 'accept-ranges': 'bytes',
      'content-type': 'application/pdf', 'content-length': String(content.length),
      'content-disposition': `inline; filename="Surat Undangan Rapat.pdf"; filename*=UTF-8''Surat%20Undangan%20Rapat.pdf`,
    });
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await built.app.inject({ method: 'HEAD', url: `/api/test-files/public/${sha256}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers).toMatchObject({ etag: `"${sha256}"`, 'content-length': String(content.length) });
  });

  it('keeps a private file out of every cache', async () => {
    const res = await get('private');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('answers 304 without a body when the browser already has it', async () => {
    const res = await get('public', { 'if-none-match': `W/"abc", "${sha256}"` });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers).toMatchObject({ etag: `"${sha256}"`, 'cache-control': 'public, max-age=31536000, immutable' });
    expect((await get('public', { 'if-none-match': '"lain"' })).statusCode).toBe(200);
  });

  it('answers a byte range with 206 and Content-Range, including a suffix range', async () => {
    const res = await get('public', { range: 'bytes=0-7' });
    expect(res.statusCode).toBe(206);
    expect(res.body).toBe('%PDF-1.4');
    expect(res.headers).toMatchObject({ 'content-range': `bytes 0-7/${content.length}`, 'content-length': '8' });
    const tail = await get('public', { range: 'bytes=-3' });
    expect(tail.statusCode).toBe(206);
    expect(tail.body).toBe('%%%');
    expect(tail.headers['content-range']).toBe(`bytes ${content.length - 3}-${content.length - 1}/${content.length}`);
    const open = await get('public', { range: `bytes=${content.length - 2}-99999` });
    expect(open.headers['content-range']).toBe(`bytes ${content.length - 2}-${content.length - 1}/${content.length}`);
  });

  it('answers 416 for a range past the end, and the whole file for ranges it does not serve', async () => {
    const res = await get('public', { range: `bytes=${content.length}-` });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${content.length}`);
    expect(res.json()).toMatchObject({ code: 'range_not_satisfiable' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await get('public', { range: 'bytes=0-1,5-6' })).statusCode).toBe(200);
    expect((await get('public', { range: 'bytes=0-3', 'if-range': '"versi-lama"' })).statusCode).toBe(200);
  });

  it('answers 404 for a file that is not stored', async () => {
    const res = await get('public', {}, 'a'.repeat(64));
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
