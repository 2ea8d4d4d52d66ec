import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/index.js';
import { appsFrom, canChangeUser, canGrantRole, canSeeUser, PERMISSIONS, permissionsFor, ROLES, userAbilities, userInScope } from './identity.policy.js';

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
    expect(canGrantRole(opd, 'employee')).toBe(true);
    expect(canGrantRole(opd, 'agency_admin')).toBe(true);
    expect(canGrantRole(opd, 'system_admin')).toBe(false);
    expect(canGrantRole(opd, 'personnel_admin')).toBe(false);
    expect(canSeeUser(actor(['employee'], 'a1'), { agencyId: 'a1', roles: [] })).toBe(false);
    expect(canSeeUser(actor(['system_admin'], null), { agencyId: 'a2', roles: ['system_admin'] })).toBe(true);
  });

  it('grants a role only to someone who manages users and holds every permission it grants', () => {
    const opd = actor(['agency_admin'], 'a1');
    for (const role of ['executive', 'data_steward', 'data_producer']) expect(canGrantRole(opd, role), role).toBe(false);
    for (const role of ROLES) expect(canGrantRole(actor(['system_admin'], null), role), role).toBe(true);
    // BKPSDM holds every permission of `employee` but manages no users.
    expect(canGrantRole(actor(['personnel_admin'], 'a1'), 'employee')).toBe(false);
    // A token narrowed to users:manage grants nothing beyond its scopes.
    const token = { ...actor(['system_admin'], null), permissions: new Set(['users:manage']) };
    expect(canGrantRole(token, 'employee')).toBe(false);
    expect(canChangeUser(opd, { agencyId: 'a1', roles: ['employee'] })).toBe(true);
    expect(canChangeUser(opd, { agencyId: 'a1', roles: ['system_admin'] })).toBe(false);
    expect(canChangeUser(opd, { agencyId: 'a1', roles: ['employee', 'data_steward'] })).toBe(false);
    expect(canChangeUser(opd, { agencyId: 'a2', roles: ['employee'] })).toBe(false);
  });

  it('keeps personal data behind a permission of its own, held by every staff role', () => {
    for (const role of ['system_admin', 'agency_admin', 'personnel_admin', 'employee', 'executive', 'data_steward', 'data_producer']) {
      expect(permissionsFor([role]), role).toContain('personnel:read-personal');
    }
    expect(permissionsFor(['citizen', 'business_owner'])).not.toContain('personnel:read-personal');
  });

  it('answers a user outside the scope like a missing one (404), and a non-administrator 403', () => {
    const own = { agencyId: 'a1', roles: ['employee'] };
    expect(userInScope(actor(['agency_admin'], 'a1'), own)).toBe(own);
    expect(() => userInScope(actor(['agency_admin'], 'a1'), { agencyId: 'a2', roles: ['employee'] })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => userInScope(actor(['agency_admin'], 'a1'), null)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => userInScope(actor(['personnel_admin'], 'a1'), own)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('offers linking to an employee record only to a full user administrator, for staff accounts', () => {
    const staff = { agencyId: 'a1', roles: ['employee'], kind: 'staff' as const };
    const admin = actor(['system_admin'], null);
    expect(userAbilities(admin, staff, false)).toEqual({ edit: true, linkEmployee: true, unlinkEmployee: false });
    expect(userAbilities(admin, staff, true)).toEqual({ edit: true, linkEmployee: false, unlinkEmployee: true });
    expect(userAbilities(admin, { agencyId: null, roles: ['citizen'], kind: 'citizen' }, false)).toMatchObject({ linkEmployee: false, unlinkEmployee: false });
    expect(userAbilities(actor(['agency_admin'], 'a1'), staff, true)).toEqual({ edit: true, linkEmployee: false, unlinkEmployee: false });
  });
});
