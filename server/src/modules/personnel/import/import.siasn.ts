import { pnsRankBySapkId } from '../personnel.ranks.js';
import { lookup, type Problems, type SourceRow } from './import.cells.js';
import { ImportFileError, MAX_ROWS, type Cell } from './import.parse.js';

// SIASN (BKN) export → the same rows as the CSV files, so one validator and one writer serve both.
// The file is `{ "unor": [ref-unor…], "pegawai": [data-utama…] }`; each mapped row names its JSON
// path, so a report says `pegawai[12].tglLahir` rather than a column the user never saw.
// Dates stay `dd-mm-yyyy` (the date reader takes it; `01-01-0001` reads as empty).

/** An agency as SIASN names are matched against it (former names map to the current code). */
export interface AgencyName {
  code: string;
  name: string;
  shortName: string;
}

/** SIASN mapped to import rows: units (the OPD root stands for the agency's top unit), positions, employees. */
export interface SiasnRows {
  units: { src: SourceRow; agencyTop: boolean }[];
  positions: SourceRow[];
  employees: SourceRow[];
  /** Entries read (unor plus pegawai). */
  count: number;
}

/** External id of the head post SIASN describes on a unor. */
export const headPostCode = (unorId: string): string => `siasn:kepala:${unorId}`;
/** External id of the position made for an employee in a functional or pelaksana post. */
export const personalPostCode = (nip: string): string => `siasn:${nip}`;

/** SIASN eselon ids (simpeg.md §3.2; I.a/I.b are not regency grades). */
const ESELON_IDS: Record<string, string> = { 21: 'II.a', 22: 'II.b', 31: 'III.a', 32: 'III.b', 41: 'IV.a', 42: 'IV.b' };
const KIND_OF_GROUP: Record<string, string> = { II: 'jpt_pratama', III: 'administrator', IV: 'pengawas' };

/** SIASN `kedudukanPns` names → import status words; unknown ones leave the status as stored (with a warning). */
const KEDUDUKAN: Record<string, string> = {
  AKTIF: 'aktif', TUGASBELAJAR: 'aktif', MASAPERSIAPANPENSIUN: 'aktif', CLTN: 'cuti', PEMBERHENTIANSEMENTARA: 'cuti',
  PENSIUN: 'pensiun', PENSIUNBUP: 'pensiun', MENINGGAL: 'pensiun', MENINGGALDUNIA: 'pensiun', PEMBERHENTIAN: 'pensiun',
  PINDAH: 'pindah', PINDAHINSTANSI: 'pindah',
};

type Entry = Record<string, unknown>;

function str(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.trim() === '' ? null : text.trim();
}

/** Unit kind from the unor name (JenisUnorId codes are not documented), else from the head's eselon. */
function unitKind(name: string, eselon: string | undefined): string {
  const n = name.toUpperCase();
  if (/^SEKRETARIAT/.test(n)) return 'sekretariat';
  if (/^SUB\s*BAG(IAN)?\b|^SUBBAG/.test(n)) return 'subbagian';
  if (/^BAGIAN/.test(n)) return 'bagian';
  if (/^SEKSI/.test(n)) return 'seksi';
  if (/^(UPTD|UPT|UNIT PELAKSANA|PUSKESMAS)/.test(n)) return 'uptd';
  if (/^KELURAHAN/.test(n)) return 'kelurahan';
  if (/^BIDANG|^INSPEKTUR PEMBANTU/.test(n)) return 'bidang';
  return eselon?.startsWith('IV') ? 'seksi' : 'bidang';
}

