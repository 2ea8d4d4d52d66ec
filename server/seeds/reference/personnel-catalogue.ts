import type { BulkEmployee, UnitNode } from '../../src/modules/personnel/index.js';
import { HEALTH_SCHOOLS } from './indonesian-names.js';

// What the demo staff generator (seeds/personnel-demo.generator.ts) draws from: fields of study and their
// gelar, functional and pelaksana posts with the education they take, which posts each kind of
// unit has, agency sizes, and trainings. Written for this project from common regency practice;
// shares and mixes are rules of thumb for demo data, not published figures.

type EducationLevel = BulkEmployee['educationLevel'];
/** Jenjang of a functional post: keterampilan (Terampil…Penyelia) and keahlian (Ahli …). */
export type Jenjang = 'Terampil' | 'Mahir' | 'Penyelia' | 'Ahli Pertama' | 'Ahli Muda' | 'Ahli Madya';
/** Values with relative weights, for a weighted draw. */
export type Weighted<T> = readonly (readonly [T, number])[];

// ── Fields of study and the gelar they give ──────────────────────────────────────────────────

/** A degree programme and the gelar it gives. */
export interface Degree {
  major: string;
  title: string;
  school?: string;
}

/** A field of study: its degrees by level and where people study it. */
export interface Field {
  s1?: Degree[];
  d3?: Degree;
  d4?: Degree;
  s2: Degree[];
  /** Gelar printed before the name for a professional degree (dr., drg., drh.). */
  prefix?: string;
  /** Specialist education (dokter spesialis), recorded at S2 level. */
  specialist?: Degree[];
  schools: string[];
  diplomaSchools?: string[];
}

const UNDIP = 'Universitas Diponegoro';
const UNSOED = 'Universitas Jenderal Soedirman';
const UNNES = 'Universitas Negeri Semarang';
const UPS = 'Universitas Pancasakti Tegal';
const UGM = 'Universitas Gadjah Mada';
const UNS = 'Universitas Sebelas Maret';
const UNIMUS = 'Universitas Muhammadiyah Semarang';
const UMP = 'Universitas Muhammadiyah Purwokerto';
const UT = 'Universitas Terbuka';
const UNISSULA = 'Universitas Islam Sultan Agung';

