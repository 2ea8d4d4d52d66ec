import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeNip, makeUser, signIn, type SessionHeaders } from '../../../test/factories.js';
import { queryRows } from '../../platform/db/index.js';
import type { EmployeeProfile, EmployeeSummary } from './index.js';

let t: TestApp;
const as: Record<string, SessionHeaders> = {};
const agency: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  for (const code of ['diskominfo', 'dinkes', 'bkpsdm']) agency[code] = (await t.modules.personnel.api.findAgencyByCode(code))!.id;
  await makeUser(t, { username: 'admin', roles: ['system_admin'] });
  await makeUser(t, { username: 'bkpsdm', roles: ['personnel_admin'], agency: 'bkpsdm' });
  await makeUser(t, { username: 'opd.admin', roles: ['agency_admin'], agency: 'diskominfo' });
  await makeUser(t, { username: 'pegawai', roles: ['employee'], agency: 'diskominfo' });
  await makeUser(t, { username: 'warga', roles: ['citizen'], kind: 'citizen' });
  for (const name of ['admin', 'bkpsdm', 'opd.admin', 'pegawai', 'warga']) as[name] = await signIn(t, name);
});
afterAll(() => t.close());

const budi = () => ({
  nip: makeNip('1986-09-26', '2015-05', 'male'), kind: 'pns', name: 'Budi Santoso', titleSuffix: 'S.Kom., M.T.',
  gender: 'male', birthDate: '1986-09-26', birthPlace: 'Slawi', nik: '3328102609860001', address: 'Jl. Ahmad Yani 12, Procot, Slawi',
  phone: '081234567890', email: 'Budi.Santoso@tegalkab.go.id', rank: 'iii/c', rankTmt: '2023-04-01', educationLevel: 'S2',
  educationMajor: 'Teknik Informatika', agencyId: agency.diskominfo, tmtCpns: '2015-05-01',
});

async function create(headers: SessionHeaders, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/employees', headers, payload: body });
}

