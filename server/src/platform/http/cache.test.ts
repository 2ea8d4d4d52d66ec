import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
// Which answers may be cached is only observable on the whole app, so this kernel test builds it.
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeNip, makeUser, signIn, type SessionHeaders } from '../../../test/factories.js';

let t: TestApp;
let admin: SessionHeaders;
let employeeId: string;

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await makeUser(t, { username: 'admin', roles: ['system_admin'] });
  admin = await signIn(t, 'admin');
  const agencyId = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!.id;
  const created = await t.app.inject({
    method: 'POST', url: '/api/employees', headers: admin, payload: {
      nip: makeNip('1986-09-26', '2015-05', 'male'), kind: 'pns', name: 'Budi Santoso', gender: 'male', birthDate: '1986-09-26',
      nik: '3328102609860001', rank: 'III/c', educationLevel: 'S1', agencyId,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  employeeId = created.json<{ id: string }>().id;
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = admin) => t.app.inject({ method: 'GET', url, headers });

describe('Cache-Control on API answers', () => {
  it('personal data is no-store: a profile, my own record, the user list, the directory', async () => {
    const profile = await get(`/api/employees/${employeeId}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ personal: { nik: '3328102609860001' } });
    for (const url of [`/api/employees/${employeeId}`, '/api/employees/me', '/api/users', '/api/employees?q=budi', '/api/auth/tokens']) {
      const res = await get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('errors are no-store too, whoever raises them', async () => {
    const answers = [
      await get('/api/users', {}), // 401
      await get(`/api/employees/${crypto.randomUUID()}`), // 404 from the service
      await get('/api/employees/not-a-uuid'), // 400 from validation
      await get('/api/tidak-ada'), // 404 route_not_found
      await get('/api/agencies/%E0%A4%A'), // 400 from the router
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([401, 404, 400, 404, 400]);
    for (const res of answers) expect(res.headers['cache-control'], res.body).toBe('no-store');
  });

  it('a route that does not declare itself public is no-store even when nobody is signed in', async () => {
    expect((await get('/api/health', {})).headers['cache-control']).toBe('no-store');
    expect((await get('/api/agencies', {})).headers['cache-control']).toBe('no-store');
  });

  it('a route declared public and cacheable says so, on success only', async () => {
    expect((await get('/api/openapi.json', {})).headers['cache-control']).toBe('public, max-age=300');
  });
});
