import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { makeNip, type SessionHeaders, signInAdministrators } from '../../../../test/factories.js';
import { queryRows } from '../../../platform/db/index.js';
import type { HolderView } from '../index.js';
import { csv, errorLines, idOf, imported, rejected, upload } from './import.test-fixtures.js';

// Plt/Plh/Pj/Pjs from a CSV or XLSX file: checked row by row as the delegation form checks one,
// written with the form's events and audit entries, and idempotent on post + NIP + kind + start.

let t: TestApp;
const as: Record<string, SessionHeaders> = {};

const NIP = {
  ani: makeNip('1980-02-02', '2005-03', 'female'),
  budi: makeNip('1985-05-05', '2010-03', 'male'),
  cici: makeNip('1962-01-01', '1985-03', 'female'),
  dedi: makeNip('1978-08-08', '2003-03', 'male'),
  eko: makeNip('1990-10-10', '2015-03', 'male'),
  /** Valid, but nobody has it. */
  nobody: makeNip('1991-11-11', '2016-03', 'female'),
};

const HEADER = ['kode_jabatan', 'nip', 'jenis_pelimpahan', 'nomor_sk', 'tanggal_sk', 'tanggal_mulai', 'tanggal_selesai', 'alasan'];

/** The region's date `days` from today, ISO (`yyyy-mm-dd`). */
const day = (days: number) => {
  const d = new Date(`${t.platform.today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** The same date as people type it in a spreadsheet (`dd-mm-yyyy`). */
const typed = (days: number) => day(days).split('-').reverse().join('-');

const ROW = {
  /** A Plt since January 2025, until further notice. */
  pltKabid: () => ['DLG-KABID', NIP.ani, 'Plt', '800.1.3/001/2025', '30-12-2024', '02-01-2025', '', 'Kepala bidang pensiun; jabatan lowong'],
  /** A Plh from 30 to 41 days ahead (the last day as written), so it can still be shortened. */
  plhKasi: () => ['DLG-KASI', NIP.budi, 'plh', '800.1.3/017/2025', '', day(30), typed(41), 'Kepala seksi cuti tahunan'],
};

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  Object.assign(as, (await signInAdministrators(t)).as);
  await imported(upload(t, as.bkpsdm!, 'units', csv([
    ['kode_unit', 'kode_induk', 'kode_opd', 'nama', 'jenis'],
    ['DLG-BID', '', 'diskominfo', 'Bidang Uji Pelimpahan', 'bidang'],
    ['DLG-SEKSI', 'DLG-BID', 'diskominfo', 'Seksi Uji Pelimpahan', 'seksi'],
  ])));
  await imported(upload(t, as.bkpsdm!, 'positions', csv([
    ['kode_jabatan', 'kode_unit', 'nama_jabatan', 'jenis_jabatan', 'eselon', 'kepala_unit'],
    ['DLG-KABID', 'DLG-BID', 'Kepala Bidang Uji Pelimpahan', 'Administrator', 'III.b', 'ya'],
    ['DLG-KASI', 'DLG-SEKSI', 'Kepala Seksi Uji Pelimpahan', 'Pengawas', 'IV.a', 'ya'],
    ['DLG-PRAKOM', 'DLG-SEKSI', 'Pranata Komputer Uji', 'Fungsional', '', 'tidak'],
  ])));
  const person = (nip: string, name: string, gender: string, birth: string, status: string, agency: string, post: string, tmt: string) =>
    [nip, 'PNS', name, gender, birth, 'III/c', status, 'S1', agency, post, tmt];
  await imported(upload(t, as.bkpsdm!, 'employees', csv([
    ['nip', 'jenis_pegawai', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'golongan', 'status', 'pendidikan', 'kode_opd', 'kode_jabatan', 'tmt_jabatan'],
    person(NIP.ani, 'Ani Rahayu', 'P', '1980-02-02', 'aktif', 'diskominfo', 'DLG-KASI', '2023-01-02'),
    person(NIP.budi, 'Budi Prasetyo', 'L', '1985-05-05', 'aktif', 'diskominfo', '', ''),
    person(NIP.cici, 'Cici Purwanti', 'P', '1962-01-01', 'pensiun', 'diskominfo', '', ''),
    person(NIP.dedi, 'Dedi Kurniawan', 'L', '1978-08-08', 'aktif', 'diskominfo', 'DLG-PRAKOM', '2022-01-03'),
    person(NIP.eko, 'Eko Saputro', 'L', '1990-10-10', 'aktif', 'dinkes', '', ''),
  ])));
});
afterAll(() => t.close());

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.platform.db, query))[0]!.n;
const delegationCount = () => count(sql`SELECT count(*)::int AS n FROM delegations`);
const eventCount = () => count(sql`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'personnel.delegation_changed'`);
const auditCount = (action: string) => count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity_type = 'delegation'`);

async function holder(code: string, at: string): Promise<HolderView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/positions/${await idOf(t, 'positions', code)}/holder?at=${at}`, headers: as.bkpsdm });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<HolderView>();
}

describe('importing delegations', () => {
  it('offers a template with the columns and an example row', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/personnel/imports/templates/delegations', headers: as.bkpsdm });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="templat-impor-pelimpahan.csv"');
    const [header, example] = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(',')).toEqual(HEADER);
    expect(example).toContain('Plt');
  });

  it('a dry run reports the delegations it would write and writes nothing', async () => {
    const before = { delegations: await delegationCount(), events: await eventCount() };
    const report = await imported(upload(t, as.bkpsdm!, 'delegations', csv([HEADER, ROW.pltKabid(), ROW.plhKasi()]), { dryRun: true }));
    expect(report).toMatchObject({ kind: 'delegations', dryRun: true, committed: false, rows: 2, errorCount: 0, created: 2, delegations: { created: 2, updated: 0, unchanged: 0 } });
    expect(report.message).toMatch(/Belum ada yang disimpan/);
    expect({ delegations: await delegationCount(), events: await eventCount() }).toEqual(before);
  });

  it('writes them: the Plt and the Plh act for their posts, with the form\'s events and audit entries', async () => {
    const before = { events: await eventCount(), audits: await auditCount('delegation.created') };
    const report = await imported(upload(t, as.bkpsdm!, 'delegations', csv([HEADER, ROW.pltKabid(), ROW.plhKasi()])));
    expect(report).toMatchObject({ committed: true, delegations: { created: 2, updated: 0, unchanged: 0 } });

    expect((await holder('DLG-KABID', '2025-02-01')).acting).toMatchObject({ as: 'plt', skNumber: '800.1.3/001/2025', employee: { nip: NIP.ani } });
    const kasi = await holder('DLG-KASI', day(41));
    expect(kasi.acting).toMatchObject({ as: 'plh', employee: { nip: NIP.budi } });
    expect(kasi.definitive).toMatchObject({ nip: NIP.ani });
    // The last day written is the last day of the term: the stored end is the day after.
    expect((await holder('DLG-KASI', day(42))).acting).toMatchObject({ as: 'definitive', employee: { nip: NIP.ani } });

    const [plh] = await queryRows<{ id: string; end_date: string; sk_date: string | null; reason: string }>(t.platform.db,
      sql`SELECT id, end_date::text, sk_date::text, reason FROM delegations WHERE sk_number = '800.1.3/017/2025'`);
    expect(plh).toMatchObject({ end_date: day(42), sk_date: null, reason: 'Kepala seksi cuti tahunan' });
    expect(await eventCount()).toBe(before.events + 2);
    expect(await auditCount('delegation.created')).toBe(before.audits + 2);
    const [event] = await queryRows<{ payload: Record<string, unknown> }>(t.platform.db,
      sql`SELECT payload FROM outbox_events WHERE type = 'personnel.delegation_changed' AND payload->>'delegationId' = ${plh!.id}`);
    expect(event!.payload).toMatchObject({ kind: 'plh', startDate: day(30), endDate: day(42) });
  });

  it('importing the same file again changes nothing', async () => {
    const before = { delegations: await delegationCount(), events: await eventCount(), audits: await auditCount('delegation.created') };
    const report = await imported(upload(t, as.bkpsdm!, 'delegations', csv([HEADER, ROW.pltKabid(), ROW.plhKasi()])));
    expect(report).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 2, delegations: { created: 0, updated: 0, unchanged: 2 } });
    expect({ delegations: await delegationCount(), events: await eventCount(), audits: await auditCount('delegation.created') }).toEqual(before);
  });

  it('a matching row corrects the SK or ends the term earlier; a later last day is refused', async () => {
    const corrected = ROW.plhKasi();
    corrected[3] = '800.1.3/018/2025';
    corrected[6] = typed(37);
    const report = await imported(upload(t, as.bkpsdm!, 'delegations', csv([HEADER, ROW.pltKabid(), corrected])));
    expect(report).toMatchObject({ delegations: { created: 0, updated: 1, unchanged: 1 } });
    expect((await holder('DLG-KASI', day(37))).acting).toMatchObject({ as: 'plh', skNumber: '800.1.3/018/2025' });
    expect((await holder('DLG-KASI', day(38))).acting).toMatchObject({ as: 'definitive' });
    expect(await auditCount('delegation.ended')).toBe(1);

    const longer = [...corrected];
    longer[6] = typed(45);
    const refused = await rejected(upload(t, as.bkpsdm!, 'delegations', csv([HEADER, longer])));
    expect(errorLines(refused)).toEqual([expect.stringMatching(/^2 tanggal_selesai: pelimpahan ini tercatat sampai dengan \d+ \w+ \d{4}; untuk memperpanjang buat pelimpahan baru/)]);
  });

  it('a functional post, Pj for a post below JPT and a Plh without an end are row errors; nothing is written', async () => {
    const before = await delegationCount();
    const report = await rejected(upload(t, as.bkpsdm!, 'delegations', csv([HEADER,
      ['DLG-KASI', NIP.budi, 'Plt', '800.1.3/020/2025', '', '01-05-2025', '31-05-2025', 'Kepala seksi diklat'],
      ['DLG-PRAKOM', NIP.budi, 'Plt', '800.1.3/021/2025', '', '01-05-2025', '', 'Pranata komputer pindah'],
      ['DLG-KABID', NIP.budi, 'Pj', '800.1.3/022/2025', '', '01-05-2026', '', 'Penjabat kepala bidang'],
      ['DLG-KABID', NIP.budi, 'Plh', '800.1.3/023/2025', '', '01-05-2026', '', 'Kepala bidang dinas luar'],
      ['DLG-KABID', NIP.budi, 'Plt', 'SK', '', '01-05-2026', '30-04-2026', 'x'],
    ])));
    expect(errorLines(report)).toEqual([
      '3 kode_jabatan: Pranata Komputer Uji bukan jabatan pimpinan; Plt/Plh hanya untuk jabatan pimpinan tinggi, administrator dan pengawas',
      '4 jenis_pelimpahan: Pj dan Pjs hanya untuk jabatan pimpinan tinggi',
      '5 tanggal_selesai: wajib diisi untuk Plh: Plh menggantikan pejabat yang berhalangan sementara',
      '6 nomor_sk: minimal 3 karakter',
      '6 alasan: minimal 3 karakter',
      '6 tanggal_selesai: tidak boleh sebelum tanggal_mulai',
    ]);
    expect(report.delegations.created).toBe(1);
    expect(await delegationCount()).toBe(before);
  });

  it('overlapping terms are refused, against stored delegations and between rows of the file', async () => {
    const report = await rejected(upload(t, as.bkpsdm!, 'delegations', csv([HEADER,
      ['DLG-KABID', NIP.budi, 'Plt', '800.1.3/030/2025', '', '01-06-2025', '', 'Pergantian Plt'],
      ['DLG-KASI', NIP.budi, 'Plh', '800.1.3/031/2025', '', '01-04-2025', '10-04-2025', 'Kepala seksi sakit'],
      ['DLG-KASI', NIP.dedi, 'Plh', '800.1.3/032/2025', '', '08-04-2025', '12-04-2025', 'Kepala seksi dinas luar'],
    ])));
    expect(errorLines(report)).toEqual([
      '2 tanggal_mulai: sudah ada Plt Ani Rahayu (NIP ' + NIP.ani + ') untuk Kepala Bidang Uji Pelimpahan mulai 2 Januari 2025 tanpa batas waktu; '
      + 'masa tugas tidak boleh tumpang tindih',
      '4 tanggal_mulai: masa tugas tumpang tindih dengan Plh di baris 3 (mulai 1 April 2025 sampai dengan 10 April 2025) untuk jabatan yang sama; '
      + 'satu jabatan hanya satu pelimpahan pada satu waktu',
    ]);
  });

  it('an unknown NIP or post, a retired delegate, the post\'s own holder and another agency\'s employee are row errors', async () => {
    const row = (code: string, nip: string) => [code, nip, 'Plt', '800.1.3/040/2025', '', '01-07-2025', '31-07-2025', 'Pengisian sementara'];
    const report = await rejected(upload(t, as['opd.admin']!, 'delegations', csv([HEADER,
      row('DLG-KASI', NIP.nobody),
      row('DLG-TIDAK-ADA', NIP.budi),
      row('DLG-KASI', NIP.cici),
      row('DLG-KASI', NIP.ani),
      row('DLG-KASI', NIP.eko),
      row('DLG-KASI', '12345'),
    ])));
    expect(errorLines(report)).toEqual([
      `2 nip: pegawai dengan NIP ${NIP.nobody} tidak ada di SIMPEG`,
      '3 kode_jabatan: jabatan dengan kode "DLG-TIDAK-ADA" tidak ada di SIMPEG; impor berkas jabatannya lebih dulu',
      '4 nip: Cici Purwanti tidak berstatus aktif; tunjuk pegawai lain',
      '5 nip: Ani Rahayu adalah pemegang definitif jabatan ini; tidak dapat sekaligus menjadi Plt/Plh',
      '6 nip: pegawai ini terdaftar di Dinkes; Anda hanya dapat menunjuk pegawai perangkat daerah Anda',
      '7 nip: NIP/NI PPPK harus terdiri atas tepat 18 angka, bukan 5',
    ]);
  });

  it('reads an XLSX with real date cells, and again changes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Pelimpahan');
    sheet.addRow(['Kode Jabatan', 'NIP', 'Jenis Pelimpahan', 'Nomor SK', 'Tanggal SK', 'Tanggal Mulai', 'Tanggal Selesai', 'Alasan']);
    sheet.addRow(['DLG-KASI', NIP.dedi, 'Pelaksana Harian', '800.1.3/050/2025', new Date(Date.UTC(2025, 4, 2)), new Date(Date.UTC(2025, 4, 5)),
      new Date(Date.UTC(2025, 4, 9)), 'Kepala seksi mengikuti pelatihan']);
    const book = Buffer.from(await wb.xlsx.writeBuffer());
    const report = await imported(upload(t, as['opd.admin']!, 'delegations', book, { name: 'pelimpahan.xlsx' }));
    expect(report).toMatchObject({ committed: true, delegations: { created: 1 } });
    expect((await holder('DLG-KASI', '2025-05-09')).acting).toMatchObject({ as: 'plh', employee: { nip: NIP.dedi } });
    expect((await holder('DLG-KASI', '2025-05-10')).acting).toMatchObject({ as: 'definitive' });
    const again = await imported(upload(t, as['opd.admin']!, 'delegations', book, { name: 'pelimpahan.xlsx' }));
    expect(again).toMatchObject({ delegations: { created: 0, updated: 0, unchanged: 1 } });

    // A term that is over is history: its end no longer moves.
    sheet.getCell('G2').value = new Date(Date.UTC(2025, 4, 7));
    const shortened = await rejected(upload(t, as['opd.admin']!, 'delegations', Buffer.from(await wb.xlsx.writeBuffer()), { name: 'pelimpahan.xlsx' }));
    expect(errorLines(shortened)).toEqual(['2 tanggal_selesai: pelimpahan ini sudah berakhir (hari terakhir 9 Mei 2025); masa tugasnya tidak dapat diubah lagi']);
  });

  it('closeMissing does not apply to a delegations file', async () => {
    const report = await rejected(upload(t, as.bkpsdm!, 'delegations', csv([HEADER, ROW.pltKabid()]), { closeMissing: true }));
    expect(errorLines(report)).toEqual(['0 closeMissing: closeMissing hanya berlaku untuk berkas struktur (units, positions atau siasn), bukan berkas pelimpahan']);
  });
});
