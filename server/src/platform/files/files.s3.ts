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
const TIMEOUT_MS = 30_000;

/**
 * Object storage in an S3-compatible bucket over `fetch`, signed with SigV4: PUT, GET and HEAD on
 * `<endpoint>/<bucket>/<key>`. S3 stores an object whole or not at all, so writes need no temp step.
 */
export function createS3Storage(settings: S3Settings): ObjectStorage {
  const key: SigningKey = { ...settings, service: 's3' };
  const base = settings.endpoint.replace(/\/+$/, '');
  const urlOf = (objectKey: string) =>
    new URL(`${base}/${encodeURIComponent(settings.bucket)}/${objectKey.split('/').map(encodeURIComponent).join('/')}`);

  async function send(method: 'PUT' | 'GET' | 'HEAD', objectKey: string, body?: Uint8Array, mediaType?: string): Promise<Response> {
    const url = urlOf(objectKey);
    const payloadHash = body ? sha256Hex(body) : EMPTY_HASH;
    const headers: Record<string, string> = { 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate(new Date()) };
    if (mediaType) headers['content-type'] = mediaType;
    headers.authorization = signRequest({ method, url, headers, payloadHash }, key);
    return fetch(url, { method, headers, ...(body ? { body } : {}), signal: AbortSignal.timeout(TIMEOUT_MS) });
  }

  async function fail(response: Response, what: string): Promise<never> {
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    throw new Error(`S3 ${what} failed: HTTP ${response.status} ${detail}`);
  }

  return {
    async write(objectKey, content, mediaType) {
      const response = await send('PUT', objectKey, content, mediaType);
      if (!response.ok) await fail(response, `PUT ${objectKey}`);
      await response.arrayBuffer(); // release the connection
    },

    async read(objectKey) {
      const response = await send('GET', objectKey);
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) await fail(response, `GET ${objectKey}`);
      return new Uint8Array(await response.arrayBuffer());
    },

    async exists(objectKey) {
      const response = await send('HEAD', objectKey);
      if (response.status === 404) return false;
      if (!response.ok) await fail(response, `HEAD ${objectKey}`);
      return true;
    },
  };
}
