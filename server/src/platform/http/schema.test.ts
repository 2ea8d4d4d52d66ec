import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
// Text and RecordDate only matter where routes use them, so this kernel test builds the whole app.
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeNip, makeUser, signIn, type SessionHeaders } from '../../../test/factories.js';
import { EARLIEST_DATE, LATEST_DATE } from './schema.js';

let t: TestApp;
let admin: SessionHeaders;
let bkpsdm: SessionHeaders;
let agencyId: string;
let rootUnitId: string;
let headPositionId: string;

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  agencyId = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!.id;
  await makeUser(t, { username: 'admin', roles: ['system_admin'] });
  await makeUser(t, { username: 'bkpsdm', roles: ['personnel_admin'], agency: 'bkpsdm' });
  admin = await signIn(t, 'admin');
  bkpsdm = await signIn(t, 'bkpsdm');
  const tree = await t.app.inject({ method: 'GET', url: `/api/agencies/${agencyId}/units`, headers: bkpsdm });
  const root = tree.json<{ id: string; head: { id: string } }[]>()[0]!;
  rootUnitId = root.id;
  headPositionId = root.head.id;
});
afterAll(() => t.close());

const send = (method: 'POST' | 'PATCH', url: string, payload: object, headers = bkpsdm) => t.app.inject({ method, url, headers, payload });

/** Asserts a 400 that names exactly the given fields. */
function expectFields(res: LightMyRequestResponse, fields: string[]): Record<string, string> {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json<{ code: string; details: { fields: Record<string, string> } }>();
  expect(body.code).toBe('validation_failed');
  expect(Object.keys(body.details.fields).sort()).toEqual([...fields].sort());
  return body.details.fields;
}

let sequence = 0;
function employee(overrides: Record<string, unknown> = {}) {
  sequence++;
  const birthDate = `1984-05-1${sequence % 10}`;
  return {
    nip: makeNip(birthDate, '2010-03', 'female', sequence), kind: 'pns', name: 'Siti Aminah', gender: 'female', birthDate,
    rank: 'III/b', educationLevel: 'S1', agencyId, ...overrides,
  };
}

describe('required text is trimmed and must say something', () => {
  it('refuses names of only spaces, naming the field, and stores "  Budi  " as "Budi"', async () => {
    const blank = expectFields(await send('POST', '/api/employees', employee({ name: '   ' })), ['body.name']);
    expect(blank['body.name']).toBe('minimal 2 karakter');
    expectFields(await send('POST', '/api/employees', employee({ name: '\t \u00a0\n' })), ['body.name']);

    const created = await send('POST', '/api/employees', employee({ name: '  Budi  ', rank: ' III/b ' }));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect(created.json()).toMatchObject({ name: 'Budi', displayName: 'Budi', rank: 'III/b' });
    const read = await t.app.inject({ method: 'GET', url: `/api/employees/${id}`, headers: bkpsdm });
    expect(read.json()).toMatchObject({ name: 'Budi' });

    expectFields(await send('PATCH', `/api/employees/${id}`, { name: '  ' }), ['body.name']);
  });

  it('judges length after trimming: padding does not push a name over its limit', async () => {
    const padded = `   ${'a'.repeat(120)}   `;
    const res = await send('POST', '/api/employees', employee({ name: padded }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'a'.repeat(120) });
  });

  it('covers unit names, position titles, SK numbers and delegation reasons', async () => {
    expectFields(await send('POST', `/api/agencies/${agencyId}/units`, { parentId: rootUnitId, name: '    ', shortName: '  ', kind: 'bidang' }),
      ['body.name', 'body.shortName']);
    const unit = await send('POST', `/api/agencies/${agencyId}/units`, { parentId: rootUnitId, name: '  Bidang Persandian  ', shortName: ' Sandi ', kind: 'bidang' });
    expect(unit.statusCode, unit.body).toBe(201);
    expect(unit.json()).toMatchObject({ name: 'Bidang Persandian', shortName: 'Sandi' });
    const unitId = unit.json<{ id: string }>().id;
    expectFields(await send('PATCH', `/api/units/${unitId}`, { name: '     ' }), ['body.name']);
    expectFields(await send('POST', `/api/units/${unitId}/positions`, { title: '    ', kind: 'fungsional' }), ['body.title']);

    const delegate = (await send('POST', '/api/employees', employee({ name: 'Dewi Lestari' }))).json<{ id: string }>().id;
    expectFields(await send('POST', `/api/positions/${headPositionId}/delegations`, {
      employeeId: delegate, kind: 'plt', skNumber: '     ', startDate: '2026-01-05', reason: '      ',
    }), ['body.reason', 'body.skNumber']);
    const made = await send('POST', `/api/positions/${headPositionId}/delegations`, {
      employeeId: delegate, kind: 'plt', skNumber: ' 800.1.3/045/2026 ', startDate: '2026-01-05', reason: '  Kepala Dinas dimutasi ',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ skNumber: '800.1.3/045/2026', reason: 'Kepala Dinas dimutasi' });
  });

  it('covers display names of accounts and names of API tokens', async () => {
    const userId = await makeUser(t, { username: 'pegawai', roles: ['employee'], agency: 'diskominfo' });
    const blank = expectFields(await send('PATCH', `/api/users/${userId}`, { displayName: '   ' }, admin), ['body.displayName']);
    expect(blank['body.displayName']).toBe('tidak boleh kosong');
    const renamed = await send('PATCH', `/api/users/${userId}`, { displayName: '  Budi Santoso ' }, admin);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: 'Budi Santoso' });

    expectFields(await send('POST', '/api/auth/tokens', { name: '  ', scopes: ['personnel:read'] }, admin), ['body.name']);
  });

  it('keeps the OpenAPI document rendering, with the trim marked on the field', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } } }> }>();
    const body = doc.paths['/api/employees']!.post!.requestBody!.content['application/json']!.schema;
    expect(body.properties.name).toMatchObject({ type: 'string', minLength: 2, maxLength: 120, 'x-trim': true });
    // ajv-only keywords are published as extensions (openapi.ts), so OpenAPI validators accept them.
    expect(body.properties.birthDate).toMatchObject({ format: 'date', 'x-formatMinimum': EARLIEST_DATE, 'x-formatMaximum': LATEST_DATE });
  });
});

