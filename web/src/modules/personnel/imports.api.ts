import { useMutation } from '@tanstack/react-query';
import { ApiError, api, type ApiErrorBody } from '../../lib/api';
import type { SessionView } from '../identity/identity.types';
import type { ImportKind, ImportReport, RowError } from '../../../../server/src/modules/personnel/import/import.schema';

export type { ImportKind, ImportReport, RowError as ImportRowError };

// A record so the compiler fails here when the server adds a kind.
const KIND_ORDER: Record<ImportKind, number> = { employees: 1, units: 2, positions: 3, delegations: 4, siasn: 5 };
/** The kinds in the order the wizard offers them: employees first, the everyday case. */
export const IMPORT_KINDS = (Object.keys(KIND_ORDER) as ImportKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);

/** Largest file the server takes (import.parse.ts MAX_FILE_BYTES). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Where the CSV template of a kind downloads from. */
export function templateUrl(kind: ImportKind): string {
  return `/api/personnel/imports/templates/${encodeURIComponent(kind)}`;
}

/** An import refused as a whole (422) still carries the report of what was wrong. */
export class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    super('import_refused');
  }
}

/** The report in a 2xx answer (the body) or a 422 (`details.report`). */
function reportIn(body: unknown): ImportReport | null {
  if (!body || typeof body !== 'object') return null;
  if ('errors' in body && Array.isArray((body as ImportReport).errors)) return body as ImportReport;
  const details = (body as { details?: { report?: unknown } }).details;
  return details?.report ? reportIn(details.report) : null;
}

/**
 * Uploads a file for a dry run or the import itself, as multipart with the CSRF header. lib/api.ts
 * sends JSON only and keeps the token private, so the token is asked for again here (one GET).
 */
async function upload(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportReport> {
  const session = await api<SessionView>('/api/auth/me');
  const form = new FormData();
  form.set('kind', kind);
  form.set('dryRun', String(dryRun));
  form.set('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/personnel/imports', {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': session.csrfToken },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, { code: 'network_error', message: 'Tidak dapat terhubung ke server.' });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const report = reportIn(body);
  if (response.ok && report) return report;
  if (response.status === 422 && report) throw new ImportRefused(report);
  const error = (body ?? {}) as Partial<ApiErrorBody>;
  throw new ApiError(response.status, {
    code: typeof error.code === 'string' ? error.code : `http_${response.status}`,
    message: typeof error.message === 'string' ? error.message : response.statusText || 'Permintaan gagal.',
    ...(error.details ? { details: error.details } : {}),
    requestId: typeof error.requestId === 'string' ? error.requestId : (response.headers.get('x-request-id') ?? undefined),
  });
}

/** Runs a dry run (nothing is written) or the import of a file. */
export function useImport() {
  return useMutation({
    mutationFn: ({ kind, file, dryRun }: { kind: ImportKind; file: File; dryRun: boolean }) => upload(kind, file, dryRun),
  });
}
