import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { makeNip, makeUser, signIn, type SessionHeaders } from '../../../../test/factories.js';
import { queryRows } from '../../../platform/db/index.js';
import type { BulkEmployee } from '../index.js';
import { csv, errorLines, idOf, imported, rejected, tableCounts, upload } from './import.test-fixtures.js';

// Stored posts without a code that share a title with an imported one (issue 8, item 16): many
// people hold the same functional title in one unit, so an import takes over the twin its own
// employee holds, else a vacant one, else makes a new post; a structural twin keeps one holder.

let t: TestApp;
let bkpsdm: SessionHeaders;
let agencyId: string;
let bidangId: string;

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await makeUser(t, { username: 'bkpsdm', roles: ['personnel_admin'], agency: 'bkpsdm' });
  bkpsdm = await signIn(t, 'bkpsdm');
  agencyId = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!.id;
  const [bidang] = await queryRows<{ id: string }>(t.platform.db,
    sql`SELECT id FROM units WHERE agency_id = ${agencyId} AND name = 'Bidang Aplikasi Informatika'`);
  bidangId = bidang!.id;
});
afterAll(() => t.close());

const guid = (n: number) => `8ae48288597fac650159824e03ab${String(n).padStart(4, '0')}`;
const OPD = guid(1);
const BIDANG = guid(2);
const UNOR = [
  { Id: OPD, DiatasanId: guid(9999), EselonId: '22', NamaUnor: 'DINAS KOMUNIKASI DAN INFORMATIKA', NamaJabatan: 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA', IndukUnorId: OPD },
  { Id: BIDANG, DiatasanId: OPD, EselonId: '32', NamaUnor: 'BIDANG APLIKASI INFORMATIKA', NamaJabatan: 'KEPALA BIDANG APLIKASI INFORMATIKA', IndukUnorId: OPD },
];

interface Person { nip: string; name: string; gender: 'male' | 'female'; birth: string; cpns: string }
const person = (name: string, gender: Person['gender'], birth: string, cpns: string): Person => ({ nip: makeNip(birth, cpns, gender), name, gender, birth, cpns });
const BUDI = person('BUDI SANTOSO', 'male', '1986-09-26', '2015-05');
const ANI = person('ANI RAHMAWATI', 'female', '1988-04-11', '2014-03');
const CITRA = person('CITRA DEWI', 'female', '1992-12-01', '2019-02');
const EKO = person('EKO PRASETYO', 'male', '1990-06-15', '2017-08');
const FAJAR = person('FAJAR NUGROHO', 'male', '1979-01-20', '2004-01');
const TMT = '2024-01-02';

const dmy = (iso: string) => iso.split('-').reverse().join('-');
/** A `data-utama` record as SIASN exports it: numeric ids, `M`/`F`, dd-mm-yyyy dates. */
const pegawai = (p: Person) => ({
  nipBaru: p.nip, nama: p.name, jenisKelamin: p.gender === 'male' ? 'M' : 'F', tglLahir: dmy(p.birth), tmtCpns: dmy(`${p.cpns}-01`),
  jenisPegawaiNama: 'PNS DAERAH KABUPATEN/KOTA', statusPegawai: 'PNS', kedudukanPnsNama: 'Aktif', golRuangAkhirId: 33, tmtGolAkhir: '01-04-2022',
  jenisJabatanId: 2, jabatanNama: 'PRANATA KOMPUTER AHLI MUDA', tmtJabatan: dmy(TMT), tkPendidikanTerakhir: 'S-1/Sarjana',
  unorId: BIDANG, unorIndukId: OPD, unorIndukNama: 'DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN TEGAL',
});
const siasn = (...people: Person[]) => JSON.stringify({ unor: UNOR, pegawai: people.map(pegawai) });

const stored = (p: Person): BulkEmployee => ({
  id: randomUUID(), nip: p.nip, kind: 'pns', name: p.name, gender: p.gender, birthDate: p.birth, rank: 'III/c', status: 'active',
  educationLevel: 'S1', agencyId, unitId: bidangId, tmtCpns: `${p.cpns}-01`,
});
/** Stores uncoded posts of the bidang, each with its holder (or none), as an old SIMPEG or the demo leaves them. */
async function storePosts(posts: { title: string; kind: 'fungsional' | 'administrator'; holder?: Person }[], sortFrom: number): Promise<string[]> {
  const rows = posts.map((p, i) => ({ id: randomUUID(), unitId: bidangId, title: p.title, kind: p.kind, superiorId: null, sortOrder: sortFrom + i, validFrom: '2020-01-01' }));
  const held = posts.flatMap((p, i) => (p.holder ? [{ post: rows[i]!, employee: stored(p.holder) }] : []));
  await t.modules.personnel.api.importPersonnelBulk({
    positions: rows, employees: held.map((h) => h.employee),
    assignments: held.map((h) => ({ employeeId: h.employee.id, positionId: h.post.id, startDate: TMT })),
  });
  return rows.map((r) => r.id);
}

const openAssignments = () => queryRows<{ nip: string; position_id: string; id: string }>(t.platform.db, sql`
  SELECT e.nip, a.position_id, a.id FROM assignments a JOIN employees e ON e.id = a.employee_id WHERE a.end_date IS NULL ORDER BY e.nip`);

const PRAKOM = 'Pranata Komputer Ahli Muda';
let twins: string[] = [];

describe('a SIASN functional post and stored posts of the same title', () => {
  it('a dry run where another employee holds the only stored twin plans a new post, without an error', async () => {
    twins = await storePosts([{ title: PRAKOM, kind: 'fungsional', holder: BUDI }], 900);
    const before = await tableCounts(t);
    const report = await imported(upload(t, bkpsdm, 'siasn', siasn(EKO), { dryRun: true, name: 'siasn.json' }));
    expect(errorLines(report)).toEqual([]);
    // Two head posts taken over from the standard structure; Eko's post is new, Budi's stays his.
    expect(report).toMatchObject({ errorCount: 0, positions: { created: 1, updated: 2 }, employees: { created: 1 }, assignments: { opened: 1, closed: 0 } });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('several holders of one title: each keeps their own post, a newcomer takes the vacant one, the next gets a new post', async () => {
    twins.push(...await storePosts([{ title: PRAKOM, kind: 'fungsional', holder: ANI }, { title: PRAKOM, kind: 'fungsional' }], 910));
    const [budiPost, aniPost, vacant] = twins;
    const before = await openAssignments();
    const report = await imported(upload(t, bkpsdm, 'siasn', siasn(CITRA, BUDI, ANI, EKO), { name: 'siasn.json' }));
    expect(report).toMatchObject({
      errorCount: 0, positions: { created: 1, updated: 5 }, employees: { created: 2, updated: 2 }, assignments: { opened: 2, closed: 0, corrected: 0 },
    });
    expect(await idOf(t, 'positions', `siasn:${BUDI.nip}`)).toBe(budiPost);
    expect(await idOf(t, 'positions', `siasn:${ANI.nip}`)).toBe(aniPost);
    expect(await idOf(t, 'positions', `siasn:${CITRA.nip}`)).toBe(vacant);
    const ekoPost = await idOf(t, 'positions', `siasn:${EKO.nip}`);
    expect(twins).not.toContain(ekoPost);
    // Budi's and Ani's assignments are the ones they had; one person per post.
    const after = await openAssignments();
    for (const p of [BUDI, ANI]) expect(after.find((a) => a.nip === p.nip)).toEqual(before.find((a) => a.nip === p.nip));
    expect(after.find((a) => a.nip === CITRA.nip)?.position_id).toBe(vacant);
    expect(after.find((a) => a.nip === EKO.nip)?.position_id).toBe(ekoPost);
    const [{ titles }] = await queryRows<{ titles: string[] }>(t.platform.db,
      sql`SELECT array_agg(DISTINCT title) AS titles FROM positions WHERE id IN (${sql.join([...twins, ekoPost].map((id) => sql`${id}::uuid`), sql`, `)})`) as [{ titles: string[] }];
    expect(titles).toEqual(['PRANATA KOMPUTER AHLI MUDA']);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await tableCounts(t);
    const assignments = await openAssignments();
    const report = await imported(upload(t, bkpsdm, 'siasn', siasn(CITRA, BUDI, ANI, EKO), { name: 'siasn.json' }));
    expect(report).toMatchObject({ errorCount: 0, created: 0, updated: 0, unchanged: 2 + 2 + 4 + 4, assignments: { opened: 0, closed: 0, corrected: 0 } });
    expect(await tableCounts(t)).toEqual(before);
    expect(await openAssignments()).toEqual(assignments);
  });
});

describe('a structural post keeps one holder', () => {
  it('a file post takes over its held structural twin, and giving it to someone else is refused', async () => {
    const [koordinator] = await storePosts([{ title: 'Koordinator Layanan Aplikasi', kind: 'administrator', holder: FAJAR }], 920);
    const positions = await imported(upload(t, bkpsdm, 'positions', csv([
      ['kode_jabatan', 'kode_unit', 'nama_jabatan', 'jenis_jabatan', 'eselon', 'kepala_unit', 'kode_atasan'],
      ['DKI-KOORD', BIDANG, 'Koordinator Layanan Aplikasi', 'Administrator', '', 'tidak', ''],
    ])));
    expect(positions).toMatchObject({ errorCount: 0, positions: { created: 0, updated: 1 } });
    expect(await idOf(t, 'positions', 'DKI-KOORD')).toBe(koordinator);

    const newcomer = makeNip('1991-03-03', '2016-04', 'female');
    const report = await rejected(upload(t, bkpsdm, 'employees', csv([
      ['nip', 'jenis_pegawai', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'golongan', 'pendidikan', 'kode_opd', 'kode_jabatan', 'tmt_jabatan'],
      [newcomer, 'PNS', 'Gita Permata', 'P', '1991-03-03', 'III/c', 'S1', 'diskominfo', 'DKI-KOORD', '2025-01-02'],
    ])));
    expect(errorLines(report)).toEqual([expect.stringMatching(/^2 kode_jabatan: jabatan "Koordinator Layanan Aplikasi" masih dipegang FAJAR NUGROHO/)]);
  });
});
