import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../seeds/demo.js';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { queryRows } from '../../platform/db/index.js';
import { NO_PROGRESS } from '../../platform/progress.js';

let t: TestApp;
const PASSWORD = 'Slawi#2026';
const NEW_PASSWORD = 'bakwan-jagung-sore-31';
const agencyId: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await seedDemo(t.modules, NO_PROGRESS);
  for (const code of ['diskominfo', 'dinkes']) agencyId[code] = (await t.modules.personnel.api.findAgencyByCode(code))!.id;
});
afterAll(() => t.close());

async function session(username: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  expect(res.statusCode).toBe(200);
  return { cookie: `tsc_session=${res.cookies.find((c) => c.name === 'tsc_session')!.value}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

const userId = async (username: string) => (await t.modules.identity.api.findUserByUsername(username))!.id;

describe('user administration', () => {
  it('shows a system admin every user, searchable and paged', async () => {
    const admin = await session('admin');
    const all = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=100', headers: admin });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(9);
    const found = await t.app.inject({ method: 'GET', url: '/api/users?q=santoso', headers: admin });
    expect(found.json()).toMatchObject({ total: 1, items: [{ username: 'pegawai', agency: { shortName: 'Diskominfo' }, status: 'active' }] });
    const paged = await t.app.inject({ method: 'GET', url: '/api/users?page=2&pageSize=4', headers: admin });
    expect(paged.json().items).toHaveLength(4);
    expect((await t.app.inject({ method: 'GET', url: '/api/users?pageSize=101', headers: admin })).statusCode).toBe(400);
  });

  it('confines an agency admin to their own agency: others answer 404 or 403', async () => {
    const opd = await session('opd.admin');
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: opd });
    const names = list.json().items.map((u: { username: string }) => u.username).sort();
    expect(names).toEqual(['opd.admin', 'pegawai', 'walidata']);

    expect((await t.app.inject({ method: 'GET', url: `/api/users/${await userId('produsen')}`, headers: opd })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/users/${await userId('pegawai')}`, headers: opd })).statusCode).toBe(200);
    const patchOther = await t.app.inject({ method: 'PATCH', url: `/api/users/${await userId('produsen')}`, headers: opd, payload: { displayName: 'X' } });
    expect(patchOther.statusCode).toBe(404);

    const base = { displayName: 'Staf Baru', roles: ['employee'], password: NEW_PASSWORD };
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/users', headers: opd, payload: { ...base, username: 'staf.dinkes', agencyId: agencyId.dinkes } });
    expect(elsewhere.statusCode).toBe(403);
    const privileged = await t.app.inject({ method: 'POST', url: '/api/users', headers: opd, payload: { ...base, username: 'staf.admin', agencyId: agencyId.diskominfo, roles: ['system_admin'] } });
    expect(privileged.statusCode).toBe(403);
    expect(await t.modules.identity.api.findUserByUsername('staf.dinkes')).toBeNull();

    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: opd, payload: { ...base, username: 'Staf.Kominfo', agencyId: agencyId.diskominfo } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'staf.kominfo', kind: 'staff', roles: ['employee'], agency: { id: agencyId.diskominfo } });
    const [entry] = await queryRows<{ action: string; actor_label: string }>(t.platform.db,
      sql`SELECT action, actor_label FROM audit_log WHERE entity_id = ${created.json().id}`);
    expect(entry).toEqual({ action: 'user.created', actor_label: 'opd.admin' });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'staf.kominfo', password: NEW_PASSWORD } });
    expect(login.statusCode).toBe(200);
  });

  it('refuses user administration to staff without the permission', async () => {
    const employee = await session('pegawai');
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: employee })).statusCode).toBe(403);
    const payload = { username: 'siapa.saja', displayName: 'Siapa', agencyId: agencyId.diskominfo, roles: ['employee'], password: NEW_PASSWORD };
    expect((await t.app.inject({ method: 'POST', url: '/api/users', headers: employee, payload })).statusCode).toBe(403);
  });

  it('validates new staff accounts: unknown agency, weak password, taken username', async () => {
    const admin = await session('admin');
    const base = { username: 'staf.lain', displayName: 'Staf Lain', agencyId: agencyId.dinkes, roles: ['employee'], password: NEW_PASSWORD };
    const cases: [object, number, string][] = [
      [{ ...base, agencyId: '00000000-0000-4000-8000-000000000000' }, 400, 'unknown_agency'],
      [{ ...base, password: 'dinkes2026' }, 400, 'weak_password'],
      [{ ...base, username: 'PEGAWAI' }, 409, 'username_taken'],
      [{ ...base, roles: ['citizen'] }, 400, 'validation_failed'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload });
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expect(await t.modules.identity.api.findUserByUsername('staf.lain')).toBeNull();
  });

  it('disables an account: its sessions end and sign-in answers like a wrong password', async () => {
    const victim = await session('pegawai');
    const opd = await session('opd.admin');
    const id = await userId('pegawai');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: opd, payload: { status: 'disabled' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('disabled');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: victim })).statusCode).toBe(401);
    const disabled = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'pegawai', password: PASSWORD } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiada', password: PASSWORD } });
    expect(disabled.statusCode).toBe(401);
    expect({ ...disabled.json(), requestId: 0 }).toEqual({ ...unknown.json(), requestId: 0 });

    const self = await t.app.inject({ method: 'PATCH', url: `/api/users/${await userId('opd.admin')}`, headers: opd, payload: { status: 'disabled' } });
    expect(self.json().code).toBe('cannot_change_self');
    const admin = await t.app.inject({ method: 'PATCH', url: `/api/users/${await userId('opd.admin')}`, headers: await session('admin'), payload: { roles: ['system_admin'] } });
    expect(admin.statusCode).toBe(200);
  });
});

