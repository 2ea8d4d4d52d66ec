import { describe, expect, it } from 'vitest';
import { ROLE_DECLARATIONS } from '../../modules.js';
import type { Actor } from '../../platform/index.js';
import { assembleRoles } from '../../platform/roles.js';
import * as policy from './identity.policy.js';
import { appsFrom, canSeeUser, userInScope } from './identity.policy.js';

const catalogue = assembleRoles(ROLE_DECLARATIONS);
const permissionsFor = (roles: readonly string[]) => catalogue.permissionsFor(roles);
const canGrantRole = (actor: policy.UserManager, role: string) => policy.canGrantRole(catalogue, actor, role);
const canChangeUser = (actor: policy.UserManager, user: policy.ManagedUser) => policy.canChangeUser(catalogue, actor, user);
const userAbilities = (actor: policy.UserManager, user: Parameters<typeof policy.userAbilities>[2], linked: boolean) => policy.userAbilities(catalogue, actor, user, linked);

function actor(roles: string[], agencyId: string | null): Actor {
  return { kind: 'user', userId: 'u', username: 'u', displayName: 'U', userKind: 'staff', agencyId, roles, permissions: new Set(permissionsFor(roles)) };
}

describe('roles and permissions', () => {
  it('gives the system admin every permission and every app', () => {
    expect(permissionsFor(['system_admin'])).toEqual([...catalogue.permissions]);
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
    for (const { name: role } of catalogue.roles) expect(canGrantRole(actor(['system_admin'], null), role), role).toBe(true);
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

  it('grants exactly what each role granted when the roles were listed in identity (module declarations changed nothing)', () => {
    const base = ['personnel:read-directory', 'personnel:read-personal', 'app:eoffice', 'app:simpeg'];
    const before: Record<string, string[]> = {
      agency_admin: [...base, 'users:manage-agency', 'personnel:manage-agency'],
      personnel_admin: [...base, 'personnel:manage', 'users:disable-leavers'],
      employee: base,
      executive: [...base, 'dashboard:read', 'app:sate', 'app:smartcity'],
      data_steward: [...base, 'opendata:review', 'opendata:publish', 'app:satudata'],
      data_producer: [...base, 'app:satudata'],
      citizen: ['app:segalengko', 'app:dolan', 'app:satudata'],
      business_owner: ['marketplace:manage-own', 'app:dolan'],
    };
    for (const [role, permissions] of Object.entries(before)) expect(permissionsFor([role]).toSorted(), role).toEqual(permissions.toSorted());
    expect(catalogue.roles.map((r) => r.name).toSorted()).toEqual([...Object.keys(before), 'system_admin'].toSorted());
    expect(catalogue.roles.filter((r) => r.kind === 'citizen').map((r) => r.name)).toEqual(['citizen', 'business_owner']);
    expect(catalogue.role('personnel_admin')?.module).toBe('personnel');
    expect(catalogue.permissions).toEqual(expect.arrayContaining(['region:manage', 'calendar:manage', 'jobs:manage', 'audit:read', 'users:manage']));
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
    const staff = { id: 'u1', agencyId: 'a1', roles: ['employee'], kind: 'staff' as const };
    const admin = actor(['system_admin'], null);
    expect(userAbilities(admin, staff, false)).toEqual({ edit: true, resetPassword: true, linkEmployee: true, unlinkEmployee: false });
    expect(userAbilities(admin, staff, true)).toEqual({ edit: true, resetPassword: true, linkEmployee: false, unlinkEmployee: true });
    expect(userAbilities(admin, { id: 'u2', agencyId: null, roles: ['citizen'], kind: 'citizen' }, false)).toMatchObject({ linkEmployee: false, unlinkEmployee: false });
    expect(userAbilities(actor(['agency_admin'], 'a1'), staff, true)).toEqual({ edit: true, resetPassword: true, linkEmployee: false, unlinkEmployee: false });
  });

  it('never offers an administrator a reset of their own password (they change it with the current one)', () => {
    const self = { ...actor(['system_admin'], null), userId: 'u1' };
    expect(userAbilities(self, { id: 'u1', agencyId: null, roles: ['system_admin'], kind: 'staff' }, false)).toMatchObject({ edit: true, resetPassword: false });
  });
});
