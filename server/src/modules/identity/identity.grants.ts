import { appendAudit } from '../../platform/audit/index.js';
import { AppError, ForbiddenError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { RoleCatalogue } from '../../platform/roles.js';
import type { Revision } from '../../platform/snapshot.js';
import { requireSignedInUser } from './identity.guards.js';
import { canGrantRole, canManageUsers } from './identity.policy.js';
import { presentRole } from './identity.present.js';
import { identityRepo } from './identity.repo.js';
import type { RoleList } from './identity.schema.js';

/**
 * The role catalogue as user administration sees it, and the one self-service grant: a citizen gains
 * a role declared `self-service` through another module's own flow (registering a business makes its
 * owner), the single exception to "nobody grants what they do not hold".
 */
export function createGrantService(platform: Platform, deps: { revision: Revision; roles: RoleCatalogue }) {
  const { db } = platform;
  const { revision, roles: catalogue } = deps;
  return {
    /**
     * Every role, with its labels and whether the caller may grant it: user administration shows the
     * labels of roles accounts hold, and offers only the grantable ones.
     */
    list(ctx: Ctx): RoleList {
      if (!canManageUsers(ctx.actor)) throw new ForbiddenError();
      return { items: catalogue.roles.map((role) => presentRole(role, canGrantRole(catalogue, ctx.actor, role.name))) };
    },

    /**
     * Grants the calling citizen a role declared `self-service`, for a module whose own flow earns it
     * (the caller's account only; never by API token; audited). True when granted now, false when the
     * caller held it already. A role not declared self-service is refused with 403 whoever asks.
     */
    async grantSelfService(ctx: Ctx, role: string): Promise<boolean> {
      const declared = catalogue.role(role);
      if (declared?.grantedBy !== 'self-service') {
        throw new AppError(403, 'role_not_self_service', `Peran "${role}" tidak dapat diambil sendiri; mintalah kepada administrator.`);
      }
      const user = await requireSignedInUser(db, ctx);
      if (user.kind !== declared.kind) throw new ForbiddenError(`Peran "${declared.label.id}" hanya untuk akun warga.`);
      return revision.write(async (tx) => {
        const granted = await identityRepo.addRole(tx, user.id, declared.kind, role);
        if (!granted) return false;
        await appendAudit(tx, {
          actor: ctx.actor, action: 'user.role_self_granted', entityType: 'user', entityId: user.id, requestId: ctx.requestId,
          data: { role, module: declared.module },
        });
        return true;
      });
    },
  };
}

export type GrantService = ReturnType<typeof createGrantService>;
