import type { App } from '../../platform/index.js';
import {
  MarkedRead, NotificationIdParams, NotificationListQuery, NotificationPage, PreferencesBody, PreferencesView, UnreadCount,
} from './notifications.schema.js';
import type { NotificationsService } from './notifications.service.js';

const tags = ['notifications'];

/** The bell of the signed-in account: its notifications and its positions', read state, e-mail choices. */
export function notificationsRoutes(app: App, { inbox, preferences }: NotificationsService): void {
  app.get('/api/notifications', {
    schema: {
      tags, summary: 'Pemberitahuan saya dan jabatan saya, terbaru dahulu',
      description: 'Yang ditujukan ke akun ini dan ke jabatan yang dipegang atau dijabat Plt/Plh-nya hari ini.',
      querystring: NotificationListQuery, response: { 200: NotificationPage },
    },
    config: { access: 'authenticated' },
  }, (req) => inbox.list(req.ctx, req.query));

  app.get('/api/notifications/unread-count', {
    schema: { tags, summary: 'Jumlah pemberitahuan belum dibaca', response: { 200: UnreadCount } },
    config: { access: 'authenticated' },
  }, (req) => inbox.unreadCount(req.ctx));

  app.post('/api/notifications/:id/read', {
    schema: { tags, summary: 'Tandai satu pemberitahuan sudah dibaca (untuk akun ini saja)', params: NotificationIdParams, response: { 200: MarkedRead } },
    config: { access: 'authenticated' },
  }, (req) => inbox.markRead(req.ctx, req.params.id));

  app.post('/api/notifications/read-all', {
    schema: { tags, summary: 'Tandai semua pemberitahuan sudah dibaca', response: { 200: MarkedRead } },
    config: { access: 'authenticated' },
  }, (req) => inbox.markAllRead(req.ctx));

  app.get('/api/notifications/preferences', {
    schema: { tags, summary: 'Pilihan e-mail per jenis pemberitahuan', response: { 200: PreferencesView } },
    config: { access: 'authenticated' },
  }, (req) => preferences.get(req.ctx));

  app.put('/api/notifications/preferences', {
    schema: { tags, summary: 'Ubah pilihan e-mail per jenis pemberitahuan', body: PreferencesBody, response: { 200: PreferencesView } },
    config: { access: 'authenticated' },
  }, (req) => preferences.put(req.ctx, req.body));
}