/** Fields of study by key, with the gelar of each level (S.Kom., A.Md.Kep., dr. + Sp.PD.…). */
export const FIELDS = {
  informatika: {
    s1: [{ major: 'Teknik Informatika', title: 'S.Kom.' }, { major: 'Sistem Informasi', title: 'S.Kom.' }, { major: 'Informatika', title: 'S.Kom.' }],
    d3: { major: 'Manajemen Informatika', title: 'A.Md.Kom.' },
    s2: [{ major: 'Magister Sistem Informasi', title: 'M.Kom.' }, { major: 'Magister Teknik Informatika', title: 'M.Kom.' }],
    schools: ['Universitas Dian Nuswantoro', UNDIP, UPS, 'Universitas Amikom Purwokerto', UNSOED],
  },
  komunikasi: {
    s1: [{ major: 'Ilmu Komunikasi', title: 'S.I.Kom.' }],
    s2: [{ major: 'Magister Ilmu Komunikasi', title: 'M.I.Kom.' }],
    schools: [UNDIP, UNSOED, UNS, UPS],
  },
  statistika: {
    s1: [{ major: 'Statistika', title: 'S.Stat.' }],
    d3: { major: 'Statistika', title: 'A.Md.Stat.' },
    s2: [{ major: 'Magister Statistika', title: 'M.Si.' }],
    schools: [UNDIP, UGM, UNNES],
  },
  ekonomi: {
    s1: [{ major: 'Manajemen', title: 'S.E.' }, { major: 'Akuntansi', title: 'S.E.' }, { major: 'Ekonomi Pembangunan', title: 'S.E.' }],
    d3: { major: 'Akuntansi', title: 'A.Md.Ak.' },
    s2: [{ major: 'Magister Manajemen', title: 'M.M.' }, { major: 'Magister Akuntansi', title: 'M.Ak.' }, { major: 'Magister Ilmu Ekonomi', title: 'M.Si.' }],
    schools: [UPS, UNDIP, UNSOED, UNNES, UMP],
  },
  hukum: {
    s1: [{ major: 'Ilmu Hukum', title: 'S.H.' }],
    s2: [{ major: 'Magister Ilmu Hukum', title: 'M.H.' }, { major: 'Magister Kenotariatan', title: 'M.Kn.' }],
    schools: [UPS, UNDIP, UNSOED, UNISSULA],
  },
  sosial: {
    s1: [{ major: 'Administrasi Publik', title: 'S.Sos.' }, { major: 'Ilmu Administrasi Negara', title: 'S.Sos.' }, { major: 'Sosiologi', title: 'S.Sos.' }],
    d3: { major: 'Administrasi Perkantoran', title: 'A.Md.' },
    s2: [{ major: 'Magister Ilmu Administrasi', title: 'M.Si.' }, { major: 'Magister Administrasi Publik', title: 'M.AP.' }],
    schools: [UNDIP, UNSOED, UPS, UT, 'Universitas 17 Agustus 1945 Semarang'],
  },
  pemerintahan: {
    s1: [
      { major: 'Manajemen Pemerintahan', title: 'S.STP.', school: 'Institut Pemerintahan Dalam Negeri' },
      { major: 'Ilmu Pemerintahan', title: 'S.IP.' },
    ],
    s2: [{ major: 'Magister Ilmu Pemerintahan', title: 'M.Si.' }, { major: 'Magister Administrasi Publik', title: 'M.AP.' }],
    schools: [UNDIP, UPS, 'Institut Pemerintahan Dalam Negeri'],
  },
  psikologi: {
    s1: [{ major: 'Psikologi', title: 'S.Psi.' }],
    s2: [{ major: 'Magister Psikologi', title: 'M.Psi.' }],
    schools: [UNDIP, UNISSULA, UMP],
  },
  pendidikan: {
    s1: [
      { major: 'Pendidikan Guru Sekolah Dasar', title: 'S.Pd.' }, { major: 'Pendidikan Guru Sekolah Dasar', title: 'S.Pd.' },
      { major: 'Pendidikan Matematika', title: 'S.Pd.' }, { major: 'Pendidikan Bahasa Indonesia', title: 'S.Pd.' },
      { major: 'Pendidikan Bahasa Inggris', title: 'S.Pd.' }, { major: 'Pendidikan Jasmani, Kesehatan dan Rekreasi', title: 'S.Pd.' },
      { major: 'Pendidikan Biologi', title: 'S.Pd.' }, { major: 'Pendidikan Ilmu Pengetahuan Sosial', title: 'S.Pd.' },
      { major: 'Pendidikan Agama Islam', title: 'S.Pd.' }, { major: 'Bimbingan dan Konseling', title: 'S.Pd.' },
    ],
    s2: [{ major: 'Magister Manajemen Pendidikan', title: 'M.Pd.' }, { major: 'Magister Pendidikan Dasar', title: 'M.Pd.' }],
    schools: [UPS, UNNES, UT, UMP, 'Universitas Peradaban'],
  },
  paud: {
    s1: [{ major: 'Pendidikan Guru Pendidikan Anak Usia Dini', title: 'S.Pd.' }],
    s2: [{ major: 'Magister Pendidikan Anak Usia Dini', title: 'M.Pd.' }],
    schools: [UNNES, UT, UPS],
  },
  budaya: {
    s1: [{ major: 'Sejarah', title: 'S.S.' }, { major: 'Sastra Indonesia', title: 'S.S.' }, { major: 'Antropologi', title: 'S.Ant.' }],
    s2: [{ major: 'Magister Sejarah', title: 'M.Hum.' }],
    schools: [UNDIP, UNS, UNNES, UGM],
  },
  teknik: {
    s1: [{ major: 'Teknik Sipil', title: 'S.T.' }],
    d3: { major: 'Teknik Sipil', title: 'A.Md.T.' },
    s2: [{ major: 'Magister Teknik Sipil', title: 'M.T.' }],
    schools: [UNDIP, UNSOED, UPS, UNISSULA],
  },
  mesin: {
    s1: [{ major: 'Teknik Mesin', title: 'S.T.' }],
    d3: { major: 'Teknik Mesin', title: 'A.Md.T.' },
    s2: [{ major: 'Magister Teknik Mesin', title: 'M.T.' }],
    schools: [UNDIP, UPS, UNSOED],
  },
  arsitektur: {
    s1: [{ major: 'Arsitektur', title: 'S.T.' }],
    s2: [{ major: 'Magister Arsitektur', title: 'M.T.' }],
    schools: [UNDIP, UNISSULA, UGM],
  },
  planologi: {
    s1: [{ major: 'Perencanaan Wilayah dan Kota', title: 'S.T.' }],
    s2: [{ major: 'Magister Pembangunan Wilayah dan Kota', title: 'M.T.' }],
    schools: [UNDIP, UNISSULA, UGM],
  },
  lingkungan: {
    s1: [{ major: 'Teknik Lingkungan', title: 'S.T.' }],
    s2: [{ major: 'Magister Ilmu Lingkungan', title: 'M.Si.' }],
    schools: [UNDIP, UNSOED],
  },
  keperawatan: {
    s1: [{ major: 'Keperawatan', title: 'S.Kep., Ns.' }],
    d3: { major: 'Keperawatan', title: 'A.Md.Kep.' },
    s2: [{ major: 'Magister Keperawatan', title: 'M.Kep.' }],
    schools: ['Universitas Bhamada Slawi', UNIMUS, UNSOED, UNDIP],
    diplomaSchools: HEALTH_SCHOOLS,
  },
  kebidanan: {
    d3: { major: 'Kebidanan', title: 'A.Md.Keb.' },
    d4: { major: 'Kebidanan', title: 'S.Tr.Keb.' },
    s2: [{ major: 'Magister Kebidanan', title: 'M.Keb.' }],
    schools: ['Poltekkes Kemenkes Semarang', 'Universitas Bhamada Slawi'],
    diplomaSchools: HEALTH_SCHOOLS,
  },
  kesmas: {
    s1: [{ major: 'Kesehatan Masyarakat', title: 'S.K.M.' }],
    s2: [{ major: 'Magister Kesehatan Masyarakat', title: 'M.Kes.' }, { major: 'Magister Promosi Kesehatan', title: 'M.Kes.' }],
    schools: [UNDIP, UNSOED, UNNES, UNIMUS],
  },
  kedokteran: {
    s1: [{ major: 'Pendidikan Dokter', title: '' }],
    s2: [{ major: 'Magister Kesehatan Masyarakat', title: 'M.Kes.' }, { major: 'Magister Manajemen Rumah Sakit', title: 'M.M.R.' }],
    prefix: 'dr.',
    specialist: [
      { major: 'Ilmu Penyakit Dalam', title: 'Sp.PD.' }, { major: 'Ilmu Kesehatan Anak', title: 'Sp.A.' },
      { major: 'Obstetri dan Ginekologi', title: 'Sp.OG.' }, { major: 'Ilmu Bedah', title: 'Sp.B.' },
      { major: 'Anestesiologi', title: 'Sp.An.' }, { major: 'Radiologi', title: 'Sp.Rad.' }, { major: 'Neurologi', title: 'Sp.N.' },
    ],
    schools: [UNDIP, UNSOED, UNS, UGM, UNISSULA, UNIMUS],
  },
  kedokteranGigi: {
    s1: [{ major: 'Pendidikan Dokter Gigi', title: '' }],
    s2: [{ major: 'Magister Kesehatan Masyarakat', title: 'M.Kes.' }],
    prefix: 'drg.',
    schools: [UGM, UNSOED, UNISSULA, UNIMUS],
  },
  farmasi: {
    s1: [{ major: 'Farmasi', title: 'S.Farm.' }],
    d3: { major: 'Farmasi', title: 'A.Md.Farm.' },
    s2: [{ major: 'Magister Farmasi', title: 'M.Farm.' }],
    schools: [UMP, UNSOED, UGM, 'Universitas Wahid Hasyim'],
    diplomaSchools: ['Politeknik Harapan Bersama Tegal', 'Poltekkes Kemenkes Semarang'],
  },
  gizi: {
    s1: [{ major: 'Gizi', title: 'S.Gz.' }],
    d3: { major: 'Gizi', title: 'A.Md.Gz.' },
    s2: [{ major: 'Magister Gizi', title: 'M.Gz.' }],
    schools: [UNDIP, UNIMUS],
    diplomaSchools: ['Poltekkes Kemenkes Semarang'],
  },
  sanitasi: {
    s1: [{ major: 'Kesehatan Lingkungan', title: 'S.K.M.' }],
    d3: { major: 'Sanitasi', title: 'A.Md.Kes.' },
    s2: [{ major: 'Magister Kesehatan Lingkungan', title: 'M.Kes.' }],
    schools: [UNDIP, UNIMUS],
    diplomaSchools: ['Poltekkes Kemenkes Semarang'],
  },
  laboratorium: {
    d3: { major: 'Teknologi Laboratorium Medis', title: 'A.Md.Kes.' },
    d4: { major: 'Teknologi Laboratorium Medis', title: 'S.Tr.Kes.' },
    s2: [{ major: 'Magister Ilmu Biomedik', title: 'M.Si.Med.' }],
    schools: [UNIMUS, UNDIP],
    diplomaSchools: ['Poltekkes Kemenkes Semarang', UNIMUS],
  },
  radiologi: { d3: { major: 'Radiologi', title: 'A.Md.Rad.' }, s2: [], schools: [], diplomaSchools: ['Poltekkes Kemenkes Semarang'] },
  rekamMedis: {
    d3: { major: 'Rekam Medis dan Informasi Kesehatan', title: 'A.Md.RMIK.' }, s2: [], schools: [],
    diplomaSchools: ['Poltekkes Kemenkes Semarang', 'Universitas Dian Nuswantoro'],
  },
  fisioterapi: { d3: { major: 'Fisioterapi', title: 'A.Md.Ftr.' }, s2: [], schools: [], diplomaSchools: ['Poltekkes Kemenkes Surakarta'] },
  pertanian: {
    s1: [{ major: 'Agroteknologi', title: 'S.P.' }, { major: 'Agribisnis', title: 'S.P.' }, { major: 'Agronomi', title: 'S.P.' }],
    d3: { major: 'Budidaya Tanaman Pangan', title: 'A.Md.P.' },
    s2: [{ major: 'Magister Agribisnis', title: 'M.P.' }],
    schools: [UNSOED, UGM, UNS, UNDIP, UPS],
  },
  veteriner: {
    s1: [{ major: 'Kedokteran Hewan', title: '' }], s2: [{ major: 'Magister Sains Veteriner', title: 'M.Sc.' }], prefix: 'drh.',
    schools: [UGM, 'Institut Pertanian Bogor'],
  },
  perikanan: {
    s1: [{ major: 'Budidaya Perairan', title: 'S.Pi.' }, { major: 'Pemanfaatan Sumberdaya Perikanan', title: 'S.Pi.' }],
    s2: [{ major: 'Magister Manajemen Sumberdaya Pantai', title: 'M.Si.' }],
    schools: [UNDIP, UNSOED, UPS],
  },
  perpustakaan: {
    s1: [{ major: 'Ilmu Perpustakaan', title: 'S.Hum.' }],
    d3: { major: 'Perpustakaan', title: 'A.Md.' },
    s2: [{ major: 'Magister Ilmu Perpustakaan', title: 'M.Hum.' }],
    schools: [UNDIP, 'Universitas Islam Negeri Walisongo'],
  },
  kesos: {
    s1: [{ major: 'Kesejahteraan Sosial', title: 'S.Sos.' }],
    s2: [{ major: 'Magister Ilmu Kesejahteraan Sosial', title: 'M.Si.' }],
    schools: [UNSOED, 'Universitas Islam Negeri Walisongo', 'Politeknik Kesejahteraan Sosial Bandung'],
  },
} satisfies Record<string, Field>;
/** Key of a field of study. */
export type FieldKey = keyof typeof FIELDS;
/** The field of study with a key. */
export const field = (key: FieldKey): Field => FIELDS[key];

