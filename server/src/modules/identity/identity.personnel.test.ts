import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { accountState, makeNip, makeUser, signIn, signInAdministrators, type Administrators, type SessionHeaders } from '../../../test/factories.js';
import { queryRows } from '../../platform/db/index.js';
import { systemContext } from '../../platform/index.js';
import type { EmployeeProfile } from '../personnel/index.js';

// Accounts and SIMPEG records meet here: linking an account to an employee, SIMPEG status changes
// disabling or re-enabling the linked account under user administration's rules (imports:
// personnel/import/import.leavers.test.ts), granting roles, and personal data behind its permission.

let t: TestApp;
let as: Administrators;
let diskominfo: string;
let dinkes: string;
const NEW_PASSWORD = 'tahu-aci-slawi-2026';

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  ({ as, diskominfo } = await signInAdministrators(t));
  dinkes = (await t.modules.personnel.api.findAgencyByCode('dinkes'))!.id;
});
afterAll(() => t.close());

let sequence = 0;

/** Adds an employee (of Diskominfo unless told) as BKPSDM; returns its id and NIP. */
async function employee(name: string, agencyId = diskominfo): Promise<{ id: string; nip: string }> {
  const nip = makeNip('1988-04-12', '2012-03', 'female', ++sequence);
  const res = await t.app.inject({ method: 'POST', url: '/api/employees', headers: as.bkpsdm, payload: {
    nip, kind: 'pns', name, gender: 'female', birthDate: '1988-04-12', nik: `33281012048800${String(sequence).padStart(2, '0')}`,
    address: 'Jl. Ahmad Yani 12, Slawi', phone: '081234567890', rank: 'III/a', educationLevel: 'S1', agencyId, tmtCpns: '2012-03-01',
  } });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json<EmployeeProfile>().id, nip };
}

/** Creates an account of Diskominfo linked to the NIP, as the system administrator. */
async function linkedAccount(username: string, nip: string, roles: string[] = ['employee']): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: as.admin, payload: {
    username, displayName: username, agencyId: diskominfo, roles, password: NEW_PASSWORD, nip,
  } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const login = (username: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: NEW_PASSWORD } });

