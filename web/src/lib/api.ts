/** The error body every failing API call returns (see server/src/platform/http/error-handler.ts). */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: { fields?: Record<string, string> } & Record<string, unknown>;
  requestId?: string;
}

/** A failed API call: HTTP status, the server's stable code and message, and per-field problems. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fields: Record<string, string>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.fields = body.details?.fields ?? {};
  }
}

/** True when `error` is an ApiError with the given status (e.g. 401 for "signed out"). */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

// The session's CSRF token, taken from the last /api/auth/me or /api/auth/login answer. It lives in
// memory only: a reload asks /api/auth/me again, which hands it back.
let csrfToken: string | null = null;

/** Remembers (or forgets, with null) the CSRF token sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** Options of one API call. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** Builds `/api/...?a=1` leaving out empty query values. */
function urlFor(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Calls the platform API with the session cookie, JSON in and out, and the CSRF header on writes.
 * Resolves with the parsed body (undefined for 204); rejects with ApiError for any non-2xx answer
 * and for network failures (status 0, code `network_error`).
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(urlFor(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'network_error', message: 'Tidak dapat terhubung ke server.' });
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return parsed as T;

  const body = parsed as Partial<ApiErrorBody> | undefined;
  throw new ApiError(response.status, {
    code: typeof body?.code === 'string' ? body.code : `http_${response.status}`,
    message: typeof body?.message === 'string' ? body.message : response.statusText || 'Permintaan gagal.',
    ...(body?.details ? { details: body.details } : {}),
    requestId: typeof body?.requestId === 'string' ? body.requestId : (response.headers.get('x-request-id') ?? undefined),
  });
}
