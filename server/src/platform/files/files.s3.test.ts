import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The store is tested as the app wires it, on the test database, so this kernel test builds the app.
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { signRequest } from './files.sigv4.js';
import { CSV_COMPLAINTS, PDF_MINIMAL, PNG_1PX } from './files.test-fixtures.js';
import { createBlobStore } from './index.js';

const CREDENTIALS = { accessKeyId: 'TEGALKEY', secretAccessKey: 'rahasia-bucket-tegal', region: 'ap-southeast-3' };
const AUTH_SHAPE = /^AWS4-HMAC-SHA256 Credential=TEGALKEY\/\d{8}\/ap-southeast-3\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const sha = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/** A tiny S3 stand-in: checks each request's signature and keeps objects in memory. */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; type: string | undefined }>();
  const requests: { method: string; path: string; contentLength?: string; chunked: boolean }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      requests.push({
        method: req.method ?? '', path: url.pathname, chunked: req.headers['transfer-encoding'] !== undefined,
        ...(req.headers['content-length'] ? { contentLength: req.headers['content-length'] } : {}),
      });
      const shape = AUTH_SHAPE.exec(req.headers.authorization ?? '');
      const signedNames = shape?.[1]?.split(';') ?? [];
      const payloadHash = String(req.headers['x-amz-content-sha256']);
      const headers = Object.fromEntries(signedNames.filter((n) => n !== 'host').map((n) => [n, String(req.headers[n])]));
      const expected = signRequest({ method: req.method ?? '', url, headers, payloadHash }, { ...CREDENTIALS, service: 's3' });
      const valid = shape && ['host', 'x-amz-content-sha256', 'x-amz-date'].every((n) => signedNames.includes(n))
        && payloadHash === sha(body) && expected === req.headers.authorization;
      if (!valid) return void res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      if (!url.pathname.startsWith('/lampiran/')) return void res.writeHead(404).end('<Error><Code>NoSuchBucket</Code></Error>');
      const object = objects.get(url.pathname);
      if (req.method === 'PUT') {
        // Like S3: a streamed body must say its length (no chunked upload without aws-chunked signing).
        if (req.headers['content-length'] !== String(body.length)) return void res.writeHead(411).end('<Error><Code>MissingContentLength</Code></Error>');
        objects.set(url.pathname, { body, type: req.headers['content-type'] });
        return void res.writeHead(200).end();
      }
      if (req.method === 'DELETE') {
        objects.delete(url.pathname);
        return void res.writeHead(204).end();
      }
      if (!object) return void res.writeHead(404).end(req.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code></Error>');
      const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (range && req.method === 'GET') {
        const part = object.body.subarray(Number(range[1]), Number(range[2]) + 1);
        res.writeHead(206, { 'content-range': `bytes ${range[1]}-${range[2]}/${object.body.length}`, 'content-length': part.length });
        return void res.end(part);
      }
      res.writeHead(200, { 'content-type': object.type ?? 'application/octet-stream', 'content-length': object.body.length });
      res.end(req.method === 'HEAD' ? undefined : object.body);
    });
  });
  return { server, objects, requests };
}

let t: TestApp;
const s3 = fakeS3();
let endpoint: string;
beforeAll(async () => {
  t = await buildTestApp();
  await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => s3.server.close(resolve));
  await t.close();
});

const bucketStore = (secretAccessKey = CREDENTIALS.secretAccessKey) =>
  createBlobStore({ kind: 's3', endpoint: `${endpoint}/`, bucket: 'lampiran', ...CREDENTIALS, secretAccessKey }, t.platform.db);

describe('S3 blob store', () => {
  it('uploads signed to <bucket>/<ab>/<cd>/<sha256>, reads the same bytes back, and uploads identical content once', async () => {
    const store = bucketStore();
    const info = await store.put(PNG_1PX, { maxBytes: 10_000, allowedTypes: ['image/png'] });
    const key = `/lampiran/${info.sha256.slice(0, 2)}/${info.sha256.slice(2, 4)}/${info.sha256}`;
    expect(s3.objects.get(key)).toMatchObject({ body: PNG_1PX, type: 'image/png' });

    await store.put(PNG_1PX, { maxBytes: 10_000, allowedTypes: ['image/png'] });
    expect(s3.requests.filter((r) => r.method === 'PUT' && r.path === key)).toHaveLength(1);

    const got = await store.read(info.sha256);
    expect(Buffer.from(got!.content)).toEqual(PNG_1PX);
    expect(got!.info).toEqual(info);
    expect(await store.has(info.sha256)).toBe(true);
  });

  it('checks size and type before talking to the bucket', async () => {
    const before = s3.requests.length;
    const store = bucketStore();
    await expect(store.put(CSV_COMPLAINTS, { maxBytes: 10, allowedTypes: ['text/csv'], declaredType: 'text/csv' }))
      .rejects.toMatchObject({ status: 413 });
    await expect(store.put(CSV_COMPLAINTS, { maxBytes: 10_000, allowedTypes: ['image/png'] })).rejects.toMatchObject({ status: 415 });
    expect(s3.requests.length).toBe(before);
  });

  it('fails loudly, recording nothing, when the bucket refuses the credentials', async () => {
    const content = Buffer.from('kecamatan,jumlah\nTalang,12\n');
    await expect(bucketStore('kunci-salah').put(content, { maxBytes: 1000, allowedTypes: ['text/csv'], declaredType: 'text/csv' }))
      .rejects.toThrow(/HTTP 403/);
    expect(await bucketStore().has(sha(content))).toBe(false);
  });

  it('streams an upload of several megabytes with its known length, reads a range, and sweeps the orphan from the bucket', async () => {
    const store = bucketStore();
    const chunk = Buffer.alloc(256 * 1024, 0x25);
    const hash = createHash('sha256').update(PDF_MINIMAL);
    for (let i = 0; i < 12; i++) hash.update(chunk);
    const info = await store.put(Readable.from((function* () {
      yield PDF_MINIMAL;
      for (let i = 0; i < 12; i++) yield chunk;
    })()), { maxBytes: 8_000_000, allowedTypes: ['application/pdf'] });
    expect(info.sha256).toBe(hash.digest('hex'));
    const key = `/lampiran/${info.sha256.slice(0, 2)}/${info.sha256.slice(2, 4)}/${info.sha256}`;
    const upload = s3.requests.find((r) => r.method === 'PUT' && r.path === key);
    expect(upload).toMatchObject({ contentLength: String(info.sizeBytes), chunked: false });
    expect(s3.objects.get(key)?.body.length).toBe(info.sizeBytes);

    const opened = await store.open(info.sha256, { start: 0, end: 7 });
    const parts: Buffer[] = [];
    for await (const c of opened!.stream) parts.push(c as Buffer);
    expect(Buffer.concat(parts).toString()).toBe('%PDF-1.4');

    expect(await store.sweep({ graceMs: 0 })).toBeGreaterThanOrEqual(1);
    expect(s3.objects.has(key)).toBe(false);
    expect(s3.requests.some((r) => r.method === 'DELETE' && r.path === key)).toBe(true);
    expect(await store.has(info.sha256)).toBe(false);
  });

  it('reports a recorded blob whose object has vanished from the bucket instead of serving nothing', async () => {
    const store = bucketStore();
    const info = await store.put(CSV_COMPLAINTS, { maxBytes: 1000, allowedTypes: ['text/csv'], declaredType: 'text/csv' });
    s3.objects.clear();
    await expect(store.read(info.sha256)).rejects.toThrow(/missing from storage/);
  });
});
