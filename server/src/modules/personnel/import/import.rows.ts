import { crossCheck, parseEmployeeNumber, validateEmployeeNumber } from '../personnel.nip.js';
import { pnsRank, pppkGrade } from '../personnel.ranks.js';
import type { DELEGATION_KINDS, EMPLOYEE_STATUSES, ESELONS, POSITION_KINDS, UNIT_KINDS } from '../personnel.tables.js';
import {
  DELEGATION_KIND_WORDS, EMPLOYEE_KIND_WORDS, GENDER_WORDS, POSITION_KIND_WORDS, STATUS_WORDS, UNIT_KIND_WORDS, YES_NO,
  educationLevel, eselonOf, isScientific, lookup, parseDate, parseText, type Problems, type SourceRow,
} from './import.cells.js';
import { COLUMNS, normaliseHeader } from './import.columns.js';
import { ImportFileError, type Table } from './import.parse.js';
import type { TableKind } from './import.schema.js';

// Rows → typed inputs, one row at a time. Every field problem is reported (not only the first),
// so one pass over the report fixes the file. `undefined` in an input means "column not in the
// file": the import then keeps what is stored; `null` means the cell was empty. Dates are judged
// against `today`, the date the import began (ctx.today), never the machine's clock.

type Eselon = (typeof ESELONS)[number];

/** A unit row. */
export interface UnitInput {
  src: SourceRow;
  code: string;
  /** Parent unit code; null = directly under the agency's top unit. */
  parentCode: string | null | undefined;
  agencyCode: string | null | undefined;
  name: string;
  shortName: string | null | undefined;
  kind: (typeof UNIT_KINDS)[number];
  /** SIASN's OPD root unor: it stands for the agency's top unit rather than a unit below it. */
  agencyTop?: boolean;
}

/** A position row. */
export interface PositionInput {
  src: SourceRow;
  code: string;
  /** Unit code; null with an agency code = the agency's top unit. */
  unitCode: string | null | undefined;
  agencyCode: string | null | undefined;
  title: string;
  kind: (typeof POSITION_KINDS)[number];
  eselon: Eselon | null | undefined;
  isHead: boolean | undefined;
  /** Superior position code; null = derived from the unit tree (simpeg.md §5). */
  superiorCode: string | null | undefined;
}

/** An employee row. */
export interface EmployeeInput {
  src: SourceRow;
  nip: string;
  kind: 'pns' | 'pppk';
  name: string;
  titlePrefix: string | null | undefined;
  titleSuffix: string | null | undefined;
  gender: 'male' | 'female';
  birthDate: string;
  birthPlace: string | null | undefined;
  nik: string | null | undefined;
  address: string | null | undefined;
  phone: string | null | undefined;
  email: string | null | undefined;
  rank: string;
  rankTmt: string | null | undefined;
  status: (typeof EMPLOYEE_STATUSES)[number] | null | undefined;
  educationLevel: 'SD' | 'SMP' | 'SMA' | 'D1' | 'D2' | 'D3' | 'D4' | 'S1' | 'S2' | 'S3';
  educationMajor: string | null | undefined;
  agencyCode: string | null | undefined;
  unitCode: string | null | undefined;
  positionCode: string | null | undefined;
  positionTmt: string | null | undefined;
  skNumber: string | null | undefined;
  tmtCpns: string | null | undefined;
}

/** A delegation row (Plt/Plh/Pj/Pjs); the end date is stored exclusive, as the form stores it. */
export interface DelegationInput {
  src: SourceRow;
  positionCode: string;
  nip: string;
  kind: (typeof DELEGATION_KINDS)[number];
  skNumber: string;
  /** Undefined when the column is left out: a stored delegation keeps its SK date. */
  skDate: string | null | undefined;
  startDate: string;
  /** The day after the last day written in tanggal_selesai; null = until further notice. */
  endDate: string | null;
  reason: string;
}

