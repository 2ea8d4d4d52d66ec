import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pgErrorCode } from '../db/index.js';
import { AppError, TooManyRequestsError } from '../errors.js';

/** The error body every 4xx and 5xx carries. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId: string;
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Turns ajv issues into `{ "body.username": "…" }`, naming each field in the user's words. */
function fieldProblems(context: string | undefined, issues: ValidationIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    let field = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const params = issue.params ?? {};
    if (issue.keyword === 'required' && typeof params.missingProperty === 'string') {
      field = field ? `${field}.${params.missingProperty}` : params.missingProperty;
    }
    if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      field = field ? `${field}.${params.additionalProperty}` : params.additionalProperty;
    }
    const key = [context, field].filter(Boolean).join('.') || (context ?? 'request');
    fields[key] ??= describeIssue(issue);
  }
  return fields;
}

function describeIssue(issue: ValidationIssue): string {
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'required': return 'wajib diisi';
    case 'additionalProperties': return 'kolom ini tidak dikenal';
    case 'maxLength': return `maksimal ${String(p.limit)} karakter`;
    case 'minLength': return Number(p.limit) <= 1 ? 'tidak boleh kosong' : `minimal ${String(p.limit)} karakter`;
    case 'type': return `harus bertipe ${String(p.type)}`;
    case 'format': return `format ${String(p.format)} tidak valid`;
    case 'formatMinimum': return `tidak boleh sebelum ${String(p.limit)}`;
    case 'formatMaximum': return `tidak boleh setelah ${String(p.limit)}`;
    case 'pattern': return 'formatnya tidak valid';
    case 'enum': case 'const': case 'anyOf': return 'nilainya tidak termasuk pilihan yang diizinkan';
    case 'minimum': return `minimal ${String(p.limit)}`;
    case 'maximum': return `maksimal ${String(p.limit)}`;
    case 'maxItems': return `maksimal ${String(p.limit)} butir`;
    case 'minItems': return `minimal ${String(p.limit)} butir`;
    default: return issue.message ?? 'tidak valid';
  }
}

/** Maps Fastify's own error codes (parsing, limits) to ours. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Jenis konten tidak didukung; kirim application/json.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'Isi permintaan terlalu besar.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: 'Isi permintaan kosong padahal jenisnya JSON.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'Isi permintaan bukan JSON yang sah.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length', message: 'Panjang konten tidak sesuai.' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', message: 'Alamat permintaan tidak sah.' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'bad_request', message: 'Permintaan tidak sah.' },
  FST_ERR_INVALID_URL: { status: 400, code: 'bad_url', message: 'Alamat permintaan tidak sah.' },
  FST_ERR_RESPONSE_SERIALIZATION: { status: 500, code: 'internal_error', message: 'Terjadi kesalahan pada server.' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Jenis konten tidak didukung.' },
};

/** The one error handler: AppError → its status; validation → 400 naming fields; the rest → plain 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = String(request.id);
    const send = (status: number, body: Omit<ErrorBody, 'requestId'>) =>
      reply.code(status).type('application/json').send({ ...body, requestId });

    if (error instanceof AppError) {
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      if (error.status >= 500) request.log.error({ err: error }, 'service error');
      return send(error.status, { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
    }
    if (error.validation) {
      const fields = fieldProblems(error.validationContext, error.validation as ValidationIssue[]);
      const names = Object.keys(fields).join(', ');
      return send(400, { code: 'validation_failed', message: `Isian tidak valid: ${names}.`, details: { fields } });
    }
    if (error instanceof SyntaxError || (error.code && FASTIFY_ERRORS[error.code]?.code === 'invalid_json')) {
      return send(400, { code: 'invalid_json', message: FASTIFY_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY!.message });
    }
    // Defence in depth: a value the database refuses (class 22, data exception) is the caller's input,
    // and a unique violation a service did not anticipate is still a conflict, not a server fault.
    const sqlState = pgErrorCode(error);
    if (sqlState?.startsWith('22')) {
      request.log.warn({ err: error, sqlState }, 'database refused a value');
      return send(400, { code: 'invalid_value', message: 'Ada nilai yang tidak dapat diterima. Periksa kembali isian Anda.' });
    }
    if (sqlState === '23505') {
      request.log.warn({ err: error, sqlState }, 'unanticipated unique violation');
      return send(409, { code: 'conflict', message: 'Data yang sama sudah ada.' });
    }
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known && known.status < 500) return send(known.status, { code: known.code, message: known.message });
    if (error.statusCode === 429) {
      return send(429, { code: 'too_many_requests', message: 'Terlalu banyak permintaan; coba lagi sebentar lagi.' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode, { code: 'bad_request', message: 'Permintaan tidak sah.' });
    }
    request.log.error({ err: error, url: request.url, method: request.method, actor: request.actor?.userId }, 'unhandled error');
    return send(500, { code: 'internal_error', message: 'Terjadi kesalahan pada server. Silakan coba lagi.' });
  });
}

/**
 * Answers the errors Fastify raises before routing (a malformed URL such as `/api/x/%E0%A4%A`),
 * which never reach the error handler, in the same body as every other error.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const requestId = String(request.id);
  const known = (error.code ? FASTIFY_ERRORS[error.code] : undefined) ?? { status: 400, code: 'bad_request', message: 'Permintaan tidak sah.' };
  // No onSend hook runs for these answers, so the headers the hooks would add are set here.
  void reply.code(known.status).header('x-request-id', requestId).header('cache-control', 'no-store').type('application/json')
    .send({ code: known.code, message: known.message, requestId });
}

/** The body of a 404 for an address no route serves. */
export function routeNotFound(method: string, url: string, requestId: string): ErrorBody {
  return { code: 'route_not_found', message: `Alamat ${method} ${url.split('?')[0]} tidak ada.`, requestId };
}

