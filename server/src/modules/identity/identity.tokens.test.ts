import { sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../../seeds/demo.js';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { queryRows } from '../../platform/db/index.js';
import { NO_PROGRESS } from '../../platform/progress.js';

let t: TestApp;
const PASSWORD = 'Slawi#2026';

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await seedDemo(t.modules, NO_PROGRESS);
});
afterAll(() => t.close());

function login(username: string, password = PASSWORD, totp?: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });
}

async function session(username: string) {
  const res = await login(username);
  expect(res.statusCode).toBe(200);
  return { cookie: `tsc_session=${res.cookies.find((c) => c.name === 'tsc_session')!.value}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

async function createToken(headers: Record<string, string>, payload: object) {
  return t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function auditActions(entityId: string): Promise<{ action: string; data: unknown }[]> {
  return queryRows(t.platform.db, sql`SELECT action, data FROM audit_log WHERE entity_id = ${entityId} ORDER BY id`);
}

describe('API tokens', () => {
  it('acts with the token scopes only, needs no CSRF token, and stops working when revoked', async () => {
    const admin = await session('admin');
    // Granting `employee` needs what the role grants (nobody hands out more than they hold).
    const scopes = ['users:manage', 'personnel:read-directory', 'personnel:read-personal', 'app:eoffice', 'app:simpeg'];
    const created = await createToken(admin, { name: 'Sinkron SIASN', scopes, expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^tsc_[\w-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);

    const listed = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: admin });
    expect(listed.json()).toEqual([expect.objectContaining({ id, name: 'Sinkron SIASN', scopes, revokedAt: null })]);
    expect(listed.body).not.toContain(token);

    const users = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=5', headers: bearer(token) });
    expect(users.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(me.json().user).toMatchObject({ username: 'admin', permissions: expect.arrayContaining(scopes), apps: ['eoffice', 'simpeg'] });
    expect(me.json().user.permissions).toHaveLength(scopes.length);

    const agency = me.json().user.agency; // the admin has none; take Diskominfo from the directory
    expect(agency).toBeNull();
    const diskominfo = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!;
    const write = await t.app.inject({
      method: 'POST', url: '/api/users', headers: bearer(token),
      payload: { username: 'operator.siasn', displayName: 'Operator SIASN', agencyId: diskominfo.id, roles: ['employee'], password: 'lontong-sayur-pagi-44' },
    });
    expect(write.statusCode, write.body).toBe(201); // bearer writes are not CSRF-checked

    // A token cannot mint tokens or reach outside its scopes.
    expect((await createToken(bearer(token), { name: 'lagi', scopes: ['users:manage'] })).statusCode).toBe(403);
    const narrow = (await createToken(admin, { name: 'Hanya e-office', scopes: ['app:eoffice'] })).json().token as string;
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer(narrow) })).statusCode).toBe(403);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: admin })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer(token) })).statusCode).toBe(401);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: admin });
    expect(after.json().find((x: { id: string }) => x.id === id).revokedAt).toEqual(expect.any(String));

    const trail = await auditActions(id);
    expect(trail.map((e) => e.action)).toEqual(['token.created', 'token.revoked']);
    expect(JSON.stringify(trail)).not.toContain(token.slice(prefix.length));
  });

  it('refuses scopes the owner does not hold, and others\' tokens answer 404', async () => {
    const employee = await session('pegawai');
    const refused = await createToken(employee, { name: 'curang', scopes: ['app:eoffice', 'users:manage'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'invalid_scope', details: { fields: { 'body.scopes': expect.stringContaining('users:manage') } } });
    expect((await createToken(employee, { name: 'x', scopes: [] })).statusCode).toBe(400);
    expect((await createToken(employee, { name: 'x', scopes: ['app:eoffice'], expiresInDays: 366 })).statusCode).toBe(400);

    const own = (await createToken(employee, { name: 'Milik pegawai', scopes: ['app:eoffice'] })).json();
    const other = await session('walidata');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${own.id}`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(own.token) })).statusCode).toBe(200);
  });

  it('stops accepting a token after it expires', async () => {
    const employee = await session('produsen');
    const { token } = (await createToken(employee, { name: 'Sebentar', scopes: ['app:satudata'], expiresInDays: 1 })).json();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    // Two days later (only the clock moves: the answer just given is still cached, and must not outlive the token).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 2 * 86_400_000);
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('token lifetime', () => {
  it('gives a token 90 days when no expiry is asked, lists when it expires, and refuses more than 365 days naming the field', async () => {
    const employee = await session('walidata');
    const before = Date.now();
    const created = await createToken(employee, { name: 'Tanpa batas?', scopes: ['app:satudata'] });
    expect(created.statusCode).toBe(201);
    const expiresAt = Date.parse(created.json().expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(90 * 86_400_000 - 60_000);
    expect(expiresAt - before).toBeLessThanOrEqual(90 * 86_400_000 + 60_000);
    const listed = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: employee });
    expect(listed.json().find((x: { id: string }) => x.id === created.json().id).expiresAt).toBe(created.json().expiresAt);

    const year = await createToken(employee, { name: 'Setahun', scopes: ['app:satudata'], expiresInDays: 365 });
    expect(year.statusCode).toBe(201);
    const tooLong = await createToken(employee, { name: 'Kelamaan', scopes: ['app:satudata'], expiresInDays: 366 });
    expect(tooLong.statusCode).toBe(400);
    expect(Object.keys(tooLong.json().details.fields)).toContain('body.expiresInDays');

    // Ninety-one days later the default token no longer works.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(before + 91 * 86_400_000);
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(created.json().token) })).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends a token made before expiry was required 365 days after it was made', async () => {
    const employee = await session('walidata');
    const { token, id } = (await createToken(employee, { name: 'Lama', scopes: ['app:satudata'] })).json();
    await t.platform.db.execute(sql`UPDATE api_tokens SET expires_at = NULL, created_at = now() - interval '366 days' WHERE id = ${id}`);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    const listed = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: employee });
    expect(Date.parse(listed.json().find((x: { id: string }) => x.id === id).expiresAt)).toBeLessThan(Date.now());
  });
});

