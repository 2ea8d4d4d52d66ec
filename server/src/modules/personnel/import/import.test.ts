import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedReference } from '../../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { makeNip, makeUser, signIn, type SessionHeaders } from '../../../../test/factories.js';
import { queryRows } from '../../../platform/db/index.js';
import { systemContext, type Actor } from '../../../platform/index.js';
import { createRevision } from '../../../platform/snapshot.js';
import type { HolderView, PositionView, UnitNode } from '../index.js';
import { createImportService } from './import.service.js';
import { csv, errorLines, excelBook, idOf, imported, rejected, tableCounts, upload } from './import.test-fixtures.js';


let t: TestApp;
const as: Record<string, SessionHeaders> = {};

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await makeUser(t, { username: 'bkpsdm', roles: ['personnel_admin'], agency: 'bkpsdm' });
  await makeUser(t, { username: 'opd.admin', roles: ['agency_admin'], agency: 'diskominfo' });
  await makeUser(t, { username: 'pegawai', roles: ['employee'], agency: 'diskominfo' });
  await makeUser(t, { username: 'warga', roles: ['citizen'], kind: 'citizen' });
  for (const name of ['bkpsdm', 'opd.admin', 'pegawai', 'warga']) as[name] = await signIn(t, name);
});
afterAll(() => t.close());

const UNITS = csv([
  ['kode_unit', 'kode_induk', 'kode_opd', 'nama', 'singkatan', 'jenis'],
  ['DKI-SEKRE', '', 'diskominfo', 'Sekretariat', 'Sekretariat', 'sekretariat'],
  ['DKI-UMPEG', 'DKI-SEKRE', 'diskominfo', 'Subbagian Umum dan Kepegawaian', 'Subbag Umpeg', 'Sub Bagian'],
  ['DKI-APTIKA', '', 'diskominfo', 'Bidang Aplikasi Informatika', 'Bidang Aptika', 'Bidang'],
  ['DKI-TIK', 'DKI-APTIKA', 'diskominfo', 'Seksi Infrastruktur TIK', 'Seksi Infra TIK', 'seksi'],
  ['DKI-LAB', '', 'Diskominfo', 'UPTD Laboratorium Data', 'UPTD Labdata', 'UPTD'],
]);

const POSITIONS = csv([
  ['Kode Jabatan', 'Kode Unit', 'Kode OPD', 'Nama Jabatan', 'Jenis Jabatan', 'Eselon', 'Kepala Unit', 'Kode Atasan'],
  ['DKI-KADIS', '', 'diskominfo', 'Kepala Dinas Komunikasi dan Informatika', 'JPT Pratama', 'II.b', 'ya', ''],
  ['DKI-KABID-APTIKA', 'DKI-APTIKA', '', 'Kepala Bidang Aplikasi Informatika', 'Administrator', 'III.b', 'ya', ''],
  ['DKI-KASI-TIK', 'DKI-TIK', '', 'Kepala Seksi Infrastruktur TIK', 'Pengawas', 'IVa', 'ya', ''],
  ['DKI-PRAKOM', 'DKI-TIK', '', 'Pranata Komputer Ahli Muda', 'Fungsional', '', 'tidak', ''],
  ['DKI-ANALIS', 'DKI-APTIKA', '', 'Analis Sistem Informasi', 'pelaksana', '', '', 'DKI-KADIS'],
]);

const NIP = {
  kadis: makeNip('1975-03-15', '2000-03', 'male'),
  kabid: makeNip('1980-07-01', '2005-01', 'female'),
  kasi: makeNip('1986-09-26', '2015-05', 'male'),
  /** A 2025 NI PPPK: digits 13–14 are a code (24), not a month. */
  prakom: '199009132025242014',
};

const EMPLOYEE_HEADER = ['nip', 'jenis_pegawai', 'nama', 'gelar_depan', 'gelar_belakang', 'jenis_kelamin', 'tanggal_lahir', 'tempat_lahir', 'nik',
  'telepon', 'email', 'golongan', 'tmt_golongan', 'status', 'pendidikan', 'jurusan', 'kode_opd', 'kode_unit', 'kode_jabatan', 'tmt_jabatan', 'nomor_sk', 'tmt_cpns'];

