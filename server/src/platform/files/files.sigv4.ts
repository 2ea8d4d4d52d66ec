import { createHash, createHmac } from 'node:crypto';

/** Who signs, and for which region and service (`s3` for object storage). */
export interface SigningKey {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

/** One request to sign: the headers given are the headers signed (host is taken from the URL). */
export interface SigningRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (S3 also wants it sent as `x-amz-content-sha256`). */
  payloadHash: string;
}

/** Hex SHA-256 of a string or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, upper-case hex. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20130524T000000Z`: the timestamp form SigV4 signs. */
export function amzDate(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

// S3 signs the path as sent, each segment encoded once; it does not normalise `.` or `//`.
function canonicalPath(url: URL): string {
  return url.pathname.split('/').map((segment) => uriEncode(decodeURIComponent(segment))).join('/') || '/';
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function canonicalHeaders(request: SigningRequest): [string, string][] {
  const all = new Map<string, string>([['host', request.url.host]]);
  for (const [name, value] of Object.entries(request.headers)) all.set(name.toLowerCase(), value.trim().replace(/\s+/g, ' '));
  return [...all].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** The canonical request of SigV4 step 1 (exported so tests can compare it with AWS's examples). */
export function canonicalRequest(request: SigningRequest): { text: string; signedHeaders: string } {
  const headers = canonicalHeaders(request);
  const signedHeaders = headers.map(([name]) => name).join(';');
  const text = [
    request.method.toUpperCase(),
    canonicalPath(request.url),
    canonicalQuery(request.url),
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  return { text, signedHeaders };
}

/**
 * Signs a request with AWS Signature Version 4 and returns the `authorization` header value.
 * The request's headers must already include `x-amz-date` (and, for S3, `x-amz-content-sha256`).
 */
export function signRequest(request: SigningRequest, key: SigningKey): string {
  const date = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'x-amz-date')?.[1];
  if (!date || !/^\d{8}T\d{6}Z$/.test(date)) throw new Error('x-amz-date header (YYYYMMDDTHHMMSSZ) is required to sign');
  const day = date.slice(0, 8);
  const scope = `${day}/${key.region}/${key.service}/aws4_request`;
  const { text, signedHeaders } = canonicalRequest(request);
  const toSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(text)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${key.secretAccessKey}`, day), key.region), key.service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${key.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
