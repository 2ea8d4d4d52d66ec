import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeNip, makeUser, type SessionHeaders, signIn, signInAdministrators } from '../../../test/factories.js';
import { queryRows } from '../../platform/db/index.js';
import type { DelegationRecord, EmployeeProfile, HolderView, PositionView, UnitNode } from './index.js';
import type { UnitPosition } from './personnel.schema.js';

// Every test builds the posts and people it changes (see `office` and `employee`), so none depends on
// another having run first; the seeded reference structure and the signed-in users are only read.

let t: TestApp;
const as: Record<string, SessionHeaders> = {};

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  Object.assign(as, (await signInAdministrators(t)).as);
});
afterAll(() => t.close());

async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: as.bkpsdm });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

const post = (url: string, payload: unknown, headers = as.bkpsdm) => t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const patch = (url: string, payload: unknown, headers = as.bkpsdm) => t.app.inject({ method: 'PATCH', url, headers, payload: payload as object });

/** The seeded agencies' ids and top units, looked up afresh by each describe that needs them. */
async function reference(): Promise<{ agency: Record<string, string>; kominfo: UnitNode; dinkes: UnitNode }> {
  const agency: Record<string, string> = {};
  for (const code of ['diskominfo', 'dinkes']) agency[code] = (await t.modules.personnel.api.findAgencyByCode(code))!.id;
  const kominfo = (await get<UnitNode[]>(`/api/agencies/${agency.diskominfo}/units`))[0]!;
  const dinkes = (await get<UnitNode[]>(`/api/agencies/${agency.dinkes}/units`))[0]!;
  return { agency, kominfo, dinkes };
}

