import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, signIn, signInAdministrators, type Administrators } from '../../../test/factories.js';
import { ROLE_DECLARATIONS } from '../../modules.js';
import { queryRows } from '../../platform/db/index.js';
import type { Ctx } from '../../platform/index.js';
import { assembleRoles, defineRoles } from '../../platform/roles.js';
import { createRevision } from '../../platform/snapshot.js';
import { createCredentialService } from './identity.credentials.js';
import { createGrantService } from './identity.grants.js';

// A module of the test's own, as an app module would declare it: a citizen role gained through the
// module's own flow (self-service) and a staff role only administrators grant.
const BAZAAR = defineRoles({
  module: 'bazaar',
  permissions: ['bazaar:manage-own', 'bazaar:curate'],
  roles: [
    {
      name: 'stall_owner', kind: 'citizen', permissions: ['bazaar:manage-own'], grantedBy: 'self-service',
      label: { id: 'Pemilik lapak', en: 'Stall owner' }, description: { id: 'Mengelola lapaknya sendiri.', en: 'Manages their own stall.' },
    },
    {
      name: 'bazaar_curator', kind: 'staff', includes: ['employee'], permissions: ['bazaar:curate'], grantedBy: 'administrators',
      label: { id: 'Kurator bazar', en: 'Bazaar curator' }, description: { id: 'Memeriksa lapak.', en: 'Reviews stalls.' },
    },
  ],
});

let t: TestApp;
let as: Administrators;
/** Identity's credential and grant areas over the same database, with the bazaar's declaration in their catalogue. */
let identity: { credentials: ReturnType<typeof createCredentialService>; grants: ReturnType<typeof createGrantService> };

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  ({ as } = await signInAdministrators(t));
  await makeUser(t, { username: 'warga.sari', roles: ['citizen'], kind: 'citizen' });
  await makeUser(t, { username: 'pegawai.budi', roles: ['employee'], agency: 'diskominfo' });
  const roles = assembleRoles([...ROLE_DECLARATIONS, BAZAAR]);
  const revision = createRevision(t.platform.db, 'identity');
  identity = { credentials: createCredentialService(t.platform, { revision, roles }), grants: createGrantService(t.platform, { revision, roles }) };
});
afterAll(() => t.close());

/** The request context of a signed-in browser session, resolved by the bazaar-aware identity. */
async function contextOf(headers: { cookie: string }): Promise<Ctx> {
  const auth = await identity.credentials.authenticate({ sessionToken: headers.cookie.replace('tsc_session=', ''), authorization: undefined });
  return { actor: auth.actor, auth, requestId: 'uji', address: '127.0.0.1', userAgent: null, today: t.platform.today() };
}

describe('GET /api/roles', () => {
  it('lists every role with its labels, and which ones the caller may grant', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/roles', headers: as['opd.admin'] });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { name: string; grantable: boolean }[] }>().items;
    expect(items.find((r) => r.name === 'personnel_admin')).toEqual({
      name: 'personnel_admin', kind: 'staff', module: 'personnel', grantable: false, selfService: false,
      label: { id: 'Admin kepegawaian', en: 'Personnel administrator' },
      description: expect.objectContaining({ id: expect.stringContaining('BKPSDM') }),
    });
    expect(items.filter((r) => r.grantable).map((r) => r.name)).toEqual(['agency_admin', 'employee']);
    const all = (await t.app.inject({ method: 'GET', url: '/api/roles', headers: as.admin })).json<{ items: { grantable: boolean }[] }>().items;
    expect(all.every((r) => r.grantable)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/roles', headers: as.bkpsdm })).statusCode).toBe(403);
  });

  it('refuses an unknown role when creating or changing an account, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/users', headers: as.admin,
      payload: { username: 'staf.baru', displayName: 'Staf Baru', agencyId: (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!.id, roles: ['stall_owner'], password: 'bakwan-jagung-sore-31' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', details: { fields: { 'body.roles': 'peran tidak dikenal' } } });
  });
});

describe('the self-service grant', () => {
  it('makes the calling citizen hold the role at once, audited, and only once', async () => {
    const headers = await signIn(t, 'warga.sari');
    const before = await contextOf(headers);
    expect(before.actor.permissions.has('bazaar:manage-own')).toBe(false);
    expect(await identity.grants.grantSelfService(before, 'stall_owner')).toBe(true);
    const after = await contextOf(headers);
    expect(after.actor.roles).toEqual(['citizen', 'stall_owner']);
    expect(after.actor.permissions.has('bazaar:manage-own')).toBe(true);
    expect(await identity.grants.grantSelfService(after, 'stall_owner')).toBe(false);
    const audit = await queryRows<{ action: string; data: { role: string; module: string } }>(t.platform.db, sql`
      SELECT action, data FROM audit_log WHERE entity_id = ${after.actor.userId} AND action = 'user.role_self_granted'`);
    expect(audit).toEqual([{ action: 'user.role_self_granted', data: { role: 'stall_owner', module: 'bazaar' } }]);
  });

  it('grants nothing that is not declared self-service, nothing to staff, nothing by token or to nobody', async () => {
    const citizen = await contextOf(await signIn(t, 'warga.sari'));
    for (const role of ['bazaar_curator', 'system_admin', 'no_such_role']) {
      await expect(identity.grants.grantSelfService(citizen, role)).rejects.toMatchObject({ status: 403, code: 'role_not_self_service' });
    }
    const staff = await contextOf(await signIn(t, 'pegawai.budi'));
    await expect(identity.grants.grantSelfService(staff, 'stall_owner')).rejects.toMatchObject({ status: 403 });
    expect(staff.actor.roles).toEqual(['employee']);
    const viaToken = { ...citizen, actor: { ...citizen.actor, kind: 'token' as const } };
    await expect(identity.grants.grantSelfService(viaToken, 'stall_owner')).rejects.toMatchObject({ status: 403 });
    const anonymous = { ...citizen, actor: { ...citizen.actor, kind: 'anonymous' as const, userId: null } };
    await expect(identity.grants.grantSelfService(anonymous, 'stall_owner')).rejects.toMatchObject({ status: 401 });
    const roles = await queryRows<{ roles: string[] }>(t.platform.db, sql`SELECT roles FROM users WHERE username = 'pegawai.budi'`);
    expect(roles[0]!.roles).toEqual(['employee']);
  });

  it('is offered to other modules on the identity API, for the platform\'s own self-service role', async () => {
    await makeUser(t, { username: 'warga.umkm', roles: ['citizen'], kind: 'citizen' });
    const ctx = await contextOf(await signIn(t, 'warga.umkm'));
    expect(await t.modules.identity.api.grantSelfService(ctx, 'business_owner')).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: await signIn(t, 'warga.umkm') });
    expect(me.json().user).toMatchObject({ roles: ['citizen', 'business_owner'], permissions: expect.arrayContaining(['marketplace:manage-own']) });
    await expect(t.modules.identity.api.grantSelfService(ctx, 'bazaar_curator')).rejects.toMatchObject({ code: 'role_not_self_service' });
  });
});
