import { isUtf8 } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors.js';

// File → rows. Everything here is judged from the bytes, never from the file name: a CSV must be
// UTF-8 text, an XLSX a ZIP holding a workbook, a SIASN export JSON. Each refusal is a 4xx that
// tells the user what to do ("simpan sebagai CSV UTF-8"), and limits keep memory bounded.

/** Largest upload accepted (a SIASN export of 15,000 employees is about 25 MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Most data rows in one file; a regency has about 15,000 employees. */
export const MAX_ROWS = 50_000;
/** An XLSX expands to at most this much XML; more is a ZIP bomb or not a personnel list. */
const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
const MAX_COLUMNS = 100;

/** One spreadsheet cell as read: text from CSV, typed values (numbers, real dates) from XLSX. */
export type Cell = string | number | boolean | Date | null;

/** A data row with its row number as a spreadsheet shows it (header = 1). */
export interface TableRow {
  row: number;
  cells: Cell[];
}

/** A read file: the header texts as written and the non-blank data rows. */
export interface Table {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: TableRow[];
}

/** A refusal of the whole file (not of a row): 400 unless said otherwise, field `berkas`. */
export class ImportFileError extends AppError {
  constructor(code: string, message: string, status = 400) {
    super(status, code, message, { fields: { berkas: message } });
  }
}

/** The 413 for a file over MAX_FILE_BYTES, also used by the route while the upload streams in. */
export function fileTooLarge(): ImportFileError {
  return new ImportFileError('payload_too_large', `Berkas terlalu besar; maksimal ${MAX_FILE_BYTES / 1024 / 1024} MB. Pecah menjadi beberapa berkas.`, 413);
}

function tooManyRows(found: number | string): ImportFileError {
  return new ImportFileError('too_many_rows', `Berkas berisi ${found} baris data; maksimal ${MAX_ROWS.toLocaleString('id-ID')} baris per berkas. Pecah menjadi beberapa berkas.`, 413);
}

const SAVE_AS_UTF8 = 'Simpan ulang dari Excel dengan "Save As" → "CSV UTF-8 (Comma delimited) (*.csv)".';

/** Byte offset of the first invalid UTF-8 sequence (the bytes are known not to be valid UTF-8). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Checks that the bytes are UTF-8 text and returns it without a BOM; `what` names the expected format. */
export function decodeText(bytes: Uint8Array, what: 'CSV' | 'JSON'): string {
  if (bytes.length === 0) throw new ImportFileError('file_empty', 'Berkas kosong.');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError('file_encoding', `Berkas ${what} ini ber-encoding UTF-16 ("Unicode Text"). ${what === 'CSV' ? SAVE_AS_UTF8 : 'Simpan sebagai UTF-8.'}`);
  }
  for (const b of bytes) {
    // NUL and other control bytes never occur in a text export: this is a binary file.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) {
      throw new ImportFileError('file_not_text', `Berkas ini bukan ${what} teks (berisi data biner). Unggah berkas ${what === 'CSV' ? 'CSV, atau XLSX dari Excel' : 'JSON hasil ekspor SIASN'}.`);
    }
  }
  if (!isUtf8(bytes)) {
    const line = lineAt(bytes, firstInvalidUtf8(bytes));
    throw new ImportFileError('file_encoding',
      `Berkas bukan teks UTF-8 (baris ${line} memuat huruf yang tersimpan dengan encoding lain, misalnya Windows-1252). ${what === 'CSV' ? SAVE_AS_UTF8 : 'Simpan sebagai UTF-8.'}`);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The separator of a CSV: Excel with Indonesian regional settings writes `;` (the comma is the
 * decimal mark there), others `,`; tabs come from copy-paste. Chosen from the header line, where
 * no value can hide a separator. An Excel `sep=;` first line decides it outright.
 */
function sniffDelimiter(text: string): { delimiter: string; body: string } {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) return { delimiter: sep[1]!, body: text.slice(sep[0].length) };
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t', '|'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return { delimiter: best.n > 0 ? best.d : ',', body: text };
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'tanda kutip (") dibuka tetapi tidak ditutup',
  CSV_INVALID_CLOSING_QUOTE: 'ada karakter tepat setelah tanda kutip penutup',
  CSV_MAX_RECORD_SIZE: 'satu baris lebih dari 100.000 karakter',
};

