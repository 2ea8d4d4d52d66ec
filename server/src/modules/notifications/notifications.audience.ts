import type { Platform } from '../../platform/index.js';
import type { IdentityApi } from '../identity/index.js';
import type { PersonnelApi } from '../personnel/index.js';
import type { Audience } from './notifications.repo.js';

/** What the centre needs from SIMPEG: who holds what, and the account ↔ employee link. */
export type NotificationHolders = Pick<PersonnelApi, 'employeesOfUsers' | 'positionsOf' | 'currentHolder' | 'accountLinkFor'>;
/** What the centre needs from identity: where to mail an account. */
export type NotificationAccounts = Pick<IdentityApi, 'mailAddressOf'>;

export interface AudienceView {
  audience: Audience;
  /** Titles of the positions in the audience, for "for your post …" in the list. */
  positionTitles: Map<string, string>;
}

/**
 * Who a notification reaches, read from SIMPEG at the moment of asking: an account sees its own and
 * those of every position its employee holds definitively or acts for (Plt/Plh/Pj in force) that day,
 * so an inbox follows the post, not the person.
 */
export function createAudience(platform: Platform, holders: NotificationHolders) {
  return {
    async of(userId: string, today: string): Promise<AudienceView> {
      const employee = (await holders.employeesOfUsers([userId])).get(userId);
      const holdings = employee ? await holders.positionsOf(employee.id, today) : [];
      return {
        audience: { userId, positionIds: holdings.map((h) => h.position.id) },
        positionTitles: new Map(holdings.map((h) => [h.position.id, h.position.title])),
      };
    },

    /** The account of whoever acts for a position today (Plt/Plh in force, else the definitive holder); null when vacant or unlinked. */
    async actingUser(positionId: string): Promise<string | null> {
      const holder = await holders.currentHolder(positionId, platform.today());
      const acting = holder?.acting?.employee;
      if (!acting) return null;
      return (await holders.accountLinkFor(acting.nip))?.userId ?? null;
    },
  };
}

export type AudienceService = ReturnType<typeof createAudience>;
