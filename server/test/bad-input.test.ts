import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../seeds/index.js';
import { seedDemo } from '../seeds/demo.js';
import { NO_PROGRESS } from '../src/platform/progress.js';
import { queryRows } from '../src/platform/db/index.js';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from './app.js';

// Sends hostile input to every operation in the OpenAPI document and checks the one promise that
// holds for all of them: a 4xx (or a success) with the error body, never a 5xx.

interface Operation {
  method: string;
  url: string;
  hasBody: boolean;
}

let t: TestApp;
let operations: Operation[] = [];
let headers: Record<string, string> = {};

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

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  const accounts = await seedDemo(t.modules, NO_PROGRESS);
  const admin = accounts.find((a) => a.username === 'admin');
  if (admin) {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: admin.password } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    headers = { cookie, 'x-csrf-token': String(login.json<{ csrfToken?: string }>().csrfToken ?? '') };
  }
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

function expectClientError(res: { statusCode: number; json: () => unknown }, what: string): void {
  expect(res.statusCode, what).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.json(), what).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
  }
}

describe('hostile input on every endpoint', () => {
  it('finds the operations to attack', () => {
    expect(operations.length).toBeGreaterThan(3);
  });

  it('never answers 5xx to malformed ids, strings or query values', async () => {
    for (const op of operations) {
      for (const value of [NOT_A_UUID, HOSTILE_STRINGS[0]!, HOSTILE_STRINGS[1]!, HOSTILE_STRINGS[3]!]) {
        const res = await t.app.inject({
          method: op.method as 'GET', url: `${fillPath(op.url, value)}?q=${encodeURIComponent(value)}&page=-1&unknown=1`, headers,
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
        const res = await t.app.inject({ method: op.method as 'POST', url, payload: attempt.payload, headers: { ...headers, ...attempt.headers } });
        expectClientError(res, `${op.method} ${op.url} with ${attempt.payload.slice(0, 30)}`);
      }
    }
    expect(await auditCount()).toBe(auditBefore);
  });
});