/** Agency names as SIASN writes them: case and spacing ignored, "Kabupaten Tegal" suffix dropped. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim().replace(/\s+(kabupaten|kab\.?|kota)\s+[a-z .]+$/, '');
}

function sourceRow(list: 'unor' | 'pegawai', index: number, cells: Record<string, Cell>, fields: Record<string, string>): SourceRow {
  return {
    row: index + 1,
    get: (column) => (Object.hasOwn(cells, column) ? cells[column] : undefined),
    label: (column) => `${list}[${index}].${fields[column] ?? column}`,
  };
}

/** Reads the top level of a SIASN export; a file without `unor` or `pegawai` lists is refused. */
function lists(json: unknown): { unor: unknown[]; pegawai: unknown[] } {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new ImportFileError('siasn_shape', 'JSON SIASN harus berupa objek { "unor": [...], "pegawai": [...] }.');
  }
  const { unor, pegawai } = json as { unor?: unknown; pegawai?: unknown };
  if ((unor !== undefined && !Array.isArray(unor)) || (pegawai !== undefined && !Array.isArray(pegawai)) || (unor === undefined && pegawai === undefined)) {
    throw new ImportFileError('siasn_shape', 'JSON SIASN harus berisi daftar "unor" (referensi unit organisasi) dan/atau "pegawai" (data utama), masing-masing berupa array.');
  }
  const result = { unor: (unor ?? []) as unknown[], pegawai: (pegawai ?? []) as unknown[] };
  if (result.unor.length > MAX_ROWS || result.pegawai.length > MAX_ROWS) {
    throw new ImportFileError('too_many_rows', `Berkas SIASN berisi lebih dari ${MAX_ROWS.toLocaleString('id-ID')} entri dalam satu daftar. Pecah menjadi beberapa berkas.`, 413);
  }
  return result;
}

/** Maps a SIASN export to import rows; problems of the mapping itself (unknown OPD, codes) go to `problems`. */
export function mapSiasn(json: unknown, agencies: AgencyName[], problems: Problems): SiasnRows {
  const { unor, pegawai } = lists(json);
  const out: SiasnRows = { units: [], positions: [], employees: [], count: unor.length + pegawai.length };
  const opd = opdMatcher(unor, pegawai, agencies);
  unor.forEach((value, i) => {
    if (isEntry(value, 'unor', i, problems)) mapUnor(value, i, opd, problems, out);
  });
  pegawai.forEach((value, i) => {
    if (isEntry(value, 'pegawai', i, problems)) mapPegawai(value, i, opd, problems, out);
  });
  return out;
}

function isEntry(value: unknown, list: string, i: number, problems: Problems): value is Entry {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return true;
  problems.error(i + 1, `${list}[${i}]`, null, 'harus berupa objek');
  return false;
}

/** Names OPD unors and finds the agency code they stand for. */
interface OpdMatcher {
  /** The name of a unor, from the unor list or the employees' unorIndukNama. */
  nameOf(id: string): string | undefined;
  /** The agency code of the OPD unor `indukId` (or named `fallbackName`); null when no agency matches. */
  agencyOf(indukId: string | null, fallbackName: string | null): string | null;
}

/**
 * The OPD of a unor is the unor named by IndukUnorId; its name comes from the unor list or, for
 * files with employees only, from the employees' unorIndukNama, and is matched against the
 * agencies' names and short names, current and former.
 */
function opdMatcher(unor: unknown[], pegawai: unknown[], agencies: AgencyName[]): OpdMatcher {
  const byName = new Map<string, string>();
  for (const a of agencies) for (const n of [a.name, a.shortName]) byName.set(nameKey(n), a.code);
  const unorName = new Map<string, string>();
  for (const u of unor) if (u && typeof u === 'object' && str((u as Entry).Id)) unorName.set(str((u as Entry).Id)!, str((u as Entry).NamaUnor) ?? '');
  for (const p of pegawai) {
    const e = p as Entry | null;
    if (e && typeof e === 'object' && str(e.unorIndukId) && str(e.unorIndukNama)) unorName.set(str(e.unorIndukId)!, str(e.unorIndukNama)!);
  }
  return {
    nameOf: (id) => unorName.get(id),
    agencyOf(indukId, fallbackName) {
      const name = (indukId ? unorName.get(indukId) : undefined) || fallbackName;
      return name ? (byName.get(nameKey(name)) ?? null) : null;
    },
  };
}

