import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { makeNip, makeUser, signIn, type SessionHeaders } from '../../../../test/factories.js';
import { queryRows } from '../../../platform/db/index.js';
import { dayText } from '../personnel.format.js';
import { csv, errorLines, imported, rejected, tableCounts, upload } from './import.test-fixtures.js';

// closeMissing=true: a structure file is the whole structure of its agencies, so coded units and
// positions it leaves out close today; held posts (definitively or by a Plt/Plh in force or to
// come) and units still in use are error rows instead.

let t: TestApp;
let bkpsdm: SessionHeaders;

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await makeUser(t, { username: 'bkpsdm', roles: ['personnel_admin'], agency: 'bkpsdm' });
  bkpsdm = await signIn(t, 'bkpsdm');
});
afterAll(() => t.close());

const UNIT_HEADER = ['kode_unit', 'kode_induk', 'kode_opd', 'nama', 'singkatan', 'jenis'];
const UNIT = {
  satu: ['UJI-1', '', 'diskominfo', 'Bidang Uji Satu', 'Uji Satu', 'bidang'],
  dua: ['UJI-2', '', 'diskominfo', 'Bidang Uji Dua', 'Uji Dua', 'bidang'],
  seksi: ['UJI-2A', 'UJI-2', 'diskominfo', 'Seksi Uji Dua A', 'Seksi 2A', 'seksi'],
};
const POSITION_HEADER = ['kode_jabatan', 'kode_unit', 'nama_jabatan', 'jenis_jabatan', 'eselon', 'kepala_unit', 'kode_atasan'];
const POSITION = {
  analis: ['UJI-P1', 'UJI-1', 'Analis Data Uji', 'Fungsional', '', 'tidak', ''],
  pengelola: ['UJI-P2', 'UJI-2', 'Pengelola Uji', 'Pelaksana', '', 'tidak', ''],
  operator: ['UJI-P3', 'UJI-2A', 'Operator Uji', 'Pelaksana', '', 'tidak', ''],
};
const EMPLOYEE_HEADER = ['nip', 'jenis_pegawai', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'golongan', 'pendidikan', 'kode_opd', 'kode_unit', 'kode_jabatan', 'tmt_jabatan'];
const HANA = makeNip('1990-05-05', '2015-03', 'female');
const IWAN = makeNip('1991-06-06', '2016-03', 'male');
const hana = [HANA, 'PNS', 'Hana Pertiwi', 'P', '1990-05-05', 'III/b', 'S1', 'diskominfo', '', 'UJI-P1', '2025-01-02'];
const DELEGATION_HEADER = ['kode_jabatan', 'nip', 'jenis_pelimpahan', 'nomor_sk', 'tanggal_sk', 'tanggal_mulai', 'tanggal_selesai', 'alasan'];

const validTo = async (table: 'units' | 'positions', code: string) =>
  (await queryRows<{ valid_to: string | null }>(t.platform.db, sql`SELECT valid_to::text FROM ${sql.raw(table)} WHERE external_id = ${code}`))[0]!.valid_to;
