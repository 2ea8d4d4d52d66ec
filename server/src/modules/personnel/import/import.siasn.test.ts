import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { makeNip, makeUser, type SessionHeaders, signIn, signInAdministrators } from '../../../../test/factories.js';
import { queryRows } from '../../../platform/db/index.js';
import type { HolderView, PositionView, UnitNode } from '../index.js';
import { errorLines, idOf, imported, rejected, tableCounts, upload } from './import.test-fixtures.js';


let t: TestApp;
const as: Record<string, SessionHeaders> = {};

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  Object.assign(as, (await signInAdministrators(t)).as);
  await makeUser(t, { username: 'pegawai', roles: ['employee'], agency: 'diskominfo' });
  as.pegawai = await signIn(t, 'pegawai');
});
afterAll(() => t.close());

/** SIASN GUIDs are 32 hex digits. */
const guid = (n: number) => `8ae48288597fac650159824e03aa${String(n).padStart(4, '0')}`;
const OPD = guid(1);
const BIDANG = guid(2);
const SEKSI = guid(3);

const NIP = {
  kabid: makeNip('1979-08-12', '2005-03', 'male'),
  prakom: makeNip('1995-02-20', '2020-02', 'female'),
  pppk: '199009132025242014',
};

const UNOR = [
  { Id: OPD, InstansiId: 'A5EB03E23BFBF6A0E040640A040252AD', DiatasanId: guid(9999), EselonId: '22', NamaUnor: 'DINAS KOMUNIKASI DAN INFORMATIKA',
    NamaJabatan: 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA', IndukUnorId: OPD, JenisUnorId: '1' },
  { Id: BIDANG, InstansiId: 'A5EB03E23BFBF6A0E040640A040252AD', DiatasanId: OPD, EselonId: '32', NamaUnor: 'BIDANG APLIKASI INFORMATIKA',
    NamaJabatan: 'KEPALA BIDANG APLIKASI INFORMATIKA', IndukUnorId: OPD, JenisUnorId: '2' },
  // After the 2019 simplification a seksi may have no structural head.
  { Id: SEKSI, InstansiId: 'A5EB03E23BFBF6A0E040640A040252AD', DiatasanId: BIDANG, EselonId: '', NamaUnor: 'SEKSI E-GOVERNMENT',
    NamaJabatan: '', IndukUnorId: OPD, JenisUnorId: '3' },
];

const base = { unorIndukId: OPD, unorIndukNama: 'DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN TEGAL', kedudukanPnsNama: 'Aktif' };
const PEGAWAI = [
  { ...base, nipBaru: NIP.kabid, nipLama: '340012345', nama: 'ARIF SETIAWAN', gelarDepan: '', gelarBelakang: 'S.T., M.Eng.', jenisKelamin: 'M',
    tglLahir: '12-08-1979', tempatLahir: 'TEGAL', nik: '3328011208790003', emailGov: 'arif.setiawan@tegalkab.go.id', noHp: '081390001111',
    jenisPegawaiId: '1', jenisPegawaiNama: 'PNS DAERAH KABUPATEN/KOTA', statusPegawai: 'PNS', golRuangAkhirId: '41', golRuangAkhir: 'IV/a',
    tmtGolAkhir: '01-04-2021', jenisJabatanId: '1', jabatanNama: 'KEPALA BIDANG APLIKASI INFORMATIKA', eselonId: '32', tmtJabatan: '03-01-2022',
    unorId: BIDANG, tmtCpns: '01-03-2005', tkPendidikanTerakhir: 'S-2/Magister', pendidikanTerakhirNama: 'S-2 TEKNIK ELEKTRO' },
  { ...base, nipBaru: NIP.prakom, nama: 'SITI NURHALIZA', gelarDepan: '', gelarBelakang: 'S.Kom.', jenisKelamin: 'F', tglLahir: '20-02-1995',
    jenisPegawaiNama: 'PNS DAERAH KABUPATEN/KOTA', statusPegawai: 'PNS', golRuangAkhirId: '32', tmtGolAkhir: '01-01-0001',
    jenisJabatanId: '2', jabatanNama: 'PRANATA KOMPUTER AHLI PERTAMA', eselonId: '', tmtJabatan: '01-06-2023', unorId: SEKSI,
    tmtCpns: '01-02-2020', tkPendidikanTerakhir: 'S-1/Sarjana', pendidikanTerakhirNama: 'S-1 SISTEM INFORMASI' },
  { ...base, nipBaru: NIP.pppk, nama: 'RINA WULANDARI', gelarBelakang: 'A.Md.', jenisKelamin: 'F', tglLahir: '13-09-1990', jenisPegawaiNama: 'PPPK',
    statusPegawai: 'PPPK', golRuangAkhir: 'VII', tmtGolAkhir: '01-01-0001', jenisJabatanId: '4', jabatanNama: 'PENGELOLA LAYANAN OPERASIONAL',
    tmtJabatan: '01-03-2025', unorId: SEKSI, tmtCpns: '01-01-0001', tkPendidikanTerakhir: 'D-III/Sarjana Muda' },
];

const SAMPLE = JSON.stringify({ unor: UNOR, pegawai: PEGAWAI });

async function tree(): Promise<UnitNode> {
  const agency = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!;
  return (await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/units` })).json<UnitNode[]>()[0]!;
}

async function holderOf(code: string): Promise<HolderView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/positions/${await idOf(t, 'positions', code)}/holder`, headers: as.pegawai });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<HolderView>();
}

