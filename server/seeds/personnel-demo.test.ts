import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEmployeeNumber, type EmployeeProfile } from '../src/modules/personnel/index.js';
import { queryRows } from '../src/platform/db/index.js';
import { NO_PROGRESS } from '../src/platform/progress.js';
import { buildTestApp, type TestApp } from '../test/app.js';
import { signIn } from '../test/factories.js';
import { seedDemo } from './demo.js';
import { seedReference } from './index.js';
import { generatePersonnel, readDemoStructure, type PersonnelDemoInput } from './personnel-demo.js';

// The demo staff: a pure generator checked on its own, then the demo profile seeded into a database
// and read back through the API the way a signed-in member of staff sees it.

const TODAY = '2026-03-16';
let t: TestApp;
let input: PersonnelDemoInput;
let records: ReturnType<typeof generatePersonnel>;

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  input = { ...(await readDemoStructure(t.modules)), count: 3000, seed: 3328, today: TODAY };
  records = generatePersonnel(input);
});
afterAll(() => t.close());

const ageOn = (birth: string, at: string) => Number(at.slice(0, 4)) - Number(birth.slice(0, 4)) - (at.slice(5) < birth.slice(5) ? 1 : 0);

describe('the demo staff generator', () => {
  it('gives the same people for the same seed and other people for another seed', () => {
    const again = generatePersonnel(input);
    expect(again.employees.map((e) => e.nip)).toEqual(records.employees.map((e) => e.nip));
    expect(again.employees.map((e) => `${e.titlePrefix ?? ''} ${e.name}, ${e.titleSuffix ?? ''}`))
      .toEqual(records.employees.map((e) => `${e.titlePrefix ?? ''} ${e.name}, ${e.titleSuffix ?? ''}`));
    expect(again.positions.map((p) => [p.id, p.title])).toEqual(records.positions.map((p) => [p.id, p.title]));
    const other = generatePersonnel({ ...input, seed: 7 });
    expect(other.employees.map((e) => e.nip)).not.toEqual(records.employees.map((e) => e.nip));
  });

  it('makes the number of people asked for, a quarter of them PPPK, teachers the largest group, kecamatan small', () => {
    const { employees } = records;
    expect(employees).toHaveLength(3000);
    const pppk = employees.filter((e) => e.kind === 'pppk').length / employees.length;
    expect(pppk).toBeGreaterThan(0.2);
    expect(pppk).toBeLessThan(0.3);
    const onLeave = employees.filter((e) => e.status === 'leave').length;
    expect(onLeave).toBeGreaterThanOrEqual(15);
    expect(onLeave).toBeLessThanOrEqual(45);

    const perAgency = new Map<string, number>();
    for (const e of employees) perAgency.set(e.agencyId, (perAgency.get(e.agencyId) ?? 0) + 1);
    const size = (code: string) => perAgency.get(input.agencies.find((a) => a.agency.code === code)!.agency.id) ?? 0;
    const largest = [...perAgency.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => input.agencies.find((a) => a.agency.id === id)!.agency.code);
    expect(largest).toEqual(['dikbud', 'dinkes', 'rsud-soeselo']);
    expect(size('dikbud')).toBeGreaterThan(1200);
    for (const code of ['setda', 'bkpsdm', 'diskominfo']) expect(size(code)).toBeGreaterThanOrEqual(25);
    for (const { agency } of input.agencies.filter((a) => a.agency.kind === 'kecamatan')) {
      expect(size(agency.code), agency.code).toBeGreaterThanOrEqual(10);
      expect(size(agency.code), agency.code).toBeLessThanOrEqual(25);
    }
  });

  it('gives every PNS a valid NIP and every PPPK a valid NI PPPK that agree with the record', () => {
    const options = { today: new Date(`${TODAY}T00:00:00Z`) };
    for (const e of records.employees) {
      const result = validateEmployeeNumber(e.nip, e.kind, options);
      expect(result.ok, `${e.nip}: ${result.ok ? '' : result.problems.join('; ')}`).toBe(true);
      expect(e.nip.slice(0, 8)).toBe(e.birthDate.replaceAll('-', ''));
      expect(e.nip[14]).toBe(e.gender === 'male' ? '1' : '2');
      if (e.kind === 'pns') {
        expect(e.tmtCpns!.slice(0, 7).replace('-', '')).toBe(e.nip.slice(8, 14));
      } else {
        expect(Number(e.nip.slice(8, 12))).toBeGreaterThanOrEqual(2019);
        expect(Number(e.nip.slice(8, 12))).toBeLessThanOrEqual(2025);
        expect(e.tmtCpns).toBeNull();
      }
    }
    expect(new Set(records.employees.map((e) => e.nip)).size).toBe(records.employees.length);
    expect(records.employees.some((e) => e.kind === 'pppk' && Number(e.nip.slice(12, 14)) > 12)).toBe(true);
  });

  it('keeps people of working age with unique e-mails and NIKs of the regency', () => {
    const working = records.employees.filter((e) => e.status !== 'retired');
    for (const e of working) {
      const age = ageOn(e.birthDate, TODAY);
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(59);
      expect(e.nik).toMatch(/^3328[0-9]{12}$/);
      const day = Number(e.nik!.slice(6, 8)) - (e.gender === 'female' ? 40 : 0);
      expect(`${String(day).padStart(2, '0')}${e.nik!.slice(8, 12)}`).toBe(`${e.birthDate.slice(8, 10)}${e.birthDate.slice(5, 7)}${e.birthDate.slice(2, 4)}`);
      expect(e.email).toMatch(/^[a-z]+(\.[a-z]+)?[0-9]*@tegalkab\.go\.id$/);
      expect(e.rankTmt! <= TODAY && (e.tmtCpns ?? '') <= TODAY).toBe(true);
    }
    expect(new Set(records.employees.map((e) => e.email)).size).toBe(records.employees.length);
    expect(new Set(records.employees.map((e) => e.nik)).size).toBe(records.employees.length);
  });

  it('gives each position at most one definitive holder at a time and each person one current post', () => {
    const byPosition = new Map<string, { start: string; end: string }[]>();
    for (const a of records.assignments) {
      expect(a.startDate <= TODAY).toBe(true);
      if (a.endDate) expect(a.endDate > a.startDate).toBe(true);
      const list = byPosition.get(a.positionId) ?? [];
      for (const other of list) {
        const overlaps = a.startDate < other.end && other.start < (a.endDate ?? '9999-12-31');
        expect(overlaps, `position ${a.positionId}`).toBe(false);
      }
      list.push({ start: a.startDate, end: a.endDate ?? '9999-12-31' });
      byPosition.set(a.positionId, list);
    }
    const open = records.assignments.filter((a) => a.endDate === null).map((a) => a.employeeId);
    expect(new Set(open).size).toBe(open.length);
    const pppkIds = new Set(records.employees.filter((e) => e.kind === 'pppk').map((e) => e.id));
    const kindOf = new Map(records.positions.map((p) => [p.id, p.kind]));
    for (const a of records.assignments.filter((x) => pppkIds.has(x.employeeId))) {
      expect(['fungsional', 'pelaksana']).toContain(kindOf.get(a.positionId));
    }
    const unplaced = records.employees.filter((e) => e.status !== 'retired' && !open.includes(e.id)).length;
    expect(unplaced).toBeGreaterThan(0);
    expect(unplaced).toBeLessThan(records.employees.length * 0.08);
  });

  it('covers a few vacant heads with a Plt and two or three absent heads with a dated Plh', () => {
    const heads = new Map<string, string>();
    const walk = (nodes: PersonnelDemoInput['agencies'][number]['units']) => {
      for (const n of nodes) {
        if (n.head) heads.set(n.head.id, n.head.eselon ?? '');
        walk(n.children);
      }
    };
    for (const a of input.agencies) walk(a.units);
    const { delegations } = records;
    const plh = delegations.filter((d) => d.kind === 'plh');
    const plt = delegations.filter((d) => d.kind === 'plt');
    expect(plh.length).toBeGreaterThanOrEqual(2);
    expect(plh.length).toBeLessThanOrEqual(3);
    expect(plt.length).toBeGreaterThanOrEqual(2);
    for (const d of delegations) {
      expect(heads.get(d.positionId)).toMatch(/^(II|III|IV)\./);
      expect(d.skNumber).toMatch(/^800\.1\.3\/[0-9]{3}\/20[0-9]{2}$/);
      expect(d.startDate <= TODAY).toBe(true);
      if (d.endDate) expect(d.endDate > TODAY).toBe(true);
      const holder = records.assignments.find((a) => a.positionId === d.positionId && a.startDate <= TODAY && (!a.endDate || a.endDate > TODAY));
      expect(holder?.employeeId).not.toBe(d.employeeId);
      if (d.kind === 'plt') expect(holder).toBeUndefined();
      else expect(holder).toBeDefined();
    }
    for (const d of plh) expect(d.endDate).not.toBeNull();
    expect(new Set(delegations.map((d) => d.positionId)).size).toBe(delegations.length);
  });

  it('gives ranks a history of promotions up to the current one, and gelar that match the schooling', () => {
    const byEmployee = new Map<string, { rank: string; tmt: string }[]>();
    for (const r of records.ranks) byEmployee.set(r.employeeId, [...(byEmployee.get(r.employeeId) ?? []), r]);
    for (const e of records.employees) {
      const history = byEmployee.get(e.id)!;
      expect(history.at(-1)).toMatchObject({ rank: e.rank, tmt: e.rankTmt });
      expect(history[0]!.tmt).toBe(e.kind === 'pns' ? e.tmtCpns : e.rankTmt);
    }
    const suffixOf = (level: string) => records.employees.filter((e) => e.educationLevel === level).map((e) => e.titleSuffix ?? '');
    expect(suffixOf('SMA').every((s) => s === '')).toBe(true);
    expect(suffixOf('D3').every((s) => s.startsWith('A.Md'))).toBe(true);
    expect(suffixOf('S2').filter((s) => /M\.|Sp\./.test(s)).length).toBe(suffixOf('S2').length);
    expect(records.employees.some((e) => e.titlePrefix === 'dr.')).toBe(true);
    const teachers = new Set(records.positions.filter((p) => p.title.startsWith('Guru ')).map((p) => p.id));
    const teacherIds = new Set(records.assignments.filter((a) => teachers.has(a.positionId) && !a.endDate).map((a) => a.employeeId));
    expect(records.employees.filter((e) => teacherIds.has(e.id)).every((e) => e.titleSuffix?.startsWith('S.Pd.'))).toBe(true);
  });
});