const EMPLOYEES = csv([
  EMPLOYEE_HEADER,
  [NIP.kadis, 'PNS', 'Slamet Riyadi', 'Dr.', 'M.Si.', 'L', '15-03-1975', 'Tegal', '3328011503750001', '081234500001', 'slamet@tegalkab.go.id',
    'IV/c', '01/04/2020', 'aktif', 'S3', 'Ilmu Komunikasi', 'diskominfo', '', 'DKI-KADIS', '2021-01-04', '821.2/001/2021', '01-03-2000'],
  [NIP.kabid, 'PNS', 'Dewi Lestari', '', 'S.Kom., M.T.', 'P', '1980-07-01', 'Slawi', '', '', '', 'iv/a', '', '', 'S-2/Magister', 'Teknik Informatika',
    'diskominfo', 'DKI-APTIKA', 'DKI-KABID-APTIKA', '2022-02-01', '', ''],
  [NIP.kasi, 'PNS', 'Budi Santoso', '', 'S.Kom.', 'Laki-laki', '26/09/1986', '', '', '', '', 'III/c', '', 'Aktif', 'S1', '', 'diskominfo', '', 'DKI-KASI-TIK', '2023-01-02', '', ''],
  [NIP.prakom, 'PPPK', 'Rina Wulandari', '', 'A.Md.Kom.', 'P', '1990-09-13', '', '', '', '', 'IX', '', '', 'D-III', '', 'diskominfo', 'DKI-TIK', 'DKI-PRAKOM', '2025-03-01', '', ''],
]);

async function tree(code: string): Promise<UnitNode> {
  const agency = (await t.modules.personnel.api.findAgencyByCode(code))!;
  const res = await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/units` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UnitNode[]>()[0]!;
}

const child = (node: UnitNode, name: string): UnitNode => {
  const found = node.children.find((c) => c.name === name);
  expect(found, `${name} under ${node.name}`).toBeDefined();
  return found!;
};

async function position(code: string): Promise<PositionView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/positions/${await idOf(t, 'positions', code)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PositionView>();
}

async function holder(code: string): Promise<HolderView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/positions/${await idOf(t, 'positions', code)}/holder`, headers: as.pegawai });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<HolderView>();
}

