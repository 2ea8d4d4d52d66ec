/**
 * Perangkat daerah (OPD) of Kabupaten Tegal, rebuilt from 2020–2021 announcements, with the renames
 * seen since. The 18 kecamatan are the other OPD; they are generated from the region data.
 * A rename keeps the `code`: the old name is a closed record whose successor is the current one.
 * Rename dates are 1 January of the year the new name was first seen (the decree dates are not public).
 */
export interface AgencySeed {
  code: string;
  name: string;
  shortName: string;
  kind: 'sekretariat' | 'inspektorat' | 'badan' | 'dinas' | 'satuan' | 'rsud';
  /** Earlier names, oldest first, each valid until the next one starts. */
  formerly?: { name: string; shortName: string; validTo: string }[];
}

/** The base date of the 2021 structure. */
export const STRUCTURE_VALID_FROM = '2017-01-01';

export const TEGAL_AGENCIES: AgencySeed[] = [
  { code: 'setda', name: 'Sekretariat Daerah', shortName: 'Setda', kind: 'sekretariat' },
  { code: 'setwan', name: 'Sekretariat DPRD', shortName: 'Setwan', kind: 'sekretariat' },
  { code: 'inspektorat', name: 'Inspektorat', shortName: 'Inspektorat', kind: 'inspektorat' },
  { code: 'bappeda', name: 'Badan Perencanaan Pembangunan Daerah dan Penelitian dan Pengembangan', shortName: 'Bappeda dan Litbang', kind: 'badan' },
  {
    code: 'bkpsdm', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', shortName: 'BKPSDM', kind: 'badan',
    formerly: [{ name: 'Badan Kepegawaian Daerah', shortName: 'BKD', validTo: '2023-01-01' }],
  },
  { code: 'bpkad', name: 'Badan Pengelolaan Keuangan dan Aset Daerah', shortName: 'BPKAD', kind: 'badan' },
  {
    code: 'bapenda', name: 'Badan Pendapatan Daerah', shortName: 'Bapenda', kind: 'badan',
    formerly: [{ name: 'Badan Pengelolaan Pendapatan Daerah', shortName: 'Bappenda', validTo: '2026-01-01' }],
  },
  { code: 'bpbd', name: 'Badan Penanggulangan Bencana Daerah', shortName: 'BPBD', kind: 'badan' },
  { code: 'kesbangpol', name: 'Badan Kesatuan Bangsa dan Politik', shortName: 'Kesbangpol', kind: 'badan' },
  { code: 'satpolpp', name: 'Satuan Polisi Pamong Praja', shortName: 'Satpol PP', kind: 'satuan' },
  { code: 'dikbud', name: 'Dinas Pendidikan dan Kebudayaan', shortName: 'Dikbud', kind: 'dinas' },
  { code: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', kind: 'dinas' },
  {
    code: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR', kind: 'dinas',
    formerly: [{ name: 'Dinas Pekerjaan Umum', shortName: 'DPU', validTo: '2022-01-01' }],
  },
  { code: 'perkimtaru', name: 'Dinas Perumahan Rakyat, Kawasan Permukiman, Tata Ruang dan Pertanahan', shortName: 'Perkimtaru', kind: 'dinas' },
  { code: 'dinsos', name: 'Dinas Sosial', shortName: 'Dinsos', kind: 'dinas' },
  { code: 'p3ap2kb', name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana', shortName: 'P3AP2KB', kind: 'dinas' },
  {
    code: 'kptan', name: 'Dinas Ketahanan Pangan dan Pertanian', shortName: 'KP Tan', kind: 'dinas',
    formerly: [{ name: 'Dinas Pertanian dan Ketahanan Pangan', shortName: 'Tan KP', validTo: '2023-01-01' }],
  },
  {
    code: 'perikanan', name: 'Dinas Perikanan', shortName: 'Dinas Perikanan', kind: 'dinas',
    formerly: [{ name: 'Dinas Kelautan, Perikanan dan Peternakan', shortName: 'DKPP', validTo: '2026-01-01' }],
  },
  { code: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH', kind: 'dinas' },
  { code: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil', kind: 'dinas' },
  { code: 'dispermasdes', name: 'Dinas Pemberdayaan Masyarakat dan Desa', shortName: 'Dispermasdes', kind: 'dinas' },
  { code: 'dishub', name: 'Dinas Perhubungan', shortName: 'Dishub', kind: 'dinas' },
  { code: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo', kind: 'dinas' },
  {
    code: 'dinkopukmdag', name: 'Dinas Koperasi, UKM dan Perdagangan', shortName: 'Dinkop UKM Dag', kind: 'dinas',
    formerly: [{ name: 'Dinas Perdagangan, Koperasi dan UKM', shortName: 'Disdagkop UKM', validTo: '2024-01-01' }],
  },
  { code: 'dpmptsp', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', shortName: 'DPMPTSP', kind: 'dinas' },
  { code: 'disporapar', name: 'Dinas Pemuda, Olahraga dan Pariwisata', shortName: 'Disporapar', kind: 'dinas' },
  { code: 'arpus', name: 'Dinas Kearsipan dan Perpustakaan', shortName: 'Arpus', kind: 'dinas' },
  {
    code: 'perintransnaker', name: 'Dinas Perindustrian, Transmigrasi dan Tenaga Kerja', shortName: 'Perintransnaker', kind: 'dinas',
    formerly: [{ name: 'Dinas Perindustrian dan Tenaga Kerja', shortName: 'Disperinaker', validTo: '2024-01-01' }],
  },
  { code: 'rsud-soeselo', name: 'RSUD dr. Soeselo Slawi', shortName: 'RSUD dr. Soeselo', kind: 'rsud' },
  { code: 'rsud-suradadi', name: 'RSUD Suradadi', shortName: 'RSUD Suradadi', kind: 'rsud' },
];