async function countEmployees(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM employees`);
  return row!.n;
}

describe('employee records', () => {
  let budiId: string;

  it('BKPSDM adds a PNS with gelar; the NIP is kept as text and the rank as written on the ladder', async () => {
    const res = await create(as.bkpsdm!, budi());
    expect(res.statusCode, res.body).toBe(201);
    const profile = res.json<EmployeeProfile>();
    budiId = profile.id;
    expect(profile).toMatchObject({
      nip: '198609262015051001', displayName: 'Budi Santoso, S.Kom., M.T.', rank: 'III/c', rankLabel: 'Penata (III/c)',
      status: 'active', email: 'budi.santoso@tegalkab.go.id', agency: { shortName: 'Diskominfo' }, nipMismatches: [],
      personal: { nik: '3328102609860001', birthDate: '1986-09-26', phone: '081234567890' },
      abilities: { canEdit: true, canViewPersonal: true, canViewHistory: true },
    });
    expect(profile.history!.ranks).toEqual([expect.objectContaining({ rank: 'III/c', tmt: '2023-04-01' })]);
  });

  it('accepts an NI PPPK whose digits 13–14 are not a month, and gives PPPK their roman golongan', async () => {
    const res = await create(as.bkpsdm!, {
      ...budi(), nip: '199009132025242014', kind: 'pppk', name: 'Siti Aminah', titleSuffix: 'A.Md.Kep.', gender: 'female',
      birthDate: '1990-09-13', nik: null, email: null, rank: 'ix', educationLevel: 'D3', agencyId: agency.dinkes, tmtCpns: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<EmployeeProfile>()).toMatchObject({ kind: 'pppk', rank: 'IX', rankLabel: 'Golongan IX', displayName: 'Siti Aminah, A.Md.Kep.' });
  });

  it.each([
    ['too short', '19860926201505100'],
    ['letters', '19860926201505100A'],
    ['31 February', '198602312015051001'],
    ['gender digit 3', '198609262015053001'],
    ['month 13 for a PNS', '198609262015131001'],
  ])('rejects a NIP with %s, naming the field, and writes nothing', async (_case, nip) => {
    const before = await countEmployees();
    const res = await create(as.bkpsdm!, { ...budi(), nip, email: null });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('nip');
    expect(await countEmployees()).toBe(before);
  });

  it('refuses a PNS golongan for PPPK, a second record with the same NIP, and a unit of another agency', async () => {
    const wrongRank = await create(as.bkpsdm!, { ...budi(), nip: '199009132025242015', kind: 'pppk', gender: 'female', birthDate: '1990-09-13', email: null });
    expect(wrongRank.statusCode).toBe(400);
    expect(wrongRank.json()).toMatchObject({ code: 'invalid_rank' });
    const twice = await create(as.bkpsdm!, { ...budi(), email: null });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'nip_taken' });
    const [dinkesUnit] = await t.modules.personnel.api.employeesOf({ agencyId: agency.dinkes });
    expect(dinkesUnit).toBeDefined();
    const units = (await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.dinkes}/units` })).json<{ id: string }[]>();
    const res = await create(as.bkpsdm!, { ...budi(), nip: makeNip('1986-09-26', '2015-05', 'male', 2), email: null, unitId: units[0]!.id });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'unit_outside_agency' });
  });

  it('lets an agency admin manage only their own agency: another agency answers 404', async () => {
    const own = await create(as['opd.admin']!, { ...budi(), nip: makeNip('1992-01-15', '2019-03', 'female'), name: 'Dewi Lestari', titleSuffix: 'S.E.',
      gender: 'female', birthDate: '1992-01-15', email: null, nik: null, rank: 'III/a', tmtCpns: '2019-03-01' });
    expect(own.statusCode, own.body).toBe(201);
    const other = await create(as['opd.admin']!, { ...budi(), nip: makeNip('1992-01-15', '2019-03', 'female', 2), gender: 'female',
      birthDate: '1992-01-15', email: null, agencyId: agency.dinkes });
    expect(other.statusCode).toBe(404);
    const siti = (await t.app.inject({ method: 'GET', url: '/api/employees?q=aminah', headers: as.bkpsdm })).json<{ items: EmployeeSummary[] }>().items[0]!;
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/employees/${siti.id}`, headers: as['opd.admin'], payload: { phone: '0811111111' } });
    expect(patch.statusCode).toBe(404);
    const fine = await t.app.inject({ method: 'PATCH', url: `/api/employees/${budiId}`, headers: as['opd.admin'], payload: { status: 'leave' } });
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json<EmployeeProfile>()).toMatchObject({ status: 'leave', personal: null, abilities: { canEdit: true, canViewPersonal: false } });
  });

  it('finds people in the directory by part of the name or NIP, with filters, ordered by name', async () => {
    const search = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/employees?${query}`, headers: as.pegawai });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: EmployeeSummary[]; total: number }>();
    };
    expect((await search('q=santoso')).items.map((e) => e.displayName)).toEqual(['Budi Santoso, S.Kom., M.T.']);
    expect((await search('q=budi%20san')).total).toBe(1);
    expect((await search('q=20150510')).items.map((e) => e.nip)).toEqual(['198609262015051001']);
    expect((await search(`agencyId=${agency.diskominfo}`)).items.map((e) => e.name)).toEqual(['Budi Santoso', 'Dewi Lestari']);
    expect((await search('kind=pppk')).items.map((e) => e.name)).toEqual(['Siti Aminah']);
    expect((await search('status=leave')).items.map((e) => e.name)).toEqual(['Budi Santoso']);
    expect((await search('rank=III/a')).items.map((e) => e.name)).toEqual(['Dewi Lestari']);
    const page = await search('pageSize=2&page=2');
    expect(page).toMatchObject({ total: 3 });
    expect(page.items.map((e) => e.name)).toEqual(['Siti Aminah']);
    expect((await search('q=%25')).total).toBe(0);
    const row = (await search('q=budi')).items[0]!;
    expect(Object.keys(row)).not.toContain('nik');
  });

  it('shows personal data only to BKPSDM and the person; history to them and the agency admin', async () => {
    const pegawaiId = (await t.modules.identity.api.findUserByUsername('pegawai'))!.id;
    await t.platform.db.execute(sql`UPDATE employees SET user_id = ${pegawaiId} WHERE id = ${budiId}`);
    const get = (headers: SessionHeaders, url = `/api/employees/${budiId}`) => t.app.inject({ method: 'GET', url, headers });

    const self = await get(as.pegawai!, '/api/employees/me');
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json<EmployeeProfile>()).toMatchObject({ id: budiId, personal: { nik: '3328102609860001' }, history: { ranks: [expect.anything()] } });
    expect((await get(as.bkpsdm!)).json<EmployeeProfile>().personal).not.toBeNull();
    expect((await get(as['opd.admin']!)).json<EmployeeProfile>()).toMatchObject({ personal: null, history: { ranks: [expect.anything()] } });

    const dewi = (await t.app.inject({ method: 'GET', url: '/api/employees?q=dewi', headers: as.pegawai })).json<{ items: EmployeeSummary[] }>().items[0]!;
    const colleague = (await get(as.pegawai!, `/api/employees/${dewi.id}`)).json<EmployeeProfile>();
    expect(colleague).toMatchObject({ displayName: 'Dewi Lestari, S.E.', personal: null, history: null, abilities: { canEdit: false } });
    expect(JSON.stringify(colleague)).not.toContain('Ahmad Yani');
    expect((await get(as.bkpsdm!, '/api/employees/me')).statusCode).toBe(404);
  });

  it('keeps the directory from citizens and anonymous callers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/employees', headers: as.warga })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/employees' })).statusCode).toBe(401);
    expect((await create(as.pegawai!, { ...budi(), nip: makeNip('1980-01-01', '2005-01', 'male') })).statusCode).toBe(403);
  });

  it('records a promotion, a degree, a training and leave; the newest rank and highest degree become current', async () => {
    const [budi] = (await t.app.inject({ method: 'GET', url: '/api/employees?q=santoso', headers: as.bkpsdm })).json<{ items: EmployeeSummary[] }>().items;
    const add = (section: string, payload: object, headers = as.bkpsdm!) =>
      t.app.inject({ method: 'POST', url: `/api/employees/${budi!.id}/${section}`, headers, payload });
    const promoted = await add('ranks', { rank: 'III/d', tmt: '2027-04-01', skNumber: '800.1.2/311/2027' });
    expect(promoted.statusCode, promoted.body).toBe(201);
    expect(promoted.json<EmployeeProfile>()).toMatchObject({ rank: 'III/d', rankTmt: '2027-04-01' });
    const older = await add('ranks', { rank: 'III/b', tmt: '2019-04-01' });
    expect(older.json<EmployeeProfile>()).toMatchObject({ rank: 'III/d' });
    expect(older.json<EmployeeProfile>().history!.ranks.map((r) => r.rank)).toEqual(['III/d', 'III/c', 'III/b']);
    expect((await add('ranks', { rank: 'IX', tmt: '2028-04-01' })).json()).toMatchObject({ code: 'invalid_rank' });

    const degree = await add('education', { level: 'S3', institution: 'Universitas Diponegoro', major: 'Ilmu Komputer', graduationYear: 2026 });
    expect(degree.json<EmployeeProfile>()).toMatchObject({ educationLevel: 'S3', educationMajor: 'Ilmu Komputer' });
    const school = await add('education', { level: 'SMA', institution: 'SMA Negeri 1 Slawi', graduationYear: 2004 });
    expect(school.json<EmployeeProfile>()).toMatchObject({ educationLevel: 'S3' });
    const course = await add('training', { kind: 'struktural', name: 'Pelatihan Kepemimpinan Pengawas', hours: 360, startDate: '2024-05-06', endDate: '2024-09-20' });
    expect(course.json<EmployeeProfile>().history!.training).toEqual([expect.objectContaining({ name: 'Pelatihan Kepemimpinan Pengawas', hours: 360 })]);

    const leave = await add('leave', { kind: 'tahunan', startDate: '2026-12-21', endDate: '2026-12-24' }, as['opd.admin']!);
    expect(leave.statusCode, leave.body).toBe(201);
    const clash = await add('leave', { kind: 'sakit', startDate: '2026-12-24', endDate: '2026-12-27' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'leave_overlap' });
    expect((await add('leave', { kind: 'sakit', startDate: '2026-12-30', endDate: '2026-12-29' })).json()).toMatchObject({ code: 'invalid_range' });
  });

  it('links a new account to the employee record by NIP, once, within the agency (a system administrator only)', async () => {
    const nip = makeNip('1992-01-15', '2019-03', 'female');
    const account = (username: string, body: object = {}) => t.app.inject({ method: 'POST', url: '/api/users', headers: as.admin, payload: {
      username, displayName: 'Dewi Lestari', agencyId: agency.diskominfo, roles: ['employee'], password: 'tahu-aci-slawi-2026', nip, ...body,
    } });
    const created = await account('dewi.lestari');
    expect(created.statusCode, created.body).toBe(201);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dewi.lestari', password: 'tahu-aci-slawi-2026' } });
    const dewi = { cookie: `tsc_session=${login.cookies.find((c) => c.name === 'tsc_session')!.value}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/employees/me', headers: dewi });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json<EmployeeProfile>()).toMatchObject({ displayName: 'Dewi Lestari, S.E.', personal: { birthDate: '1992-01-15' } });
    expect((await account('dewi.dua')).json()).toMatchObject({ code: 'nip_linked' });
    expect((await account('dewi.tiga', { nip: '199009132025242014' })).json()).toMatchObject({ code: 'unknown_nip' });
    expect(await t.modules.identity.api.findUserByUsername('dewi.dua')).toBeNull();
  });

  it('disables the linked account when the agency admin records the employee as transferred', async () => {
    const [dewi] = (await t.app.inject({ method: 'GET', url: '/api/employees?q=dewi', headers: as.bkpsdm })).json<{ items: EmployeeSummary[] }>().items;
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/employees/${dewi!.id}`, headers: as['opd.admin'], payload: { status: 'transferred' } });
    expect(moved.statusCode, moved.body).toBe(200);
    await t.platform.events.drain();
    expect((await t.modules.identity.api.findUserByUsername('dewi.lestari'))?.status).toBe('disabled');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dewi.lestari', password: 'tahu-aci-slawi-2026' } });
    expect(login.statusCode).not.toBe(200);
  });
});
