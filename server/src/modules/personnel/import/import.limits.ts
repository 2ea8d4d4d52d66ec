import { AppError } from '../../../platform/errors.js';

// What one import file may cost, and the refusals of a whole file. The limits are checked while
// the bytes are read, inflated and parsed, never after, so a small file that expands hugely is
// refused before it takes memory or CPU time (security review, issue 7).

/** Largest upload accepted (a SIASN export of 15,000 employees is about 25 MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Most data rows in one file; a regency has about 15,000 employees. */
export const MAX_ROWS = 50_000;
/**
 * Most bytes an XLSX may inflate to (all the parts read: workbook, styles, shared strings, sheets).
 * A sheet of 50,000 employees with 23 columns is about 50 MB of XML; more is a ZIP bomb.
 */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
/** Columns read from a row; more means this is no import file. */
export const MAX_COLUMNS = 100;

/** The limits a file is read under; tests lower them to stay small and fast. */
export interface ReadLimits {
  maxRows: number;
  maxUnzippedBytes: number;
}

/** The limits of a real import. */
export const READ_LIMITS: ReadLimits = Object.freeze({ maxRows: MAX_ROWS, maxUnzippedBytes: MAX_UNZIPPED_BYTES });

/** A refusal of the whole file (not of a row): 400 unless said otherwise, field `berkas`. */
export class ImportFileError extends AppError {
  constructor(code: string, message: string, status = 400) {
    super(status, code, message, { fields: { berkas: message } });
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The 413 for a file over MAX_FILE_BYTES, also used by the route while the upload streams in. */
export function fileTooLarge(): ImportFileError {
  return new ImportFileError('payload_too_large', `Berkas terlalu besar; maksimal ${mb(MAX_FILE_BYTES)}. Pecah menjadi beberapa berkas.`, 413);
}

/** The 413 for a file with more data rows than `maxRows`, raised as soon as the row after the limit is read. */
export function tooManyRows(maxRows: number): ImportFileError {
  const max = maxRows.toLocaleString('id-ID');
  return new ImportFileError('too_many_rows', `Berkas berisi lebih dari ${max} baris data; maksimal ${max} baris per berkas. Pecah menjadi beberapa berkas.`, 413);
}

/** The 413 for an XLSX whose parts inflate past `maxBytes`. */
export function unzippedTooLarge(maxBytes: number): ImportFileError {
  return new ImportFileError('payload_too_large',
    `Isi berkas XLSX terlalu besar setelah diekstrak (lebih dari ${mb(maxBytes)}). Pecah menjadi beberapa berkas, atau simpan sebagai CSV UTF-8.`, 413);
}
