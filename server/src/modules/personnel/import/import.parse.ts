import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvError, parse as parseCsv } from 'csv-parse';
import { timeSlicer } from '../../../platform/streams.js';
import { fileTooLarge, ImportFileError, MAX_COLUMNS, MAX_FILE_BYTES, READ_LIMITS, tooManyRows, type ReadLimits } from './import.limits.js';
import { readXlsx } from './import.xlsx.js';

export { fileTooLarge, ImportFileError, MAX_FILE_BYTES, MAX_ROWS, type ReadLimits } from './import.limits.js';

// File → rows. Everything here is judged from the bytes, never from the file name: a CSV must be
// UTF-8 text, an XLSX a ZIP holding a workbook, a SIASN export JSON. Each refusal is a 4xx that
// tells the user what to do ("simpan sebagai CSV UTF-8"). Files are read in chunks with the row
// and size limits checked as they go, and the event loop gets a turn between chunks, so a big
// file neither fills memory nor holds up other requests.

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

const CHUNK_BYTES = 64 * 1024;
const SAVE_AS_UTF8 = 'Simpan ulang dari Excel dengan "Save As" → "CSV UTF-8 (Comma delimited) (*.csv)".';

/** Bytes never found in a text export (NUL and the other controls but tab, line feed, form feed, CR): a binary file. */
const BINARY = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) BINARY[b] = b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d ? 0 : 1;
BINARY[0x7f] = 1;

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
}

/**
 * Byte offset of the first invalid UTF-8 sequence (the bytes are known not to be valid UTF-8). A
 * streaming decoder finds the window cheaply; only that window is scanned byte by byte.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let from = Math.max(0, bytes.length - CHUNK_BYTES);
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
    try {
      decoder.decode(bytes.subarray(i, i + CHUNK_BYTES), { stream: true });
    } catch {
      from = i;
      break;
    }
  }
  // Back up to the lead byte of a character cut by the window's start.
  for (let back = 0; from > 0 && back < 3 && (bytes[from]! & 0xc0) === 0x80; back++) from--;
  for (let i = from; i < bytes.length;) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let line = 1;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Checks, a chunk at a time, that the bytes are UTF-8 text; `what` names the expected format. */
async function checkText(bytes: Uint8Array, what: 'CSV' | 'JSON'): Promise<void> {
  if (bytes.length === 0) throw new ImportFileError('file_empty', 'Berkas kosong.');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError('file_encoding', `Berkas ${what} ini ber-encoding UTF-16 ("Unicode Text"). ${what === 'CSV' ? SAVE_AS_UTF8 : 'Simpan sebagai UTF-8.'}`);
  }
  const pause = timeSlicer();
  for (let i = 0; i < bytes.length; i++) {
    if (BINARY[bytes[i]!]) {
      throw new ImportFileError('file_not_text', `Berkas ini bukan ${what} teks (berisi data biner). Unggah berkas ${what === 'CSV' ? 'CSV, atau XLSX dari Excel' : 'JSON hasil ekspor SIASN'}.`);
    }
    if ((i & 0xfffff) === 0xfffff) await pause();
  }
  if (!isUtf8(bytes)) {
    const line = lineAt(bytes, firstInvalidUtf8(bytes));
    throw new ImportFileError('file_encoding',
      `Berkas bukan teks UTF-8 (baris ${line} memuat huruf yang tersimpan dengan encoding lain, misalnya Windows-1252). ${what === 'CSV' ? SAVE_AS_UTF8 : 'Simpan sebagai UTF-8.'}`);
  }
}