/**
 * Checks a file's header against the kind's columns and returns its rows; a wrong header refuses
 * the file. A row with values past the last header is reported and left out: it is almost always
 * a separator typed inside an unquoted value, which shifts every later column.
 */
export function tableRows(table: Table, kind: TableKind, problems: Problems): SourceRow[] {
  const specs = COLUMNS[kind];
  const known = new Set(specs.map((c) => c.name));
  const names = table.header.map((h) => normaliseHeader(h));
  const unknown = table.header.filter((h, i) => names[i] !== '' && !known.has(names[i]!));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 10).map((h) => `"${h.trim().slice(0, 40)}"`).join(', ') + (unknown.length > 10 ? ` dan ${unknown.length - 10} lainnya` : '');
    // A file of another kind is the usual cause: say which one it looks like.
    const other = (Object.keys(COLUMNS) as TableKind[]).find((k) => k !== kind && names.every((n) => n === '' || COLUMNS[k].some((c) => c.name === n)));
    throw new ImportFileError('unknown_columns', `Kolom tidak dikenal: ${shown}. ${other ? `Berkas ini tampaknya berkas ${other}; pilih jenis impor itu. ` : ''}`
      + `Kolom berkas ${kind} adalah: ${specs.map((c) => c.name).join(', ')}.`);
  }
  const duplicated = names.filter((n, i) => n !== '' && names.indexOf(n) !== i);
  if (duplicated.length > 0) throw new ImportFileError('duplicate_columns', `Kolom ganda: ${[...new Set(duplicated)].join(', ')}.`);
  const missing = specs.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) throw new ImportFileError('missing_columns', `Kolom wajib tidak ada: ${missing.join(', ')}. Unduh templat impor untuk contoh.`);
  const index = new Map(names.map((n, i) => [n, i] as const).filter(([n]) => n !== ''));
  const aligned = table.rows.filter((r) => {
    const extra = r.cells.slice(names.length).filter((c) => c !== null && String(c).trim() !== '');
    if (extra.length === 0) return true;
    problems.error(r.row, 'baris', extra.map(String).join(' | '),
      `baris ini berisi ${names.length + extra.length} isian sedangkan judulnya ${names.length} kolom; apit isian yang memuat koma atau titik koma dengan tanda kutip (")`);
    return false;
  });
  return aligned.map((r) => ({
    row: r.row,
    get: (column: string) => {
      const i = index.get(column);
      return i === undefined ? undefined : (r.cells[i] ?? null);
    },
    label: (column: string) => column,
  }));
}

/** Field readers for one row that report each problem and remember whether the row is usable. */
function fields(src: SourceRow, problems: Problems, today: string) {
  let ok = true;
  const fail = (column: string, message: string): void => {
    ok = false;
    problems.error(src.row, src.label(column), src.get(column), message);
  };

  function text(column: string, opts: { required?: boolean; min?: number; max: number }): string | null | undefined {
    const cell = src.get(column);
    if (cell === undefined) {
      if (opts.required) fail(column, 'wajib diisi');
      return undefined;
    }
    const read = parseText(cell);
    if (!read.ok) return fail(column, read.message), undefined;
    if (read.value === null) {
      if (opts.required) fail(column, 'wajib diisi');
      return null;
    }
    if (opts.min && read.value.length < opts.min) return fail(column, `minimal ${opts.min} karakter`), undefined;
    if (read.value.length > opts.max) return fail(column, `maksimal ${opts.max} karakter`), undefined;
    return read.value;
  }

  function date(column: string, required = false): string | null | undefined {
    const cell = src.get(column);
    if (cell === undefined) return required ? (fail(column, 'wajib diisi'), undefined) : undefined;
    const read = parseDate(cell, new Date(`${today}T00:00:00Z`));
    if (!read.ok) return fail(column, read.message), undefined;
    if (read.value === null && required) fail(column, 'wajib diisi');
    return read.value;
  }

  function choice<T>(column: string, table: Record<string, T>, what: string, choices: string, required = false): T | null | undefined {
    const value = text(column, { required, max: 100 });
    if (value === null || value === undefined) return value;
    const found = lookup(table, value);
    if (found === undefined) fail(column, `"${value}" bukan ${what} yang dikenal; pilih salah satu: ${choices}`);
    return found;
  }

  /** Codes are kept as written (trimmed); they must not contain line breaks or be overly long. */
  const code = (column: string, required = false) => text(column, { required, max: 100 });

  return { text, date, choice, code, fail, get ok() { return ok; } };
}

