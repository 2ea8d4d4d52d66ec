import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, NotFoundError } from '../errors.js';
import type { BlobStore, ByteRange } from './index.js';

/** How a route serves one blob. */
export interface ServeOptions {
  /**
   * `public`: the same for everyone (a product photo), cached by browsers and proxies for a year as
   * immutable, since its URL names its content. `private`: personal (a letter), never stored.
   */
  visibility: 'public' | 'private';
  /** Offered as the download name (`Content-Disposition`); omit to show inline without a name. */
  fileName?: string;
  /** `attachment` makes browsers download rather than show; default `inline`. */
  disposition?: 'inline' | 'attachment';
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const PRIVATE = 'private, no-store';

/** The Cache-Control each blob answer chose; the platform's default policy (no-store on /api/) must not replace it. */
const chosen = new WeakMap<FastifyReply, string>();

/** Reinstates a blob answer's Cache-Control after the platform's cache policy hook; install after it. */
export function installBlobCaching(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    const cacheControl = chosen.get(reply);
    if (cacheControl && reply.statusCode < 400) reply.header('cache-control', cacheControl);
    return payload;
  });
}

/** True when an `If-None-Match` list names this entity tag (weak or strong) or is `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * The one range of a `Range: bytes=…` header, 'unsatisfiable', or null to send everything (no
 * header, another unit, several ranges, or bad syntax: RFC 9110 lets a server ignore those).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

function contentDisposition(options: ServeOptions): string | null {
  if (!options.fileName && options.disposition !== 'attachment') return null;
  const kind = options.disposition ?? 'inline';
  if (!options.fileName) return kind;
  const ascii = options.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.fileName)}`;
}

/**
 * Answers a request with a stored blob, streamed: `ETag` is its hash, so `If-None-Match` answers 304;
 * `Range: bytes=…` answers 206 with `Content-Range` (416 when it starts past the end). Call it from
 * a module's route after the module's own access check. A blob not stored answers 404.
 */
export async function sendBlob(
  blobs: BlobStore, request: FastifyRequest, reply: FastifyReply, sha256: string, options: ServeOptions,
): Promise<FastifyReply> {
  const info = await blobs.stat(sha256);
  if (!info) throw new NotFoundError('Berkas tidak ditemukan.');
  const etag = `"${info.sha256}"`;
  const cacheControl = options.visibility === 'public' ? IMMUTABLE : PRIVATE;
  chosen.set(reply, cacheControl);
  reply.header('etag', etag).header('cache-control', cacheControl).header('accept-ranges', 'bytes');
  if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();

  const ifRange = request.headers['if-range'];
  const range = ifRange === undefined || ifRange === etag ? parseRange(request.headers.range, info.sizeBytes) : null;
  if (range === 'unsatisfiable') {
    reply.header('content-range', `bytes */${info.sizeBytes}`);
    throw new AppError(416, 'range_not_satisfiable', `Rentang yang diminta di luar ukuran berkas (${info.sizeBytes} byte).`, { sizeBytes: info.sizeBytes });
  }
  const disposition = contentDisposition(options);
  if (disposition) reply.header('content-disposition', disposition);
  reply.type(info.mediaType);
  if (range) {
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${info.sizeBytes}`);
    reply.header('content-length', String(range.end - range.start + 1));
  } else {
    reply.header('content-length', String(info.sizeBytes));
  }
  // HEAD (Fastify answers it with the GET route, draining the body) gets an empty stream: opening the
  // blob would read the whole file for nothing, and no body at all would make Fastify say length 0.
  if (request.method === 'HEAD') return reply.send(Readable.from([]));
  const opened = await blobs.open(sha256, range ?? undefined);
  if (!opened) throw new NotFoundError('Berkas tidak ditemukan.');
  return reply.send(opened.stream);
}