/** Checks that the bytes are UTF-8 text and returns it without a BOM; `what` names the expected format. */
export async function decodeText(bytes: Uint8Array, what: 'CSV' | 'JSON'): Promise<string> {
  await checkText(bytes, what);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The separator of a CSV: Excel with Indonesian regional settings writes `;` (the comma is the
 * decimal mark there), others `,`; tabs come from copy-paste. Chosen from the header line, where
 * no value can hide a separator. An Excel `sep=;` first line decides it outright; `skipBytes` is
 * that line's length.
 */
function sniffDelimiter(head: string): { delimiter: string; skipBytes: number } {
  const sep = /^sep=(.)\r?\n/i.exec(head);
  if (sep) return { delimiter: sep[1]!, skipBytes: Buffer.byteLength(sep[0]) };
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t', '|'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return { delimiter: best.n > 0 ? best.d : ',', skipBytes: 0 };
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'tanda kutip (") dibuka tetapi tidak ditutup',
  CSV_INVALID_CLOSING_QUOTE: 'ada karakter tepat setelah tanda kutip penutup',
  CSV_MAX_RECORD_SIZE: 'satu baris lebih dari 100.000 karakter',
};

async function readCsv(bytes: Uint8Array, limits: ReadLimits): Promise<Table> {
  await checkText(bytes, 'CSV');
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(bytes.length - start, 2 * CHUNK_BYTES)).toString('utf8');
  if (/^\s*[[{]/.test(head)) throw new ImportFileError('file_format', 'Berkas ini berisi JSON, bukan CSV atau XLSX. Untuk ekspor SIASN pilih jenis impor "siasn".');
  const { delimiter, skipBytes } = sniffDelimiter(head);
  start += skipBytes;
  const parser = parseCsv({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 100_000 });
  const source = Readable.from(slices(bytes.subarray(start)), { objectMode: false });
  source.pipe(parser);
  const records: string[][] = [];
  const pause = timeSlicer();
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      records.push(record);
      // The header and `maxRows` data rows are allowed; the next record refuses the file at once.
      if (records.length > limits.maxRows + 1) throw tooManyRows(limits.maxRows);
      await pause();
    }
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    throw new ImportFileError('csv_malformed', `CSV tidak dapat dibaca${line ? ` di baris ${line}` : ''}: ${CSV_PROBLEMS[err.code] ?? 'formatnya tidak dikenali'}.`);
  } finally {
    source.destroy();
    parser.destroy();
  }
  const [header, ...data] = records;
  const rows = data.map((cells, i) => ({ row: i + 2, cells: cells as Cell[] }));
  return { format: 'csv', header: header ?? [], rows };
}

// ── Entry points ────────────────────────────────────────────────────────────────────────────

/**
 * Reads a CSV or XLSX file into rows; the format is told by the content (a ZIP is XLSX, else
 * text). `limits` are the real import's unless a test lowers them.
 */
export async function readTable(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<Table> {
  if (bytes.length > MAX_FILE_BYTES) throw fileTooLarge();
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportFileError('file_format',
      'Berkas Excel 97–2003 (.xls) atau berkas Excel berkata sandi tidak didukung. Simpan sebagai "Excel Workbook (*.xlsx)" tanpa kata sandi, atau sebagai CSV UTF-8.');
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const table = isZip ? await readXlsx(bytes, limits) : await readCsv(bytes, limits);
  if (table.header.length > MAX_COLUMNS) {
    throw new ImportFileError('too_many_columns', `Baris judul berisi ${table.header.length} kolom; periksa apakah ini berkas impor SIMPEG.`);
  }
  if (table.header.every((h) => h.trim() === '')) {
    throw new ImportFileError('file_empty', 'Baris pertama harus berisi nama kolom (lihat templat impor).');
  }
  table.rows = table.rows.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  return table;
}

/**
 * Reads a JSON file (a SIASN export); a syntax error names the line. JSON is parsed whole, so its
 * size is what bounds the work: the upload limit, checked before anything is decoded.
 */
export async function readJson(bytes: Uint8Array): Promise<unknown> {
  if (bytes.length > MAX_FILE_BYTES) throw fileTooLarge();
  const text = await decodeText(bytes, 'JSON');
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