async function sessionOf(username: string): Promise<SessionHeaders> {
  const res = await login(username);
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: `tsc_session=${res.cookies.find((c) => c.name === 'tsc_session')!.value}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

async function audited(entityId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(t.platform.db, sql`SELECT action FROM audit_log WHERE entity_id = ${entityId} ORDER BY id`);
  return rows.map((r) => r.action);
}

const setStatus = (headers: SessionHeaders, id: string, status: string) =>
  t.app.inject({ method: 'PATCH', url: `/api/employees/${id}`, headers, payload: { status } });

async function token(headers: SessionHeaders, scopes: string[]): Promise<{ authorization: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload: { name: `Uji ${scopes.join(' ')}`, scopes } });
  expect(res.statusCode, res.body).toBe(201);
  return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
}

describe('SIMPEG changes accounts only as user administration would let the causer (finding 4)', () => {
  it('an agency admin recording a transfer cannot disable a system administrator; the refusal is audited', async () => {
    const { id: employeeId, nip } = await employee('Admin Tertaut');
    const userId = await linkedAccount('admin.tertaut', nip, ['system_admin']);
    const moved = await setStatus(as['opd.admin']!, employeeId, 'transferred');
    expect(moved.statusCode, moved.body).toBe(200);
    await t.platform.events.drain();
    expect(await accountState(t, userId)).toEqual({ status: 'active', disabled_reason: null });
    expect(await audited(userId)).toContain('user.leaver_disable_refused');
    expect((await login('admin.tertaut')).statusCode).toBe(200);
  });

  it('BKPSDM recording a retirement disables an ordinary account, but not one with rights BKPSDM does not hold', async () => {
    const ordinary = await employee('Sri Rahayu');
    const ordinaryUser = await linkedAccount('sri.rahayu', ordinary.nip);
    const steward = await employee('Wulan Sari');
    const stewardUser = await linkedAccount('wulan.sari', steward.nip, ['data_steward']);
    expect((await setStatus(as.bkpsdm!, ordinary.id, 'retired')).statusCode).toBe(200);
    expect((await setStatus(as.bkpsdm!, steward.id, 'retired')).statusCode).toBe(200);
    await t.platform.events.drain();
    expect(await accountState(t, ordinaryUser)).toEqual({ status: 'disabled', disabled_reason: 'personnel' });
    expect(await accountState(t, stewardUser)).toEqual({ status: 'active', disabled_reason: null });
    expect(await audited(stewardUser)).toContain('user.leaver_disable_refused');
  });

  it('an agency admin\'s transfer disables an ordinary account, ends its sessions and tokens; a return to active re-enables it', async () => {
    const { id: employeeId, nip } = await employee('Tri Handayani');
    const userId = await linkedAccount('tri.handayani', nip);
    const session = await sessionOf('tri.handayani');
    const bearer = await token(session, ['app:simpeg']);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);

    expect((await setStatus(as['opd.admin']!, employeeId, 'transferred')).statusCode).toBe(200);
    await t.platform.events.drain();
    expect(await accountState(t, userId)).toEqual({ status: 'disabled', disabled_reason: 'personnel' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session })).statusCode).toBe(401);
    const [tokenRow] = await queryRows<{ revoked: boolean }>(t.platform.db, sql`SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE user_id = ${userId}`);
    expect(tokenRow!.revoked).toBe(true);

    expect((await setStatus(as['opd.admin']!, employeeId, 'active')).statusCode).toBe(200);
    await t.platform.events.drain();
    expect(await accountState(t, userId)).toEqual({ status: 'active', disabled_reason: null });
    expect((await login('tri.handayani')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    expect(await audited(userId)).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('an account disabled by hand stays disabled when the employee is active again', async () => {
    const { id: employeeId, nip } = await employee('Eko Prasetyo');
    const userId = await linkedAccount('eko.prasetyo', nip);
    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/users/${userId}`, headers: as['opd.admin'], payload: { status: 'disabled' } });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(await accountState(t, userId)).toEqual({ status: 'disabled', disabled_reason: 'admin' });
    expect((await setStatus(as['opd.admin']!, employeeId, 'leave')).statusCode).toBe(200);
    expect((await setStatus(as['opd.admin']!, employeeId, 'active')).statusCode).toBe(200);
    await t.platform.events.drain();
    expect(await accountState(t, userId)).toEqual({ status: 'disabled', disabled_reason: 'admin' });
  });
});