/** One unor: a unit row (the OPD root stands for the agency's top unit) and, when it has a structural head, the head post. */
function mapUnor(value: Entry, i: number, opd: OpdMatcher, problems: Problems, out: SiasnRows): void {
  const id = str(value.Id);
  const induk = str(value.IndukUnorId);
  const parent = str(value.DiatasanId);
  const name = str(value.NamaUnor);
  const eselonId = str(value.EselonId);
  const eselon = eselonId ? ESELON_IDS[eselonId] : undefined;
  const agencyTop = id !== null && id === induk;
  const agency = opd.agencyOf(induk, null);
  if (!agency) {
    problems.error(i + 1, `unor[${i}].IndukUnorId`, induk,
      `OPD "${(induk && opd.nameOf(induk)) || induk || '-'}" dari unor "${name ?? id ?? '-'}" tidak cocok dengan nama atau singkatan perangkat daerah mana pun`);
    if (id) problems.failedCodes.add(id).add(headPostCode(id));
    return;
  }
  const cells: Record<string, Cell> = {
    kode_unit: id, kode_induk: agencyTop || parent === induk ? null : parent, kode_opd: agency,
    nama: name, singkatan: name ? name.slice(0, 80) : null, jenis: unitKind(name ?? '', eselon),
  };
  out.units.push({
    src: sourceRow('unor', i, cells, { kode_unit: 'Id', kode_induk: 'DiatasanId', kode_opd: 'IndukUnorId', nama: 'NamaUnor', singkatan: 'NamaUnor', jenis: 'JenisUnorId' }),
    agencyTop,
  });
  const title = str(value.NamaJabatan);
  if (!id || !title || !eselonId) return; // a unit without a structural head (simplified bureaucracy)
  if (!eselon) {
    problems.error(i + 1, `unor[${i}].EselonId`, eselonId, `kode eselon "${eselonId}" tidak didukung; yang dikenal 21, 22, 31, 32, 41, 42 (II.a–IV.b)`);
    problems.failedCodes.add(headPostCode(id));
    return;
  }
  out.positions.push(sourceRow('unor', i, {
    kode_jabatan: headPostCode(id), kode_unit: id, nama_jabatan: title, jenis_jabatan: KIND_OF_GROUP[eselon.split('.')[0]!]!,
    eselon, kepala_unit: 'ya', kode_atasan: null,
  }, { kode_jabatan: 'Id', kode_unit: 'Id', nama_jabatan: 'NamaJabatan', jenis_jabatan: 'EselonId', eselon: 'EselonId', kepala_unit: 'NamaJabatan' }));
}

/** The employee columns of a pegawai entry and the JSON field each is read from; fields SIASN leaves out are kept as stored. */
function employeeCells(value: Entry, agency: string | null): { cells: Record<string, Cell>; fields: Record<string, string> } {
  const kindText = [value.statusPegawai, value.jenisPegawaiNama, value.kedudukanPnsNama].map(str).join(' ');
  const kind = /PPPK|P3K/i.test(kindText) ? 'PPPK' : 'PNS';
  const rankId = str(value.golRuangAkhirId);
  const rank = kind === 'PNS' ? (rankId ? pnsRankBySapkId(rankId)?.code ?? rankId : str(value.golRuangAkhir)) : str(value.golRuangAkhir) ?? rankId;
  const fields: Record<string, string> = {
    nip: 'nipBaru', jenis_pegawai: 'jenisPegawaiNama', nama: 'nama', gelar_depan: 'gelarDepan', gelar_belakang: 'gelarBelakang',
    jenis_kelamin: 'jenisKelamin', tanggal_lahir: 'tglLahir', tempat_lahir: 'tempatLahir', nik: 'nik', alamat: 'alamat', telepon: 'noHp',
    email: value.emailGov !== undefined ? 'emailGov' : 'email', golongan: rankId ? 'golRuangAkhirId' : 'golRuangAkhir', tmt_golongan: 'tmtGolAkhir',
    status: 'kedudukanPnsNama', pendidikan: value.tkPendidikanTerakhir !== undefined ? 'tkPendidikanTerakhir' : 'pendidikanTerakhirNama',
    jurusan: 'pendidikanTerakhirNama', kode_opd: 'unorIndukNama', kode_unit: 'unorId', kode_jabatan: 'jabatanNama', tmt_jabatan: 'tmtJabatan', tmt_cpns: 'tmtCpns',
  };
  const cells: Record<string, Cell> = {
    nip: str(value.nipBaru), jenis_pegawai: kind, nama: str(value.nama), gelar_depan: str(value.gelarDepan), gelar_belakang: str(value.gelarBelakang),
    jenis_kelamin: str(value.jenisKelamin), tanggal_lahir: str(value.tglLahir), tmt_cpns: str(value.tmtCpns), golongan: rank,
    tmt_golongan: str(value.tmtGolAkhir), pendidikan: str(value.tkPendidikanTerakhir) ?? str(value.pendidikanTerakhirNama) ?? str(value.pendidikan),
    kode_opd: agency, kode_unit: str(value.unorId),
  };
  const optional: [string, unknown][] = [
    ['tempat_lahir', value.tempatLahir], ['nik', value.nik], ['alamat', value.alamat], ['telepon', value.noHp],
    ['email', value.emailGov ?? value.email], ['jurusan', value.tkPendidikanTerakhir !== undefined ? value.pendidikanTerakhirNama : undefined],
  ];
  for (const [column, raw] of optional) if (raw !== undefined) cells[column] = str(raw);
  return { cells, fields };
}

