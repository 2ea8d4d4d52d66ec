import { ForbiddenError, UnauthenticatedError } from '../../platform/errors.js';
import { can, type Actor } from '../../platform/http/actor.js';

/**
 * The region module's one check: its reference data is public to read, and only holders of
 * `region:manage` change boundaries and the grid. Nothing in it is scoped by record, so there is
 * no 404 rule; a caller without the right learns 401 or 403.
 */
export function assertMayManage(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (!can(actor, 'region:manage')) throw new ForbiddenError('Hanya administrator wilayah (hak region:manage) yang dapat mengubah batas wilayah dan tata letak kecamatan.');
}