let sequence = 0;
async function employee(name: string, agencyId: string): Promise<string> {
  sequence++;
  const res = await post('/api/employees', {
    nip: makeNip('1980-03-0' + ((sequence % 9) + 1), '2005-02', 'male', sequence), kind: 'pns', name, gender: 'male',
    birthDate: '1980-03-0' + ((sequence % 9) + 1), rank: 'IV/a', educationLevel: 'S2', agencyId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<EmployeeProfile>().id;
}

/** Two managerial posts of a test's own: the head of a new bidang and the head of a seksi below it. */
interface Office {
  unitId: string;
  head: PositionView;
  deputy: PositionView;
}

/** Builds a fresh bidang (with a seksi) under an agency's top unit, so a test's posts are its alone. */
async function office(agencyId: string, top: UnitNode, label: string): Promise<Office> {
  const unit = await post(`/api/agencies/${agencyId}/units`, { parentId: top.id, name: `Bidang ${label}`, shortName: `Bid. ${label}`, kind: 'bidang' });
  expect(unit.statusCode, unit.body).toBe(201);
  const unitId = unit.json<UnitNode>().id;
  const seksi = await post(`/api/agencies/${agencyId}/units`, { parentId: unitId, name: `Seksi ${label}`, shortName: `Si. ${label}`, kind: 'seksi' });
  expect(seksi.statusCode, seksi.body).toBe(201);
  const position = async (unit: string, title: string, eselon: string, kind: string) => {
    const res = await post(`/api/units/${unit}/positions`, { title, kind, eselon, isHead: true });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<PositionView>();
  };
  return {
    unitId,
    head: await position(unitId, `Kepala Bidang ${label}`, 'III.b', 'administrator'),
    deputy: await position(seksi.json<UnitNode>().id, `Kepala Seksi ${label}`, 'IV.a', 'pengawas'),
  };
}

async function assign(employeeId: string, positionId: string, startDate: string): Promise<EmployeeProfile> {
  const res = await post(`/api/employees/${employeeId}/assignments`, { positionId, startDate });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<EmployeeProfile>();
}

const holder = (positionId: string, at?: string) => get<HolderView>(`/api/positions/${positionId}/holder${at ? `?at=${at}` : ''}`);

async function counts(): Promise<{ assignments: number; delegations: number }> {
  const [row] = await queryRows<{ assignments: number; delegations: number }>(t.platform.db,
    sql`SELECT (SELECT count(*)::int FROM assignments) AS assignments, (SELECT count(*)::int FROM delegations) AS delegations`);
  return row!;
}

describe('holders of positions', () => {
  let ref: Awaited<ReturnType<typeof reference>>;
  let kominfoId: string;
  beforeAll(async () => {
    ref = await reference();
    kominfoId = ref.agency.diskominfo!;
  });
  const newOffice = (label: string) => office(kominfoId, ref.kominfo, label);

  it('assigns a definitive holder with a TMT; before the TMT the post is vacant', async () => {
    const { unitId, head } = await newOffice('Aplikasi Informatika');
    const ani = await employee('Ani Lestari', kominfoId);
    const res = await post(`/api/employees/${ani}/assignments`, { positionId: head.id, startDate: '2024-01-02', skNumber: '800.1.3/001/2024' });
    expect(res.statusCode, res.body).toBe(201);
    const profile = res.json<EmployeeProfile>();
    expect(profile.position).toMatchObject({ id: head.id, title: 'Kepala Bidang Aplikasi Informatika' });
    expect(profile.unit).toMatchObject({ id: unitId });
    expect(profile.holdings).toEqual([expect.objectContaining({ as: 'definitive', startDate: '2024-01-02', endDate: null })]);
    expect((await holder(head.id)).acting).toMatchObject({ as: 'definitive', employee: { id: ani, displayName: 'Ani Lestari' }, skNumber: '800.1.3/001/2024' });
    expect(await holder(head.id, '2023-12-31')).toMatchObject({ acting: null, definitive: null });
  });

  it('shows the new position in the directory at once', async () => {
    const { head } = await newOffice('Statistik');
    const rina = await employee('Rina Rahmawati', kominfoId);
    await assign(rina, head.id, '2024-01-02');
    const page = await get<{ items: { id: string; position: { title: string } | null }[] }>('/api/employees?q=rahmawati');
    expect(page.items).toEqual([expect.objectContaining({ id: rina, position: expect.objectContaining({ title: 'Kepala Bidang Statistik' }) })]);
    const renamed = await patch(`/api/employees/${rina}`, { name: 'Rina Rahmawati Putri' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await get<{ total: number }>('/api/employees?q=rina%20putri')).total).toBe(1);
    expect((await holder(head.id)).acting?.employee.displayName).toBe('Rina Rahmawati Putri');
  });

  it('refuses a second definitive holder and writes nothing', async () => {
    const { head } = await newOffice('Persandian');
    await assign(await employee('Galih Saputra', kominfoId), head.id, '2024-01-02');
    const budi = await employee('Budi Hartono', kominfoId);
    const before = await counts();
    const res = await post(`/api/employees/${budi}/assignments`, { positionId: head.id, startDate: '2025-01-02' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'position_taken' });
    expect(res.json<{ message: string }>().message).toContain('Galih Saputra');
    expect(await counts()).toEqual(before);
  });

  it('moves a person: the old assignment ends at the new TMT and both stay in the history', async () => {
    const { head, deputy } = await newOffice('Komunikasi Publik');
    const sari = await employee('Sari Wulandari', kominfoId);
    await assign(sari, head.id, '2024-01-02');
    const history = (await assign(sari, deputy.id, '2025-07-01')).history!.positions;
    expect(history.map((h) => [h.position.title, h.startDate, h.endDate])).toEqual([
      ['Kepala Seksi Komunikasi Publik', '2025-07-01', null],
      ['Kepala Bidang Komunikasi Publik', '2024-01-02', '2025-07-01'],
    ]);
    const listed = await get<{ items: { position: { title: string } | null }[] }>('/api/employees?q=wulandari');
    expect(listed.items[0]!.position?.title).toBe('Kepala Seksi Komunikasi Publik');
    expect((await holder(head.id, '2025-06-30')).definitive).toMatchObject({ id: sari });
    expect((await holder(head.id)).acting).toBeNull();
    const early = await post(`/api/employees/${sari}/assignments`, { positionId: head.id, startDate: '2025-06-01' });
    expect(early.json()).toMatchObject({ code: 'assignment_order' });
  });

  it('lets a Plt act for a vacant post, and a Plh stand in for a holder who is away', async () => {
    const { head, deputy } = await newOffice('Infrastruktur TIK');
    const hana = await employee('Hana Pertiwi', kominfoId);
    await assign(hana, deputy.id, '2024-01-02');
    const plt = await employee('Candra Wijaya', kominfoId);
    const today = new Date().toISOString().slice(0, 10);
    const res = await post(`/api/positions/${head.id}/delegations`, {
      employeeId: plt, kind: 'plt', skNumber: '800.1.3/045/2026', startDate: '2026-01-05', reason: 'Kepala Bidang dimutasi',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DelegationRecord>()).toMatchObject({ kind: 'plt', employee: { id: plt }, position: { id: head.id }, endDate: null });
    expect((await holder(head.id, today)).acting).toMatchObject({ as: 'plt', employee: { displayName: 'Candra Wijaya' }, skNumber: '800.1.3/045/2026' });

    // Hana (Kepala Seksi) goes on leave: a Plh without an end date is refused, then one with dates works.
    const dedi = await employee('Dedi Kurniawan', kominfoId);
    const noEnd = await post(`/api/positions/${deputy.id}/delegations`, {
      employeeId: dedi, kind: 'plh', skNumber: '800.1.3/050/2026', startDate: '2026-03-02', reason: 'Cuti tahunan',
    });
    expect(noEnd.statusCode).toBe(400);
    expect(noEnd.json()).toMatchObject({ code: 'end_date_required' });
    const plh = await post(`/api/positions/${deputy.id}/delegations`, {
      employeeId: dedi, kind: 'plh', skNumber: '800.1.3/050/2026', startDate: '2026-03-02', endDate: '2026-03-14', reason: 'Cuti tahunan',
    });
    expect(plh.statusCode, plh.body).toBe(201);
    const during = await holder(deputy.id, '2026-03-10');
    expect(during.acting).toMatchObject({ as: 'plh', employee: { id: dedi } });
    expect(during.definitive).toMatchObject({ id: hana });
    expect((await holder(deputy.id, '2026-03-14')).acting).toMatchObject({ as: 'definitive', employee: { id: hana } });

    const dediProfile = await get<EmployeeProfile>(`/api/employees/${dedi}`);
    expect(dediProfile.history!.delegations).toEqual([expect.objectContaining({ kind: 'plh', startDate: '2026-03-02' })]);
    expect(await t.modules.personnel.api.positionsOf(dedi, '2026-03-03')).toEqual([
      expect.objectContaining({ as: 'plh', position: expect.objectContaining({ id: deputy.id }), endDate: '2026-03-14' }),
    ]);
  });

  it('refuses overlapping delegations, a Plh for a functional post, the holder as their own Plh, and an inverted range', async () => {
    const { unitId, head, deputy } = await newOffice('Tata Kelola SPBE');
    const indra = await employee('Indra Gunawan', kominfoId);
    await assign(indra, deputy.id, '2024-01-02');
    const joko = await employee('Joko Susilo', kominfoId);
    const away = await post(`/api/positions/${deputy.id}/delegations`, {
      employeeId: joko, kind: 'plh', skNumber: '800.1.3/050/2026', startDate: '2026-03-02', endDate: '2026-03-14', reason: 'Cuti tahunan',
    });
    expect(away.statusCode, away.body).toBe(201);
    const eko = await employee('Eko Prasetyo', kominfoId);
    const created = await post(`/api/units/${unitId}/positions`, { title: 'Pranata Komputer Ahli Muda', kind: 'fungsional' });
    expect(created.statusCode, created.body).toBe(201);
    const functional = created.json<PositionView>();
    expect(functional.superiors[0]).toMatchObject({ id: head.id });

    const before = await counts();
    const overlap = await post(`/api/positions/${deputy.id}/delegations`, {
      employeeId: eko, kind: 'plh', skNumber: '800.1.3/051/2026', startDate: '2026-03-13', endDate: '2026-03-20', reason: 'Dinas luar',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'delegation_overlap' });
    expect(overlap.json<{ message: string }>().message).toContain('Joko Susilo');
    const self = await post(`/api/positions/${deputy.id}/delegations`, {
      employeeId: indra, kind: 'plh', skNumber: '800.1.3/052/2026', startDate: '2026-04-01', endDate: '2026-04-03', reason: 'Uji',
    });
    expect(self.json()).toMatchObject({ code: 'delegate_is_holder' });
    const inverted = await post(`/api/positions/${deputy.id}/delegations`, {
      employeeId: eko, kind: 'plh', skNumber: '800.1.3/053/2026', startDate: '2026-04-10', endDate: '2026-04-01', reason: 'Uji',
    });
    expect(inverted.json()).toMatchObject({ code: 'invalid_range' });
    const plh = await post(`/api/positions/${functional.id}/delegations`, {
      employeeId: eko, kind: 'plh', skNumber: '800.1.3/054/2026', startDate: '2026-04-01', endDate: '2026-04-03', reason: 'Uji',
    });
    expect(plh.json()).toMatchObject({ code: 'delegation_not_managerial' });
    expect(await counts()).toEqual(before);
  });

  it('ends a delegation early and shows holders per unit for the org chart', async () => {
    // A post made today exists from today on, so this test's dates lie ahead of it.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const { unitId, head } = await newOffice('Layanan Data');
    const plt = await employee('Kiki Amelia', kominfoId);
    const made = await post(`/api/positions/${head.id}/delegations`, {
      employeeId: plt, kind: 'plt', skNumber: '800.1.3/046/2026', startDate: day(2), reason: 'Kepala Bidang dimutasi',
    });
    expect(made.statusCode, made.body).toBe(201);
    const [shown] = (await get<UnitPosition[]>(`/api/units/${unitId}/positions?at=${day(5)}`)).filter((p) => p.isHead);
    expect(shown!.holder.acting).toMatchObject({ as: 'plt', employee: { id: plt } });
    const delegationId = shown!.delegations[0]!.id;
    const ended = await post(`/api/delegations/${delegationId}/end`, { endDate: day(10) });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await holder(head.id, day(11))).acting).toBeNull();
    const longer = await post(`/api/delegations/${delegationId}/end`, { endDate: day(20) });
    expect(longer.json()).toMatchObject({ code: 'cannot_extend' });
  });

  it('says what the caller may do: delegate only managerial posts of agencies they manage, end only delegations not over', async () => {
    const { unitId, head } = await newOffice('Keamanan Informasi');
    const analyst = await post(`/api/units/${unitId}/positions`, { title: 'Pranata Komputer Ahli Muda', kind: 'fungsional' });
    expect(analyst.statusCode, analyst.body).toBe(201);
    const plt = await employee('Lina Marlina', kominfoId);
    const made = await post(`/api/positions/${head.id}/delegations`, {
      employeeId: plt, kind: 'plt', skNumber: '800.1.3/061/2026', startDate: '2024-01-02', reason: 'Kepala Bidang pensiun',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<DelegationRecord>().abilities).toEqual({ canEnd: true });

    const seen = async (headers: SessionHeaders) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/units/${unitId}/positions`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return new Map(res.json<UnitPosition[]>().map((p) => [p.title, p]));
    };
    const byOwnAdmin = await seen(as['opd.admin']!);
    expect(byOwnAdmin.get('Kepala Bidang Keamanan Informasi')!.abilities).toEqual({ canDelegate: true, canAssign: true });
    expect(byOwnAdmin.get('Pranata Komputer Ahli Muda')!.abilities).toEqual({ canDelegate: false, canAssign: true });
    expect(byOwnAdmin.get('Kepala Bidang Keamanan Informasi')!.delegations[0]!.abilities).toEqual({ canEnd: true });

    await makeUser(t, { username: 'dinkes.admin', roles: ['agency_admin'], agency: 'dinkes' });
    const byOtherAdmin = await seen(await signIn(t, 'dinkes.admin'));
    expect(byOtherAdmin.get('Kepala Bidang Keamanan Informasi')!.abilities).toEqual({ canDelegate: false, canAssign: false });
    expect(byOtherAdmin.get('Kepala Bidang Keamanan Informasi')!.delegations[0]!.abilities).toEqual({ canEnd: false });

    const access = async (headers: SessionHeaders) => (await t.app.inject({ method: 'GET', url: '/api/personnel/access', headers })).json();
    expect(await access(as.bkpsdm!)).toMatchObject({ canManageAny: true, manageAgencyIds: null });
    expect(await access(as['opd.admin']!)).toEqual({ canManageAny: true, manageAgencyIds: [kominfoId], ownAgencyId: kominfoId });
  });

  it('keeps agency admins to their own agency: another agency\'s posts answer 404', async () => {
    const fajar = await employee('Fajar Nugroho', kominfoId);
    const res = await post(`/api/employees/${fajar}/assignments`, { positionId: ref.dinkes.head!.id, startDate: '2026-01-02' }, as['opd.admin']);
    expect(res.statusCode).toBe(404);
    const delegation = await post(`/api/positions/${ref.dinkes.head!.id}/delegations`, {
      employeeId: fajar, kind: 'plt', skNumber: '800.1.3/060/2026', startDate: '2026-01-05', reason: 'Uji',
    }, as['opd.admin']);
    expect(delegation.statusCode).toBe(404);
  });
});

describe('the organisation tree stays a tree', () => {
  let ref: Awaited<ReturnType<typeof reference>>;
  beforeAll(async () => {
    ref = await reference();
  });

  it('refuses a superior in another agency and a superior chain that loops', async () => {
    const { kominfo, dinkes } = ref;
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
    const { agency, kominfo, dinkes } = ref;
    const sekretariat = kominfo.children[0]!;
    const loop = await patch(`/api/units/${sekretariat.id}`, { parentId: sekretariat.children[0]!.id });
    expect(loop.json()).toMatchObject({ code: 'unit_cycle' });
    const away = await patch(`/api/units/${sekretariat.id}`, { parentId: dinkes.id });
    expect(away.json()).toMatchObject({ code: 'unit_outside_agency' });
    const [from, to] = [kominfo.children[2]!, kominfo.children[1]!];
    const added = await post(`/api/agencies/${agency.diskominfo}/units`, { parentId: from.id, name: 'Seksi Pengamanan Informasi', shortName: 'Seksi Kamsinfo', kind: 'seksi' });
    expect(added.statusCode, added.body).toBe(201);
    const moved = await patch(`/api/units/${added.json<UnitNode>().id}`, { parentId: to.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const tree = await get<UnitNode[]>(`/api/agencies/${agency.diskominfo}/units`);
    const target = tree[0]!.children.find((u) => u.id === to.id)!;
    expect(target.children.map((u) => u.name)).toContain('Seksi Pengamanan Informasi');
  });

  it('allows one head per unit', async () => {
    const res = await post(`/api/units/${ref.kominfo.id}/positions`, { title: 'Kepala Kedua', kind: 'jpt_pratama', eselon: 'II.b', isHead: true });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'head_taken' });
  });
});