describe('linking an account to an employee record (finding 3)', () => {
  it('only a system administrator may link: an agency admin sending a NIP gets 403 naming body.nip, nothing is made', async () => {
    const { id: employeeId, nip } = await employee('Dian Puspita');
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: as['opd.admin'], payload: {
      username: 'dian.puspita', displayName: 'Dian Puspita', agencyId: diskominfo, roles: ['employee'], password: NEW_PASSWORD, nip,
    } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'nip_link_forbidden', details: { fields: { 'body.nip': expect.any(String) } } });
    expect(await t.modules.identity.api.findUserByUsername('dian.puspita')).toBeNull();
    const [row] = await queryRows<{ user_id: string | null }>(t.platform.db, sql`SELECT user_id FROM employees WHERE id = ${employeeId}`);
    expect(row!.user_id).toBeNull();

    const userId = await linkedAccount('dian.puspita', nip);
    expect(await audited(employeeId)).toContain('employee.account_linked');
    const me = await t.app.inject({ method: 'GET', url: '/api/employees/me', headers: await sessionOf('dian.puspita') });
    expect(me.json<EmployeeProfile>()).toMatchObject({ id: employeeId, personal: { birthDate: '1988-04-12' } });
    expect(userId).toBeDefined();
  });

  it('a link never overwrites another: 409 nip_linked, the first link stays', async () => {
    const { id: employeeId, nip } = await employee('Fajar Nugroho');
    const first = await linkedAccount('fajar.nugroho', nip);
    const other = await makeUser(t, { username: 'fajar.lain', roles: ['employee'], agency: 'diskominfo' });
    await expect(t.modules.personnel.api.linkAccount(systemContext(t.platform.today()), employeeId, other)).rejects.toMatchObject({ code: 'nip_linked' });
    const [row] = await queryRows<{ user_id: string }>(t.platform.db, sql`SELECT user_id FROM employees WHERE id = ${employeeId}`);
    expect(row!.user_id).toBe(first);

    // The other way round, as a race past identity's own check would reach SIMPEG: an account already
    // linked is not linked to a second record (409 account_linked, not the generic conflict).
    const { id: secondId } = await employee('Fajar Santoso');
    await expect(t.modules.personnel.api.linkAccount(systemContext(t.platform.today()), secondId, first)).rejects.toMatchObject({ code: 'account_linked', status: 409 });
    const [second] = await queryRows<{ user_id: string | null }>(t.platform.db, sql`SELECT user_id FROM employees WHERE id = ${secondId}`);
    expect(second!.user_id).toBeNull();
  });

  it('two administrators linking the same NIP at once: one account, linked; none left unlinked', async () => {
    const { id: employeeId, nip } = await employee('Gita Savitri');
    const make = (username: string) => t.app.inject({ method: 'POST', url: '/api/users', headers: as.admin, payload: {
      username, displayName: 'Gita Savitri', agencyId: diskominfo, roles: ['employee'], password: NEW_PASSWORD, nip,
    } });
    const results = await Promise.all([make('gita.satu'), make('gita.dua')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'nip_linked' });
    const accounts = await queryRows<{ id: string }>(t.platform.db, sql`SELECT id FROM users WHERE username IN ('gita.satu', 'gita.dua')`);
    expect(accounts).toHaveLength(1);
    const [row] = await queryRows<{ user_id: string }>(t.platform.db, sql`SELECT user_id FROM employees WHERE id = ${employeeId}`);
    expect(row!.user_id).toBe(accounts[0]!.id);
  });
});

