import type { Platform } from '../../platform/index.js';
import type { NotificationKind } from '../../platform/notify.js';
import { createAudience, type NotificationAccounts, type NotificationHolders } from './notifications.audience.js';
import { createDeliveryService } from './notifications.delivery.js';
import { createInboxService } from './notifications.inbox.js';
import { createPreferenceService } from './notifications.preferences.js';

export interface NotificationsDeps {
  /** Every module's declared kinds (`NOTIFICATION_KINDS` in modules.ts). */
  kinds: readonly NotificationKind[];
  holders: NotificationHolders;
  accounts: NotificationAccounts;
}

/** Composition root: the audience (who sees what, from SIMPEG) shared by the inbox and delivery. */
export function createNotificationsService(platform: Platform, deps: NotificationsDeps) {
  const names = new Set<string>();
  for (const k of deps.kinds) {
    if (names.has(k.name)) throw new Error(`notification kind "${k.name}" is declared twice`);
    names.add(k.name);
  }
  const kinds = new Map(deps.kinds.map((k) => [k.name, k]));
  const audience = createAudience(platform, deps.holders);
  const preferences = createPreferenceService(platform, { accounts: deps.accounts, kinds: deps.kinds });
  return {
    inbox: createInboxService(platform, { audience, kinds }),
    preferences,
    delivery: createDeliveryService(platform, { audience, accounts: deps.accounts, kinds, emailWanted: preferences.emailWanted }),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
