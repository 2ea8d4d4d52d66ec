import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../seeds/index.js';
import { seedDemo, type DemoAccount } from '../seeds/demo.js';
import { NO_PROGRESS } from '../src/platform/progress.js';
import { queryRows } from '../src/platform/db/index.js';
import { sql } from 'drizzle-orm';
import { registeredRoutes } from '../src/platform/http/access.js';
import { buildTestApp, type TestApp } from './app.js';

// Sends hostile input to every operation in the OpenAPI document and checks the one promise that
// holds for all of them: a 4xx (or a success) with the error body, never a 5xx.

interface Operation {
  method: string;
  url: string;
  hasBody: boolean;
}

// Every operation of the API, in the document's spelling. A new route must be added here on purpose,
// so it is known to be probed; a route that disappears fails here too.
const EXPECTED_OPERATIONS = [
  'GET /api/health',
  'GET /api/admin/jobs', 'POST /api/admin/jobs/{id}/retry',
  'GET /api/calendar/holidays', 'POST /api/calendar/holidays', 'DELETE /api/calendar/holidays/{date}',
  'GET /api/regions', 'GET /api/regions/districts', 'GET /api/regions/districts/{code}/villages',
  'GET /api/regions/locate', 'GET /api/regions/boundaries/{level}', 'PUT /api/regions/boundaries/{level}', 'GET /api/regions/grid', 'PUT /api/regions/grid',
  'GET /api/agencies', 'GET /api/agencies/{id}', 'GET /api/agencies/{id}/units', 'POST /api/agencies/{id}/units',
  'PATCH /api/units/{id}', 'GET /api/units/{id}/positions', 'POST /api/units/{id}/positions',
  'GET /api/positions/{id}', 'PATCH /api/positions/{id}', 'GET /api/positions/{id}/holder', 'POST /api/positions/{id}/delegations',
  'POST /api/delegations/{id}/end',
  'GET /api/employees', 'POST /api/employees', 'GET /api/employees/me', 'GET /api/employees/{id}', 'PATCH /api/employees/{id}',
  'POST /api/employees/{id}/assignments', 'POST /api/employees/{id}/ranks', 'POST /api/employees/{id}/education',
  'POST /api/employees/{id}/training', 'POST /api/employees/{id}/leave', 'POST /api/assignments/{id}/end',
  'GET /api/personnel/statistics', 'GET /api/personnel/access', 'POST /api/personnel/imports', 'GET /api/personnel/imports/templates/{kind}',
  'POST /api/auth/login', 'GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/logout-everywhere', 'POST /api/auth/register',
  'POST /api/auth/password', 'POST /api/auth/password-reset', 'POST /api/auth/password-reset/confirm', 'GET /api/auth/tokens', 'POST /api/auth/tokens', 'DELETE /api/auth/tokens/{id}',
  'POST /api/auth/totp/setup', 'POST /api/auth/totp/enable', 'POST /api/auth/totp/disable',
  'GET /api/roles', 'GET /api/users', 'POST /api/users', 'GET /api/users/{id}', 'PATCH /api/users/{id}', 'POST /api/users/{id}/password-reset', 'PUT /api/users/{id}/employee', 'DELETE /api/users/{id}/employee',
  'GET /api/notifications', 'GET /api/notifications/unread-count', 'POST /api/notifications/{id}/read', 'POST /api/notifications/read-all',
  'GET /api/notifications/preferences', 'PUT /api/notifications/preferences',
];
// These end the caller's session (or all of the user's sessions), so each probe of them signs another
// demo account in afresh: with the admin's session they would sign the prober out and turn every later
// probe into an anonymous 401.
const ENDS_SESSION = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-everywhere']);

let t: TestApp;
let operations: Operation[] = [];
let adminSession: Record<string, string> = {};

const HOSTILE_STRINGS = [
  "' OR 1=1; DROP TABLE users; --",
  '<script>alert(1)</script>',
  'x'.repeat(100_000),
  '\u0000\uffff',
];
const NOT_A_UUID = 'not-a-uuid';

function fillPath(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
}

const key = (op: { method: string; url: string }) => `${op.method} ${op.url}`;

