import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The bus is observed as the app wires it (t.platform.events), so these kernel tests build the app.
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { auditLog } from '../audit/index.js';
import { installAccessControl } from '../http/access.js';
import type { Actor } from '../http/actor.js';
import { installErrorHandler } from '../http/error-handler.js';
import type { App } from '../http/types.js';
import { createJobAdmin, eventRoutes, type JobPage, type JobView } from './index.js';

let t: TestApp;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await t.close();
});

/**
 * The job routes behind a caller holding `permissions`: sign-in is the identity module's concern,
 * so this mounts the routes with the platform's own access control and error handler only.
 */
async function asOperator(permissions: string[]): Promise<FastifyInstance> {
  const actor: Actor = {
    kind: 'token', userId: '00000000-0000-4000-8000-000000000001', username: 'operator', displayName: 'Operator',
    userKind: 'staff', agencyId: null, roles: ['admin'], permissions: new Set(permissions),
  };
  const app = Fastify({
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandler(app);
  installAccessControl(app, async () => ({ actor, via: 'token' }));
  eventRoutes(app as unknown as App, createJobAdmin(t.platform.db));
  await app.ready();
  apps.push(app);
  return app;
}

let sendOk = false;

describe('job admin routes', () => {
  it('asks anonymous callers to sign in and refuses callers without jobs:manage', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/jobs?status=dead' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/jobs/1/retry' })).statusCode).toBe(401);
    const clerk = await asOperator(['letters:read']);
    const res = await clerk.inject({ method: 'GET', url: '/api/admin/jobs?status=dead' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('lists dead jobs with their last error, and a retried job runs again', async () => {
    const operator = await asOperator(['jobs:manage']);
    t.platform.events.handle('test.send-sms', async () => {
      if (!sendOk) throw new Error('gateway SMS menolak koneksi');
    });
    await t.platform.events.enqueue(t.platform.db, 'test.send-sms', { to: '081234567890' }, { maxAttempts: 1 });
    await t.platform.events.enqueue(t.platform.db, 'test.send-sms', { to: '081298765432' }, { maxAttempts: 1 });
    await t.platform.events.drain();

    const list = await operator.inject({ method: 'GET', url: '/api/admin/jobs?status=dead&pageSize=1' });
    expect(list.statusCode).toBe(200);
    const page = list.json<JobPage>();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    const [dead] = page.items;
    expect(dead).toMatchObject({ name: 'test.send-sms', status: 'dead', attempts: 1, payload: { to: '081298765432' } });
    expect(dead!.lastError).toContain('gateway SMS menolak koneksi');

    sendOk = true;
    const retried = await operator.inject({ method: 'POST', url: `/api/admin/jobs/${dead!.id}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(retried.json<JobView>()).toMatchObject({ id: dead!.id, status: 'pending', attempts: 0 });
    await t.platform.events.drain();

    const done = await operator.inject({ method: 'GET', url: '/api/admin/jobs?status=done' });
    expect(done.json<JobPage>().items.map((j) => j.id)).toEqual([dead!.id]);
    expect((await operator.inject({ method: 'GET', url: '/api/admin/jobs?status=dead' })).json<JobPage>().total).toBe(1);
    const audit = await t.platform.db.select().from(auditLog).where(eq(auditLog.action, 'job.retried'));
    expect(audit.map((a) => a.entityId)).toEqual([String(dead!.id)]);
  });

  it('retries only dead jobs and answers 404 for an unknown job', async () => {
    const operator = await asOperator(['jobs:manage']);
    const done = (await operator.inject({ method: 'GET', url: '/api/admin/jobs?status=done' })).json<JobPage>().items[0]!;
    const again = await operator.inject({ method: 'POST', url: `/api/admin/jobs/${done.id}/retry` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'job_not_dead' });
    const unknown = await operator.inject({ method: 'POST', url: '/api/admin/jobs/987654321/retry' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
  });

  it('rejects an unknown status, an oversized page and a malformed id', async () => {
    const operator = await asOperator(['jobs:manage']);
    for (const url of ['/api/admin/jobs?status=lost', '/api/admin/jobs?pageSize=1000', '/api/admin/jobs?extra=1']) {
      const res = await operator.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await operator.inject({ method: 'POST', url: '/api/admin/jobs/abc/retry' })).statusCode).toBe(400);
  });
});
