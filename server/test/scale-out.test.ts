import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp, type Built } from '../src/app.js';
import { appendAudit, verifyAuditChain } from '../src/platform/audit/index.js';
import { inTransaction, openPostgres, queryRows, type Database } from '../src/platform/db/index.js';
import { NO_PROGRESS } from '../src/platform/progress.js';
import { seedReference } from '../seeds/index.js';
import { seedDemo } from '../seeds/demo.js';
import { buildTestApp, type TestApp } from './app.js';

// Scaling out is running more identical instances on one PostgreSQL database. Two app instances,
// each with its own pool, must behave as one: a session made on one is valid on the other, and
// audit entries written by both form one unforked chain. (PGlite is one process by design.)

const onPostgres = process.env.TEST_DB === 'postgres';
let a!: TestApp;
let b!: Built & { database: Database };

beforeAll(async () => {
  if (!onPostgres) return;
  a = await buildTestApp();
  if (!a.databaseUrl) throw new Error('test:pg should give the test app a PostgreSQL database');
  await seedReference(a.modules, '33.28');
  await seedDemo(a.modules, NO_PROGRESS);
  const database = await openPostgres(a.databaseUrl, 5);
  b = { ...(await buildApp(a.platform.config, database)), database };
  await b.app.ready();
});
afterAll(async () => {
  if (!onPostgres) return;
  await b.app.close();
  await b.database.close();
  await a.close();
});

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database', () => {
  it('shares sessions: sign in on one, use and end the session on the other', async () => {
    const login = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'pegawai', password: 'Slawi#2026' } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = login.json<{ csrfToken: string }>().csrfToken;

    const meOnB = await b.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(meOnB.statusCode).toBe(200);
    expect(meOnB.json().user.username).toBe('pegawai');

    const logoutOnB = await b.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(logoutOnB.statusCode).toBe(204);
    const meOnA = await a.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(meOnA.statusCode).toBe(401);
  });

  it('ends a session on every instance within about a second, even where it was just used', async () => {
    const login = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'walidata', password: 'Slawi#2026' } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    expect((await a.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200); // A now reuses it
    const logout = await b.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(logout.statusCode).toBe(204);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 3000) {
      status = (await a.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('keeps one audit chain when both instances append at once', async () => {
    const append = (built: Built, i: number) =>
      inTransaction(built.platform.db, (tx) =>
        appendAudit(tx, { actor: { label: `instance-${i % 2}` }, action: 'test.appended', entityType: 'test', entityId: String(i) }));
    await Promise.all(Array.from({ length: 40 }, (_, i) => append(i % 2 === 0 ? a : b, i)));
    const result = await verifyAuditChain(a.platform.db);
    expect(result.firstBroken).toBeNull();
    const [row] = await queryRows<{ n: number }>(a.platform.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.appended'`);
    expect(row!.n).toBe(40);
  });

  it('runs each background job once across both instances', async () => {
    const ranBy: string[] = [];
    a.platform.events.handle('test.scale-out', async (payload) => { ranBy.push(`a:${String(payload.n)}`); });
    b.platform.events.handle('test.scale-out', async (payload) => { ranBy.push(`b:${String(payload.n)}`); });
    await inTransaction(a.platform.db, async (tx) => {
      for (let n = 0; n < 30; n++) await a.platform.events.enqueue(tx, 'test.scale-out', { n });
    });
    await Promise.all([a.platform.events.drain(), b.platform.events.drain()]);
    expect(ranBy).toHaveLength(30);
    expect(new Set(ranBy.map((r) => r.split(':')[1])).size).toBe(30);
    const rows = await queryRows<{ status: string }>(a.platform.db, sql`SELECT status FROM jobs WHERE name = 'test.scale-out'`);
    expect(rows.every((r) => r.status === 'done')).toBe(true);
  });

  it('shows a delegation made on one instance to the other within about a second', async () => {
    const login = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bkpsdm', password: 'Slawi#2026' } });
    const headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    const kominfo = (await a.modules.personnel.api.findAgencyByCode('diskominfo'))!;
    const [top] = (await a.app.inject({ method: 'GET', url: `/api/agencies/${kominfo.id}/units` })).json<{ children: { head: { id: string } }[] }[]>();
    const post = top!.children[1]!.head.id;
    const created = await a.app.inject({ method: 'POST', url: '/api/employees', headers, payload: {
      nip: '197502142000031001', kind: 'pns', name: 'Gunawan Saputra', gender: 'male', birthDate: '1975-02-14', rank: 'IV/a',
      educationLevel: 'S2', agencyId: kominfo.id,
    } });
    expect(created.statusCode, created.body).toBe(201);
    const at = '2026-05-04';
    const onB = () => b.modules.personnel.api.currentHolder(post, at);
    const before = await onB(); // B now holds a snapshot without the delegation
    expect(before?.acting?.employee.id).not.toBe(created.json<{ id: string }>().id);

    const delegated = await a.app.inject({ method: 'POST', url: `/api/positions/${post}/delegations`, headers, payload: {
      employeeId: created.json<{ id: string }>().id, kind: 'plt', skNumber: '800.1.3/070/2026', startDate: '2026-05-01', reason: 'Kepala Bidang pensiun',
    } });
    expect(delegated.statusCode, delegated.body).toBe(201);
    const started = Date.now();
    let seen = await onB();
    while (seen?.acting?.as !== 'plt' && Date.now() - started < 3000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await onB();
    }
    expect(seen?.acting).toMatchObject({ as: 'plt', employee: { displayName: 'Gunawan Saputra' } });
    expect(Date.now() - started).toBeLessThan(2500);
  });
});