const UNIT_KIND_CHOICES = 'sekretariat, bidang, bagian, subbagian, seksi, uptd, kelurahan';
const POSITION_KIND_CHOICES = 'JPT Pratama, Administrator, Pengawas, Pelaksana, Fungsional';
/** The eselon group of each structural kind: JPT pratama is eselon II, administrator III, pengawas IV. */
const ESELON_GROUP: Partial<Record<PositionInput['kind'], string>> = { jpt_pratama: 'II', administrator: 'III', pengawas: 'IV' };

/** Reads a unit row; null when a field is wrong (the problems are reported). */
export function readUnit(src: SourceRow, problems: Problems, today: string): UnitInput | null {
  const f = fields(src, problems, today);
  const code = f.code('kode_unit', true);
  const parentCode = f.code('kode_induk');
  const agencyCode = f.code('kode_opd');
  const name = f.text('nama', { required: true, min: 3, max: 200 });
  const shortName = f.text('singkatan', { min: 2, max: 80 });
  const kind = f.choice('jenis', UNIT_KIND_WORDS, 'jenis unit', UNIT_KIND_CHOICES, true);
  if (code && parentCode === code) f.fail('kode_induk', 'unit tidak boleh menjadi induk dirinya sendiri');
  if (!f.ok) return null;
  return { src, code: code!, parentCode, agencyCode: agencyCode?.toLowerCase(), name: name!, shortName, kind: kind! };
}

/** Reads a position row; null when a field is wrong. */
export function readPosition(src: SourceRow, problems: Problems, today: string): PositionInput | null {
  const f = fields(src, problems, today);
  const code = f.code('kode_jabatan', true);
  const unitCode = f.code('kode_unit');
  const agencyCode = f.code('kode_opd');
  const title = f.text('nama_jabatan', { required: true, min: 3, max: 200 });
  const kind = f.choice('jenis_jabatan', POSITION_KIND_WORDS, 'jenis jabatan', POSITION_KIND_CHOICES, true);
  const eselonText = f.text('eselon', { max: 10 });
  const eselon: Eselon | null | undefined = eselonText ? eselonOf(eselonText) : (eselonText as null | undefined);
  if (eselonText && !eselon) f.fail('eselon', `"${eselonText}" bukan eselon yang dikenal; pilih II.a, II.b, III.a, III.b, IV.a atau IV.b`);
  const isHead = f.choice('kepala_unit', YES_NO, 'isian ya/tidak', 'ya, tidak');
  const superiorCode = f.code('kode_atasan');
  if (!unitCode && !agencyCode && unitCode !== undefined) f.fail('kode_unit', 'isi kode_unit, atau kode_opd untuk unit teratas perangkat daerah');
  if (code && superiorCode === code) f.fail('kode_atasan', 'jabatan tidak boleh menjadi atasan dirinya sendiri');
  if (kind && eselon) {
    const group = ESELON_GROUP[kind];
    if (!group) f.fail('eselon', 'jabatan pelaksana dan fungsional tidak memiliki eselon; kosongkan kolom ini');
    else if (!eselon.startsWith(`${group}.`)) f.fail('eselon', `eselon ${eselon} tidak sesuai jenis jabatan; jabatan ini ber-eselon ${group}.a atau ${group}.b`);
  }
  if (!f.ok) return null;
  return {
    // An empty kepala_unit cell reads as "tidak"; a missing column keeps what is stored.
    src, code: code!, unitCode, agencyCode: agencyCode?.toLowerCase(), title: title!, kind: kind!, eselon, isHead: isHead === null ? false : isHead, superiorCode,
  };
}