/** One pegawai: an employee row, its status from kedudukanPnsNama, and its post (a head post, or a personal functional/pelaksana post). */
function mapPegawai(value: Entry, i: number, opd: OpdMatcher, problems: Problems, out: SiasnRows): void {
  const nip = str(value.nipBaru);
  const induk = str(value.unorIndukId);
  const agency = opd.agencyOf(induk, str(value.unorIndukNama));
  const unorId = str(value.unorId);
  const { cells, fields } = employeeCells(value, agency);
  const kedudukan = str(value.kedudukanPnsNama);
  if (kedudukan) {
    const status = lookup(KEDUDUKAN, kedudukan);
    if (status) cells.status = status;
    else problems.warn(i + 1, `pegawai[${i}].kedudukanPnsNama`, kedudukan, 'kedudukan tidak dikenal; status pegawai tidak diubah');
  }
  if (!agency) {
    problems.error(i + 1, `pegawai[${i}].unorIndukNama`, str(value.unorIndukNama) ?? induk,
      `OPD "${str(value.unorIndukNama) ?? induk ?? '-'}" tidak cocok dengan nama atau singkatan perangkat daerah mana pun`);
    return;
  }
  const jenisJabatan = str(value.jenisJabatanId);
  const title = str(value.jabatanNama);
  if (jenisJabatan === '1') {
    cells.kode_jabatan = unorId ? headPostCode(unorId) : null;
    cells.tmt_jabatan = str(value.tmtJabatan);
  } else if ((jenisJabatan === '2' || jenisJabatan === '4') && nip) {
    cells.kode_jabatan = personalPostCode(nip);
    cells.tmt_jabatan = str(value.tmtJabatan);
    out.positions.push(sourceRow('pegawai', i, {
      kode_jabatan: personalPostCode(nip), kode_unit: unorId, nama_jabatan: title,
      jenis_jabatan: jenisJabatan === '2' ? 'fungsional' : 'pelaksana', eselon: null, kepala_unit: 'tidak', kode_atasan: null,
    }, { kode_jabatan: 'nipBaru', kode_unit: 'unorId', nama_jabatan: 'jabatanNama', jenis_jabatan: 'jenisJabatanId' }));
  } else if (jenisJabatan !== null) {
    problems.error(i + 1, `pegawai[${i}].jenisJabatanId`, jenisJabatan, 'kode jenis jabatan tidak dikenal; yang dikenal 1 (struktural), 2 (fungsional), 4 (pelaksana)');
  }
  out.employees.push(sourceRow('pegawai', i, cells, fields));
}