describe('accounts from seeds and the command line', () => {
  it('creates a system admin, refusing weak passwords and taken usernames', async () => {
    const api = t.modules.identity.api;
    await expect(api.createSystemAdmin({ username: 'root', password: 'admin12345' })).rejects.toMatchObject({ code: 'weak_password' });
    await expect(api.createSystemAdmin({ username: 'admin', password: NEW_PASSWORD })).rejects.toMatchObject({ code: 'username_taken' });
    const created = await api.createSystemAdmin({ username: 'Kepala.TI', password: NEW_PASSWORD, displayName: 'Kepala TI' });
    expect(created).toMatchObject({ username: 'kepala.ti', roles: ['system_admin'], agency: null });
  });

  it('re-seeding the demo profile creates nothing new', async () => {
    const before = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM users`);
    const accounts = await seedDemo(t.modules, NO_PROGRESS);
    expect(accounts.map((a) => a.username)).toEqual(['admin', 'bkpsdm', 'opd.admin', 'pegawai', 'bupati', 'walidata', 'produsen', 'umkm', 'warga']);
    const after = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM users`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('bulk-loads demo accounts once, skipping those already there', async () => {
    const api = t.modules.identity.api;
    const hash = await api.hashPassword(PASSWORD);
    const rows = Array.from({ length: 3 }, (_, i) => ({
      username: `massal.${i}`, displayName: `Warga ${i}`, kind: 'citizen' as const, agencyId: null, roles: ['citizen'], passwordHash: hash, phone: null,
    }));
    expect(await api.importDemoUsers(rows.slice(0, 2))).toBe(2);
    expect(await api.importDemoUsers(rows)).toBe(1);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'massal.2', password: PASSWORD } });
    expect(login.json().user).toMatchObject({ kind: 'citizen', roles: ['citizen'] });
  });
});

describe('production', () => {
  it('never creates demo accounts and marks the cookie Secure on https', async () => {
    const prod = await buildTestApp({ NODE_ENV: 'production', PUBLIC_URL: 'https://smartcity.tegalkab.go.id', AUTH_SECRET: 'p'.repeat(40), LOG_LEVEL: 'silent' });
    try {
      await expect(seedDemo(prod.modules, NO_PROGRESS)).rejects.toMatchObject({ status: 403 });
      expect(await prod.modules.identity.api.findUserByUsername('admin')).toBeNull();
      await prod.modules.identity.api.createSystemAdmin({ username: 'admin', password: NEW_PASSWORD });
      const res = await prod.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: NEW_PASSWORD } });
      expect(res.cookies.find((c) => c.name === 'tsc_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await prod.close();
    }
  });
});