describe('linking and unlinking an existing account (user administration)', () => {
  const link = (headers: SessionHeaders | undefined, userId: string, nip: string) =>
    t.app.inject({ method: 'PUT', url: `/api/users/${userId}/employee`, headers, payload: { nip } });
  const unlink = (headers: SessionHeaders | undefined, userId: string) => t.app.inject({ method: 'DELETE', url: `/api/users/${userId}/employee`, headers });
  const linkedUser = async (employeeId: string) =>
    (await queryRows<{ user_id: string | null }>(t.platform.db, sql`SELECT user_id FROM employees WHERE id = ${employeeId}`))[0]!.user_id;
  const myRecord = async (username: string) => (await t.app.inject({ method: 'GET', url: '/api/employees/me', headers: await signIn(t, username) })).statusCode;

  it('a system administrator links an account by NIP, sees it on the account, unlinks it, and links it again', async () => {
    const person = await employee('Joko Susilo');
    const userId = await makeUser(t, { username: 'joko.susilo', roles: ['employee'], agency: 'diskominfo' });
    const before = await t.app.inject({ method: 'GET', url: `/api/users/${userId}`, headers: as.admin });
    expect(before.json()).toMatchObject({ employee: null, abilities: { linkEmployee: true, unlinkEmployee: false } });

    // Spaces between the NIP's groups are how people copy it from an SK.
    const spaced = `${person.nip.slice(0, 8)} ${person.nip.slice(8, 14)} ${person.nip.slice(14, 15)} ${person.nip.slice(15)}`;
    const linked = await link(as.admin, userId, spaced);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({
      id: userId, employee: { id: person.id, nip: person.nip, displayName: 'Joko Susilo' }, abilities: { linkEmployee: false, unlinkEmployee: true },
    });
    expect(await linkedUser(person.id)).toBe(userId);
    expect(await myRecord('joko.susilo')).toBe(200);
    const listed = await t.app.inject({ method: 'GET', url: '/api/users?q=joko.susilo', headers: as.admin });
    expect(listed.json()).toMatchObject({ total: 1, items: [{ employee: { nip: person.nip } }] });

    // Linking it again to the same record changes nothing and records nothing.
    expect((await link(as.admin, userId, person.nip)).statusCode).toBe(200);
    expect((await audited(person.id)).filter((a) => a === 'employee.account_linked')).toHaveLength(1);

    const unlinked = await unlink(as.admin, userId);
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(unlinked.json()).toMatchObject({ employee: null, abilities: { linkEmployee: true, unlinkEmployee: false } });
    expect(await linkedUser(person.id)).toBeNull();
    expect(await myRecord('joko.susilo')).toBe(404);
    expect(await audited(person.id)).toContain('employee.account_unlinked');
    // Unlinking an account linked to nothing leaves it as it is.
    expect((await unlink(as.admin, userId)).statusCode).toBe(200);

    const again = await link(as.admin, userId, person.nip);
    expect(again.statusCode, again.body).toBe(200);
    expect(await linkedUser(person.id)).toBe(userId);
  });

  it('an agency admin may not link or unlink, even in their own agency; the screen offers neither', async () => {
    const person = await employee('Kurnia Dewi');
    const own = await makeUser(t, { username: 'kurnia.dewi', roles: ['employee'], agency: 'diskominfo' });
    const shown = await t.app.inject({ method: 'GET', url: `/api/users/${own}`, headers: as['opd.admin'] });
    expect(shown.json()).toMatchObject({ abilities: { edit: true, linkEmployee: false, unlinkEmployee: false } });
    const refused = await link(as['opd.admin'], own, person.nip);
    expect(refused.statusCode).toBe(403);
    expect(await linkedUser(person.id)).toBeNull();

    expect((await link(as.admin, own, person.nip)).statusCode).toBe(200);
    expect((await unlink(as['opd.admin'], own)).statusCode).toBe(403);
    expect((await unlink(as.bkpsdm, own)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: `/api/users/${own}/employee`, payload: { nip: person.nip } })).statusCode).toBe(401);
    expect(await linkedUser(person.id)).toBe(own);
  });

  it('a record linked to another account answers 409 nip_linked naming the NIP; the first link stays', async () => {
    const person = await employee('Lestari Ayu');
    const first = await linkedAccount('lestari.ayu', person.nip);
    const second = await makeUser(t, { username: 'lestari.lain', roles: ['employee'], agency: 'diskominfo' });
    const taken = await link(as.admin, second, person.nip);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'nip_linked', details: { fields: { 'body.nip': expect.stringContaining('Lestari Ayu') } } });
    expect(await linkedUser(person.id)).toBe(first);
  });

  it('an account linked to another record, or a citizen account, answers 409; unlink first', async () => {
    const mine = await employee('Maya Sari');
    const other = await employee('Maya Lestari');
    const userId = await linkedAccount('maya.sari', mine.nip);
    const moved = await link(as.admin, userId, other.nip);
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({ code: 'account_linked', details: { fields: { 'body.nip': expect.stringContaining(mine.nip) } } });
    expect(await linkedUser(other.id)).toBeNull();

    const citizen = await makeUser(t, { username: 'warga.maya', roles: ['citizen'], kind: 'citizen' });
    const refused = await link(as.admin, citizen, other.nip);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'citizen_account', details: { fields: { 'body.nip': expect.any(String) } } });
    expect((await t.app.inject({ method: 'GET', url: `/api/users/${citizen}`, headers: as.admin })).json())
      .toMatchObject({ employee: null, abilities: { linkEmployee: false, unlinkEmployee: false } });
  });

  it('an unknown NIP, a NIP of another agency and an unknown account answer 404; a malformed NIP 400', async () => {
    const userId = await makeUser(t, { username: 'nur.hidayah', roles: ['employee'], agency: 'diskominfo' });
    const unknown = await link(as.admin, userId, makeNip('1970-01-01', '1990-01', 'male', 999));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'unknown_nip', details: { fields: { 'body.nip': expect.any(String) } } });
    const elsewhere = await employee('Nur Hidayati', dinkes);
    expect((await link(as.admin, userId, elsewhere.nip)).json()).toMatchObject({ code: 'unknown_nip' });
    expect(await linkedUser(elsewhere.id)).toBeNull();
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await link(as.admin, nobody, elsewhere.nip)).statusCode).toBe(404);
    expect((await unlink(as.admin, nobody)).statusCode).toBe(404);
    const malformed = await link(as.admin, userId, 'NIP-1988-04-12-0001');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().details.fields).toHaveProperty(['body.nip']);
  });
});

