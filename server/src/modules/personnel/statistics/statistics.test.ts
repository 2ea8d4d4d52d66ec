import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { makeNip, makeUser, signIn, type SessionHeaders } from '../../../../test/factories.js';
import type { EmployeeProfile, PersonnelStatistics, UnitNode } from '../index.js';

// Five people with known attributes go in through the API; the public statistics must count them
// exactly, show every step of the fixed ladders (zeros included), and never carry a name or a NIP.

let t: TestApp;
let bkpsdm: SessionHeaders;
const agency: Record<string, string> = {};
const nips: string[] = [];

/** A birth date that makes the person exactly `age` today (half a year past the birthday). */
function bornYearsAgo(age: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - 180);
  return d.toISOString().slice(0, 10);
}

const thisYear = new Date().getUTCFullYear();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function addEmployee(body: Record<string, unknown>): Promise<EmployeeProfile> {
  const res = await t.app.inject({ method: 'POST', url: '/api/employees', headers: bkpsdm, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  nips.push(body.nip as string);
  return res.json<EmployeeProfile>();
}

async function assign(employeeId: string, positionId: string, startDate: string): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: `/api/employees/${employeeId}/assignments`, headers: bkpsdm, payload: { positionId, startDate } });
  expect(res.statusCode, res.body).toBe(201);
}

async function headOf(code: string, unitName: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: `/api/agencies/${agency[code]}/units` });
  const find = (nodes: UnitNode[]): UnitNode | undefined => nodes.map((n) => (n.name === unitName ? n : find(n.children))).find(Boolean);
  return find(res.json<UnitNode[]>())!.head!.id;
}

async function statistics(query = ''): Promise<PersonnelStatistics> {
  const res = await t.app.inject({ method: 'GET', url: `/api/personnel/statistics${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PersonnelStatistics>();
}

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  for (const code of ['diskominfo', 'dinkes']) agency[code] = (await t.modules.personnel.api.findAgencyByCode(code))!.id;
  await makeUser(t, { username: 'bkpsdm', roles: ['personnel_admin'], agency: 'bkpsdm' });
  bkpsdm = await signIn(t, 'bkpsdm');

  const person = (name: string, gender: 'male' | 'female', age: number) => ({ name, gender, birthDate: bornYearsAgo(age) });
  const pns = (p: ReturnType<typeof person>, tmtCpns: string) => ({ ...p, kind: 'pns', nip: makeNip(p.birthDate, tmtCpns, p.gender), tmtCpns });

  const budi = await addEmployee({
    ...pns(person('Budi Santoso', 'male', 40), '2012-03-01'), rank: 'III/c', educationLevel: 'S1', agencyId: agency.diskominfo,
  });
  const siti = person('Siti Aminah', 'female', 30);
  await addEmployee({
    ...siti, kind: 'pppk', nip: `${siti.birthDate.replaceAll('-', '')}2023242001`, rank: 'IX', educationLevel: 'D3', agencyId: agency.dinkes,
  });
  await addEmployee({
    ...pns(person('Rina Kartika', 'female', 24), `${thisYear - 1}-04-01`), rank: 'III/a', educationLevel: 'S1', agencyId: agency.diskominfo,
  });
  const hadi = await addEmployee({
    ...pns(person('Hadi Wibowo', 'male', 52), '2000-01-01'), rank: 'IV/b', educationLevel: 'S2', status: 'leave', agencyId: agency.dinkes,
  });
  await addEmployee({
    ...pns(person('Joko Sulistyo', 'male', 45), '2005-01-01'), rank: 'II/a', educationLevel: 'SMA', status: 'retired', agencyId: agency.diskominfo,
  });

  // Budi holds a Kepala Bidang post today; Hadi's appointment only starts next month.
  await assign(budi.id, await headOf('diskominfo', 'Bidang Aplikasi Informatika'), '2024-01-02');
  await assign(hadi.id, await headOf('dinkes', 'Sekretariat'), inDays(30));
});
afterAll(() => t.close());

const counts = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.count]));

describe('personnel statistics', () => {
  it('counts the people in service (active or on leave) in every dimension, never the retired', async () => {
    const s = await statistics();
    expect(s.total).toBe(4);
    expect(s.byKind).toEqual([{ key: 'pns', label: 'PNS', count: 3 }, { key: 'pppk', label: 'PPPK', count: 1 }]);
    expect(s.byGender).toEqual([{ key: 'male', label: 'Laki-laki', count: 2 }, { key: 'female', label: 'Perempuan', count: 2 }]);
    expect(s.byAgency).toEqual([{ key: agency.dinkes, label: 'Dinkes', count: 2 }, { key: agency.diskominfo, label: 'Diskominfo', count: 2 }]);
    expect(s.byRank).toEqual([
      { key: 'III/a', label: 'Penata Muda (III/a)', count: 1 }, { key: 'III/c', label: 'Penata (III/c)', count: 1 },
      { key: 'IV/b', label: 'Pembina Tingkat I (IV/b)', count: 1 }, { key: 'IX', label: 'Golongan IX', count: 1 },
    ]);
  });

  it('keeps every step of the fixed ladders, with zero where nobody is', async () => {
    const s = await statistics();
    expect(counts(s.byEducation)).toEqual({ SD: 0, SMP: 0, SMA: 0, D1: 0, D2: 0, D3: 1, D4: 0, S1: 2, S2: 1, S3: 0 });
    expect(counts(s.byAgeBand)).toEqual({
      '≤25': 1, '26–30': 1, '31–35': 0, '36–40': 1, '41–45': 0, '46–50': 0, '51–55': 1, '56–60': 0, '>60': 0,
    });
    // Only a position in force today counts: Hadi's starts next month.
    expect(counts(s.byPositionKind)).toEqual({ jpt_pratama: 0, administrator: 1, pengawas: 0, pelaksana: 0, fungsional: 0, none: 3 });
    expect(s.byPositionKind.find((c) => c.key === 'none')!.label).toBe('Belum ada jabatan');
  });

  it('narrows every count to one agency', async () => {
    const s = await statistics(`?agencyId=${agency.diskominfo}`);
    expect(s.total).toBe(2);
    expect(s.byAgency).toEqual([{ key: agency.diskominfo, label: 'Diskominfo', count: 2 }]);
    expect(counts(s.byKind)).toEqual({ pns: 2, pppk: 0 });
    expect(counts(s.byGender)).toEqual({ male: 1, female: 1 });
    expect(counts(s.byPositionKind)).toMatchObject({ administrator: 1, none: 1 });
    expect(s.byRank.map((r) => r.key)).toEqual(['III/a', 'III/c']);
  });

  it('answers 404 for an unknown agency and 400 for an id that is not one', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: `/api/personnel/statistics?agencyId=${randomUUID()}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });
    const malformed = await t.app.inject({ method: 'GET', url: '/api/personnel/statistics?agencyId=diskominfo' });
    expect(malformed.statusCode).toBe(400);
  });

  it('publishes counts only: no name and no NIP in the answer', async () => {
    const body = JSON.stringify([await statistics(), await statistics(`?agencyId=${agency.dinkes}`)]);
    for (const word of ['Budi', 'Santoso', 'Siti', 'Aminah', 'Rina', 'Hadi', 'Joko']) expect(body).not.toContain(word);
    for (const nip of nips) expect(body).not.toContain(nip);
  });
});
