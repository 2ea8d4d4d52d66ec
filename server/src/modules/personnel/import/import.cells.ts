import type { Cell } from './import.parse.js';
import type { RowError } from './import.schema.js';

// Reading one cell as a typed value, with the many ways people write the same thing in a
// spreadsheet (`Laki-laki`, `L`, `M`; `S-1/Sarjana`, `S1`; `26/09/1986`, a real Excel date).

/** Errors and warnings of an import, in the order found. */
export class Problems {
  readonly errors: RowError[] = [];
  readonly warnings: RowError[] = [];
  /** Codes of rows that already failed: references to them report nothing more. */
  readonly failedCodes = new Set<string>();

  error(row: number, field: string, value: Cell | undefined, message: string): void {
    this.errors.push({ row, field, value: shown(value), message });
  }

  warn(row: number, field: string, value: Cell | undefined, message: string): void {
    this.warnings.push({ row, field, value: shown(value), message });
  }
}

/** A cell as the report shows it: ISO for dates, at most 200 characters. */
export function shown(value: Cell | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value instanceof Date ? isoOf(value) : String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A row from any source: CSV/XLSX columns, or a SIASN entry mapped to the same column names. */
export interface SourceRow {
  row: number;
  /** The cell of a column; undefined when the source has no such column (then stored values are kept). */
  get(column: string): Cell | undefined;
  /** How a report names the column: the header for files, the JSON path for SIASN. */
  label(column: string): string;
}

const isoOf = (d: Date): string => d.toISOString().slice(0, 10);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** How far ahead a date may lie: TMTs and contract ends are planned, but not half a century out. */
const MAX_YEARS_AHEAD = 50;

/**
 * Why an existing calendar date is implausible for a personnel record, or null: before 1900 or
 * more than 50 years after `today` is a typo (`0986`, `2198`) or a spreadsheet's zero date, and
 * would be stored and shown as fact.
 */
function implausible(iso: string, today: Date): string | null {
  const latest = new Date(today);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD);
  const last = isoOf(latest);
  if (iso < '1900-01-01' || iso > last) return `tanggal tidak masuk akal; harus antara 01-01-1900 dan ${last.split('-').reverse().join('-')}`;
  return null;
}

/**
 * Why a cell is not a date, or its ISO form; `null` for empty (including SIASN's 01-01-0001).
 * Dates before 1900 or more than 50 years after `today` are refused as implausible.
 */
export function parseDate(cell: Cell, today: Date = new Date()): { ok: true; value: string | null } | { ok: false; message: string } {
  if (cell === null) return { ok: true, value: null };
  // ExcelJS reads date cells as UTC midnight of the day shown.
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, message: 'bukan tanggal' };
    const problem = implausible(isoOf(cell), today);
    return problem ? { ok: false, message: problem } : { ok: true, value: isoOf(cell) };
  }
  const text = String(cell).trim();
  if (text === '' || /^0*1-0*1-0{3}1$/.test(text) || text === '0001-01-01') return { ok: true, value: null };
  let parts: [string, string, string] | null = null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (m) parts = [m[1]!, m[2]!, m[3]!];
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) parts = [m[3]!, m[2]!, m[1]!];
  if (!parts) return { ok: false, message: 'format tanggal tidak dikenali; gunakan yyyy-mm-dd, dd-mm-yyyy atau dd/mm/yyyy' };
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, message: 'bukan tanggal yang ada di kalender' };
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const problem = implausible(iso, today);
  return problem ? { ok: false, message: problem } : { ok: true, value: iso };
}

/** Control characters (NUL and the like) cannot be stored in PostgreSQL text or shown; tab and line breaks are folded to spaces first. */
function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** Why a cell is not usable text, or the trimmed text (empty → null). */
export function parseText(cell: Cell): { ok: true; value: string | null } | { ok: false; message: string } {
  if (cell === null) return { ok: true, value: null };
  if (cell instanceof Date) return { ok: true, value: isoOf(cell) };
  if (typeof cell === 'number' && Number.isInteger(cell) && !Number.isSafeInteger(cell)) {
    return { ok: false, message: 'angka ini terlalu panjang untuk sel angka Excel sehingga digit terakhirnya hilang; format kolom sebagai Teks lalu ketik ulang' };
  }
  const text = String(cell).replace(/\s+/g, ' ').trim();
  if ([...text].some(isControl)) return { ok: false, message: 'mengandung karakter kendali yang tidak diizinkan' };
  return { ok: true, value: text === '' ? null : text };
}

/** Digit strings (NIP, NIK) written by Excel in scientific notation have lost digits for good. */
export function isScientific(text: string): boolean {
  return /^\d(?:[.,]\d+)?e\+?\d+$/i.test(text);
}