/** Streams of a senior high school (SMA). */
export const SMA_MAJORS = ['IPA', 'IPS'];
/** Programmes of a vocational high school (SMK). */
export const SMK_MAJORS = ['Akuntansi', 'Otomatisasi dan Tata Kelola Perkantoran', 'Teknik Komputer dan Jaringan', 'Teknik Kendaraan Ringan'];

// ── Positions ────────────────────────────────────────────────────────────────────────────────

/** A kind of non-managerial post: functional (with jenjang) or pelaksana (with the education it takes). */
export interface Job {
  title: string;
  kind: 'fungsional' | 'pelaksana';
  levels: Weighted<Jenjang>;
  education: Weighted<EducationLevel>;
  fields: FieldKey[];
  female: number;
  /** How likely the post goes to a PPPK rather than a PNS, relative to the average post (1). */
  pppk: number;
  /** The functional training its holders take (kind `fungsional`). */
  training?: string;
  /** A professional gelar before the name (`apt.` for apoteker). */
  profession?: string;
}

const fungsional = (title: string, levels: Partial<Record<Jenjang, number>>, fields: FieldKey[],
  more: { female?: number; pppk?: number; training?: string; profession?: string } = {}): Job => ({
  title, kind: 'fungsional', levels: Object.entries(levels) as [Jenjang, number][], education: [], fields,
  female: more.female ?? 0.45, pppk: more.pppk ?? 0.8, training: more.training, profession: more.profession,
});
const pelaksana = (title: string, education: Partial<Record<EducationLevel, number>>, fields: FieldKey[], female = 0.45): Job => ({
  title, kind: 'pelaksana', levels: [], education: Object.entries(education) as [EducationLevel, number][], fields, female, pppk: 1,
});