describe('ending access', () => {
  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });

  it('revokes every API token when the password changes', async () => {
    await t.modules.identity.api.ensureDemoUser({ username: 'ganti.sandi', displayName: 'Ganti Sandi', kind: 'staff', agencyId: null, roles: ['employee'], passwordHash: await t.modules.identity.api.hashPassword(PASSWORD) });
    const headers = await session('ganti.sandi');
    const { token, id } = (await createToken(headers, { name: 'Integrasi', scopes: ['app:eoffice'] })).json();
    expect((await me(bearer(token))).statusCode).toBe(200);

    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { currentPassword: PASSWORD, newPassword: 'teh-poci-gula-batu-9' } });
    expect(changed.statusCode).toBe(204);
    expect((await me(bearer(token))).statusCode).toBe(401);
    expect((await me(headers)).statusCode).toBe(200); // the session that changed it stays
    const listed = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers });
    expect(listed.json().find((x: { id: string }) => x.id === id).revokedAt).toEqual(expect.any(String));
  });

  it('signs out everywhere: every session ends, this one too, and every token is revoked', async () => {
    await t.modules.identity.api.ensureDemoUser({ username: 'keluar.semua', displayName: 'Keluar Semua', kind: 'staff', agencyId: null, roles: ['employee'], passwordHash: await t.modules.identity.api.hashPassword(PASSWORD) });
    const here = await session('keluar.semua');
    const elsewhere = await session('keluar.semua');
    const { token } = (await createToken(here, { name: 'Integrasi', scopes: ['app:eoffice'] })).json();

    // A token cannot do it (machine clients do not manage credentials), nor can nobody.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: bearer(token) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere' })).statusCode).toBe(401);

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: here });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'tsc_session')?.value).toBe('');
    for (const headers of [here, elsewhere, bearer(token)]) expect((await me(headers)).statusCode).toBe(401);
    const userId = (await t.modules.identity.api.findUserByUsername('keluar.semua'))!.id;
    expect((await auditActions(userId)).map((e) => e.action)).toContain('user.signed_out_everywhere');
    // Signing in again works as usual.
    expect((await login('keluar.semua')).statusCode).toBe(200);
  });
});

describe('TOTP', () => {
  it('enables a second factor for staff, then sign-in needs a fresh code', async () => {
    const headers = await session('bkpsdm');
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Tegal%20Smart%20City:bkpsdm\?/);
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });

    const badCode = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0');
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers, payload: { code: badCode } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('invalid_totp');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers, payload: { code: totp.generate() } })).statusCode).toBe(204);

    const noCode = await login('bkpsdm');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('totp_required');
    // A wrong password still says only "invalid credentials": the second factor is not revealed.
    expect((await login('bkpsdm', 'salah-salah-salah')).json().code).toBe('invalid_credentials');
    expect((await login('bkpsdm', PASSWORD, badCode)).json().code).toBe('totp_required');

    const code = totp.generate({ timestamp: Date.now() + 30_000 });
    const ok = await login('bkpsdm', PASSWORD, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totpEnabled).toBe(true);
    expect((await login('bkpsdm', PASSWORD, code)).statusCode).toBe(401); // a code works once

    const wrongPassword = await t.app.inject({ method: 'POST', url: '/api/auth/totp/disable', headers, payload: { password: 'bukan-ini-ya' } });
    expect(wrongPassword.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/totp/disable', headers, payload: { password: PASSWORD } })).statusCode).toBe(204);
    expect((await login('bkpsdm')).statusCode).toBe(200);

    const userId = ok.json().user.id as string;
    const trail = await auditActions(userId);
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['user.totp_enabled', 'user.totp_disabled']));
    expect(JSON.stringify(trail)).not.toContain(secret);
    const [stored] = await queryRows<{ totp_secret: string | null }>(t.platform.db, sql`SELECT totp_secret FROM users WHERE id = ${userId}`);
    expect(stored!.totp_secret).toBeNull();
  });

  it('keeps the secret sealed at rest and is for staff only', async () => {
    const staff = await session('opd.admin');
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: staff })).json();
    const [stored] = await queryRows<{ totp_secret: string }>(t.platform.db, sql`SELECT totp_secret FROM users WHERE username = 'opd.admin'`);
    expect(stored!.totp_secret).not.toContain(secret);
    const citizen = await session('warga');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: citizen });
    expect(res.statusCode).toBe(403);
  });
});
