import type { App, Platform } from '../../platform/index.js';
import { NOTIFY } from '../../platform/notify.js';
import { notificationsRoutes } from './notifications.routes.js';
import { createNotificationsService, type NotificationsDeps } from './notifications.service.js';

export type { NotificationsDeps } from './notifications.service.js';
export type { NotificationView } from './notifications.schema.js';
export { MAILS_PER_HOUR } from './notifications.policy.js';

/**
 * The notification centre. Modules do not call it: they publish `NOTIFY` (platform/notify.ts) in the
 * transaction of their change, and this module's idempotent handler stores and, by preference, mails it.
 */
export function createNotificationsModule(platform: Platform, deps: NotificationsDeps) {
  const service = createNotificationsService(platform, deps);
  platform.events.subscribe(NOTIFY, 'notifications.store', (payload, meta) => service.delivery.deliver(payload, meta));
  return {
    name: 'notifications',
    routes: (app: App) => notificationsRoutes(app, service),
  };
}
