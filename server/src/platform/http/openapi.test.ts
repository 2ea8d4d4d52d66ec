import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The document is only observable on the whole app, so this kernel test builds it.
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { registeredRoutes } from './access.js';
import { errorStatusesFor, installOperationIds, operationIdFor, securityFor } from './openapi.js';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string }>;
}
interface Document {
  servers: { url: string }[];
  info: { license?: { name: string; identifier?: string; url?: string } };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> };
}

describe('operation ids, security and error statuses from the route table', () => {
  it('derives a camelCase id from method and URL', () => {
    expect(operationIdFor('GET', '/api/employees/:id')).toBe('getEmployeesById');
    expect(operationIdFor('POST', '/api/auth/logout-everywhere')).toBe('postAuthLogoutEverywhere');
    expect(operationIdFor('GET', '/api/regions/districts/{code}/villages')).toBe('getRegionsDistrictsByCodeVillages');
  });

  it('requires a session or token unless the route is public', () => {
    expect(securityFor('public')).toEqual([]);
    expect(securityFor('authenticated')).toEqual([{ session: [] }, { token: [] }]);
    expect(securityFor({ permission: 'jobs:manage' })).toEqual([{ session: [] }, { token: [] }]);
  });

  it('lists the errors the kernel can give', () => {
    expect(errorStatusesFor({ method: 'GET', url: '/api/health', config: { access: 'public' } })).toEqual([400]);
    expect(errorStatusesFor({ method: 'POST', url: '/api/auth/login', schema: { body: {} }, config: { access: 'public', rateLimit: {} } }).sort())
      .toEqual([400, 403, 409, 413, 415, 429]);
    expect(errorStatusesFor({ method: 'GET', url: '/api/users/:id', schema: { params: {} }, config: { access: 'authenticated' } }).sort())
      .toEqual([400, 401, 403, 404]);
  });

  it('refuses, at registration, two routes with the same operationId', async () => {
    const app = Fastify();
    installOperationIds(app);
    app.get('/api/a-b', { config: { access: 'public' } }, async () => 'x');
    expect(() => app.get('/api/a/b', { config: { access: 'public' } }, async () => 'y')).toThrow(/getAB .*already used by GET \/api\/a-b/);
    await app.close();
  });
});

describe('the served OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await buildTestApp({ PUBLIC_URL: 'https://smartcity.example.test' });
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Document>();
  });
  afterAll(() => t.close());

  const operations = () => Object.entries(doc.paths).flatMap(([url, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${url}`, op })));

  it('names the server and a licence', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://smartcity.example.test' })]);
    expect(doc.info.license).toMatchObject({ name: expect.any(String), url: expect.stringMatching(/^https:/) });
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ key, op }) => {
      expect(op.operationId, key).toMatch(/^[a-z][A-Za-z0-9]+$/);
      return op.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('states the security each route\'s config.access enforces', () => {
    const access = new Map(registeredRoutes(t.app).map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.access]));
    for (const { key, op } of operations()) {
      expect(access.has(key), key).toBe(true);
      // Sign-out is public but ends the session it is sent with: the session is optional there.
      const expected = key === 'POST /api/auth/logout' ? [{}, { session: [] }] : securityFor(access.get(key));
      expect(op.security, key).toEqual(expected);
    }
  });

  it('documents a 4xx on every operation, each in the one shared ErrorBody', () => {
    for (const { key, op } of operations()) {
      const errors = Object.keys(op.responses).filter((status) => status.startsWith('4'));
      expect(errors.length, key).toBeGreaterThan(0);
      const required = op.security?.length && !op.security.some((r) => Object.keys(r).length === 0);
      if (required) expect(errors, key).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(doc.components.schemas.ErrorBody).toMatchObject({ required: ['code', 'message', 'requestId'] });
    for (const response of Object.values(doc.components.responses)) {
      expect(response.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    }
    expect(doc.paths['/api/users/{id}']!.get!.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
  });

  it('leaves no ajv-only keyword or internal marker in the document', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"formatM(in|ax)imum"/);
    expect(text).not.toContain('x-error-statuses');
  });
});
