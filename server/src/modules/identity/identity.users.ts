import { appendAudit } from '../../platform/audit/index.js';
import { AppError, FieldConflictError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import { ANONYMOUS } from '../../platform/http/actor.js';
import type { Actor, Ctx, Platform } from '../../platform/index.js';
import type { RoleCatalogue } from '../../platform/roles.js';
import type { Revision } from '../../platform/snapshot.js';
import { hashPassword } from './identity.crypto.js';
import { assertStrongPassword } from './identity.password-strength.js';
import { canAssignAgency, canGrantRole, canLinkEmployee, canManageUsers, userInScope, userScope } from './identity.policy.js';
import { agencyLookup, presentSummary, presentUser, type AgencyLookup, type UserSummary } from './identity.present.js';
import { identityRepo, type NewUser, type UserRow } from './identity.repo.js';
import type { CreateUserBody, LinkEmployeeBody, LinkedEmployee, ListUsersQuery, UpdateUserBody, UserList, UserView } from './identity.schema.js';
import type { IdentityDeps } from './identity.service.js';
import { createUserRecord } from './identity.user-record.js';

const USERNAME = /^[a-z0-9._-]{3,32}$/;

/** Who may link an account to an employee record: refused with 403 naming the NIP field. */
function assertMayLink(actor: Actor, message: string): void {
  if (!canLinkEmployee(actor)) throw new AppError(403, 'nip_link_forbidden', message, { fields: { 'body.nip': 'hanya administrator sistem' } });
}

/** No employee with this NIP in the account's agency (400 in a new account's body, 404 when linking one), naming the NIP field. */
function unknownNip(status: 400 | 404, message: string): AppError {
  return new AppError(status, 'unknown_nip', message, { fields: { 'body.nip': message } });
}

/**
 * User administration: everyone for `users:manage`, one's own agency for `users:manage-agency`;
 * linking a staff account to its SIMPEG record (by NIP) for `users:manage` only, since the account
 * then reads that record's personal data.
 */
export function createUserService(platform: Platform, deps: IdentityDeps & { revision: Revision; roles: RoleCatalogue }) {
  const { db } = platform;
  const { revision, employees, roles: catalogue } = deps;

  /** A user as the viewer sees them: agency, linked employee record (staff only) and abilities. */
  async function present(viewer: Actor, user: UserRow, agency: AgencyLookup = agencyLookup(deps.agencies)): Promise<UserView> {
    return presentUser(catalogue, viewer, user, agency, await employeeOf(user));
  }

  /** The employee record linked to a staff account; null for none and for citizens. */
  async function employeeOf(user: UserRow): Promise<LinkedEmployee | null> {
    return user.kind === 'staff' ? (await employees.employeesOfUsers([user.id])).get(user.id) ?? null : null;
  }

  /** The user behind `id` if the caller may manage them (identity's one scope check). */
  async function loadInScope(ctx: Ctx, id: string): Promise<UserRow> {
    return userInScope(ctx.actor, await identityRepo.findUserById(db, id));
  }

  /** Checks that the agency is current and the actor may place people in it. */
  async function assertAgency(actor: Actor, agencyId: string): Promise<void> {
    if (!canAssignAgency(actor, agencyId)) throw new ForbiddenError('Anda hanya dapat mengelola akun di perangkat daerah Anda sendiri.');
    const agency = await deps.agencies.findAgency(agencyId);
    if (!agency || agency.validTo !== null) {
      throw new ValidationError('Perangkat daerah tidak ditemukan atau sudah tidak berlaku.', { fields: { 'body.agencyId': 'tidak dikenal' } }, 'unknown_agency');
    }
  }

  /**
   * Checks that every role asked for is in the catalogue and fits the account's kind: 400 naming the
   * roles field, `invalid_role` for a role of the other kind when changing an account.
   */
  function assertRolesFit(roles: readonly string[], kind: 'staff' | 'citizen', misfitCode: string): void {
    const unknown = roles.filter((r) => catalogue.role(r) === undefined);
    if (unknown.length > 0) {
      throw new ValidationError(`Peran tidak dikenal: ${unknown.join(', ')}.`, { fields: { 'body.roles': 'peran tidak dikenal' } });
    }
    if (roles.some((r) => catalogue.role(r)!.kind !== kind)) {
      throw new ValidationError('Peran tidak sesuai dengan jenis akun (pegawai atau warga).', { fields: { 'body.roles': 'tidak sesuai jenis akun' } }, misfitCode);
    }
  }

  function assertGrantable(actor: Actor, roles: readonly string[]): void {
    const refused = roles.filter((r) => !canGrantRole(catalogue, actor, r));
    if (refused.length > 0) throw new ForbiddenError(`Anda tidak berwenang memberikan atau mencabut peran: ${refused.join(', ')}.`);
  }

  /**
   * The SIMPEG record a new account may be linked to: same agency, not linked yet. Checked before the
   * account is made; the link itself is SIMPEG's guarded step, so a race still ends in 409.
   */
  async function linkableAtCreation(actor: Actor, nip: string, agencyId: string): Promise<{ id: string }> {
    assertMayLink(actor, 'Hanya administrator sistem yang dapat menautkan akun ke data pegawai (NIP). Kosongkan NIP atau minta administrator sistem menautkannya.');
    const employee = await employees.accountLinkFor(nip);
    if (!employee || employee.agencyId !== agencyId) throw unknownNip(400, 'NIP ini tidak ada di data pegawai perangkat daerah yang dipilih.');
    if (employee.userId !== null) {
      throw new FieldConflictError('body.nip', `${employee.displayName} sudah punya akun; satu pegawai satu akun.`, 'nip_linked');
    }
    return employee;
  }

  /** Removes an account whose link to its employee record failed, so none is left without its link. */
  async function undoCreation(ctx: Ctx, userId: string): Promise<void> {
    await revision.write(async (tx) => {
      await identityRepo.deleteUser(tx, userId);
      await appendAudit(tx, { actor: ctx.actor, action: 'user.deleted', entityType: 'user', entityId: userId, requestId: ctx.requestId, data: { reason: 'employee_link_failed' } });
    });
  }

  /** The changes an update asks for, checked against what the actor may do to this user. */
  async function planUpdate(actor: Actor, user: UserRow, input: UpdateUserBody): Promise<Partial<NewUser>> {
    const patch: Partial<NewUser> = {};
    if (input.displayName !== undefined) patch.displayName = input.displayName.trim();
    if ((input.roles !== undefined || input.status !== undefined) && user.id === actor.userId) {
      throw new ValidationError('Anda tidak dapat mengubah peran atau status akun Anda sendiri.', undefined, 'cannot_change_self');
    }
    if (input.roles !== undefined) {
      assertRolesFit(input.roles, user.kind, 'invalid_role');
      const next: readonly string[] = input.roles;
      assertGrantable(actor, [...next.filter((r) => !user.roles.includes(r)), ...user.roles.filter((r) => !next.includes(r))]);
      patch.roles = [...input.roles];
    }
    if (input.agencyId !== undefined && input.agencyId !== user.agencyId) {
      if (user.kind !== 'staff') throw new ValidationError('Akun warga tidak berada di perangkat daerah.', { fields: { 'body.agencyId': 'hanya untuk pegawai' } });
      await assertAgency(actor, input.agencyId);
      patch.agencyId = input.agencyId;
    }
    if (input.status !== undefined) {
      patch.status = input.status;
      // Disabled by hand (even if SIMPEG disabled it first): SIMPEG recording the person as active again does not re-enable it.
      patch.disabledReason = input.status === 'disabled' ? 'admin' : null;
    }
    return patch;
  }

  return {
    /** A page of the users the caller may manage, searchable by username or name. */
    async list(ctx: Ctx, query: ListUsersQuery): Promise<UserList> {
      if (!canManageUsers(ctx.actor)) throw new ForbiddenError();
      const scope = userScope(ctx.actor);
      if (scope !== 'all' && scope.agencyId === null) return { items: [], total: 0 };
      const { rows, total } = await identityRepo.listUsers(db, {
        agencyId: scope === 'all' ? undefined : scope.agencyId!, q: query.q?.trim() || undefined, kind: query.kind,
        limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
      });
      const agency = agencyLookup(deps.agencies);
      const linked = await employees.employeesOfUsers(rows.filter((u) => u.kind === 'staff').map((u) => u.id));
      return { items: await Promise.all(rows.map((u) => presentUser(catalogue, ctx.actor, u, agency, linked.get(u.id) ?? null))), total };
    },

    /** One user within the caller's scope. */
    async get(ctx: Ctx, id: string): Promise<UserView> {
      return present(ctx.actor, await loadInScope(ctx, id));
    },

    /** Creates a staff account in an agency; an agency admin only in their own, and never an admin of the platform. */
    async create(ctx: Ctx, input: CreateUserBody): Promise<UserView> {
      const { actor } = ctx;
      if (!canManageUsers(actor)) throw new ForbiddenError();
      assertRolesFit(input.roles, 'staff', 'validation_failed');
      await assertAgency(actor, input.agencyId);
      assertGrantable(actor, input.roles);
      const username = input.username.toLowerCase();
      const email = input.email?.toLowerCase() ?? null;
      assertStrongPassword(input.password, 'body.password', [username, input.displayName, email ?? '']);
      const employee = input.nip ? await linkableAtCreation(actor, input.nip, input.agencyId) : null;
      const user = await createUserRecord(db, {
        // An address an administrator sets for staff counts as verified (and so is unique).
        username, displayName: input.displayName.trim(), email, emailVerified: email !== null, kind: 'staff', agencyId: input.agencyId, roles: input.roles,
        passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(),
      }, actor, ctx.requestId);
      if (employee) {
        try {
          await employees.linkAccount(ctx, employee.id, user.id);
        } catch (err) {
          // The record was linked in between (or the write failed): no account is left without its link.
          await undoCreation(ctx, user.id);
          throw err;
        }
      }
      return present(actor, user);
    },

    /** Changes a user's name, agency, roles or status; disabling ends their sessions and tokens at once. */
    async update(ctx: Ctx, id: string, input: UpdateUserBody): Promise<UserView> {
      const user = await loadInScope(ctx, id);
      assertGrantable(ctx.actor, user.roles); // an agency admin cannot touch a platform admin's account
      const patch = await planUpdate(ctx.actor, user, input);
      const updated = await revision.write(async (tx) => {
        const row = await identityRepo.updateUser(tx, user.id, patch);
        if (patch.status === 'disabled') await identityRepo.endAccess(tx, user.id, new Date());
        await appendAudit(tx, { actor: ctx.actor, action: 'user.updated', entityType: 'user', entityId: user.id, requestId: ctx.requestId, data: { ...patch } });
        return row;
      });
      return present(ctx.actor, updated);
    },

    /**
     * Links a staff account to the SIMPEG record with this NIP, in the account's agency. Linking the
     * account to the record it is linked to already changes nothing; a record linked to another
     * account (409 `nip_linked`), an account linked to another record (409 `account_linked`: unlink
     * first) and a citizen account (409 `citizen_account`) are refused. SIMPEG writes and audits the link.
     */
    async linkEmployee(ctx: Ctx, id: string, input: LinkEmployeeBody): Promise<UserView> {
      const user = await loadInScope(ctx, id);
      assertMayLink(ctx.actor, 'Hanya administrator sistem yang dapat menautkan akun ke data pegawai (NIP).');
      if (user.kind !== 'staff') {
        throw new FieldConflictError('body.nip', 'Akun warga tidak dapat ditautkan ke data pegawai; hanya akun dinas yang dapat.', 'citizen_account');
      }
      const employee = await employees.accountLinkFor(input.nip);
      if (!employee || employee.agencyId !== user.agencyId) throw unknownNip(404, 'NIP ini tidak ada di data pegawai perangkat daerah akun ini.');
      const current = await employeeOf(user);
      if (current?.id === employee.id) return presentUser(catalogue, ctx.actor, user, agencyLookup(deps.agencies), current);
      if (current) {
        throw new FieldConflictError('body.nip', `Akun ini sudah tertaut ke ${current.displayName} (NIP ${current.nip}). Lepaskan tautan itu dulu.`, 'account_linked');
      }
      if (employee.userId !== null) {
        throw new FieldConflictError('body.nip', `${employee.displayName} sudah tertaut ke akun lain; satu pegawai satu akun.`, 'nip_linked');
      }
      await employees.linkAccount(ctx, employee.id, user.id);
      return present(ctx.actor, user);
    },

    /** Ends the link between a staff account and its SIMPEG record; an unlinked account stays as it is. */
    async unlinkEmployee(ctx: Ctx, id: string): Promise<UserView> {
      const user = await loadInScope(ctx, id);
      assertMayLink(ctx.actor, 'Hanya administrator sistem yang dapat melepas tautan akun dari data pegawai.');
      await employees.unlinkAccount(ctx, user.id);
      return presentUser(catalogue, ctx.actor, user, agencyLookup(deps.agencies), null);
    },

    /** Looks a user up by id for other modules (name, kind, agency); null when unknown. */
    async findUser(id: string): Promise<UserSummary | null> {
      const user = await identityRepo.findUserById(db, id);
      return user && presentSummary(user);
    },

    /** Looks a user up by username (any case); null when unknown. */
    async findUserByUsername(username: string): Promise<UserSummary | null> {
      const user = await identityRepo.findUserByUsername(db, username.trim().toLowerCase());
      return user && presentSummary(user);
    },

    /** Creates a system administrator from the command line (no agency). */
    async createSystemAdmin(input: { username: string; password: string; displayName?: string }): Promise<UserView> {
      const username = input.username.toLowerCase();
      if (!USERNAME.test(username)) {
        throw new ValidationError('Nama pengguna 3–32 karakter: huruf, angka, titik, garis bawah atau tanda hubung.', { fields: { username: 'format tidak valid' } });
      }
      const displayName = input.displayName?.trim() || 'Administrator Sistem';
      assertStrongPassword(input.password, 'password', [username, displayName]);
      const user = await createUserRecord(db, {
        username, displayName, kind: 'staff', agencyId: null, roles: ['system_admin'],
        passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(),
      }, { label: 'cli' });
      // The operator at the command line is no signed-in viewer: the answer offers no abilities.
      return presentUser(catalogue, ANONYMOUS, user, agencyLookup(deps.agencies), null);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