describe('importing a SIASN export', () => {
  it('maps unor to units with their head posts and pegawai to employees; 01-01-0001 is empty', async () => {
    const report = await imported(upload(t, as.bkpsdm!, 'siasn', SAMPLE, { name: 'siasn.json' }));
    expect(report).toMatchObject({
      rows: 6, errorCount: 0, warningCount: 0,
      // The OPD unor is the agency's top unit and the bidang matches the standard one: both taken over.
      units: { created: 1, updated: 2, unchanged: 0 },
      // Two head posts taken over, a personal post each for the functional and the pelaksana.
      positions: { created: 2, updated: 2, unchanged: 0 },
      employees: { created: 3, updated: 0, unchanged: 0 },
      assignments: { opened: 3, closed: 0 },
    });

    const top = await tree();
    expect(top.head).toMatchObject({ title: 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA', eselon: 'II.b' });
    expect(top.children.filter((u) => u.name.toLowerCase() === 'bidang aplikasi informatika')).toHaveLength(1);
    const bidang = top.children.find((u) => u.name === 'BIDANG APLIKASI INFORMATIKA')!;
    expect(bidang.children.map((u) => [u.name, u.kind, u.head])).toEqual([['SEKSI E-GOVERNMENT', 'seksi', null]]);

    expect((await holderOf(`siasn:kepala:${BIDANG}`)).definitive).toMatchObject({ nip: NIP.kabid, displayName: 'ARIF SETIAWAN, S.T., M.Eng.', rank: 'IV/a' });
    const prakom = await t.app.inject({ method: 'GET', url: `/api/positions/${await idOf(t, 'positions', `siasn:${NIP.prakom}`)}` });
    // The seksi has no head, so the functional's superior is the head of the bidang above it.
    expect(prakom.json<PositionView>()).toMatchObject({
      title: 'PRANATA KOMPUTER AHLI PERTAMA', kind: 'fungsional', unit: { name: 'SEKSI E-GOVERNMENT' },
      superiors: [{ title: 'KEPALA BIDANG APLIKASI INFORMATIKA' }, { title: 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA' }],
    });
    expect((await holderOf(`siasn:${NIP.pppk}`)).definitive).toMatchObject({ nip: NIP.pppk, rank: 'VII' });

    const rows = await queryRows<{ nip: string; kind: string; rank_tmt: string | null; tmt_cpns: string | null; education_level: string; gender: string; email: string | null }>(
      t.platform.db, sql`SELECT nip, kind, rank_tmt::text, tmt_cpns::text, education_level, gender, email FROM employees ORDER BY nip`);
    expect(rows).toEqual([
      { nip: NIP.kabid, kind: 'pns', rank_tmt: '2021-04-01', tmt_cpns: '2005-03-01', education_level: 'S2', gender: 'male', email: 'arif.setiawan@tegalkab.go.id' },
      { nip: NIP.pppk, kind: 'pppk', rank_tmt: null, tmt_cpns: null, education_level: 'D3', gender: 'female', email: null },
      { nip: NIP.prakom, kind: 'pns', rank_tmt: null, tmt_cpns: '2020-02-01', education_level: 'S1', gender: 'female', email: null },
    ]);
  });

  it('importing the same export again changes nothing', async () => {
    const before = await tableCounts(t);
    expect(await imported(upload(t, as.bkpsdm!, 'siasn', SAMPLE))).toMatchObject({ created: 0, updated: 0, unchanged: 10 });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('reports problems with their JSON path and writes nothing', async () => {
    const before = await tableCounts(t);
    const broken = {
      unor: [{ ...UNOR[2], Id: guid(4), NamaUnor: 'BIDANG RAHASIA', IndukUnorId: guid(5) }],
      pegawai: [
        { ...PEGAWAI[1], nipBaru: makeNip('1996-01-01', '2021-01', 'male'), tglLahir: '31-02-1996', jenisKelamin: 'M' },
        { ...PEGAWAI[1], nipBaru: makeNip('1996-01-02', '2021-01', 'male'), tglLahir: '02-01-1996', jenisKelamin: 'M', unorIndukId: guid(6), unorIndukNama: 'DINAS ANTAH BERANTAH' },
        { ...PEGAWAI[1], nipBaru: makeNip('1996-01-03', '2021-01', 'male'), tglLahir: '03-01-1996', jenisKelamin: 'M', jenisJabatanId: '9', golRuangAkhirId: '99' },
        'bukan objek',
        { ...PEGAWAI[1], nipBaru: makeNip('1996-01-05', '2021-01', 'male'), tglLahir: '05-01-1896', jenisKelamin: 'M', tmtCpns: '01-01-0001' },
      ],
    };
    const report = await rejected(upload(t, as.bkpsdm!, 'siasn', JSON.stringify(broken)));
    expect(errorLines(report)).toEqual([
      `1 unor[0].IndukUnorId: OPD "${guid(5)}" dari unor "BIDANG RAHASIA" tidak cocok dengan nama atau singkatan perangkat daerah mana pun`,
      '1 pegawai[0].tglLahir: bukan tanggal yang ada di kalender',
      '2 pegawai[1].unorIndukNama: OPD "DINAS ANTAH BERANTAH" tidak cocok dengan nama atau singkatan perangkat daerah mana pun',
      '3 pegawai[2].jenisJabatanId: kode jenis jabatan tidak dikenal; yang dikenal 1 (struktural), 2 (fungsional), 4 (pelaksana)',
      '3 pegawai[2].golRuangAkhirId: "99" bukan golongan PNS; tulis seperti III/a (I/a sampai IV/e)',
      '4 pegawai[3]: harus berupa objek',
      expect.stringMatching(/^5 pegawai\[4\]\.tglLahir: tanggal tidak masuk akal; harus antara 01-01-1900 dan /),
    ]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a struktural employee whose unor has no head post is a row error naming the field', async () => {
    const report = await rejected(upload(t, as.bkpsdm!, 'siasn', JSON.stringify({
      pegawai: [{ ...PEGAWAI[1], nipBaru: makeNip('1997-05-05', '2022-01', 'female'), tglLahir: '05-05-1997', jenisJabatanId: '1' }],
    })));
    expect(errorLines(report)).toEqual([`1 pegawai[0].jabatanNama: jabatan dengan kode "siasn:kepala:${SEKSI}" tidak ada di berkas ini maupun di SIMPEG`]);
  });

  it('an agency admin may import their own agency\'s export, not another\'s', async () => {
    const own = await imported(upload(t, as['opd.admin']!, 'siasn', SAMPLE, { dryRun: true }));
    expect(own).toMatchObject({ errorCount: 0, unchanged: 10 });
    const dinkes = JSON.stringify({ unor: [{ ...UNOR[0], Id: guid(50), IndukUnorId: guid(50), NamaUnor: 'DINAS KESEHATAN', NamaJabatan: 'KEPALA DINAS KESEHATAN' }] });
    const report = await rejected(upload(t, as['opd.admin']!, 'siasn', dinkes));
    expect(errorLines(report)).toEqual(['1 unor[0].IndukUnorId: baris ini untuk Dinkes; Anda hanya dapat mengimpor data Diskominfo']);
  });
});
