import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/index.js';
import { appsFrom, canGrantRole, canSeeUser, PERMISSIONS, permissionsFor } from './identity.policy.js';

function actor(roles: string[], agencyId: string | null): Actor {
  return { kind: 'user', userId: 'u', username: 'u', displayName: 'U', userKind: 'staff', agencyId, roles, permissions: new Set(permissionsFor(roles)) };
}

describe('roles and permissions', () => {
  it('gives the system admin every permission and every app', () => {
    expect(permissionsFor(['system_admin'])).toEqual([...PERMISSIONS]);
    expect(appsFrom(permissionsFor(['system_admin']))).toEqual(['segalengko', 'dolan', 'eoffice', 'simpeg', 'satudata', 'sate', 'smartcity']);
  });

  it('opens each role its apps, in menu order', () => {
    expect(appsFrom(permissionsFor(['citizen']))).toEqual(['segalengko', 'dolan', 'satudata']);
    expect(appsFrom(permissionsFor(['employee']))).toEqual(['eoffice', 'simpeg']);
    expect(appsFrom(permissionsFor(['executive']))).toEqual(['eoffice', 'simpeg', 'sate', 'smartcity']);
    expect(appsFrom(permissionsFor(['data_producer']))).toEqual(['eoffice', 'simpeg', 'satudata']);
    expect(appsFrom(permissionsFor(['business_owner', 'citizen']))).toEqual(['segalengko', 'dolan', 'satudata']);
    expect(permissionsFor(['data_steward'])).toEqual(expect.arrayContaining(['opendata:review', 'opendata:publish']));
    expect(permissionsFor(['no_such_role'])).toEqual([]);
  });

  it('confines an agency admin to their agency and to ordinary roles', () => {
    const opd = actor(['agency_admin'], 'a1');
    expect(canSeeUser(opd, { agencyId: 'a1', roles: ['employee'] })).toBe(true);
    expect(canSeeUser(opd, { agencyId: 'a2', roles: ['employee'] })).toBe(false);
    expect(canSeeUser(actor(['agency_admin'], null), { agencyId: null, roles: [] })).toBe(false);
    expect(canGrantRole(opd, 'data_producer')).toBe(true);
    expect(canGrantRole(opd, 'system_admin')).toBe(false);
    expect(canGrantRole(opd, 'personnel_admin')).toBe(false);
    expect(canSeeUser(actor(['employee'], 'a1'), { agencyId: 'a1', roles: [] })).toBe(false);
    expect(canSeeUser(actor(['system_admin'], null), { agencyId: 'a2', roles: ['system_admin'] })).toBe(true);
  });
});
