import { createReadStream } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { amzDate, sha256Hex, signRequest, type SigningKey } from './files.sigv4.js';
import type { ObjectStorage } from './files.store.js';

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, Wasabi…), addressed path-style. */
export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const EMPTY_HASH = sha256Hex('');
/** A request idle this long (no bytes either way) is abandoned. */
const IDLE_TIMEOUT_MS = 30_000;

interface Send {
  method: 'PUT' | 'GET' | 'HEAD' | 'DELETE';
  objectKey: string;
  /** A body streamed from disk, its length and SHA-256 known beforehand. */
  body?: { file: string; sizeBytes: number; sha256: string; mediaType: string };
  range?: { start: number; end: number };
}

async function drain(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response) if (text.length < 300) text += String(chunk);
  return text.slice(0, 300);
}

/**
 * Object storage in an S3-compatible bucket over node:http(s), signed with SigV4: PUT, GET, HEAD and
 * DELETE on `<endpoint>/<bucket>/<key>`. The upload streams the spooled file with its length, and
 * its signed payload hash is the content's SHA-256, so the bucket itself refuses a body that changed
 * on the way. S3 stores an object whole or not at all, so no temporary key is needed.
 */
export function createS3Storage(settings: S3Settings, spoolDir: string): ObjectStorage {
  const key: SigningKey = { ...settings, service: 's3' };
  const base = settings.endpoint.replace(/\/+$/, '');
  const urlOf = (objectKey: string) =>
    new URL(`${base}/${encodeURIComponent(settings.bucket)}/${objectKey.split('/').map(encodeURIComponent).join('/')}`);

  function send({ method, objectKey, body, range }: Send): Promise<IncomingMessage> {
    const url = urlOf(objectKey);
    const payloadHash = body ? body.sha256 : EMPTY_HASH;
    const headers: Record<string, string> = { 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate(new Date()) };
    if (body) headers['content-type'] = body.mediaType;
    if (range) headers.range = `bytes=${range.start}-${range.end}`;
    headers.authorization = signRequest({ method, url, headers, payloadHash }, key);
    if (body) headers['content-length'] = String(body.sizeBytes);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(url, { method, headers }, resolve);
      request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(new Error(`S3 ${method} ${objectKey}: no answer for ${IDLE_TIMEOUT_MS} ms`)));
      request.on('error', reject);
      if (!body) return void request.end();
      const file = createReadStream(body.file);
      file.on('error', (err) => request.destroy(err));
      file.pipe(request);
    });
  }

  async function fail(response: IncomingMessage, what: string): Promise<never> {
    throw new Error(`S3 ${what} failed: HTTP ${response.statusCode} ${await drain(response).catch(() => '')}`);
  }

  return {
    spoolDir,

    async store(spooled, objectKey) {
      const response = await send({ method: 'PUT', objectKey, body: { file: spooled.path, ...spooled } });
      if (response.statusCode !== 200) await fail(response, `PUT ${objectKey}`);
      await drain(response);
    },

    async open(objectKey, _sizeBytes, range): Promise<Readable | null> {
      const response = await send({ method: 'GET', objectKey, ...(range ? { range } : {}) });
      if (response.statusCode === 404) {
        await drain(response);
        return null;
      }
      if (response.statusCode !== (range ? 206 : 200)) await fail(response, `GET ${objectKey}`);
      return response;
    },

    async exists(objectKey) {
      const response = await send({ method: 'HEAD', objectKey });
      await drain(response);
      if (response.statusCode === 404) return false;
      if (response.statusCode !== 200) await fail(response, `HEAD ${objectKey}`);
      return true;
    },

    async remove(objectKey) {
      const response = await send({ method: 'DELETE', objectKey });
      if (response.statusCode !== 204 && response.statusCode !== 200 && response.statusCode !== 404) await fail(response, `DELETE ${objectKey}`);
      await drain(response);
    },
  };
}