/** A digit string (NIK, phone) with Excel's scientific notation caught. */
function digits(f: ReturnType<typeof fields>, column: string, pattern: RegExp, message: string, max: number): string | null | undefined {
  const value = f.text(column, { max });
  if (!value) return value;
  if (isScientific(value)) return f.fail(column, 'tertulis dalam notasi ilmiah oleh Excel sehingga digitnya hilang; format kolom sebagai Teks lalu ketik ulang'), undefined;
  if (!pattern.test(value)) return f.fail(column, message), undefined;
  return value;
}

/** Reads an employee row, validating the NIP for its kind and cross-checking it with birth date and gender. */
export function readEmployee(src: SourceRow, problems: Problems, today: string): EmployeeInput | null {
  const f = fields(src, problems, today);
  const nipText = f.text('nip', { required: true, max: 30 });
  const kind = f.choice('jenis_pegawai', EMPLOYEE_KIND_WORDS, 'jenis pegawai', 'PNS, PPPK', true);
  const name = f.text('nama', { required: true, min: 2, max: 120 });
  const titlePrefix = f.text('gelar_depan', { max: 40 });
  const titleSuffix = f.text('gelar_belakang', { max: 80 });
  const gender = f.choice('jenis_kelamin', GENDER_WORDS, 'jenis kelamin', 'L, P', true);
  const birthDate = f.date('tanggal_lahir', true);
  const birthPlace = f.text('tempat_lahir', { max: 80 });
  const nik = digits(f, 'nik', /^[0-9]{16}$/, 'NIK harus 16 angka', 30);
  const address = f.text('alamat', { max: 300 });
  const phone = digits(f, 'telepon', /^\+?[0-9 -]{8,20}$/, 'nomor telepon harus 8–20 angka (boleh diawali +)', 30);
  const email = f.text('email', { max: 120 });
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) f.fail('email', 'bukan alamat e-mail yang sah');
  const rankText = f.text('golongan', { required: true, max: 10 });
  const rankTmt = f.date('tmt_golongan');
  const status = f.choice('status', STATUS_WORDS, 'status pegawai', 'aktif, cuti, pensiun, pindah');
  const educationText = f.text('pendidikan', { required: true, max: 60 });
  const education = educationText ? educationLevel(educationText) : undefined;
  if (educationText && !education) f.fail('pendidikan', `"${educationText}" bukan jenjang pendidikan yang dikenal; pilih SD, SMP, SMA, D1–D4, S1, S2 atau S3`);
  const educationMajor = f.text('jurusan', { max: 120 });
  const agencyCode = f.code('kode_opd');
  const unitCode = f.code('kode_unit');
  const positionCode = f.code('kode_jabatan');
  const positionTmt = f.date('tmt_jabatan');
  const skNumber = f.text('nomor_sk', { min: 3, max: 100 });
  const tmtCpns = f.date('tmt_cpns');
  if (positionCode && !positionTmt) f.fail('tmt_jabatan', 'wajib diisi bila kode_jabatan diisi');

  // A PPPK grade is a roman numeral, a PNS rank a golongan/ruang: each only on its own ladder.
  const rank = rankText && kind ? (kind === 'pns' ? pnsRank(rankText)?.code : pppkGrade(rankText)) : undefined;
  if (rankText && kind && !rank) {
    f.fail('golongan', kind === 'pns' ? `"${rankText}" bukan golongan PNS; tulis seperti III/a (I/a sampai IV/e)` : `"${rankText}" bukan golongan PPPK; tulis angka Romawi I sampai XVII`);
  }

  let nip: string | undefined;
  if (nipText && kind) {
    if (isScientific(nipText)) {
      f.fail('nip', 'tertulis dalam notasi ilmiah oleh Excel sehingga digitnya hilang; format kolom sebagai Teks lalu ketik ulang');
    } else {
      const checked = validateEmployeeNumber(nipText, kind, { today: new Date(`${today}T00:00:00Z`) });
      if (!checked.ok) f.fail('nip', checked.problems.join('; '));
      else nip = checked.value.number;
    }
  }
  if (nip && birthDate && gender) {
    const mismatch = crossCheck(nip, { birthDate, gender, tmtCpns: kind === 'pns' ? tmtCpns : null });
    if (mismatch.birthDate) f.fail('tanggal_lahir', `tidak sesuai NIP: NIP menyebut lahir ${nip.slice(6, 8)}-${nip.slice(4, 6)}-${nip.slice(0, 4)}`);
    if (mismatch.gender) f.fail('jenis_kelamin', `tidak sesuai NIP: digit ke-15 NIP (${nip[14]}) berarti ${nip[14] === '1' ? 'laki-laki' : 'perempuan'}`);
    if (mismatch.tmtCpns) {
      problems.warn(src.row, src.label('tmt_cpns'), src.get('tmt_cpns'), `tidak sesuai NIP: NIP menyebut TMT CPNS ${nip.slice(12, 14)}-${nip.slice(8, 12)}`);
    }
  }
  if (!f.ok) return null;
  return {
    src, nip: nip!, kind: kind!, name: name!, titlePrefix, titleSuffix, gender: gender!, birthDate: birthDate!, birthPlace, nik, address, phone, email,
    rank: rank!, rankTmt, status, educationLevel: education!, educationMajor, agencyCode: agencyCode?.toLowerCase(), unitCode, positionCode, positionTmt,
    skNumber, tmtCpns,
  };
}

