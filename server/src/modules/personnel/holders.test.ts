import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeNip, makeUser, signIn, type SessionHeaders } from '../../../test/factories.js';
import { queryRows } from '../../platform/db/index.js';
import type { DelegationRecord, EmployeeProfile, HolderView, PositionView, UnitNode } from './index.js';
import type { UnitPosition } from './personnel.schema.js';

let t: TestApp;
const as: Record<string, SessionHeaders> = {};
const agency: Record<string, string> = {};
let kominfo: UnitNode;
let dinkes: UnitNode;

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  for (const code of ['diskominfo', 'dinkes']) agency[code] = (await t.modules.personnel.api.findAgencyByCode(code))!.id;
  await makeUser(t, { username: 'bkpsdm', roles: ['personnel_admin'], agency: 'bkpsdm' });
  await makeUser(t, { username: 'opd.admin', roles: ['agency_admin'], agency: 'diskominfo' });
  for (const name of ['bkpsdm', 'opd.admin']) as[name] = await signIn(t, name);
  kominfo = (await get<UnitNode[]>(`/api/agencies/${agency.diskominfo}/units`))[0]!;
  dinkes = (await get<UnitNode[]>(`/api/agencies/${agency.dinkes}/units`))[0]!;
});
afterAll(() => t.close());

async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: as.bkpsdm });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

const post = (url: string, payload: unknown, headers = as.bkpsdm) => t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const patch = (url: string, payload: unknown, headers = as.bkpsdm) => t.app.inject({ method: 'PATCH', url, headers, payload: payload as object });