function readCsv(bytes: Uint8Array): Table {
  const text = decodeText(bytes, 'CSV');
  if (/^\s*[[{]/.test(text)) throw new ImportFileError('file_format', 'Berkas ini berisi JSON, bukan CSV atau XLSX. Untuk ekspor SIASN pilih jenis impor "siasn".');
  const { delimiter, body } = sniffDelimiter(text);
  let records: string[][];
  try {
    // `to` stops reading past the cap: header + MAX_ROWS + one more row proves the file is too long.
    records = parseCsv(body, {
      delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 100_000, to: MAX_ROWS + 2,
    }) as string[][];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    throw new ImportFileError('csv_malformed', `CSV tidak dapat dibaca${line ? ` di baris ${line}` : ''}: ${CSV_PROBLEMS[err.code] ?? 'formatnya tidak dikenali'}.`);
  }
  if (records.length > MAX_ROWS + 1) throw tooManyRows(`lebih dari ${MAX_ROWS.toLocaleString('id-ID')}`);
  const [header, ...data] = records;
  const rows = data.map((cells, i) => ({ row: i + 2, cells: cells as Cell[] }));
  return { format: 'csv', header: header ?? [], rows };
}

// ── XLSX ────────────────────────────────────────────────────────────────────────────────────

/** A ZIP entry as its central directory describes it. */
interface ZipEntry {
  name: string;
  /** Declared uncompressed size. */
  size: number;
  compressedSize: number;
  method: number;
  localOffset: number;
}

/**
 * Lists a ZIP's entries from its central directory (name, sizes, where the data is) without
 * inflating anything: enough to tell a workbook from another ZIP and to refuse a ZIP bomb.
 */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEnd = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= minEnd; i--) {
    if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      name: Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/**
 * True when every entry inflates to no more than it declares. A crafted ZIP can declare a few
 * bytes and inflate to gigabytes; inflating each entry here with a cap (and dropping the result)
 * keeps memory bounded before the workbook reader inflates it for real.
 */
function sizesHold(bytes: Uint8Array, entries: ZipEntry[]): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== 0x04034b50) return false;
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) return false;
      continue;
    }
    if (e.method !== 8) return false;
    try {
      if (inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) }).length !== e.size) return false;
    } catch {
      return false;
    }
  }
  return true;
}

const NOT_A_WORKBOOK = 'Berkas ZIP ini bukan buku kerja Excel. Simpan dari Excel sebagai "Excel Workbook (*.xlsx)" atau sebagai CSV UTF-8.';

/** Turns ExcelJS's cell value shapes (rich text, formulas, hyperlinks, errors) into a plain cell. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? null : plainCell(value.result);
  if ('hyperlink' in value) return plainCell(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const entries = zipEntries(bytes);
  if (!entries) throw new ImportFileError('file_format', 'Berkas XLSX rusak (struktur ZIP-nya tidak utuh). Simpan ulang dari Excel.');
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new ImportFileError('file_format', NOT_A_WORKBOOK);
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNZIPPED_BYTES) {
    throw new ImportFileError('payload_too_large', 'Isi berkas XLSX terlalu besar setelah diekstrak. Pecah menjadi beberapa berkas.', 413);
  }
  if (!sizesHold(bytes, entries)) {
    throw new ImportFileError('file_format', 'Berkas XLSX rusak (isinya tidak sesuai daftar isinya). Simpan ulang dari Excel.');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new ImportFileError('file_format', 'Berkas XLSX rusak atau tidak dapat dibaca. Simpan ulang dari Excel sebagai "Excel Workbook (*.xlsx)".');
  }
  // The first sheet with content: a workbook often keeps an empty "Sheet1" or notes after the data.
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new ImportFileError('file_empty', 'Buku kerja tidak berisi data.');
  if (sheet.actualRowCount > MAX_ROWS + 1) throw tooManyRows(sheet.actualRowCount - 1);
  let header: TableRow | null = null;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = Array.from({ length: Math.min(values.length - 1, MAX_COLUMNS + 1) }, (_, i) => plainCell(values[i + 1]));
    if (header) rows.push({ row: rowNumber, cells });
    else header = { row: rowNumber, cells };
  });
  const headerRow = header as TableRow | null;
  return { format: 'xlsx', header: (headerRow?.cells ?? []).map((c) => (c === null ? '' : String(c))), rows };
}

// ── Entry points ────────────────────────────────────────────────────────────────────────────

/** Reads a CSV or XLSX file into rows; the format is told by the content (a ZIP is XLSX, else text). */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.length > MAX_FILE_BYTES) throw fileTooLarge();
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportFileError('file_format',
      'Berkas Excel 97–2003 (.xls) atau berkas Excel berkata sandi tidak didukung. Simpan sebagai "Excel Workbook (*.xlsx)" tanpa kata sandi, atau sebagai CSV UTF-8.');
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const table = isZip ? await readXlsx(bytes) : readCsv(bytes);
  if (table.header.length > MAX_COLUMNS) {
    throw new ImportFileError('too_many_columns', `Baris judul berisi ${table.header.length} kolom; periksa apakah ini berkas impor SIMPEG.`);
  }
  if (table.header.every((h) => h.trim() === '')) {
    throw new ImportFileError('file_empty', 'Baris pertama harus berisi nama kolom (lihat templat impor).');
  }
  table.rows = table.rows.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  return table;
}

/** Reads a JSON file (a SIASN export); a syntax error names the line. */
export function readJson(bytes: Uint8Array): unknown {
  if (bytes.length > MAX_FILE_BYTES) throw fileTooLarge();
  const text = decodeText(bytes, 'JSON');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // V8 names either the offset ("at position 12") or a snippet around the fault ('..."nip": }\n ]...').
    const message = String((err as Error).message);
    const position = /position (\d+)/.exec(message);
    const snippet = /"(?:\.\.\.)?([\s\S]+?)(?:\.\.\.)?" is not valid JSON/.exec(message);
    const offset = position ? Number(position[1]) : snippet ? text.indexOf(snippet[1]!) : -1;
    const line = offset >= 0 ? text.slice(0, offset).split('\n').length : null;
    throw new ImportFileError('invalid_json', `Berkas bukan JSON yang sah${line ? ` (kesalahan di baris ${line})` : ''}. Unggah JSON hasil ekspor SIASN tanpa diubah.`);
  }
}