const DELEGATION_KIND_CHOICES = 'Plt, Plh, Pj, Pjs';

/** The day after an ISO date: the exclusive end stored for a last day. */
function dayAfter(iso: string): string {
  const next = new Date(`${iso}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * Reads a delegation row with the checks the delegation form makes on its own fields (SK number and
 * reason of at least three characters, a Plh always ends, the last day not before the first).
 * Whether the post, the person and the period fit is import.delegations.ts's work.
 */
export function readDelegation(src: SourceRow, problems: Problems, today: string): DelegationInput | null {
  const f = fields(src, problems, today);
  const positionCode = f.code('kode_jabatan', true);
  const nipText = f.text('nip', { required: true, max: 30 });
  const kind = f.choice('jenis_pelimpahan', DELEGATION_KIND_WORDS, 'jenis pelimpahan', DELEGATION_KIND_CHOICES, true);
  const skNumber = f.text('nomor_sk', { required: true, min: 3, max: 100 });
  const skDate = f.date('tanggal_sk');
  const startDate = f.date('tanggal_mulai', true);
  const lastDay = f.date('tanggal_selesai');
  const reason = f.text('alasan', { required: true, min: 3, max: 500 });
  let nip: string | undefined;
  if (nipText && isScientific(nipText)) {
    f.fail('nip', 'tertulis dalam notasi ilmiah oleh Excel sehingga digitnya hilang; format kolom sebagai Teks lalu ketik ulang');
  } else if (nipText) {
    const checked = parseEmployeeNumber(nipText, { today: new Date(`${today}T00:00:00Z`) });
    if (checked.ok) nip = checked.value.number;
    else f.fail('nip', checked.problems.join('; '));
  }
  if (kind === 'plh' && lastDay === null) f.fail('tanggal_selesai', 'wajib diisi untuk Plh: Plh menggantikan pejabat yang berhalangan sementara');
  if (startDate && lastDay && lastDay < startDate) f.fail('tanggal_selesai', 'tidak boleh sebelum tanggal_mulai');
  if (!f.ok) return null;
  return {
    src, positionCode: positionCode!, nip: nip!, kind: kind!, skNumber: skNumber!, skDate, startDate: startDate!,
    endDate: lastDay ? dayAfter(lastDay) : null, reason: reason!,
  };
}
