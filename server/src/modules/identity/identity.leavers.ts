import { appendAudit } from '../../platform/audit/index.js';
import { inTransaction } from '../../platform/db/index.js';
import type { Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import type { EmployeeEvent } from '../personnel/index.js';
import type { RoleCatalogue } from '../../platform/roles.js';
import { canApplyLeaverStatus } from './identity.policy.js';
import { identityRepo, type UserRow } from './identity.repo.js';

/** What an employee status means for the linked account: leavers lose it, returners get it back. */
function intentOf(status: EmployeeEvent['status']): 'disable' | 'enable' | null {
  if (status === 'retired' || status === 'transferred') return 'disable';
  return status === 'active' ? 'enable' : null;
}

/** True when the account is in the state the intent changes (idempotent under redelivery). */
function applies(intent: 'disable' | 'enable', user: UserRow): boolean {
  // A hand-disabled account (`admin`) stays disabled whatever SIMPEG records.
  return intent === 'disable' ? user.status === 'active' : user.status === 'disabled' && user.disabledReason === 'personnel';
}

/**
 * Leavers, SIMPEG → accounts: a status change of a linked employee disables or re-enables the
 * account. An event handler, not a use case: the causer is the event's `changedBy`, not a request.
 */
export function createLeaverService(platform: Platform, deps: { revision: Revision; roles: RoleCatalogue }) {
  const { db, log } = platform;
  const { revision } = deps;
  return {
    /**
     * Applies `personnel.employee_status_changed` to the linked account, under the rules user
     * administration applies to the causer (`changedBy`; null, the command line or the system, may
     * do anything), widened for BKPSDM by `canApplyLeaverStatus`. Refused changes leave the account
     * as it is, audited and logged.
     */
    async applyEmployeeStatus(event: EmployeeEvent): Promise<void> {
      const intent = intentOf(event.status);
      const userId = event.userId;
      if (!intent || !userId) return;
      // Events published before `changedBy` existed carry none: they came from the same paths as null does now.
      const by = event.changedBy ?? null;
      // The transaction decides whether anything changes, so it bumps the revision itself when it does.
      const outcome = await inTransaction(db, async (tx) => {
        const user = await identityRepo.findUserById(tx, userId);
        if (!user || !applies(intent, user)) return null;
        const actor = { label: 'simpeg', userId: by?.userId ?? null };
        const data = { employeeId: event.employeeId, nip: event.nip, status: event.status, changedBy: by?.userId ?? null };
        if (by && !canApplyLeaverStatus(deps.roles, { agencyId: by.agencyId, permissions: new Set(by.permissions) }, user)) {
          const action = intent === 'disable' ? 'user.leaver_disable_refused' : 'user.leaver_enable_refused';
          await appendAudit(tx, { actor, action, entityType: 'user', entityId: user.id, data });
          return { refused: true };
        }
        if (intent === 'disable') {
          await identityRepo.updateUser(tx, user.id, { status: 'disabled', disabledReason: 'personnel' });
          await identityRepo.endAccess(tx, user.id, new Date());
        } else {
          await identityRepo.updateUser(tx, user.id, { status: 'active', disabledReason: null });
        }
        await revision.bump(tx);
        await appendAudit(tx, { actor, action: intent === 'disable' ? 'user.disabled' : 'user.enabled', entityType: 'user', entityId: user.id, data: { ...data, reason: 'personnel' } });
        return { refused: false };
      });
      if (!outcome) return;
      if (outcome.refused) {
        log.warn({ userId, employeeId: event.employeeId, status: event.status, changedBy: by?.userId },
          `personnel status change may not ${intent} this account (the causer could not change it in user administration); left as it is`);
      } else {
        revision.invalidate();
      }
    },
  };
}
