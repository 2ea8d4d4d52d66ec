import { appendAudit } from '../../../platform/audit/index.js';
import { inTransaction } from '../../../platform/db/index.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/index.js';
import { assertStrongPassword, hashPassword } from '../identity.passwords.js';
import { canAssignAgency, canGrantRole, canLinkEmployee, canManageUsers, canSeeUser, isStaffRole, userScope } from '../identity.policy.js';
import { identityRepo, type NewUser, type UserRow } from '../identity.repo.js';
import type { CreateUserBody, ListUsersQuery, UpdateUserBody, UserList, UserView } from '../identity.schema.js';
import type { IdentityContext, RequestMeta } from './context.js';
import { createUserRecord } from './create-user.js';
import { endAccess } from './personnel-status.js';
import { agencyLookup, presentUser } from './present.js';

const USERNAME = /^[a-z0-9._-]{3,32}$/;

/** User administration: everyone for `users:manage`, one's own agency for `users:manage-agency`. */
export function createUserAdminUseCases(ctx: IdentityContext) {
  function assertManager(actor: Actor): void {
    if (!canManageUsers(actor)) throw new ForbiddenError();
  }

  /** The user if the actor may see them; out-of-scope users answer 404 like missing ones. */
  async function visibleUser(actor: Actor, id: string): Promise<UserRow> {
    assertManager(actor);
    const user = await identityRepo.findUserById(ctx.db, id);
    if (!user || !canSeeUser(actor, user)) throw new NotFoundError('Pengguna');
    return user;
  }

  /** Checks that the agency is current and the actor may place people in it. */
  async function assertAgency(actor: Actor, agencyId: string): Promise<void> {
    if (!canAssignAgency(actor, agencyId)) throw new ForbiddenError('Anda hanya dapat mengelola akun di perangkat daerah Anda sendiri.');
    const agency = await ctx.deps.agencies.findAgency(agencyId);
    if (!agency || agency.validTo !== null) {
      throw new ValidationError('Perangkat daerah tidak ditemukan atau sudah tidak berlaku.', { fields: { 'body.agencyId': 'tidak dikenal' } }, 'unknown_agency');
    }
  }

  function assertGrantable(actor: Actor, roles: readonly string[]): void {
    const refused = roles.filter((r) => !canGrantRole(actor, r));
    if (refused.length > 0) throw new ForbiddenError(`Anda tidak berwenang memberikan atau mencabut peran: ${refused.join(', ')}.`);
  }

  /**
   * The SIMPEG record an account may be linked to: same agency, not linked yet. Checked before the
   * account is made. Only a full user administrator may link: the account reads the record's NIK,
   * birth date, address and phone, which an agency admin may not see.
   */
  async function linkableEmployee(actor: Actor, nip: string, agencyId: string): Promise<{ id: string }> {
    if (!canLinkEmployee(actor)) {
      throw new AppError(403, 'nip_link_forbidden', 'Hanya administrator sistem yang dapat menautkan akun ke data pegawai (NIP). Kosongkan NIP atau minta administrator sistem menautkannya.',
        { fields: { 'body.nip': 'hanya administrator sistem' } });
    }
    const employee = await ctx.deps.employees.accountLinkFor(nip);
    if (!employee || employee.agencyId !== agencyId) {
      throw new ValidationError('NIP ini tidak ada di data pegawai perangkat daerah yang dipilih.', { fields: { 'body.nip': 'tidak dikenal' } }, 'unknown_nip');
    }
    if (employee.userId !== null) {
      throw new ConflictError('nip_linked', `${employee.displayName} sudah punya akun; satu pegawai satu akun.`, { fields: { 'body.nip': 'sudah punya akun' } });
    }
    return employee;
  }

  return {
    /** A page of the users the actor may manage, searchable by username or name. */
    async listUsers(actor: Actor, query: ListUsersQuery): Promise<UserList> {
      assertManager(actor);
      const scope = userScope(actor);
      if (scope !== 'all' && scope.agencyId === null) return { items: [], total: 0 };
      const { rows, total } = await identityRepo.listUsers(ctx.db, {
        agencyId: scope === 'all' ? undefined : scope.agencyId!, q: query.q?.trim() || undefined, kind: query.kind,
        limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
      });
      const agency = agencyLookup(ctx);
      return { items: await Promise.all(rows.map((u) => presentUser(u, agency))), total };
    },

    /** One user within the actor's scope. */
    async getUser(actor: Actor, id: string): Promise<UserView> {
      return presentUser(await visibleUser(actor, id), agencyLookup(ctx));
    },

    /** Creates a staff account in an agency; an agency admin only in their own, and never an admin of the platform. */
    async createStaffUser(actor: Actor, input: CreateUserBody, meta: RequestMeta = {}): Promise<UserView> {
      assertManager(actor);
      await assertAgency(actor, input.agencyId);
      assertGrantable(actor, input.roles);
      const username = input.username.toLowerCase();
      const email = input.email?.toLowerCase() ?? null;
      assertStrongPassword(input.password, 'body.password', [username, input.displayName, email ?? '']);
      const employee = input.nip ? await linkableEmployee(actor, input.nip, input.agencyId) : null;
      const user = await createUserRecord(ctx, {
        // An address an administrator sets for staff counts as verified (and so is unique).
        username, displayName: input.displayName.trim(), email, emailVerified: email !== null, kind: 'staff', agencyId: input.agencyId, roles: input.roles,
        passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(),
      }, actor, meta);
      if (employee) {
        try {
          await ctx.deps.employees.linkAccount(employee.id, user.id, actor, meta.requestId ?? null);
        } catch (err) {
          // The record was linked in between (or the write failed): no account is left without its link.
          await inTransaction(ctx.db, async (tx) => {
            await identityRepo.deleteUser(tx, user.id);
            await appendAudit(tx, { actor, action: 'user.deleted', entityType: 'user', entityId: user.id, requestId: meta.requestId, data: { reason: 'employee_link_failed' } });
          });
          ctx.credentials.invalidate();
          throw err;
        }
      }
      return presentUser(user, agencyLookup(ctx));
    },

    /** Changes a user's name, agency, roles or status; disabling ends their sessions at once. */
    async updateUser(actor: Actor, id: string, input: UpdateUserBody, meta: RequestMeta = {}): Promise<UserView> {
      const user = await visibleUser(actor, id);
      assertGrantable(actor, user.roles); // an agency admin cannot touch a platform admin's account
      const patch: Partial<NewUser> = {};
      if (input.displayName !== undefined) patch.displayName = input.displayName.trim();
      if (input.roles !== undefined || input.status !== undefined) {
        if (user.id === actor.userId) {
          throw new ValidationError('Anda tidak dapat mengubah peran atau status akun Anda sendiri.', undefined, 'cannot_change_self');
        }
      }
      if (input.roles !== undefined) {
        const fitsKind = input.roles.every((r) => isStaffRole(r) === (user.kind === 'staff'));
        if (!fitsKind) {
          throw new ValidationError('Peran tidak sesuai dengan jenis akun (pegawai atau warga).', { fields: { 'body.roles': 'tidak sesuai jenis akun' } }, 'invalid_role');
        }
        const next: readonly string[] = input.roles;
        const changed = [...next.filter((r) => !user.roles.includes(r)), ...user.roles.filter((r) => !next.includes(r))];
        assertGrantable(actor, changed);
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
      const updated = await inTransaction(ctx.db, async (tx) => {
        const row = await identityRepo.updateUser(tx, user.id, patch);
        if (patch.status === 'disabled') await endAccess(tx, user.id);
        await appendAudit(tx, { actor, action: 'user.updated', entityType: 'user', entityId: user.id, requestId: meta.requestId, data: { ...patch } });
        return row;
      });
      ctx.credentials.invalidate();
      return presentUser(updated, agencyLookup(ctx));
    },

    /** Creates a system administrator from the command line (no agency). */
    async createSystemAdmin(input: { username: string; password: string; displayName?: string }): Promise<UserView> {
      const username = input.username.toLowerCase();
      if (!USERNAME.test(username)) {
        throw new ValidationError('Nama pengguna 3–32 karakter: huruf, angka, titik, garis bawah atau tanda hubung.', { fields: { username: 'format tidak valid' } });
      }
      const displayName = input.displayName?.trim() || 'Administrator Sistem';
      assertStrongPassword(input.password, 'password', [username, displayName]);
      const user = await createUserRecord(ctx, {
        username, displayName, kind: 'staff', agencyId: null, roles: ['system_admin'],
        passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(),
      }, { label: 'cli' });
      return presentUser(user, agencyLookup(ctx));
    },
  };
}