describe('granting roles (finding 5)', () => {
  const create = (headers: SessionHeaders, username: string, roles: string[]) => t.app.inject({ method: 'POST', url: '/api/users', headers, payload: {
    username, displayName: username, agencyId: diskominfo, roles, password: NEW_PASSWORD,
  } });

  it('an agency admin cannot grant a role whose permissions they do not hold, on create or update', async () => {
    const refused = await create(as['opd.admin']!, 'naik.pangkat', ['agency_admin', 'executive', 'data_steward']);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('executive');
    expect(await t.modules.identity.api.findUserByUsername('naik.pangkat')).toBeNull();
    for (const role of ['executive', 'data_steward', 'data_producer', 'personnel_admin']) {
      expect((await create(as['opd.admin']!, `coba.${role.replace('_', '-')}`, [role])).statusCode, role).toBe(403);
    }

    const staff = await create(as['opd.admin']!, 'staf.biasa', ['employee']);
    expect(staff.statusCode, staff.body).toBe(201);
    const promote = await t.app.inject({ method: 'PATCH', url: `/api/users/${staff.json().id}`, headers: as['opd.admin'], payload: { roles: ['employee', 'data_steward'] } });
    expect(promote.statusCode).toBe(403);
    const granted = await queryRows<{ roles: string[] }>(t.platform.db, sql`SELECT roles FROM users WHERE username = 'staf.biasa'`);
    expect(granted[0]!.roles).toEqual(['employee']);
    const steward = await create(as.admin!, 'eksekutif', ['executive', 'data_steward']);
    expect(steward.statusCode).toBe(201);
    // Nor may they change (or disable) an account holding a role they could not grant.
    const disable = await t.app.inject({ method: 'PATCH', url: `/api/users/${steward.json().id}`, headers: as['opd.admin'], payload: { status: 'disabled' } });
    expect(disable.statusCode).toBe(403);
  });
});

describe('personal data needs its own permission (finding 13)', () => {
  it('a token scoped only to app:simpeg reads the own profile without personal data; scoped with personnel:read-personal it reads it', async () => {
    const { nip } = await employee('Hana Pertiwi');
    await linkedAccount('hana.pertiwi', nip);
    const session = await sessionOf('hana.pertiwi');
    const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/employees/me', headers });

    const bySession = await me(session);
    expect(bySession.json<EmployeeProfile>()).toMatchObject({ personal: { nik: expect.any(String) }, abilities: { canViewPersonal: true } });
    const narrow = await me(await token(session, ['app:simpeg']));
    expect(narrow.statusCode, narrow.body).toBe(200);
    expect(narrow.json<EmployeeProfile>()).toMatchObject({ personal: null, abilities: { canViewPersonal: false } });
    expect(narrow.body).not.toContain('Ahmad Yani');
    const wide = await me(await token(session, ['app:simpeg', 'personnel:read-personal']));
    expect(wide.json<EmployeeProfile>()).toMatchObject({ personal: { address: 'Jl. Ahmad Yani 12, Slawi' } });
  });

  it('BKPSDM reads others\' personal data only with the permission too', async () => {
    const { id } = await employee('Indah Permata');
    const profile = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/employees/${id}`, headers });
    expect((await profile(as.bkpsdm!)).json<EmployeeProfile>().personal).not.toBeNull();
    const narrow = await profile(await token(as.bkpsdm!, ['personnel:read-directory', 'personnel:manage']));
    expect(narrow.statusCode, narrow.body).toBe(200);
    expect(narrow.json<EmployeeProfile>().personal).toBeNull();
  });
});
