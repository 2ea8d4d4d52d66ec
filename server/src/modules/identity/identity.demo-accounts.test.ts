import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, KNOWN_DEMO_ACCOUNTS, seedDemo } from '../../../seeds/demo.js';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { queryRows } from '../../platform/db/index.js';
import { NO_PROGRESS } from '../../platform/progress.js';

// Production refuses to start while the published demo password opens an active account; the
// check and `demo-accounts disable` are these two identity functions (main.ts prints their answer).

let t: TestApp;
const DEMO_NAMES = ['admin', 'bkpsdm', 'bupati', 'opd.admin', 'pegawai', 'produsen', 'umkm', 'walidata', 'warga'];

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await seedDemo(t.modules, NO_PROGRESS);
  const hash = await t.modules.identity.api.hashPassword(DEMO_PASSWORD);
  // Bulk accounts of the full profile (COPY, one shared hash), and a citizen who picked a look-alike name.
  await t.modules.identity.api.importDemoUsers(['warga.00001', 'warga.00002', 'warga.00003'].map((username) => ({
    username, displayName: username, kind: 'citizen', agencyId: null, roles: ['citizen'], passwordHash: hash, phone: null,
  })));
  const own = await t.app.inject({
    method: 'POST', url: '/api/auth/register',
    payload: { username: 'warga.12345', displayName: 'Warga Asli', password: 'kupat-glabed-pagi-17' },
  });
  expect(own.statusCode).toBe(201);
});
afterAll(() => t.close());

const login = (username: string, password = DEMO_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('demo accounts in a production data directory', () => {
  it('flags what the demo seed makes, and finds it: ten names and the count', async () => {
    const flagged = await queryRows<{ username: string }>(t.platform.db, sql`SELECT username FROM users WHERE demo ORDER BY username`);
    expect(flagged.map((r) => r.username)).toEqual([...DEMO_NAMES, 'warga.00001', 'warga.00002', 'warga.00003'].sort());
    const found = await t.modules.identity.api.findActiveDemoAccounts(KNOWN_DEMO_ACCOUNTS);
    expect(found.total).toBe(12);
    expect(found.usernames).toHaveLength(10);
    expect(found.usernames).toContain('admin');
    expect(found.usernames).not.toContain('warga.12345');
  });

  it('finds demo accounts seeded before the flag existed by their published password', async () => {
    await t.platform.db.execute(sql`UPDATE users SET demo = false`);
    // One account's password was changed since: it is no longer open to everyone.
    const changed = await t.modules.identity.api.hashPassword('teh-poci-gula-batu-9');
    await t.platform.db.execute(sql`UPDATE users SET password_hash = ${changed} WHERE username = 'bupati'`);
    const found = await t.modules.identity.api.findActiveDemoAccounts(KNOWN_DEMO_ACCOUNTS);
    expect(found.total).toBe(11);
    expect(found.usernames).toEqual(['admin', 'bkpsdm', 'opd.admin', 'pegawai', 'produsen', 'umkm', 'walidata', 'warga', 'warga.00001', 'warga.00002']);
  });

  it('`demo-accounts disable` disables them, ends their sessions and tokens, audited; then none is found', async () => {
    const signedIn = await login('admin');
    expect(signedIn.statusCode).toBe(200);
    const headers = { cookie: `tsc_session=${signedIn.cookies.find((c) => c.name === 'tsc_session')!.value}`, 'x-csrf-token': signedIn.json().csrfToken };
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload: { name: 'x', scopes: ['users:manage'] } })).json();

    const gone = await t.modules.identity.api.disableDemoAccounts(KNOWN_DEMO_ACCOUNTS);
    expect(gone.total).toBe(11);
    expect(await t.modules.identity.api.findActiveDemoAccounts(KNOWN_DEMO_ACCOUNTS)).toEqual({ usernames: [], total: 0 });

    expect((await login('admin')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    const [revoked] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM api_tokens WHERE revoked_at IS NULL`);
    expect(revoked!.n).toBe(0);
    const [entry] = await queryRows<{ data: { count: number; usernames: string[] } }>(t.platform.db,
      sql`SELECT data FROM audit_log WHERE action = 'user.demo_disabled'`);
    expect(entry!.data).toMatchObject({ count: 11, usernames: expect.arrayContaining(['admin', 'warga.00003']) });
    // Accounts that are not open to everyone stay as they are.
    expect((await login('bupati', 'teh-poci-gula-batu-9')).statusCode).toBe(200);
    expect((await login('warga.12345', 'kupat-glabed-pagi-17')).statusCode).toBe(200);
    // Running it again changes nothing.
    expect(await t.modules.identity.api.disableDemoAccounts(KNOWN_DEMO_ACCOUNTS)).toEqual({ usernames: [], total: 0 });
  });
});