describe('dates of records must be plausible', () => {
  const tooLate = `${Number(LATEST_DATE.slice(0, 4)) + 1}-01-01`;

  it(`refuses dates before ${EARLIEST_DATE} or after ${LATEST_DATE}, naming the field`, async () => {
    const delegate = (await send('POST', '/api/employees', employee({ name: 'Eko Prasetyo' }))).json<{ id: string }>().id;
    const fields = expectFields(await send('POST', `/api/positions/${headPositionId}/delegations`, {
      employeeId: delegate, kind: 'plh', skNumber: '800.1.3/050/2026', skDate: '0001-01-01', startDate: '0001-01-01', endDate: tooLate, reason: 'Cuti tahunan',
    }), ['body.endDate', 'body.skDate', 'body.startDate']);
    expect(fields['body.startDate']).toBe(`tidak boleh sebelum ${EARLIEST_DATE}`);
    expect(fields['body.endDate']).toBe(`tidak boleh setelah ${LATEST_DATE}`);

    expectFields(await send('POST', '/api/employees', employee({ birthDate: '1899-12-31', tmtCpns: '0001-01-01' })), ['body.birthDate', 'body.tmtCpns']);
    expectFields(await send('POST', `/api/employees/${delegate}/assignments`, { positionId: headPositionId, startDate: tooLate }), ['body.startDate']);
    expectFields(await send('POST', `/api/employees/${delegate}/ranks`, { rank: 'III/c', tmt: '0001-01-01' }), ['body.tmt']);
    expect((await t.app.inject({ method: 'GET', url: `/api/positions/${headPositionId}/holder?at=0001-01-01`, headers: bkpsdm })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies?at=0001-01-01' })).statusCode).toBe(400);
  });

  it('still refuses days that do not exist and accepts the edges of the range', async () => {
    expectFields(await send('POST', '/api/employees', employee({ birthDate: '1985-02-30' })), ['body.birthDate']);
    const edge = await send('POST', '/api/employees', employee({ birthDate: EARLIEST_DATE }));
    expect(edge.statusCode, edge.body).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: `/api/agencies?at=${LATEST_DATE}` })).statusCode).toBe(200);
  });
});