/** Signs a demo account in and proves the session works; throws (failing the file) if it cannot. */
async function signInAs(account: DemoAccount): Promise<Record<string, string>> {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: account.username, password: account.password } });
  expect(login.statusCode, `demo sign-in of ${account.username}: ${login.body}`).toBe(200);
  const session = login.cookies.find((c) => c.name === 'tsc_session');
  const csrfToken = login.json<{ csrfToken?: string }>().csrfToken;
  if (!session || !csrfToken) throw new Error(`sign-in of ${account.username} gave no session cookie or CSRF token: ${login.body}`);
  const headers = { cookie: `tsc_session=${session.value}`, 'x-csrf-token': csrfToken };
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  expect(me.statusCode, 'the admin session is accepted').toBe(200);
  return headers;
}

let bystander: DemoAccount;
/** The headers to probe an operation with: the admin's session, or a fresh bystander's for a sign-out. */
async function headersFor(op: Operation): Promise<Record<string, string>> {
  return ENDS_SESSION.has(key(op)) ? signInAs(bystander) : adminSession;
}

/** The demo account of that name; throws if the demo seed no longer makes it. */
function demoAccount(accounts: DemoAccount[], username: string): DemoAccount {
  const account = accounts.find((a) => a.username === username);
  if (!account) throw new Error(`seedDemo no longer makes the "${username}" account (it made: ${accounts.map((a) => a.username).join(', ')})`);
  return account;
}

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  const accounts = await seedDemo(t.modules, NO_PROGRESS);
  // Without a signed-in admin every probe would be an anonymous 401, and the test would prove nothing.
  adminSession = await signInAs(demoAccount(accounts, 'admin'));
  bystander = demoAccount(accounts, 'bkpsdm');
  const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  }>();
  operations = Object.entries(spec.paths).flatMap(([url, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), url, hasBody: op.requestBody !== undefined })),
  );
});
afterAll(() => t.close());

async function auditCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM audit_log`);
  return row!.n;
}

function expectClientError(res: { statusCode: number; body: string; json: () => unknown }, what: string): void {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  // The prober is signed in: a 401 would mean the probe never got past authentication.
  expect(res.statusCode, `${what} answered 401 to the signed-in admin`).not.toBe(401);
  if (res.statusCode >= 400) {
    expect(res.json(), what).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
  }
}

describe('hostile input on every endpoint', () => {
  it('probes exactly the operations the server registers, and the list this test expects', () => {
    const documented = operations.map(key).sort();
    const registered = registeredRoutes(t.app)
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json' && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(documented).toEqual(registered);
    expect(documented).toEqual([...EXPECTED_OPERATIONS].sort());
  });

  it('never answers 5xx to malformed ids, strings or query values', async () => {
    for (const op of operations) {
      for (const value of [NOT_A_UUID, HOSTILE_STRINGS[0]!, HOSTILE_STRINGS[1]!, HOSTILE_STRINGS[3]!]) {
        const res = await t.app.inject({
          method: op.method as 'GET', url: `${fillPath(op.url, value)}?q=${encodeURIComponent(value)}&page=-1&unknown=1`, headers: await headersFor(op),
          ...(op.hasBody ? { payload: {} } : {}),
        });
        expectClientError(res, `${op.method} ${op.url} with ${value.slice(0, 20)}`);
      }
    }
  });

  it('never answers 5xx to broken or hostile bodies, and writes nothing', async () => {
    const auditBefore = await auditCount();
    for (const op of operations.filter((o) => o.hasBody)) {
      const url = fillPath(op.url, '00000000-0000-4000-8000-000000000000');
      const attempts = [
        { payload: '{"broken": ', headers: { 'content-type': 'application/json' } },
        { payload: 'plain text', headers: { 'content-type': 'text/plain' } },
        { payload: JSON.stringify([1, 2, 3]), headers: { 'content-type': 'application/json' } },
        { payload: JSON.stringify({ unknownField: 1 }), headers: { 'content-type': 'application/json' } },
        { payload: JSON.stringify(Object.fromEntries(['username', 'password', 'name', 'displayName', 'code', 'email'].map((k, i) => [k, HOSTILE_STRINGS[i % 4]]))), headers: { 'content-type': 'application/json' } },
        { payload: JSON.stringify({ username: 12, password: { $gt: '' }, name: null, scopes: 'all' }), headers: { 'content-type': 'application/json' } },
        { payload: 'x'.repeat(2_000_000), headers: { 'content-type': 'application/json' } },
      ];
      for (const attempt of attempts) {
        const res = await t.app.inject({ method: op.method as 'POST', url, payload: attempt.payload, headers: { ...(await headersFor(op)), ...attempt.headers } });
        expectClientError(res, `${op.method} ${op.url} with ${attempt.payload.slice(0, 30)}`);
      }
    }
    expect(await auditCount()).toBe(auditBefore);
  });
});
