import { appendAudit } from '../../platform/audit/index.js';
import { inTransaction } from '../../platform/db/index.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { API_TOKEN_PREFIX, randomSecret, tokenHash } from './identity.crypto.js';
import { requireSignedInUser } from './identity.guards.js';
import type { RoleCatalogue } from '../../platform/roles.js';
import { expiryFor } from './identity.policy.js';
import { presentToken } from './identity.present.js';
import { identityRepo } from './identity.repo.js';
import type { CreatedTokenView, CreateTokenBody, TokenView } from './identity.schema.js';

/** API tokens for machine clients: hashed at rest, scoped to the owner's permissions, revocable. */
export function createTokenService(platform: Platform, deps: { revision: Revision; roles: RoleCatalogue }) {
  const { db, config } = platform;
  return {
    /** The signed-in user's tokens, newest first, revoked ones included (without their secrets). */
    async list(ctx: Ctx): Promise<TokenView[]> {
      const user = await requireSignedInUser(db, ctx);
      return (await identityRepo.listTokens(db, user.id)).map(presentToken);
    },

    /**
     * Makes a token carrying some of the owner's permissions; its secret is returned this once only.
     * It expires after `expiresInDays` (at most 365, checked by the schema), 90 days when none is given.
     * A new token changes no credential in use, so the identity revision does not move.
     */
    async create(ctx: Ctx, input: CreateTokenBody): Promise<CreatedTokenView> {
      const user = await requireSignedInUser(db, ctx);
      const owned = new Set(deps.roles.permissionsFor(user.roles));
      const foreign = input.scopes.filter((s) => !owned.has(s));
      if (foreign.length > 0) {
        throw new ValidationError(`Cakupan berikut tidak Anda miliki: ${foreign.join(', ')}.`, { fields: { 'body.scopes': `tidak dimiliki: ${foreign.join(', ')}` } }, 'invalid_scope');
      }
      const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
      const now = new Date();
      const row = await inTransaction(db, async (tx) => {
        const inserted = await identityRepo.insertToken(tx, {
          userId: user.id, name: input.name.trim(), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
          tokenHash: tokenHash(config.authSecret, token), scopes: input.scopes, createdAt: now,
          expiresAt: expiryFor(now, input.expiresInDays),
        });
        await appendAudit(tx, {
          actor: ctx.actor, action: 'token.created', entityType: 'api_token', entityId: inserted.id, requestId: ctx.requestId,
          data: { name: inserted.name, prefix: inserted.prefix, scopes: inserted.scopes, expiresAt: inserted.expiresAt?.toISOString() ?? null },
        });
        return inserted;
      });
      return { token, ...presentToken(row) };
    },

    /** Revokes one of the user's own tokens; another user's token answers 404. Revoking twice is harmless. */
    async revoke(ctx: Ctx, id: string): Promise<void> {
      const user = await requireSignedInUser(db, ctx);
      const existing = await identityRepo.findToken(db, id, user.id);
      if (!existing) throw new NotFoundError('Token API');
      await deps.revision.write(async (tx) => {
        const revoked = await identityRepo.revokeToken(tx, id, new Date());
        if (revoked) {
          await appendAudit(tx, { actor: ctx.actor, action: 'token.revoked', entityType: 'api_token', entityId: id, requestId: ctx.requestId, data: { prefix: revoked.prefix } });
        }
      });
    },
  };
}
