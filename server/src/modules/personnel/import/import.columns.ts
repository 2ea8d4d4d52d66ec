import { csvDocument } from '../../../platform/spreadsheet.js';
import type { TableKind } from './import.schema.js';

/** One column of an import file: its header, whether the header must be there, and a template example. */
export interface ColumnSpec {
  name: string;
  required: boolean;
  example: string;
}

const col = (name: string, required: boolean, example: string): ColumnSpec => ({ name, required, example });

/**
 * The columns of each file kind, in template order. A required column must be present in the
 * header (its cells may still be checked per row); an optional column may be left out, and then
 * the import keeps what is stored for that field instead of clearing it.
 */
export const COLUMNS: Record<TableKind, readonly ColumnSpec[]> = {
  units: [
    col('kode_unit', true, 'DKI-APTIKA'),
    col('kode_induk', false, ''),
    col('kode_opd', false, 'diskominfo'),
    col('nama', true, 'Bidang Aplikasi Informatika'),
    col('singkatan', false, 'Bidang Aptika'),
    col('jenis', true, 'bidang'),
  ],
  positions: [
    col('kode_jabatan', true, 'DKI-KABID-APTIKA'),
    col('kode_unit', false, 'DKI-APTIKA'),
    col('kode_opd', false, ''),
    col('nama_jabatan', true, 'Kepala Bidang Aplikasi Informatika'),
    col('jenis_jabatan', true, 'Administrator'),
    col('eselon', false, 'III.b'),
    col('kepala_unit', false, 'ya'),
    col('kode_atasan', false, ''),
  ],
  employees: [
    col('nip', true, '198609262015051001'),
    col('jenis_pegawai', true, 'PNS'),
    col('nama', true, 'Budi Santoso'),
    col('gelar_depan', false, ''),
    col('gelar_belakang', false, 'S.Kom.'),
    col('jenis_kelamin', true, 'L'),
    col('tanggal_lahir', true, '26-09-1986'),
    col('tempat_lahir', false, 'Tegal'),
    col('nik', false, '3328012609860001'),
    col('alamat', false, 'Jl. Ahmad Yani No. 1, Slawi'),
    col('telepon', false, '081234567890'),
    col('email', false, 'budi.santoso@tegalkab.go.id'),
    col('golongan', true, 'III/b'),
    col('tmt_golongan', false, '01-04-2019'),
    col('status', false, 'aktif'),
    col('pendidikan', true, 'S1'),
    col('jurusan', false, 'Teknik Informatika'),
    col('kode_opd', false, 'diskominfo'),
    col('kode_unit', false, 'DKI-APTIKA'),
    col('kode_jabatan', false, 'DKI-KABID-APTIKA'),
    col('tmt_jabatan', false, '02-01-2023'),
    col('nomor_sk', false, '821.2/012/2023'),
    col('tmt_cpns', false, '01-05-2015'),
  ],
  // Plt/Plh/Pj/Pjs: the position by the code its positions file gave it, the delegate by NIP.
  // tanggal_selesai is the last day of the term as the SK says it ("sampai dengan"); empty = open.
  delegations: [
    col('kode_jabatan', true, 'DKI-KABID-APTIKA'),
    col('nip', true, '198609262015051001'),
    col('jenis_pelimpahan', true, 'Plt'),
    col('nomor_sk', true, '800.1.3/015/2025'),
    col('tanggal_sk', false, '30-12-2024'),
    col('tanggal_mulai', true, '02-01-2025'),
    col('tanggal_selesai', true, '30-06-2025'),
    col('alasan', true, 'Kepala bidang pensiun; jabatan lowong'),
  ],
};

/** Header text as a column name: `Kode Unit`, `KODE-UNIT` and ` kode_unit ` all read as `kode_unit`. */
export function normaliseHeader(raw: string): string {
  return raw.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s\-.]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * The template of a kind: the header row and one example row, written as Excel opens CSV (UTF-8
 * BOM, commas, CRLF) and through the platform's spreadsheet escaping like every file we write.
 */
export function templateCsv(kind: TableKind): string {
  const columns = COLUMNS[kind];
  return csvDocument([columns.map((c) => c.name), columns.map((c) => c.example)]);
}