describe('importing units, positions and employees from CSV', () => {
  it('a dry run reports what would change and writes nothing', async () => {
    const before = await tableCounts(t);
    const report = await imported(upload(t, as.bkpsdm!, 'units', UNITS, { dryRun: true }));
    expect(report).toMatchObject({ kind: 'units', dryRun: true, committed: false, rows: 5, errorCount: 0 });
    // Sekretariat, its Subbagian and the Bidang exist in the standard structure: they are taken over, not doubled.
    expect(report.units).toEqual({ created: 2, updated: 3, unchanged: 0 });
    expect(report.message).toMatch(/Belum ada yang disimpan/);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('imports the units into the org chart, filling in the standard structure', async () => {
    const before = await tableCounts(t);
    const report = await imported(upload(t, as.bkpsdm!, 'units', UNITS));
    expect(report).toMatchObject({ committed: true, created: 2, updated: 3, unchanged: 0, errors: [] });
    expect((await tableCounts(t)).units).toBe(before.units + 2);

    const top = await tree('diskominfo');
    expect(top.children.filter((u) => u.name === 'Sekretariat')).toHaveLength(1);
    expect(child(child(top, 'Sekretariat'), 'Subbagian Umum dan Kepegawaian').kind).toBe('subbagian');
    expect(child(child(top, 'Bidang Aplikasi Informatika'), 'Seksi Infrastruktur TIK')).toMatchObject({ kind: 'seksi', shortName: 'Seksi Infra TIK', head: null });
    expect(child(top, 'UPTD Laboratorium Data').kind).toBe('uptd');
  });

  it('imports positions: heads take over the standard head posts, superiors follow the unit tree', async () => {
    const report = await imported(upload(t, as.bkpsdm!, 'positions', POSITIONS));
    expect(report.positions).toEqual({ created: 3, updated: 2, unchanged: 0 });

    const top = await tree('diskominfo');
    expect(top.head).toMatchObject({ title: 'Kepala Dinas Komunikasi dan Informatika', eselon: 'II.b' });
    expect(child(child(top, 'Bidang Aplikasi Informatika'), 'Seksi Infrastruktur TIK').head).toMatchObject({ title: 'Kepala Seksi Infrastruktur TIK', eselon: 'IV.a' });

    expect((await position('DKI-KASI-TIK')).superiors.map((s) => s.title))
      .toEqual(['Kepala Bidang Aplikasi Informatika', 'Kepala Dinas Komunikasi dan Informatika']);
    const prakom = await position('DKI-PRAKOM');
    expect(prakom).toMatchObject({ kind: 'fungsional', eselon: null, isHead: false, unit: { name: 'Seksi Infrastruktur TIK' } });
    expect(prakom.superiors[0]!.title).toBe('Kepala Seksi Infrastruktur TIK');
    expect((await position('DKI-ANALIS')).superiors.map((s) => s.title)).toEqual(['Kepala Dinas Komunikasi dan Informatika']);
  });

  it('imports employees with their definitive positions and rank history', async () => {
    const before = await tableCounts(t);
    const report = await imported(upload(t, as.bkpsdm!, 'employees', EMPLOYEES));
    expect(report).toMatchObject({ employees: { created: 4, updated: 0, unchanged: 0 }, assignments: { opened: 4, closed: 0 }, warningCount: 0 });
    expect(await tableCounts(t)).toMatchObject({ employees: before.employees + 4, assignments: before.assignments + 4, ranks: before.ranks + 1 });

    expect((await holder('DKI-KADIS')).definitive).toMatchObject({ nip: NIP.kadis, displayName: 'Dr. Slamet Riyadi, M.Si.', rankLabel: 'Pembina Utama Muda (IV/c)' });
    expect((await holder('DKI-PRAKOM')).definitive).toMatchObject({ nip: NIP.prakom, rank: 'IX' });
    const directory = await t.app.inject({ method: 'GET', url: `/api/employees?q=${NIP.kabid}`, headers: as.pegawai });
    expect(directory.json().items[0]).toMatchObject({
      name: 'Dewi Lestari', kind: 'pns', rank: 'IV/a', unit: { name: 'Bidang Aplikasi Informatika' }, position: { title: 'Kepala Bidang Aplikasi Informatika' },
    });
  });

  it('re-importing the same files changes nothing', async () => {
    const before = await tableCounts(t);
    for (const [kind, file, rows] of [['units', UNITS, 5], ['positions', POSITIONS, 5], ['employees', EMPLOYEES, 4]] as const) {
      const report = await imported(upload(t, as.bkpsdm!, kind, file));
      expect(report, kind).toMatchObject({ created: 0, updated: 0, unchanged: rows, assignments: { opened: 0, closed: 0, corrected: 0 } });
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a new position for an employee ends the old assignment on the new TMT', async () => {
    const moved = EMPLOYEES.replace(`DKI-KASI-TIK,2023-01-02`, 'DKI-ANALIS,2024-06-03');
    const report = await imported(upload(t, as.bkpsdm!, 'employees', moved));
    expect(report).toMatchObject({ employees: { created: 0, updated: 1, unchanged: 3 }, assignments: { opened: 1, closed: 1 } });
    expect((await holder('DKI-KASI-TIK')).definitive).toBeNull();
    expect((await holder('DKI-ANALIS')).definitive).toMatchObject({ nip: NIP.kasi });
    // Moving back restores the original file's state for the tests below.
    await imported(upload(t, as.bkpsdm!, 'employees', EMPLOYEES.replace('DKI-KASI-TIK,2023-01-02', 'DKI-KASI-TIK,2024-09-02')));
  });

  it('reads a semicolon-separated CSV as Excel writes it with Indonesian settings', async () => {
    const report = await imported(upload(t, as.bkpsdm!, 'units', csv([
      ['kode_unit', 'kode_induk', 'kode_opd', 'nama', 'singkatan', 'jenis'],
      ['DKI-LAB', '', 'diskominfo', 'UPTD Laboratorium Data; Statistik', 'UPTD Labdata', 'uptd'],
    ], ';'), { dryRun: true }));
    expect(report).toMatchObject({ errorCount: 0, units: { created: 0, updated: 1, unchanged: 0 } });
  });
});

describe('XLSX', () => {
  it('imports units, positions and employees of another agency from workbooks, with real date cells', async () => {
    const units = await excelBook([
      ['Kode Unit', 'Kode Induk', 'Kode OPD', 'Nama', 'Singkatan', 'Jenis'],
      ['DINKES-YANKES', null, 'dinkes', 'Bidang Pelayanan dan Sumber Daya Kesehatan', 'Bidang Yankes SDK', 'bidang'],
      ['DINKES-PKM-SLAWI', 'DINKES-YANKES', 'dinkes', 'UPTD Puskesmas Slawi', 'Puskesmas Slawi', 'uptd'],
    ]);
    expect((await imported(upload(t, as.bkpsdm!, 'units', units, { name: 'unit.xlsx' }))).units).toEqual({ created: 1, updated: 1, unchanged: 0 });

    const positions = await excelBook([
      ['kode_jabatan', 'kode_unit', 'nama_jabatan', 'jenis_jabatan', 'eselon', 'kepala_unit'],
      ['DINKES-KAPKM-SLAWI', 'DINKES-PKM-SLAWI', 'Kepala UPTD Puskesmas Slawi', 'Pengawas', 'IV.a', true],
      ['DINKES-DOKTER-SLAWI', 'DINKES-PKM-SLAWI', 'Dokter Ahli Pertama', 'Fungsional', null, false],
    ]);
    expect((await imported(upload(t, as.bkpsdm!, 'positions', positions, { name: 'jabatan.xlsx' }))).positions).toMatchObject({ created: 2 });

    const nip = makeNip('1992-11-30', '2019-03', 'female');
    const employees = await excelBook([
      ['NIP', 'Jenis Pegawai', 'Nama', 'Gelar Depan', 'Jenis Kelamin', 'Tanggal Lahir', 'Golongan', 'TMT Golongan', 'Pendidikan', 'Kode OPD', 'Kode Jabatan', 'TMT Jabatan'],
      [nip, 'PNS', 'Ayu Kartika', 'dr.', 'P', new Date(Date.UTC(1992, 10, 30)), 'III/b', new Date(Date.UTC(2023, 3, 1)), 'S1', 'dinkes', 'DINKES-DOKTER-SLAWI', new Date(Date.UTC(2019, 2, 1))],
    ]);
    const report = await imported(upload(t, as.bkpsdm!, 'employees', employees, { name: 'pegawai.xlsx' }));
    expect(report).toMatchObject({ employees: { created: 1 }, assignments: { opened: 1 }, errorCount: 0 });
    expect((await holder('DINKES-DOKTER-SLAWI')).definitive).toMatchObject({ nip, displayName: 'dr. Ayu Kartika' });
    expect((await position('DINKES-KAPKM-SLAWI')).superiors.map((s) => s.title))
      .toEqual(['Kepala Bidang Pelayanan dan Sumber Daya Kesehatan', 'Kepala Dinas Kesehatan']);

    // The same workbook again: nothing to do.
    expect(await imported(upload(t, as.bkpsdm!, 'employees', employees, { name: 'pegawai.xlsx' }))).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

});

describe('broken rows: a report per row and field, nothing written', () => {
  it('reports every bad field of every row and writes nothing', async () => {
    const before = await tableCounts(t);
    const rows = [
      EMPLOYEE_HEADER,
      ['19860926201505100', 'PNS', 'Pendek Sekali', '', '', 'L', '1986-09-26', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', '', '', '', '', ''],
      ['1986O926201505l001', 'PNS', 'Huruf di NIP', '', '', 'L', '1986-09-26', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', '', '', '', '', ''],
      ['198602312015051001', 'PNS', 'Tanggal Mustahil', '', '', 'L', '1986-02-28', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', '', '', '', '', ''],
      ['198609262015053001', 'PNS', 'Kode Kelamin Tiga', '', '', 'L', '1986-09-26', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', '', '', '', '', ''],
      [makeNip('1988-01-05', '2012-02', 'female'), 'PNS', 'Beda Data', '', '', 'L', '1988-01-06', '', '', '', '', 'III/z', '', 'libur', 'SMP', '', 'diskominfo', 'TIDAK-ADA', 'DKI-ANALIS', '', '', ''],
      [makeNip('1990-05-05', '2014-03', 'male'), 'PNS', 'Jabatan Asing', '', '', 'L', '31-02-1990', '', '12345', '', 'bukan-email', 'III/a', '', '', 'S1', '', 'dinas-antah', '', '', '', '', ''],
    ];
    const report = await rejected(upload(t, as.bkpsdm!, 'employees', csv(rows)));
    expect(report.message).toMatch(/tidak ada data yang disimpan/);
    const lines = errorLines(report);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^2 nip: NIP harus terdiri atas tepat 18 angka, bukan 17/),
      expect.stringMatching(/^3 nip: NIP hanya boleh berisi angka/),
      expect.stringMatching(/^4 nip: .*tanggal lahir 19860231 bukan tanggal yang sah/),
      expect.stringMatching(/^5 nip: .*kode jenis kelamin 3/),
      expect.stringMatching(/^6 jenis_kelamin: tidak sesuai NIP/),
      expect.stringMatching(/^6 tanggal_lahir: tidak sesuai NIP/),
      expect.stringMatching(/^6 golongan: "III\/z" bukan golongan PNS/),
      expect.stringMatching(/^6 status: "libur" bukan status pegawai/),
      expect.stringMatching(/^6 tmt_jabatan: wajib diisi bila kode_jabatan diisi/),
      expect.stringMatching(/^7 tanggal_lahir: bukan tanggal yang ada di kalender/),
      expect.stringMatching(/^7 nik: NIK harus 16 angka/),
      expect.stringMatching(/^7 email: bukan alamat e-mail/),
    ]));
    expect(report.errors.find((e) => e.row === 6 && e.field === 'golongan')!.value).toBe('III/z');
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses the whole file when one row refers to an unknown agency, unit or position', async () => {
    const before = await tableCounts(t);
    const rows = [EMPLOYEE_HEADER,
      [makeNip('1991-04-04', '2016-06', 'male'), 'PNS', 'Baris Baik', '', '', 'L', '1991-04-04', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', '', '', '', '', ''],
      [makeNip('1991-04-05', '2016-06', 'male'), 'PNS', 'Kode Salah', '', '', 'L', '1991-04-05', '', '', '', '', 'III/a', '', '', 'S1', '', 'dinas-antah', '', '', '', '', ''],
      [makeNip('1991-04-06', '2016-06', 'male'), 'PNS', 'Unit Salah', '', '', 'L', '1991-04-06', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', 'TIDAK-ADA', '', '', '', ''],
      [makeNip('1991-04-07', '2016-06', 'male'), 'PNS', 'Jabatan Salah', '', '', 'L', '1991-04-07', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', '', 'TIDAK-ADA', '2024-01-01', '', ''],
    ];
    const report = await rejected(upload(t, as.bkpsdm!, 'employees', csv(rows)));
    expect(errorLines(report)).toEqual([
      '3 kode_opd: perangkat daerah dengan kode "dinas-antah" tidak ada',
      '4 kode_unit: unit dengan kode "TIDAK-ADA" tidak ada di berkas ini maupun di SIMPEG',
      '5 kode_jabatan: jabatan dengan kode "TIDAK-ADA" tidak ada di berkas ini maupun di SIMPEG',
    ]);
    expect(report.employees.created).toBe(1);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a second definitive holder of a position is a row error, in the file or against the database', async () => {
    const rows = [EMPLOYEE_HEADER,
      [makeNip('1993-01-01', '2018-02', 'male'), 'PNS', 'Penantang Satu', '', '', 'L', '1993-01-01', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', '', 'DKI-ANALIS', '2024-01-01', '', ''],
      [makeNip('1993-01-02', '2018-02', 'male'), 'PNS', 'Penantang Dua', '', '', 'L', '1993-01-02', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', '', 'DKI-ANALIS', '2024-01-01', '', ''],
      [makeNip('1993-01-03', '2018-02', 'male'), 'PNS', 'Perebut Kursi', '', '', 'L', '1993-01-03', '', '', '', '', 'III/a', '', '', 'S1', '', 'diskominfo', '', 'DKI-KADIS', '2024-01-01', '', ''],
    ];
    const report = await rejected(upload(t, as.bkpsdm!, 'employees', csv(rows)));
    expect(errorLines(report)).toEqual([
      expect.stringMatching(/^3 kode_jabatan: jabatan "Analis Sistem Informasi" juga diisi NIP \d{18} di baris 2/),
      expect.stringMatching(/^4 kode_jabatan: jabatan "Kepala Dinas Komunikasi dan Informatika" masih dipegang Slamet Riyadi/),
    ]);
  });

  it('a superior in another agency is a row error', async () => {
    const report = await rejected(upload(t, as.bkpsdm!, 'positions', csv([
      ['kode_jabatan', 'kode_unit', 'nama_jabatan', 'jenis_jabatan', 'eselon', 'kepala_unit', 'kode_atasan'],
      ['DKI-PENGELOLA', 'DKI-TIK', 'Pengelola Layanan Operasional', 'Pelaksana', '', 'tidak', 'DINKES-KAPKM-SLAWI'],
    ])));
    expect(errorLines(report)).toEqual([
      '2 kode_atasan: atasan "Kepala UPTD Puskesmas Slawi" berada di Dinkes, di luar Diskominfo',
    ]);
  });

  it('a loop in the unit tree is a row error, whether in the file or through stored units', async () => {
    const before = await tableCounts(t);
    const inFile = await rejected(upload(t, as.bkpsdm!, 'units', csv([
      ['kode_unit', 'kode_induk', 'kode_opd', 'nama', 'jenis'],
      ['DKI-A', 'DKI-B', 'diskominfo', 'Bidang Satu', 'bidang'],
      ['DKI-B', 'DKI-A', 'diskominfo', 'Seksi Dua', 'seksi'],
    ])));
    expect(errorLines(inFile)).toEqual([
      '2 kode_induk: unit induk membentuk lingkaran: DKI-A → DKI-B → DKI-A',
      '3 kode_induk: unit induk membentuk lingkaran: DKI-B → DKI-A → DKI-B',
    ]);
    // Bidang Aptika under its own Seksi TIK, which the database keeps under Bidang Aptika.
    const throughDb = await rejected(upload(t, as.bkpsdm!, 'units', csv([
      ['kode_unit', 'kode_induk', 'kode_opd', 'nama', 'jenis'],
      ['DKI-APTIKA', 'DKI-TIK', 'diskominfo', 'Bidang Aplikasi Informatika', 'bidang'],
    ])));
    expect(errorLines(throughDb)).toEqual(['2 kode_induk: unit induk membentuk lingkaran: DKI-APTIKA → DKI-TIK → DKI-APTIKA']);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a loop of superiors is a row error', async () => {
    const report = await rejected(upload(t, as.bkpsdm!, 'positions', csv([
      ['kode_jabatan', 'kode_unit', 'nama_jabatan', 'jenis_jabatan', 'kode_atasan'],
      ['DKI-X', 'DKI-TIK', 'Jabatan X', 'pelaksana', 'DKI-Y'],
      ['DKI-Y', 'DKI-TIK', 'Jabatan Y', 'pelaksana', 'DKI-X'],
    ])));
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([[2, 'kode_atasan'], [3, 'kode_atasan']]);
    expect(report.errors[0]!.message).toMatch(/rantai atasan membentuk lingkaran: DKI-X → DKI-Y → DKI-X/);
  });

  it('a second head for a unit is a row error', async () => {
    const report = await rejected(upload(t, as.bkpsdm!, 'positions', csv([
      ['kode_jabatan', 'kode_unit', 'nama_jabatan', 'jenis_jabatan', 'eselon', 'kepala_unit'],
      ['DKI-KASI-TIK-2', 'DKI-TIK', 'Kepala Seksi TIK Kedua', 'Pengawas', 'IV.a', 'ya'],
      ['DKI-KABID-X', 'DKI-APTIKA', 'Kepala Bidang X', 'Administrator', 'IV.a', 'ya'],
    ])));
    expect(errorLines(report)).toEqual([
      '2 kepala_unit: unit ini sudah punya jabatan kepala "Kepala Seksi Infrastruktur TIK"; isi kepala_unit "tidak" atau ubah jabatan kepala itu lebih dulu',
      '3 eselon: eselon IV.a tidak sesuai jenis jabatan; jabatan ini ber-eselon III.a atau III.b',
    ]);
  });
});

describe('who may import', () => {
  it('an agency admin imports their own agency; other agencies\' rows are row errors', async () => {
    const report = await rejected(upload(t, as['opd.admin']!, 'units', csv([
      ['kode_unit', 'kode_induk', 'kode_opd', 'nama', 'jenis'],
      ['DKI-HUMAS', '', '', 'Seksi Kehumasan', 'seksi'],
      ['DINKES-P2P', '', 'dinkes', 'Bidang Pencegahan Penyakit', 'bidang'],
    ])));
    expect(errorLines(report)).toEqual(['3 kode_opd: baris ini untuk Dinkes; Anda hanya dapat mengimpor data Diskominfo']);

    const own = await imported(upload(t, as['opd.admin']!, 'units', csv([
      ['kode_unit', 'kode_opd', 'nama', 'jenis'],
      ['DKI-HUMAS', '', 'Seksi Kehumasan', 'seksi'],
    ])));
    expect(own.units.created).toBe(1);
    expect(child(await tree('diskominfo'), 'Seksi Kehumasan').kind).toBe('seksi');
  });

  it('an agency admin cannot take an employee registered at another agency', async () => {
    const nip = (await t.modules.personnel.api.employeesOf({ agencyId: (await t.modules.personnel.api.findAgencyByCode('dinkes'))!.id }))[0]!.nip;
    const report = await rejected(upload(t, as['opd.admin']!, 'employees', csv([EMPLOYEE_HEADER,
      [nip, 'PNS', 'Ayu Kartika', 'dr.', '', 'P', '1992-11-30', '', '', '', '', 'III/b', '', '', 'S1', '', 'diskominfo', '', '', '', '', '']])));
    expect(errorLines(report)).toEqual([expect.stringMatching(/^2 nip: pegawai ini terdaftar di Dinkes; hanya BKPSDM/)]);
  });

  it('a citizen or an employee without admin rights → 403; signed out → 401; nothing is read', async () => {
    expect((await upload(t, as.warga!, 'units', UNITS)).statusCode).toBe(403);
    const employee = await upload(t, as.pegawai!, 'units', UNITS);
    expect(employee.statusCode).toBe(403);
    expect(employee.json().message).toMatch(/BKPSDM atau admin perangkat daerah/);
    expect((await upload(t, {}, 'units', UNITS)).statusCode).toBe(401);
  });
});

describe('the import service', () => {
  const cli: Actor = {
    kind: 'token', userId: null, username: 'cli', displayName: 'CLI', userKind: null, agencyId: null, roles: [], permissions: new Set(['personnel:manage']),
  };
  const revisionNumber = async () =>
    (await queryRows<{ revision: number }>(t.platform.db, sql`SELECT revision FROM revisions WHERE name = 'personnel'`))[0]?.revision ?? 0;

  it('moves SIMPEG\'s revision after a committed change only, and reports progress', async () => {
    const revision = createRevision(t.platform.db, 'personnel');
    const bump = vi.spyOn(revision, 'bump');
    const invalidate = vi.spyOn(revision, 'invalidate');
    const service = createImportService(t.platform, { revision });
    const ctx = systemContext(t.platform.today(), cli);
    const steps: string[] = [];
    const progress = { start: (label: string, total: number) => steps.push(`${label} ${total}`), update: () => {}, stop: () => {} };
    const file = csv([EMPLOYEE_HEADER, [makeNip('1994-06-06', '2019-01', 'female'), 'PNS', 'Lina Marlina', '', '', 'P', '1994-06-06', '', '', '', '',
      'III/a', '', '', 'S1', '', 'diskominfo', '', 'DKI-PENGELOLA-CLI', '2024-02-01', '', '']]);
    await imported(upload(t, as.bkpsdm!, 'positions', csv([['kode_jabatan', 'kode_unit', 'nama_jabatan', 'jenis_jabatan'], ['DKI-PENGELOLA-CLI', 'DKI-TIK', 'Pengelola Sistem', 'pelaksana']])));
    const before = await revisionNumber();

    await service.importFile(ctx, { kind: 'employees', dryRun: true, bytes: Buffer.from(file) }, progress);
    expect(bump).not.toHaveBeenCalled();
    expect(invalidate).not.toHaveBeenCalled();
    const report = await service.importFile(ctx, { kind: 'employees', dryRun: false, bytes: Buffer.from(file) }, progress);
    expect(report).toMatchObject({ committed: true, assignments: { opened: 1 } });
    expect(bump).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(await revisionNumber()).toBe(before + 1);
    await service.importFile(ctx, { kind: 'employees', dryRun: false, bytes: Buffer.from(file) }, progress);
    expect(bump).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(await revisionNumber()).toBe(before + 1);
    expect(steps).toEqual(['Memeriksa baris 1', 'Memeriksa baris 1', 'Menyimpan 2', 'Memeriksa baris 1', 'Menyimpan 0']);
    expect((await holder('DKI-PENGELOLA-CLI')).definitive).toMatchObject({ displayName: 'Lina Marlina' });
  });
});