/** The region's date, which the import closes records on (after midnight WIB, UTC still says yesterday). */
const today = () => t.platform.today();
/** The region's date `days` from today. */
const day = (days: number) => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('closing what a complete structure file leaves out', () => {
  it('sets up two bidang, a seksi, three posts and a holder', async () => {
    await imported(upload(t, bkpsdm, 'units', csv([UNIT_HEADER, UNIT.satu, UNIT.dua, UNIT.seksi])));
    await imported(upload(t, bkpsdm, 'positions', csv([POSITION_HEADER, POSITION.analis, POSITION.pengelola, POSITION.operator])));
    await imported(upload(t, bkpsdm, 'employees', csv([EMPLOYEE_HEADER, hana])));
  });

  it('without closeMissing a partial file closes nothing', async () => {
    const report = await imported(upload(t, bkpsdm, 'positions', csv([POSITION_HEADER, POSITION.pengelola]), { dryRun: true }));
    expect(report.closed).toBeUndefined();
    expect(report.errorCount).toBe(0);
  });

  it('a dry run lists what would close; a post someone holds is an error row, and nothing is written', async () => {
    const before = await tableCounts(t);
    const report = await imported(upload(t, bkpsdm, 'positions', csv([POSITION_HEADER, POSITION.pengelola]), { dryRun: true, closeMissing: true }));
    expect(report.closed).toEqual({ units: 0, positions: 1, records: [{ table: 'positions', code: 'UJI-P3', name: 'Operator Uji' }] });
    expect(errorLines(report)).toEqual([
      '0 kode_jabatan: jabatan "Analis Data Uji" tidak ada di berkas sehingga akan ditutup, tetapi masih dipegang Hana Pertiwi (NIP '
      + `${HANA}); pindahkan pejabat itu lebih dulu atau cantumkan jabatan ini di berkas`,
    ]);
    expect(await tableCounts(t)).toEqual(before);
    expect(await validTo('positions', 'UJI-P3')).toBeNull();
  });

  it('closes the posts left out; uncoded standard posts stay; importing the same file again closes nothing more', async () => {
    const [{ n: standardBefore }] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM positions WHERE external_id IS NULL AND valid_to IS NULL`) as [{ n: number }];
    const file = csv([POSITION_HEADER, POSITION.analis, POSITION.pengelola]);
    const report = await imported(upload(t, bkpsdm, 'positions', file, { closeMissing: true }));
    expect(report).toMatchObject({ committed: true, errorCount: 0, closed: { units: 0, positions: 1 } });
    expect(await validTo('positions', 'UJI-P3')).toBe(today());
    expect(await validTo('positions', 'UJI-P1')).toBeNull();
    const [{ n: standardAfter }] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM positions WHERE external_id IS NULL AND valid_to IS NULL`) as [{ n: number }];
    expect(standardAfter).toBe(standardBefore);
    const again = await imported(upload(t, bkpsdm, 'positions', file, { closeMissing: true }));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, closed: { units: 0, positions: 0, records: [] } });
  });

  it('a unit with staff, a kept post or a kept sub-unit stays open and is an error row; so is its parent', async () => {
    await imported(upload(t, bkpsdm, 'employees', csv([EMPLOYEE_HEADER, [IWAN, 'PNS', 'Iwan Setiadi', 'L', '1991-06-06', 'III/a', 'S1', 'diskominfo', 'UJI-2A', '', '']])));
    const staffed = await imported(upload(t, bkpsdm, 'units', csv([UNIT_HEADER, UNIT.satu]), { dryRun: true, closeMissing: true }));
    expect(errorLines(staffed)).toEqual([
      '0 kode_unit: unit "Bidang Uji Dua" tidak ada di berkas sehingga akan ditutup, tetapi masih ada jabatan "Pengelola Uji" di unit ini; pindahkan lebih dulu atau cantumkan unit ini di berkas',
      '0 kode_unit: unit "Seksi Uji Dua A" tidak ada di berkas sehingga akan ditutup, tetapi masih ada pegawai aktif di unit ini; pindahkan lebih dulu atau cantumkan unit ini di berkas',
    ]);
    expect(staffed.closed).toEqual({ units: 0, positions: 0, records: [] });
  });

  it('once emptied, the units left out close, sub-units with them, and leave the org chart', async () => {
    await imported(upload(t, bkpsdm, 'employees', csv([EMPLOYEE_HEADER, [IWAN, 'PNS', 'Iwan Setiadi', 'L', '1991-06-06', 'III/a', 'S1', 'diskominfo', 'UJI-1', '', '']])));
    await imported(upload(t, bkpsdm, 'positions', csv([POSITION_HEADER, POSITION.analis]), { closeMissing: true }));
    const report = await imported(upload(t, bkpsdm, 'units', csv([UNIT_HEADER, UNIT.satu]), { closeMissing: true }));
    expect(report).toMatchObject({ errorCount: 0, committed: true, closed: { units: 2, positions: 0 } });
    expect(report.closed!.records.map((r) => r.code).sort()).toEqual(['UJI-2', 'UJI-2A']);
    expect(await validTo('units', 'UJI-2')).toBe(today());
    const agency = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!;
    const tree = (await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/units` })).json<{ name: string; children: { name: string }[] }[]>()[0]!;
    expect(tree.children.map((c) => c.name)).toContain('Bidang Uji Satu');
    expect(tree.children.map((c) => c.name)).not.toContain('Bidang Uji Dua');
  });

  it('a post with a Plt in force or a Plh to come stays open and is an error row; a term that is over holds nothing open', async () => {
    const administrator = (code: string, title: string) => [code, 'UJI-1', title, 'Administrator', 'III.a', 'tidak', ''];
    await imported(upload(t, bkpsdm, 'positions', csv([POSITION_HEADER,
      administrator('UJI-A1', 'Perencana Uji Satu'), administrator('UJI-A2', 'Perencana Uji Dua'), administrator('UJI-A3', 'Perencana Uji Tiga')])));
    const delegation = (code: string, kind: string, start: string, lastDay: string) => [code, IWAN, kind, '800.1.3/090/2025', '', start, lastDay, 'Pengisian sementara'];
    const plt = delegation('UJI-A1', 'Plt', '02-01-2025', '');
    await imported(upload(t, bkpsdm, 'delegations', csv([DELEGATION_HEADER,
      plt, delegation('UJI-A2', 'Plh', day(30), day(40)), delegation('UJI-A3', 'Plt', '02-01-2024', '30-06-2024')])));

    const file = csv([POSITION_HEADER, POSITION.analis]);
    const dryRun = await imported(upload(t, bkpsdm, 'positions', file, { dryRun: true, closeMissing: true }));
    expect(dryRun.closed).toEqual({ units: 0, positions: 1, records: [{ table: 'positions', code: 'UJI-A3', name: 'Perencana Uji Tiga' }] });
    expect(errorLines(dryRun).sort()).toEqual([
      `0 kode_jabatan: jabatan "Perencana Uji Dua" tidak ada di berkas sehingga akan ditutup, tetapi Plh Iwan Setiadi (NIP ${IWAN}) ditunjuk mulai ${dayText(day(30))}; `
      + 'akhiri pelimpahan itu lebih dulu atau cantumkan jabatan ini di berkas',
      `0 kode_jabatan: jabatan "Perencana Uji Satu" tidak ada di berkas sehingga akan ditutup, tetapi Plt Iwan Setiadi (NIP ${IWAN}) bertugas tanpa batas waktu; `
      + 'akhiri pelimpahan itu lebih dulu atau cantumkan jabatan ini di berkas',
    ]);
    await rejected(upload(t, bkpsdm, 'positions', file, { closeMissing: true }));
    expect(await validTo('positions', 'UJI-A3')).toBeNull();

    // The Plt's last day was yesterday: the post is free to close today.
    await imported(upload(t, bkpsdm, 'delegations', csv([DELEGATION_HEADER, [...plt.slice(0, 6), day(-1), ...plt.slice(7)]])));
    const after = await imported(upload(t, bkpsdm, 'positions', file, { dryRun: true, closeMissing: true }));
    expect(after.closed!.records.map((r) => r.code).sort()).toEqual(['UJI-A1', 'UJI-A3']);
    expect(errorLines(after)).toEqual([expect.stringContaining('"Perencana Uji Dua" tidak ada di berkas sehingga akan ditutup, tetapi Plh Iwan Setiadi')]);
  });

  it('an employees file cannot close anything: closeMissing there is an error', async () => {
    const report = await rejected(upload(t, bkpsdm, 'employees', csv([EMPLOYEE_HEADER, hana]), { closeMissing: true }));
    expect(errorLines(report)).toEqual(['0 closeMissing: closeMissing hanya berlaku untuk berkas struktur (units, positions atau siasn), bukan berkas pegawai']);
  });
});