let sequence = 0;
async function employee(name: string, agencyId = agency.diskominfo!): Promise<string> {
  sequence++;
  const res = await post('/api/employees', {
    nip: makeNip('1980-03-0' + ((sequence % 9) + 1), '2005-02', 'male', sequence), kind: 'pns', name, gender: 'male',
    birthDate: '1980-03-0' + ((sequence % 9) + 1), rank: 'IV/a', educationLevel: 'S2', agencyId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<EmployeeProfile>().id;
}

const holder = (positionId: string, at?: string) => get<HolderView>(`/api/positions/${positionId}/holder${at ? `?at=${at}` : ''}`);

async function counts(): Promise<{ assignments: number; delegations: number }> {
  const [row] = await queryRows<{ assignments: number; delegations: number }>(t.platform.db,
    sql`SELECT (SELECT count(*)::int FROM assignments) AS assignments, (SELECT count(*)::int FROM delegations) AS delegations`);
  return row!;
}

describe('holders of positions', () => {
  let kepala: string;
  let ani: string;
  let sekretaris: string;

  it('assigns a definitive holder with a TMT; before the TMT the post is vacant', async () => {
    kepala = kominfo.head!.id;
    ani = await employee('Ani Rahmawati');
    const res = await post(`/api/employees/${ani}/assignments`, { positionId: kepala, startDate: '2024-01-02', skNumber: '800.1.3/001/2024' });
    expect(res.statusCode, res.body).toBe(201);
    const profile = res.json<EmployeeProfile>();
    expect(profile.position).toMatchObject({ id: kepala, title: 'Kepala Dinas Komunikasi dan Informatika' });
    expect(profile.unit).toMatchObject({ id: kominfo.id });
    expect(profile.holdings).toEqual([expect.objectContaining({ as: 'definitive', startDate: '2024-01-02', endDate: null })]);
    expect((await holder(kepala)).acting).toMatchObject({ as: 'definitive', employee: { id: ani, displayName: 'Ani Rahmawati' }, skNumber: '800.1.3/001/2024' });
    expect(await holder(kepala, '2023-12-31')).toMatchObject({ acting: null, definitive: null });
  });

  it('shows the new position in the directory at once', async () => {
    const page = await get<{ items: { id: string; position: { title: string } | null }[] }>('/api/employees?q=rahmawati');
    expect(page.items).toEqual([expect.objectContaining({ id: ani, position: expect.objectContaining({ title: 'Kepala Dinas Komunikasi dan Informatika' }) })]);
    const renamed = await patch(`/api/employees/${ani}`, { name: 'Ani Rahmawati Putri' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await get<{ total: number }>('/api/employees?q=ani%20putri')).total).toBe(1);
    expect((await holder(kepala)).acting?.employee.displayName).toBe('Ani Rahmawati Putri');
  });

  it('refuses a second definitive holder and writes nothing', async () => {
    const budi = await employee('Budi Hartono');
    const before = await counts();
    const res = await post(`/api/employees/${budi}/assignments`, { positionId: kepala, startDate: '2025-01-02' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'position_taken' });
    expect(res.json<{ message: string }>().message).toContain('Ani Rahmawati');
    expect(await counts()).toEqual(before);
  });

  it('moves a person: the old assignment ends at the new TMT and both stay in the history', async () => {
    sekretaris = kominfo.children[0]!.head!.id;
    const res = await post(`/api/employees/${ani}/assignments`, { positionId: sekretaris, startDate: '2025-07-01' });
    expect(res.statusCode, res.body).toBe(201);
    const history = res.json<EmployeeProfile>().history!.positions;
    expect(history.map((h) => [h.position.title, h.startDate, h.endDate])).toEqual([
      ['Sekretaris Dinas Komunikasi dan Informatika', '2025-07-01', null],
      ['Kepala Dinas Komunikasi dan Informatika', '2024-01-02', '2025-07-01'],
    ]);
    const listed = await get<{ items: { position: { title: string } | null }[] }>('/api/employees?q=rahmawati');
    expect(listed.items[0]!.position?.title).toBe('Sekretaris Dinas Komunikasi dan Informatika');
    expect((await holder(kepala, '2025-06-30')).definitive).toMatchObject({ id: ani });
    expect((await holder(kepala)).acting).toBeNull();
    const early = await post(`/api/employees/${ani}/assignments`, { positionId: kepala, startDate: '2025-06-01' });
    expect(early.json()).toMatchObject({ code: 'assignment_order' });
  });

  it('lets a Plt act for a vacant post, and a Plh stand in for a holder who is away', async () => {
    const plt = await employee('Candra Wijaya');
    const today = new Date().toISOString().slice(0, 10);
    const res = await post(`/api/positions/${kepala}/delegations`, {
      employeeId: plt, kind: 'plt', skNumber: '800.1.3/045/2026', startDate: '2026-01-05', reason: 'Kepala Dinas dimutasi',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DelegationRecord>()).toMatchObject({ kind: 'plt', employee: { id: plt }, position: { id: kepala }, endDate: null });
    expect((await holder(kepala, today)).acting).toMatchObject({ as: 'plt', employee: { displayName: 'Candra Wijaya' }, skNumber: '800.1.3/045/2026' });

    // Ani (Sekretaris) goes on leave: a Plh without an end date is refused, then one with dates works.
    const dedi = await employee('Dedi Kurniawan');
    const noEnd = await post(`/api/positions/${sekretaris}/delegations`, {
      employeeId: dedi, kind: 'plh', skNumber: '800.1.3/050/2026', startDate: '2026-03-02', reason: 'Cuti tahunan',
    });
    expect(noEnd.statusCode).toBe(400);
    expect(noEnd.json()).toMatchObject({ code: 'end_date_required' });
    const plh = await post(`/api/positions/${sekretaris}/delegations`, {
      employeeId: dedi, kind: 'plh', skNumber: '800.1.3/050/2026', startDate: '2026-03-02', endDate: '2026-03-14', reason: 'Cuti tahunan',
    });
    expect(plh.statusCode, plh.body).toBe(201);
    const during = await holder(sekretaris, '2026-03-10');
    expect(during.acting).toMatchObject({ as: 'plh', employee: { id: dedi } });
    expect(during.definitive).toMatchObject({ id: ani });
    expect((await holder(sekretaris, '2026-03-14')).acting).toMatchObject({ as: 'definitive', employee: { id: ani } });

    const dediProfile = await get<EmployeeProfile>(`/api/employees/${dedi}`);
    expect(dediProfile.history!.delegations).toEqual([expect.objectContaining({ kind: 'plh', startDate: '2026-03-02' })]);
    expect(await t.modules.personnel.api.positionsOf(dedi, '2026-03-03')).toEqual([
      expect.objectContaining({ as: 'plh', position: expect.objectContaining({ id: sekretaris }), endDate: '2026-03-14' }),
    ]);
  });

  it('refuses overlapping delegations, a Plh for a functional post, the holder as their own Plh, and an inverted range', async () => {
    const eko = await employee('Eko Prasetyo');
    const before = await counts();
    const overlap = await post(`/api/positions/${sekretaris}/delegations`, {
      employeeId: eko, kind: 'plh', skNumber: '800.1.3/051/2026', startDate: '2026-03-13', endDate: '2026-03-20', reason: 'Dinas luar',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'delegation_overlap' });
    expect(overlap.json<{ message: string }>().message).toContain('Dedi Kurniawan');
    const self = await post(`/api/positions/${sekretaris}/delegations`, {
      employeeId: ani, kind: 'plh', skNumber: '800.1.3/052/2026', startDate: '2026-04-01', endDate: '2026-04-03', reason: 'Uji',
    });
    expect(self.json()).toMatchObject({ code: 'delegate_is_holder' });
    const inverted = await post(`/api/positions/${sekretaris}/delegations`, {
      employeeId: eko, kind: 'plh', skNumber: '800.1.3/053/2026', startDate: '2026-04-10', endDate: '2026-04-01', reason: 'Uji',
    });
    expect(inverted.json()).toMatchObject({ code: 'invalid_range' });
    const created = await post(`/api/units/${kominfo.id}/positions`, { title: 'Pranata Komputer Ahli Muda', kind: 'fungsional' });
    expect(created.statusCode, created.body).toBe(201);
    const functional = created.json<PositionView>();
    expect(functional.superiors[0]).toMatchObject({ id: kepala });
    const plh = await post(`/api/positions/${functional.id}/delegations`, {
      employeeId: eko, kind: 'plh', skNumber: '800.1.3/054/2026', startDate: '2026-04-01', endDate: '2026-04-03', reason: 'Uji',
    });
    expect(plh.json()).toMatchObject({ code: 'delegation_not_managerial' });
    expect(await counts()).toEqual(before);
  });

  it('ends a delegation early and shows holders per unit for the org chart', async () => {
    const [plt] = (await get<UnitPosition[]>(`/api/units/${kominfo.id}/positions?at=2026-02-01`)).filter((p) => p.isHead);
    expect(plt!.holder.acting).toMatchObject({ as: 'plt' });
    const delegationId = plt!.delegations[0]!.id;
    const ended = await post(`/api/delegations/${delegationId}/end`, { endDate: '2026-02-15' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await holder(kepala, '2026-02-16')).acting).toBeNull();
    const longer = await post(`/api/delegations/${delegationId}/end`, { endDate: '2026-03-01' });
    expect(longer.json()).toMatchObject({ code: 'cannot_extend' });
  });

  it('keeps agency admins to their own agency: another agency\'s posts answer 404', async () => {
    const fajar = await employee('Fajar Nugroho');
    const res = await post(`/api/employees/${fajar}/assignments`, { positionId: dinkes.head!.id, startDate: '2026-01-02' }, as['opd.admin']);
    expect(res.statusCode).toBe(404);
    const delegation = await post(`/api/positions/${dinkes.head!.id}/delegations`, {
      employeeId: fajar, kind: 'plt', skNumber: '800.1.3/060/2026', startDate: '2026-01-05', reason: 'Uji',
    }, as['opd.admin']);
    expect(delegation.statusCode).toBe(404);
  });
});

describe('the organisation tree stays a tree', () => {
  it('refuses a superior in another agency and a superior chain that loops', async () => {
    const sekretaris = kominfo.children[0]!.head!.id;
    const outside = await patch(`/api/positions/${sekretaris}`, { superiorId: dinkes.head!.id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'superior_outside_agency' });
    const loop = await patch(`/api/positions/${kominfo.head!.id}`, { superiorId: kominfo.children[0]!.children[0]!.head!.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json()).toMatchObject({ code: 'superior_cycle' });
    const selfLoop = await patch(`/api/positions/${sekretaris}`, { superiorId: sekretaris });
    expect(selfLoop.json()).toMatchObject({ code: 'superior_cycle' });
  });

  it('refuses to move a unit under its own sub-unit or into another agency, and allows a real move', async () => {
    const sekretariat = kominfo.children[0]!;
    const loop = await patch(`/api/units/${sekretariat.id}`, { parentId: sekretariat.children[0]!.id });
    expect(loop.json()).toMatchObject({ code: 'unit_cycle' });
    const away = await patch(`/api/units/${sekretariat.id}`, { parentId: dinkes.id });
    expect(away.json()).toMatchObject({ code: 'unit_outside_agency' });
    const added = await post(`/api/agencies/${agency.diskominfo}/units`, { parentId: kominfo.children[2]!.id, name: 'Seksi Tata Kelola SPBE', shortName: 'Seksi SPBE', kind: 'seksi' });
    expect(added.statusCode, added.body).toBe(201);
    const moved = await patch(`/api/units/${added.json<UnitNode>().id}`, { parentId: kominfo.children[1]!.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const tree = await get<UnitNode[]>(`/api/agencies/${agency.diskominfo}/units`);
    expect(tree[0]!.children[1]!.children.map((u) => u.name)).toContain('Seksi Tata Kelola SPBE');
  });

  it('allows one head per unit', async () => {
    const res = await post(`/api/units/${kominfo.id}/positions`, { title: 'Kepala Kedua', kind: 'jpt_pratama', eselon: 'II.b', isHead: true });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'head_taken' });
  });
});