/** Letters and digits only, upper case: `S-1/Sarjana` → `S1SARJANA`, `Laki-laki` → `LAKILAKI`. */
const squash = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Looks a value up in a table of accepted spellings (keys squashed); undefined when not found. */
export function lookup<T>(table: Record<string, T>, text: string): T | undefined {
  return Object.hasOwn(table, squash(text)) ? table[squash(text)] : undefined;
}

export const UNIT_KIND_WORDS: Record<string, 'sekretariat' | 'bidang' | 'bagian' | 'subbagian' | 'seksi' | 'uptd' | 'kelurahan'> = {
  SEKRETARIAT: 'sekretariat', BIDANG: 'bidang', BAGIAN: 'bagian', SUBBAGIAN: 'subbagian', SUBBAG: 'subbagian',
  SEKSI: 'seksi', UPTD: 'uptd', UPT: 'uptd', KELURAHAN: 'kelurahan',
};

export const POSITION_KIND_WORDS: Record<string, 'jpt_pratama' | 'administrator' | 'pengawas' | 'pelaksana' | 'fungsional'> = {
  JPTPRATAMA: 'jpt_pratama', JPT: 'jpt_pratama', JABATANPIMPINANTINGGIPRATAMA: 'jpt_pratama', PIMPINANTINGGIPRATAMA: 'jpt_pratama',
  ADMINISTRATOR: 'administrator', PENGAWAS: 'pengawas', PELAKSANA: 'pelaksana', FUNGSIONALUMUM: 'pelaksana',
  FUNGSIONAL: 'fungsional', FUNGSIONALTERTENTU: 'fungsional',
};

export const EMPLOYEE_KIND_WORDS: Record<string, 'pns' | 'pppk'> = { PNS: 'pns', CPNS: 'pns', PPPK: 'pppk', P3K: 'pppk' };

export const GENDER_WORDS: Record<string, 'male' | 'female'> = {
  L: 'male', LAKILAKI: 'male', PRIA: 'male', M: 'male', MALE: 'male', P: 'female', PEREMPUAN: 'female', WANITA: 'female', F: 'female', FEMALE: 'female',
};

export const STATUS_WORDS: Record<string, 'active' | 'leave' | 'retired' | 'transferred'> = {
  AKTIF: 'active', ACTIVE: 'active', CUTI: 'leave', CLTN: 'leave', LEAVE: 'leave',
  PENSIUN: 'retired', RETIRED: 'retired', PINDAH: 'transferred', MUTASIKELUAR: 'transferred', TRANSFERRED: 'transferred',
};

export const DELEGATION_KIND_WORDS: Record<string, 'plt' | 'plh' | 'pj' | 'pjs'> = {
  PLT: 'plt', PELAKSANATUGAS: 'plt', PLH: 'plh', PELAKSANAHARIAN: 'plh', PJ: 'pj', PENJABAT: 'pj', PJS: 'pjs', PENJABATSEMENTARA: 'pjs',
};

export const YES_NO: Record<string, boolean> = { YA: true, Y: true, YES: true, TRUE: true, '1': true, TIDAK: false, T: false, NO: false, FALSE: false, '0': false };

type Education = 'SD' | 'SMP' | 'SMA' | 'D1' | 'D2' | 'D3' | 'D4' | 'S1' | 'S2' | 'S3';
const EDUCATION_WORDS: Record<string, Education> = {
  SD: 'SD', MI: 'SD', SMP: 'SMP', SLTP: 'SMP', MTS: 'SMP', SMA: 'SMA', SMK: 'SMA', SLTA: 'SMA', SMU: 'SMA', MA: 'SMA', STM: 'SMA',
  D1: 'D1', DI: 'D1', D2: 'D2', DII: 'D2', D3: 'D3', DIII: 'D3', D4: 'D4', DIV: 'D4', S1: 'S1', S2: 'S2', S3: 'S3',
  DIPLOMAI: 'D1', DIPLOMAII: 'D2', DIPLOMAIII: 'D3', DIPLOMAIV: 'D4', SARJANA: 'S1', MAGISTER: 'S2', DOKTOR: 'S3',
};

/** Education level from `S1`, `S-1/Sarjana`, `D-III`, `SLTA/SMK`, `Diploma III`: the whole text, else its first word. */
export function educationLevel(text: string): Education | undefined {
  return lookup(EDUCATION_WORDS, text) ?? lookup(EDUCATION_WORDS, text.trim().split(/[\s/,(]+/)[0] ?? '');
}

/** Eselon `II.a` from `II.a`, `IIa`, `II/a`, `ii-A`; undefined for anything else. */
export function eselonOf(text: string): 'II.a' | 'II.b' | 'III.a' | 'III.b' | 'IV.a' | 'IV.b' | undefined {
  const m = /^(II|III|IV)\s*[./-]?\s*([ab])$/i.exec(text.trim());
  return m ? (`${m[1]!.toUpperCase()}.${m[2]!.toLowerCase()}` as 'II.a') : undefined;
}