/** The posts, by short key: pelaksana titles of the 2024 nomenclature plus older ones still on many SKs. */
export const J = {
  administrasi: pelaksana('Pengadministrasi Perkantoran', { SMA: 6, D3: 2, S1: 2 }, ['sosial', 'ekonomi'], 0.55),
  keuangan: pelaksana('Pengelola Keuangan', { SMA: 2, D3: 3, S1: 5 }, ['ekonomi'], 0.6),
  operator: pelaksana('Operator Layanan Operasional', { SMA: 7, D3: 3 }, ['informatika', 'sosial', 'mesin'], 0.35),
  pengelolaLayanan: pelaksana('Pengelola Layanan Operasional', { SMA: 2, D3: 5, S1: 3 }, ['sosial', 'informatika'], 0.45),
  penataLayanan: pelaksana('Penata Layanan Operasional', { D3: 2, S1: 8 }, ['sosial', 'ekonomi', 'hukum', 'pemerintahan']),
  pengolahData: pelaksana('Pengolah Data dan Informasi', { D3: 4, S1: 6 }, ['informatika', 'statistika', 'sosial']),
  penelaah: pelaksana('Penelaah Teknis Kebijakan', { S1: 10 }, ['sosial', 'hukum', 'ekonomi', 'pemerintahan']),
  pengelolaBarang: pelaksana('Pengelola Barang Milik Daerah', { D3: 4, S1: 6 }, ['ekonomi', 'teknik']),
  pranataKomputer: fungsional('Pranata Komputer', { Terampil: 2, 'Ahli Pertama': 3, 'Ahli Muda': 2 }, ['informatika'],
    { female: 0.35, training: 'Pelatihan Fungsional Pranata Komputer' }),
  humas: fungsional('Pranata Hubungan Masyarakat', { Terampil: 1, 'Ahli Pertama': 2, 'Ahli Muda': 2 }, ['komunikasi', 'sosial'], { female: 0.5 }),
  statistisi: fungsional('Statistisi', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['statistika']),
  sandiman: fungsional('Sandiman', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['informatika'], { female: 0.3, training: 'Pelatihan Pembentukan Sandiman' }),
  analisKebijakan: fungsional('Analis Kebijakan', { 'Ahli Pertama': 2, 'Ahli Muda': 3, 'Ahli Madya': 1 }, ['sosial', 'hukum', 'ekonomi', 'pemerintahan']),
  perencana: fungsional('Perencana', { 'Ahli Pertama': 2, 'Ahli Muda': 2, 'Ahli Madya': 1 }, ['ekonomi', 'planologi', 'sosial']),
  analisSdm: fungsional('Analis Sumber Daya Manusia Aparatur', { 'Ahli Pertama': 3, 'Ahli Muda': 2, 'Ahli Madya': 1 }, ['sosial', 'psikologi', 'hukum'],
    { female: 0.55 }),
  asesorSdm: fungsional('Asesor Sumber Daya Manusia Aparatur', { 'Ahli Pertama': 1, 'Ahli Muda': 1 }, ['psikologi'], { female: 0.6 }),
  arsiparis: fungsional('Arsiparis', { Terampil: 2, 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['sosial', 'perpustakaan'], { female: 0.6 }),
  pustakawan: fungsional('Pustakawan', { Terampil: 2, 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['perpustakaan'], { female: 0.65 }),
  auditor: fungsional('Auditor', { 'Ahli Pertama': 3, 'Ahli Muda': 3, 'Ahli Madya': 1 }, ['ekonomi', 'hukum'],
    { training: 'Pelatihan Pembentukan Auditor Ahli', pppk: 0.3 }),
  p2upd: fungsional('Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah', { 'Ahli Pertama': 2, 'Ahli Muda': 2 }, ['sosial', 'hukum', 'pemerintahan'],
    { pppk: 0.3 }),
  analisKeuangan: fungsional('Analis Keuangan Pusat dan Daerah', { 'Ahli Pertama': 2, 'Ahli Muda': 2 }, ['ekonomi'], { female: 0.55 }),
  pengadaan: fungsional('Pengelola Pengadaan Barang/Jasa', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['teknik', 'ekonomi'],
    { training: 'Pelatihan Pengadaan Barang/Jasa Tingkat Dasar' }),
  perancang: fungsional('Perancang Peraturan Perundang-undangan', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['hukum']),
  analisHukum: fungsional('Analis Hukum', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['hukum']),
  guru: fungsional('Guru', { 'Ahli Pertama': 4, 'Ahli Muda': 3, 'Ahli Madya': 3 }, ['pendidikan'],
    { female: 0.68, pppk: 1.6, training: 'Pendidikan Profesi Guru Dalam Jabatan' }),
  guruPaud: fungsional('Guru', { 'Ahli Pertama': 5, 'Ahli Muda': 3, 'Ahli Madya': 1 }, ['paud'],
    { female: 0.95, pppk: 1.6, training: 'Pendidikan Profesi Guru Dalam Jabatan' }),
  pengawasSekolah: fungsional('Pengawas Sekolah', { 'Ahli Muda': 1, 'Ahli Madya': 2 }, ['pendidikan'], { pppk: 0 }),
  penilik: fungsional('Penilik', { 'Ahli Pertama': 1, 'Ahli Muda': 1 }, ['pendidikan', 'paud']),
  pamongBudaya: fungsional('Pamong Budaya', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['budaya']),
  dokter: fungsional('Dokter', { 'Ahli Pertama': 3, 'Ahli Muda': 3, 'Ahli Madya': 1 }, ['kedokteran'], { female: 0.55, pppk: 1.2 }),
  dokterGigi: fungsional('Dokter Gigi', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['kedokteranGigi'], { female: 0.7, pppk: 1.2 }),
  perawat: fungsional('Perawat', { Terampil: 4, Mahir: 2, 'Ahli Pertama': 3, 'Ahli Muda': 1 }, ['keperawatan'],
    { female: 0.65, pppk: 1.6, training: 'Pelatihan Basic Trauma Cardiac Life Support (BTCLS)' }),
  bidan: fungsional('Bidan', { Terampil: 4, Mahir: 2, 'Ahli Pertama': 2 }, ['kebidanan'],
    { female: 1, pppk: 1.6, training: 'Pelatihan Asuhan Persalinan Normal' }),
  apoteker: fungsional('Apoteker', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['farmasi'], { female: 0.7, profession: 'apt.' }),
  asistenApoteker: fungsional('Asisten Apoteker', { Terampil: 2, Mahir: 1 }, ['farmasi'], { female: 0.75, pppk: 1.3 }),
  nutrisionis: fungsional('Nutrisionis', { Terampil: 2, 'Ahli Pertama': 1 }, ['gizi'], { female: 0.85, pppk: 1.3 }),
  sanitarian: fungsional('Sanitarian', { Terampil: 2, 'Ahli Pertama': 1 }, ['sanitasi'], { pppk: 1.3 }),
  epidemiolog: fungsional('Epidemiolog Kesehatan', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['kesmas'], { female: 0.55 }),
  promkes: fungsional('Penyuluh Kesehatan Masyarakat', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['kesmas'], { female: 0.6 }),
  laboran: fungsional('Pranata Laboratorium Kesehatan', { Terampil: 2, 'Ahli Pertama': 1 }, ['laboratorium'], { female: 0.6, pppk: 1.3 }),
  adminKesehatan: fungsional('Administrator Kesehatan', { 'Ahli Pertama': 1, 'Ahli Muda': 2 }, ['kesmas']),
  radiografer: fungsional('Radiografer', { Terampil: 2, Mahir: 1 }, ['radiologi'], { female: 0.4, pppk: 1.3 }),
  perekamMedis: fungsional('Perekam Medis', { Terampil: 2, Mahir: 1 }, ['rekamMedis'], { female: 0.6, pppk: 1.3 }),
  fisioterapis: fungsional('Fisioterapis', { Terampil: 2, Mahir: 1 }, ['fisioterapi'], { female: 0.55, pppk: 1.3 }),
  penyuluhPertanian: fungsional('Penyuluh Pertanian', { Terampil: 2, 'Ahli Pertama': 3, 'Ahli Muda': 2 }, ['pertanian'],
    { female: 0.3, pppk: 1.4, training: 'Pelatihan Dasar Penyuluh Pertanian' }),
  pengawasMutu: fungsional('Pengawas Mutu Hasil Pertanian', { 'Ahli Pertama': 1 }, ['pertanian']),
  medikVeteriner: fungsional('Medik Veteriner', { 'Ahli Pertama': 1 }, ['veteriner'], { female: 0.5 }),
  penyuluhPerikanan: fungsional('Penyuluh Perikanan', { Terampil: 1, 'Ahli Pertama': 2 }, ['perikanan'], { female: 0.3, pppk: 1.2 }),
  penyuluhKb: fungsional('Penyuluh Keluarga Berencana', { 'Ahli Pertama': 3, 'Ahli Muda': 2 }, ['sosial', 'kesmas'], { female: 0.6, pppk: 1.2 }),
  pekerjaSosial: fungsional('Pekerja Sosial', { Terampil: 1, 'Ahli Pertama': 2 }, ['kesos'], { female: 0.55 }),
  penyuluhSosial: fungsional('Penyuluh Sosial', { 'Ahli Pertama': 1 }, ['kesos']),
  teknikJalan: fungsional('Teknik Jalan dan Jembatan', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['teknik'], { female: 0.2 }),
  teknikPengairan: fungsional('Teknik Pengairan', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['teknik'], { female: 0.2 }),
  tataBangunan: fungsional('Teknik Tata Bangunan dan Perumahan', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['teknik', 'arsitektur'], { female: 0.3 }),
  jasaKonstruksi: fungsional('Pembina Jasa Konstruksi', { 'Ahli Pertama': 1 }, ['teknik'], { female: 0.25 }),
  penataRuang: fungsional('Penata Ruang', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['planologi'], { female: 0.4 }),
  dampakLingkungan: fungsional('Pengendali Dampak Lingkungan', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['lingkungan']),
  pengawasLingkungan: fungsional('Pengawas Lingkungan Hidup', { 'Ahli Pertama': 1 }, ['lingkungan']),
  adminDatabase: fungsional('Administrator Database Kependudukan', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['informatika'], { female: 0.4 }),
  pengujiKendaraan: fungsional('Penguji Kendaraan Bermotor', { Terampil: 2, Mahir: 1 }, ['mesin'], { female: 0.1 }),
  polpp: fungsional('Polisi Pamong Praja', { Terampil: 3, Mahir: 2, 'Ahli Pertama': 1 }, ['sosial', 'hukum'],
    { female: 0.2, training: 'Pelatihan Dasar Polisi Pamong Praja' }),
  bencana: fungsional('Penata Penanggulangan Bencana', { Terampil: 1, 'Ahli Pertama': 1 }, ['sosial', 'teknik', 'lingkungan'], { female: 0.3 }),
  swadaya: fungsional('Penggerak Swadaya Masyarakat', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['sosial', 'pemerintahan']),
  pengawasKoperasi: fungsional('Pengawas Koperasi', { 'Ahli Pertama': 1 }, ['ekonomi']),
  penyuluhPerindag: fungsional('Penyuluh Perindustrian dan Perdagangan', { 'Ahli Pertama': 1 }, ['ekonomi']),
  pengawasPerdagangan: fungsional('Pengawas Perdagangan', { 'Ahli Pertama': 1 }, ['ekonomi', 'hukum']),
  mediator: fungsional('Mediator Hubungan Industrial', { 'Ahli Pertama': 1, 'Ahli Muda': 1 }, ['hukum']),
  pengantarKerja: fungsional('Pengantar Kerja', { 'Ahli Pertama': 1 }, ['psikologi', 'sosial']),
  penataPerizinan: fungsional('Penata Perizinan', { 'Ahli Pertama': 2, 'Ahli Muda': 1 }, ['hukum', 'sosial']),
  adyatama: fungsional('Adyatama Kepariwisataan dan Ekonomi Kreatif', { 'Ahli Pertama': 1 }, ['sosial', 'ekonomi']),
} satisfies Record<string, Job>;

/** Posts with their relative frequency in a unit. */
export type Mix = Weighted<Job>;

/** The everyday office posts every unit has some of. */
export const OFFICE: Mix = [
  [J.administrasi, 4], [J.operator, 2], [J.penataLayanan, 2], [J.pengolahData, 1], [J.penelaah, 1], [J.analisKebijakan, 1.5],
  [J.keuangan, 0.7], [J.arsiparis, 0.3], [J.pranataKomputer, 0.4],
];
const withOffice = (own: Mix, office = 1): Mix => [...own, ...OFFICE.map(([job, w]) => [job, w * office] as const)];

/** Extra posts of a unit, first match wins: agency code (`*` for any) and a pattern on the unit name. */
export const UNIT_MIXES: [string, RegExp, Mix][] = [
  ['*', /^Subbagian Umum/, [[J.administrasi, 4], [J.analisSdm, 2], [J.arsiparis, 1.5], [J.operator, 2], [J.pengelolaLayanan, 1], [J.pengelolaBarang, 0.5]]],
  ['*', /^Subbagian Keuangan/, [[J.keuangan, 4], [J.analisKeuangan, 2], [J.perencana, 2], [J.administrasi, 1]]],
  ['diskominfo', /Aplikasi Informatika/, [[J.pranataKomputer, 6], [J.pengolahData, 1], [J.operator, 1]]],
  ['diskominfo', /Komunikasi Publik/, [[J.humas, 5], [J.pengolahData, 1], [J.operator, 1]]],
  ['diskominfo', /Persandian/, [[J.sandiman, 3], [J.statistisi, 3], [J.pranataKomputer, 1]]],
  ['dikbud', /Sekolah Dasar|Sekolah Menengah/, [[J.guru, 30], [J.pengawasSekolah, 1]]],
  ['dikbud', /Anak Usia Dini/, [[J.guruPaud, 10], [J.penilik, 2]]],
  ['dikbud', /Kebudayaan/, withOffice([[J.pamongBudaya, 4]], 0.3)],
  ['dinkes', /Kesehatan Masyarakat/, [[J.bidan, 4], [J.nutrisionis, 2], [J.promkes, 2], [J.perawat, 2], [J.sanitarian, 2], [J.dokter, 1]]],
  ['dinkes', /Pencegahan/, [[J.epidemiolog, 3], [J.perawat, 3], [J.dokter, 1.5], [J.sanitarian, 2], [J.laboran, 2]]],
  ['dinkes', /Pelayanan/, [
    [J.perawat, 5], [J.bidan, 4], [J.dokter, 2.5], [J.dokterGigi, 1], [J.apoteker, 1.5], [J.asistenApoteker, 1], [J.adminKesehatan, 1], [J.laboran, 1],
  ]],
  ['rsud', /Pelayanan Medik/, [
    [J.dokter, 5], [J.dokterGigi, 0.7], [J.apoteker, 1.5], [J.asistenApoteker, 1.5], [J.perekamMedis, 1.5], [J.adminKesehatan, 1],
  ]],
  ['rsud', /Keperawatan/, [[J.perawat, 9], [J.bidan, 3]]],
  ['rsud', /Penunjang/, [
    [J.laboran, 2], [J.radiografer, 2], [J.nutrisionis, 1.5], [J.fisioterapis, 1], [J.apoteker, 1], [J.perekamMedis, 1], [J.sanitarian, 1],
  ]],
  ['dpupr', /Bina Marga/, withOffice([[J.teknikJalan, 4]], 0.3)],
  ['dpupr', /Sumber Daya Air/, withOffice([[J.teknikPengairan, 4]], 0.3)],
  ['dpupr', /Cipta Karya/, withOffice([[J.tataBangunan, 4]], 0.3)],
  ['dpupr', /Konstruksi/, withOffice([[J.jasaKonstruksi, 3], [J.pengadaan, 1]], 0.3)],
  ['setda', /Hukum/, [[J.perancang, 3], [J.analisHukum, 3], [J.administrasi, 1]]],
  ['setda', /Organisasi/, [[J.analisKebijakan, 3], [J.analisSdm, 1], [J.administrasi, 1]]],
  ['setda', /Pengadaan/, [[J.pengadaan, 5], [J.administrasi, 1]]],
  ['setda', /Protokol/, [[J.humas, 4], [J.operator, 2], [J.administrasi, 1]]],
  ['setda', /Bagian Umum/, [[J.administrasi, 3], [J.operator, 4], [J.keuangan, 1], [J.pengelolaBarang, 1]]],
  ['setda', /Pembangunan/, [[J.analisKebijakan, 2], [J.perencana, 2], [J.administrasi, 1]]],
  ['setwan', /Persidangan/, [[J.perancang, 2], [J.analisKebijakan, 2], [J.administrasi, 1]]],
  ['setwan', /Umum/, [[J.keuangan, 2], [J.administrasi, 3], [J.operator, 2]]],
  ['kecamatan', /^Sekretariat/, [[J.administrasi, 3], [J.penataLayanan, 2], [J.keuangan, 1], [J.pengolahData, 1]]],
  ['kecamatan', /Ketenteraman/, [[J.polpp, 3], [J.operator, 1]]],
  ['kecamatan', /^Kelurahan/, [[J.administrasi, 2], [J.penataLayanan, 1], [J.operator, 1]]],
  ['kecamatan', /./, [[J.penataLayanan, 2], [J.penelaah, 1], [J.administrasi, 1]]],
];

/** Posts of an agency's other units when no unit pattern matches. */
export const AGENCY_MIXES: Record<string, Mix> = {
  bkpsdm: [[J.analisSdm, 6], [J.asesorSdm, 1], [J.administrasi, 2], [J.pengolahData, 1]],
  inspektorat: [[J.auditor, 5], [J.p2upd, 3], [J.administrasi, 1]],
  bappeda: withOffice([[J.perencana, 5], [J.analisKebijakan, 2]], 0.4),
  bpkad: [[J.analisKeuangan, 4], [J.keuangan, 4], [J.pengelolaBarang, 2], [J.administrasi, 1]],
  bapenda: [[J.pengolahData, 3], [J.penataLayanan, 3], [J.operator, 2], [J.keuangan, 2], [J.analisKeuangan, 1]],
  bpbd: [[J.bencana, 4], [J.operator, 2], [J.administrasi, 1]],
  kesbangpol: withOffice([[J.analisKebijakan, 3]], 0.6),
  satpolpp: [[J.polpp, 8], [J.administrasi, 1], [J.operator, 1]],
  dinkes: [[J.perawat, 3], [J.bidan, 3], [J.dokter, 1], [J.adminKesehatan, 1]],
  rsud: [[J.perawat, 4], [J.bidan, 1], [J.dokter, 1], [J.perekamMedis, 1]],
  perkimtaru: withOffice([[J.tataBangunan, 3], [J.penataRuang, 3]], 0.4),
  dinsos: withOffice([[J.pekerjaSosial, 4], [J.penyuluhSosial, 2]], 0.4),
  p3ap2kb: withOffice([[J.penyuluhKb, 6], [J.analisKebijakan, 1]], 0.3),
  kptan: withOffice([[J.penyuluhPertanian, 7], [J.pengawasMutu, 1], [J.medikVeteriner, 1]], 0.3),
  perikanan: withOffice([[J.penyuluhPerikanan, 4]], 0.5),
  dlh: withOffice([[J.dampakLingkungan, 3], [J.pengawasLingkungan, 2], [J.operator, 3]], 0.4),
  disdukcapil: [[J.adminDatabase, 3], [J.operator, 3], [J.administrasi, 2], [J.penataLayanan, 2]],
  dispermasdes: withOffice([[J.swadaya, 4]], 0.5),
  dishub: withOffice([[J.pengujiKendaraan, 4], [J.operator, 3]], 0.4),
  dinkopukmdag: withOffice([[J.pengawasKoperasi, 2], [J.penyuluhPerindag, 2], [J.pengawasPerdagangan, 1]], 0.5),
  dpmptsp: withOffice([[J.penataPerizinan, 4]], 0.5),
  disporapar: withOffice([[J.adyatama, 3]], 0.5),
  arpus: withOffice([[J.arsiparis, 4], [J.pustakawan, 4]], 0.3),
  perintransnaker: withOffice([[J.mediator, 2], [J.pengantarKerja, 2], [J.penyuluhPerindag, 1]], 0.5),
};

/** Relative number of extra posts in a unit: teachers sit under the school bidang, nurses under keperawatan. */
export const UNIT_WEIGHTS: [string, RegExp, number][] = [
  ['dikbud', /Sekolah Dasar/, 14], ['dikbud', /Sekolah Menengah/, 7], ['dikbud', /Anak Usia Dini/, 2.5], ['dikbud', /Kebudayaan/, 0.6],
  ['dinkes', /Pelayanan|Kesehatan Masyarakat/, 5], ['dinkes', /Pencegahan/, 4],
  ['rsud', /Keperawatan/, 8], ['rsud', /Pelayanan Medik/, 5], ['rsud', /Penunjang/, 3],
  ['kecamatan', /^Sekretariat/, 3],
];
/** Relative number of extra posts by unit kind, when no unit pattern applies. */
export const KIND_WEIGHTS: Record<UnitNode['kind'], number> = {
  opd: 0.3, sekretariat: 0.5, subbagian: 1, bidang: 2, bagian: 2, seksi: 1, uptd: 2, kelurahan: 1,
};

// ── Agencies ─────────────────────────────────────────────────────────────────────────────────

/**
 * Share of an agency in the staff outside the kecamatan. Rule of thumb for a regency of ~10,000
 * ASN: teachers over half, health about a fifth (Dinkes with the puskesmas, then the hospitals).
 */
export const AGENCY_SHARES: Record<string, number> = {
  dikbud: 0.62, dinkes: 0.12, 'rsud-soeselo': 0.07, 'rsud-suradadi': 0.025, setda: 0.035, setwan: 0.012, inspektorat: 0.01,
  bappeda: 0.01, bkpsdm: 0.011, bpkad: 0.015, bapenda: 0.012, bpbd: 0.006, kesbangpol: 0.005, satpolpp: 0.015, dpupr: 0.02,
  perkimtaru: 0.008, dinsos: 0.008, p3ap2kb: 0.012, kptan: 0.025, perikanan: 0.008, dlh: 0.012, disdukcapil: 0.01,
  dispermasdes: 0.006, dishub: 0.01, diskominfo: 0.011, dinkopukmdag: 0.008, dpmptsp: 0.007, disporapar: 0.007, arpus: 0.006,
  perintransnaker: 0.007,
};

/** Fields of study of an agency's managers. */
export const MANAGER_FIELDS: Record<string, FieldKey[]> = {
  dikbud: ['pendidikan', 'pendidikan', 'sosial'], dinkes: ['kesmas', 'kedokteran', 'kesmas'], rsud: ['kedokteran', 'kesmas', 'keperawatan'],
  diskominfo: ['informatika', 'komunikasi', 'sosial'], dpupr: ['teknik', 'teknik', 'planologi'], perkimtaru: ['teknik', 'planologi', 'arsitektur'],
  kptan: ['pertanian'], perikanan: ['perikanan', 'pertanian'], bpkad: ['ekonomi'], bapenda: ['ekonomi', 'sosial'],
  inspektorat: ['ekonomi', 'hukum', 'pemerintahan'], bkpsdm: ['sosial', 'psikologi', 'hukum'], dlh: ['lingkungan', 'teknik'],
  kecamatan: ['pemerintahan', 'pemerintahan', 'sosial'], setda: ['pemerintahan', 'hukum', 'sosial', 'ekonomi'], bappeda: ['ekonomi', 'planologi'],
  dinsos: ['kesos', 'sosial'], arpus: ['perpustakaan', 'sosial'], satpolpp: ['hukum', 'pemerintahan'],
};
/** Fields of study of managers of an agency not listed above. */
export const DEFAULT_MANAGER_FIELDS: FieldKey[] = ['sosial', 'ekonomi', 'hukum', 'pemerintahan'];

// ── Training ─────────────────────────────────────────────────────────────────────────────────

/** A training course and who runs it. */
export interface Course {
  name: string;
  institution: string;
  /** First year the course existed (SRIKANDI, SIASN and Kurikulum Merdeka are recent). */
  from?: number;
}

/** The provincial civil-service training agency, host of most courses. */
export const BPSDMD = 'BPSDMD Provinsi Jawa Tengah';
const BAPELKES = 'Balai Pelatihan Kesehatan Semarang';

/** Leadership training by managerial level: the 2019 names, then the Diklatpim names they replaced. */
export const LEADERSHIP: Record<'jpt_pratama' | 'administrator' | 'pengawas', [Course, Course]> = {
  jpt_pratama: [
    { name: 'Pelatihan Kepemimpinan Nasional Tingkat II', institution: 'Lembaga Administrasi Negara' },
    { name: 'Diklat Kepemimpinan Tingkat II', institution: 'Lembaga Administrasi Negara' },
  ],
  administrator: [{ name: 'Pelatihan Kepemimpinan Administrator', institution: BPSDMD }, { name: 'Diklat Kepemimpinan Tingkat III', institution: BPSDMD }],
  pengawas: [{ name: 'Pelatihan Kepemimpinan Pengawas', institution: BPSDMD }, { name: 'Diklat Kepemimpinan Tingkat IV', institution: BPSDMD }],
};

/** Where the functional trainings are held (their pembina instansi). */
export const FUNCTIONAL_INSTITUTIONS: Record<string, string[]> = {
  'Pendidikan Profesi Guru Dalam Jabatan': [UNNES, UPS],
  'Pelatihan Basic Trauma Cardiac Life Support (BTCLS)': [BAPELKES],
  'Pelatihan Asuhan Persalinan Normal': [BAPELKES],
  'Pelatihan Pembentukan Auditor Ahli': ['Badan Pengawasan Keuangan dan Pembangunan'],
  'Pelatihan Fungsional Pranata Komputer': ['Badan Pusat Statistik'],
  'Pelatihan Pembentukan Sandiman': ['Badan Siber dan Sandi Negara'],
  'Pelatihan Dasar Penyuluh Pertanian': ['Balai Pelatihan Pertanian Soropadan'],
  'Pelatihan Pengadaan Barang/Jasa Tingkat Dasar': ['Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah'],
};

/** Technical courses every kind of office sends staff to. */
export const TECHNICAL_COMMON: Course[] = [
  { name: 'Bimbingan Teknis Penyusunan Sasaran Kinerja Pegawai', institution: 'BKPSDM Kabupaten Tegal', from: 2019 },
  { name: 'Bimbingan Teknis Aplikasi SRIKANDI', institution: 'Arsip Nasional Republik Indonesia', from: 2022 },
  { name: 'Pelatihan Pelayanan Prima', institution: BPSDMD },
  { name: 'Bimbingan Teknis Pengelolaan Arsip Dinamis', institution: 'Dinas Kearsipan dan Perpustakaan Kabupaten Tegal' },
  { name: 'Pelatihan Literasi Digital Aparatur', institution: BPSDMD, from: 2021 },
];
const SIPD: Course = { name: 'Bimbingan Teknis Sistem Informasi Pemerintahan Daerah (SIPD)', institution: 'Kementerian Dalam Negeri', from: 2020 };
/** Technical courses of an agency's own field, by agency code (or `rsud`, `kecamatan`). */
export const TECHNICAL: Record<string, Course[]> = {
  diskominfo: [
    { name: 'Pelatihan Keamanan Informasi', institution: 'Badan Siber dan Sandi Negara' },
    { name: 'Pelatihan Pengembangan Aplikasi Berbasis Web', institution: 'Kementerian Komunikasi dan Informatika' },
  ],
  dinkes: [{ name: 'Pelatihan Pencegahan dan Pengendalian Infeksi', institution: BAPELKES }],
  rsud: [{ name: 'Pelatihan Pencegahan dan Pengendalian Infeksi', institution: BAPELKES }, { name: 'Pelatihan Keselamatan Pasien', institution: BAPELKES }],
  dikbud: [{ name: 'Pelatihan Implementasi Kurikulum Merdeka', institution: 'Balai Guru Penggerak Provinsi Jawa Tengah', from: 2022 }],
  bkpsdm: [{ name: 'Bimbingan Teknis Sistem Informasi ASN (SIASN)', institution: 'Badan Kepegawaian Negara', from: 2022 }],
  bpkad: [{ name: 'Bimbingan Teknis Penatausahaan Keuangan Daerah', institution: BPSDMD }, SIPD],
  bappeda: [SIPD],
  bapenda: [{ name: 'Bimbingan Teknis Pengelolaan Pajak Daerah', institution: BPSDMD }],
  kptan: [{ name: 'Pelatihan Pengendalian Organisme Pengganggu Tumbuhan', institution: 'Balai Pelatihan Pertanian Soropadan' }],
  satpolpp: [{ name: 'Pelatihan Penegakan Peraturan Daerah', institution: BPSDMD }],
  kecamatan: [{ name: 'Bimbingan Teknis Pelayanan Administrasi Terpadu Kecamatan (PATEN)', institution: BPSDMD }],
  setda: [{ name: 'Bimbingan Teknis Penyusunan Produk Hukum Daerah', institution: BPSDMD }],
  inspektorat: [{ name: 'Pelatihan Audit Berbasis Risiko', institution: 'Badan Pengawasan Keuangan dan Pembangunan' }],
  disdukcapil: [{ name: 'Bimbingan Teknis Sistem Informasi Administrasi Kependudukan', institution: 'Direktorat Jenderal Kependudukan dan Pencatatan Sipil' }],
};