/** What Node's HTTP parser refuses before any request exists (headers too large, garbage, too slow). */
const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'headers_too_large', message: 'Header permintaan terlalu besar; hapus cookie situs ini lalu coba lagi.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'request_timeout', message: 'Permintaan tidak selesai dikirim tepat waktu.' },
  ERR_HTTP_HEADERS_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'request_timeout', message: 'Permintaan tidak selesai dikirim tepat waktu.' },
};
const MALFORMED = { status: 400, reason: 'Bad Request', code: 'bad_request', message: 'Permintaan HTTP tidak sah.' };

/**
 * Fastify's `clientErrorHandler`: answers what Node's parser rejects before Fastify sees a request
 * (a 431 for oversized headers, a 400 for a malformed request line) with the platform's error body
 * instead of Fastify's `{error, statusCode}`, then closes the connection as Node does.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = (error.code ? CLIENT_ERRORS[error.code] : undefined) ?? MALFORMED;
  const requestId = randomUUID();
  this.log.debug({ err: error, requestId }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify({ code: known.code, message: known.message, requestId } satisfies ErrorBody);
    socket.write([
      `HTTP/1.1 ${known.status} ${known.reason}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      `X-Request-Id: ${requestId}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'));
  }
  socket.destroy(error);
}

/**
 * Answers, in the platform's error body, two refusals Node and Fastify would otherwise word their own
 * way: a request arriving while the server shuts down (503; the app turns off Fastify's
 * `return503OnClosing`), and an HTTP/1.1 request without a Host header (400; the app turns off Node's
 * `requireHostHeader`, whose answer has no body at all).
 */
export function installProtocolAnswers(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    const refusal = closing
      ? { status: 503, code: 'shutting_down', message: 'Server sedang dimatikan; coba lagi sebentar lagi.' }
      : request.raw.httpVersion === '1.1' && request.headers.host === undefined
        ? { status: 400, code: 'bad_request', message: 'Permintaan HTTP/1.1 wajib menyertakan header Host.' }
        : null;
    if (!refusal) return;
    const body: ErrorBody = { code: refusal.code, message: refusal.message, requestId: String(request.id) };
    return reply.code(refusal.status).header('connection', 'close').type('application/json').send(body);
  });
}