describe('the demo profile in the database', () => {
  beforeAll(async () => {
    await seedDemo(t.modules, NO_PROGRESS);
  });

  const countEmployees = async () =>
    (await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM employees`))[0]!.n;

  it('fills the Diskominfo directory for a signed-in member of staff', async () => {
    const diskominfo = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!;
    const res = await t.app.inject({ method: 'GET', url: `/api/employees?agencyId=${diskominfo.id}&pageSize=100`, headers: await signIn(t, 'pegawai') });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ total: number; items: { agency: { shortName: string }; displayName: string }[] }>();
    expect(page.total).toBeGreaterThan(20);
    expect(page.items.every((e) => e.agency.shortName === 'Diskominfo')).toBe(true);
    expect(page.items.map((e) => e.displayName)).toContain('Budi Santoso, S.Kom.');
  });

  it('links pegawai to Budi Santoso, a functional official of Bidang Aplikasi Informatika', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/employees/me', headers: await signIn(t, 'pegawai') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EmployeeProfile>()).toMatchObject({
      displayName: 'Budi Santoso, S.Kom.', kind: 'pns', agency: { shortName: 'Diskominfo' },
      unit: { name: 'Bidang Aplikasi Informatika' }, position: { kind: 'fungsional', title: 'Pranata Komputer Ahli Muda' },
      nipMismatches: [], abilities: { canViewPersonal: true },
    });
  });

  it('links opd.admin to the Subbagian Umum dan Kepegawaian of Diskominfo and bkpsdm to BKPSDM', async () => {
    const admin = await t.app.inject({ method: 'GET', url: '/api/employees/me', headers: await signIn(t, 'opd.admin') });
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json<EmployeeProfile>()).toMatchObject({ agency: { shortName: 'Diskominfo' }, unit: { name: 'Subbagian Umum dan Kepegawaian' } });
    const bkpsdm = await t.app.inject({ method: 'GET', url: '/api/employees/me', headers: await signIn(t, 'bkpsdm') });
    expect(bkpsdm.statusCode, bkpsdm.body).toBe(200);
    expect(bkpsdm.json<EmployeeProfile>()).toMatchObject({ agency: { shortName: 'BKPSDM' } });
  });

  it('shows a vacant head post as held by its Plt, with no definitive holder', async () => {
    const [plt] = await queryRows<{ position_id: string; employee_id: string }>(t.platform.db,
      sql`SELECT position_id, employee_id FROM delegations WHERE kind = 'plt' ORDER BY position_id LIMIT 1`);
    const res = await t.app.inject({ method: 'GET', url: `/api/positions/${plt!.position_id}/holder`, headers: await signIn(t, 'pegawai') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ definitive: null, acting: { as: 'plt', employee: { id: plt!.employee_id } } });
  });

  it('adds nothing when the demo profile is seeded again', async () => {
    const before = await countEmployees();
    expect(before).toBeGreaterThanOrEqual(2900);
    await seedDemo(t.modules, NO_PROGRESS);
    expect(await countEmployees()).toBe(before);
  });
});
