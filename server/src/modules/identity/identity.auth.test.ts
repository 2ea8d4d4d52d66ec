import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../seeds/demo.js';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { queryRows } from '../../platform/db/index.js';
import { NO_PROGRESS } from '../../platform/progress.js';

let t: TestApp;
const PASSWORD = 'Slawi#2026';
let ipCounter = 0;
/** A fresh client address per scenario, so the per-IP rate limit of one does not leak into another. */
const nextIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await seedDemo(t.modules, NO_PROGRESS);
});
afterAll(() => t.close());

function login(username: string, password: string, ip = nextIp(), extra: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password, ...extra } });
}

/** Signs in and returns the headers a browser would send next (cookie plus CSRF token). */
async function session(username: string, password = PASSWORD) {
  const res = await login(username, password);
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'tsc_session')!;
  return { cookie: `tsc_session=${cookie.value}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

async function count(table: 'users' | 'audit_log' | 'sessions'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row!.n;
}

describe('sign-in', () => {
  it('signs a staff member in with an HttpOnly, SameSite=Lax session cookie and describes them', async () => {
    const res = await login('Pegawai', PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      username: 'pegawai', displayName: 'Budi Santoso', kind: 'staff', roles: ['employee'],
      agency: { shortName: 'Diskominfo' }, apps: ['eoffice', 'simpeg'], totpEnabled: false,
    });
    expect(body.user.permissions).toContain('personnel:read-directory');
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'tsc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // PUBLIC_URL is http in tests
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrong = await login('pegawai', 'bukan-kata-sandinya');
    const unknown = await login('tidak.ada', 'bukan-kata-sandinya');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().code).toBe('invalid_credentials');
  });

  it('locks one address out of a username after five failures, known or unknown, while the owner still signs in from elsewhere', async () => {
    const attacker = nextIp();
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    const lockedAnswers: Record<string, unknown>[] = [];
    for (const username of ['walidata', 'hantu.tak.dikenal']) {
      for (let i = 0; i < 5; i++) expect((await login(username, `salah-${i}`, attacker)).statusCode).toBe(401);
      const locked = await login(username, username === 'walidata' ? PASSWORD : 'apa saja', attacker);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('too_many_attempts');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
      lockedAnswers.push(strip(locked.json()));
    }
    // A known and an unknown username are locked alike: the lock reveals nothing.
    expect(lockedAnswers[0]).toEqual(lockedAnswers[1]);
    // The owner, from another address, is not locked out by someone else's failures.
    expect((await login('walidata', PASSWORD)).statusCode).toBe(200);
    // Another account is not affected either, even from the locked address.
    expect((await login('produsen', PASSWORD, attacker)).statusCode).toBe(200);
    // When the lock has run out, the right password works again from that address and clears its count.
    await t.platform.db.execute(sql`UPDATE login_attempts SET locked_until = now() - interval '1 second' WHERE username = 'walidata'`);
    expect((await login('walidata', PASSWORD, attacker)).statusCode).toBe(200);
    expect((await login('walidata', 'salah-lagi', attacker)).statusCode).toBe(401);
  });

  it('slows a username down, without locking it, once many addresses have failed: 2^(n−10) s after the last failure, at most 60 s', async () => {
    const answers: Record<string, unknown>[] = [];
    for (const username of ['bkpsdm', 'hantu.lain']) {
      for (let address = 0; address < 2; address++) {
        const ip = nextIp();
        for (let i = 0; i < 5; i++) expect((await login(username, `salah-${i}`, ip)).statusCode).toBe(401);
      }
      // Ten failures from two addresses: any address now waits 2^0 = 1 s after the last failure.
      const slowed = await login(username, username === 'bkpsdm' ? PASSWORD : 'apa saja', nextIp());
      expect(slowed.statusCode).toBe(429);
      expect(slowed.json().code).toBe('too_many_attempts');
      expect(slowed.headers['retry-after']).toBe('1');
      answers.push({ ...slowed.json(), requestId: undefined });
    }
    expect(answers[0]).toEqual(answers[1]);
    // After the wait the owner gets in, from an address that never failed.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await login('bkpsdm', PASSWORD)).statusCode).toBe(200);
    // The eleventh failure doubles the wait.
    expect((await login('bkpsdm', 'salah-lagi')).statusCode).toBe(401);
    const doubled = await login('bkpsdm', PASSWORD);
    expect(doubled.statusCode).toBe(429);
    expect(doubled.headers['retry-after']).toBe('2');
    // However many failures pile up, the wait never exceeds a minute.
    await t.platform.db.execute(sql`UPDATE login_attempts SET failures = 40 WHERE username = 'bkpsdm'`);
    const capped = await login('bkpsdm', PASSWORD);
    expect(capped.statusCode).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(55);
    expect(Number(capped.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('limits sign-in attempts per client address', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: {} })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = await login('bupati', PASSWORD);
    expect(other.statusCode).toBe(200);
  });

  it('rejects malformed sign-in bodies with 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextIp(), payload: { username: 'x'.repeat(101), password: '', admin: true } });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().details.fields)).toEqual(expect.arrayContaining(['body.username', 'body.password', 'body.admin']));
  });
});

describe('session', () => {
  it('tells who is signed in, and 401 when nobody is', async () => {
    const headers = await session('bupati');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'bupati', apps: ['eoffice', 'simpeg', 'sate', 'smartcity'] }, csrfToken: headers['x-csrf-token'] });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'tsc_session=forged' } });
    expect(forged.statusCode).toBe(401);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const headers = await session('pegawai');
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie: headers.cookie }, payload: { name: 'x', scopes: ['app:eoffice'] } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_invalid');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...headers, 'x-csrf-token': 'nope' } });
    expect(wrong.statusCode).toBe(403);
    const withToken = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload: { name: 'x', scopes: ['app:eoffice'] } });
    expect(withToken.statusCode).toBe(201);
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const headers = await session('warga');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'tsc_session');
    expect(cleared?.value).toBe('');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });
});

describe('registration', () => {
  const valid = { username: 'Ayu.Lestari', displayName: 'Ayu Lestari', email: 'Ayu@contoh.id', phone: '081234567890', password: 'kupat-glabed-pagi-17' };

  it('registers a citizen, signs them in, and records it in the audit log', async () => {
    const auditBefore = await count('audit_log');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', remoteAddress: nextIp(), payload: valid });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ username: 'ayu.lestari', kind: 'citizen', roles: ['citizen'], agency: null, apps: ['segalengko', 'dolan', 'satudata'] });
    const cookie = res.cookies.find((c) => c.name === 'tsc_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `tsc_session=${cookie.value}` } });
    expect(me.json().user.username).toBe('ayu.lestari');
    const [entry] = await queryRows<{ action: string; data: Record<string, unknown> }>(t.platform.db,
      sql`SELECT action, data FROM audit_log WHERE entity_id = ${res.json().user.id}`);
    expect(entry).toMatchObject({ action: 'user.created', data: { username: 'ayu.lestari', kind: 'citizen' } });
    expect(JSON.stringify(entry)).not.toContain(valid.password);
    expect(await count('audit_log')).toBe(auditBefore + 1);
  });

  it('refuses bad input with a 4xx and writes nothing', async () => {
    const users = await count('users');
    const audit = await count('audit_log');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ username: 'budi' }, 400, 'validation_failed'],
      [{ ...valid, username: 'baru', isAdmin: true }, 400, 'validation_failed'],
      [{ ...valid, username: 'baru', displayName: 'x'.repeat(101) }, 400, 'validation_failed'],
      [{ ...valid, username: 'ab' }, 400, 'validation_failed'],
      [{ ...valid, username: 'ada spasi' }, 400, 'validation_failed'],
      [{ ...valid, username: 'baru', email: 'bukan-email' }, 400, 'validation_failed'],
      [{ ...valid, username: 'baru', phone: '12345' }, 400, 'validation_failed'],
      [{ ...valid, username: 'baru', password: 'x'.repeat(201) }, 400, 'validation_failed'],
      [{ ...valid, username: 'baru', password: 'pendek' }, 400, 'weak_password'],
      [{ ...valid, username: 'baru', password: 'password123' }, 400, 'weak_password'],
      [{ ...valid, username: 'AYU.lestari', email: 'lain@contoh.id' }, 409, 'username_taken'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', remoteAddress: nextIp(), payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/register', remoteAddress: nextIp(), payload: { ...valid, username: 'baru', password: 'password123' } });
    expect(weak.json().details.fields['body.password']).toMatch(/kata sandi|Tambahkan/i);
    expect(await count('users')).toBe(users);
    expect(await count('audit_log')).toBe(audit);
  });
});

describe('e-mail addresses', () => {
  const citizen = { displayName: 'Warga Baru', password: 'kupat-glabed-pagi-17' };

  it('answers registration the same whether or not the address is in use, storing it unverified', async () => {
    const admin = await session('admin');
    const diskominfo = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!;
    const staff = await t.app.inject({
      method: 'POST', url: '/api/users', headers: admin,
      payload: { username: 'staf.surel', displayName: 'Staf Surel', email: 'Staf@Tegalkab.go.id', agencyId: diskominfo.id, roles: ['employee'], password: 'lontong-sayur-pagi-44' },
    });
    expect(staff.statusCode).toBe(201);
    expect(staff.json()).toMatchObject({ email: 'staf@tegalkab.go.id', emailVerified: true });

    const register = (username: string, email: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/register', remoteAddress: nextIp(), payload: { ...citizen, username, email } });
    const fresh = await register('warga.surel.a', 'baru.sekali@contoh.id');
    const again = await register('warga.surel.b', 'baru.sekali@contoh.id');
    const staffs = await register('warga.surel.c', 'STAF@tegalkab.go.id');
    for (const res of [fresh, again, staffs]) {
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().user).toMatchObject({ emailVerified: false });
    }
    const headers = { cookie: `tsc_session=${again.cookies.find((c) => c.name === 'tsc_session')!.value}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.json().user).toMatchObject({ email: 'baru.sekali@contoh.id', emailVerified: false });
    // The administrator's view says the citizen's address is unverified.
    const listed = await t.app.inject({ method: 'GET', url: '/api/users?q=warga.surel.c', headers: admin });
    expect(listed.json().items).toEqual([expect.objectContaining({ username: 'warga.surel.c', email: 'staf@tegalkab.go.id', emailVerified: false })]);
  });

  it('refuses a verified address twice for staff without repeating it', async () => {
    const admin = await session('admin');
    const diskominfo = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!;
    const create = (username: string) => t.app.inject({
      method: 'POST', url: '/api/users', headers: admin,
      payload: { username, displayName: 'Staf Kembar', email: 'kembar@tegalkab.go.id', agencyId: diskominfo.id, roles: ['employee'], password: 'lontong-sayur-pagi-44' },
    });
    expect((await create('staf.kembar.1')).statusCode).toBe(201);
    const taken = await create('staf.kembar.2');
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'email_taken', details: { fields: { 'body.email': expect.any(String) } } });
    expect(taken.body).not.toContain('kembar@');
  });
});

describe('password change', () => {
  it('checks the current password and the new one, then ends the other sessions only', async () => {
    const first = await session('umkm');
    const second = await session('umkm');
    const change = (headers: typeof first, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload });

    const wrong = await change(first, { currentPassword: 'salah-salah', newPassword: 'teh-poci-gula-batu-9' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('wrong_password');
    const weak = await change(first, { currentPassword: PASSWORD, newPassword: 'qwertyuiop' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'weak_password', details: { fields: { 'body.newPassword': expect.any(String) } } });

    expect((await change(first, { currentPassword: PASSWORD, newPassword: 'teh-poci-gula-batu-9' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: first })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: second })).statusCode).toBe(401);
    expect((await login('umkm', PASSWORD)).statusCode).toBe(401);
    expect((await login('umkm', 'teh-poci-gula-batu-9')).statusCode).toBe(200);
    const [entry] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.password_changed'`);
    expect(entry!.n).toBe(1);
  });
});

describe('housekeeping', () => {
  it('the hourly job deletes sessions idle past their limit and keeps live ones', async () => {
    const idle = await session('walidata');
    const live = await session('produsen');
    await t.platform.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '13 hours'
      WHERE user_id = (SELECT id FROM users WHERE username = 'walidata')`);
    const before = await count('sessions');

    await t.platform.events.enqueue(t.platform.db, 'identity.prune-sessions', {});
    await t.platform.events.drain();

    expect(await count('sessions')).toBeLessThan(before);
    const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: headers.cookie! } });
    expect((await me(idle)).statusCode).toBe(401);
    expect((await me(live)).statusCode).toBe(200);
  });
});
