import type { Ctx, Platform } from '../../platform/index.js';
import type { NotificationKind } from '../../platform/notify.js';
import type { AudienceService } from './notifications.audience.js';
import { ownNotification, signedInUser } from './notifications.policy.js';
import { presentNotification } from './notifications.present.js';
import { notificationsRepo } from './notifications.repo.js';
import { PAGE_SIZE, type MarkedRead, type NotificationListQuery, type NotificationPage, type UnreadCount } from './notifications.schema.js';


/** The bell: the caller's notifications and their positions', read state per account. */
export function createInboxService(platform: Platform, deps: { audience: AudienceService; kinds: ReadonlyMap<string, NotificationKind> }) {
  const { db } = platform;
  const { audience, kinds } = deps;

  return {
    async list(ctx: Ctx, query: NotificationListQuery): Promise<NotificationPage> {
      const { audience: a, positionTitles } = await audience.of(signedInUser(ctx), ctx.today);
      const page = query.page ?? 1;
      const [{ rows, total }, unread] = await Promise.all([
        notificationsRepo.list(db, a, { unreadOnly: query.unread === true, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        notificationsRepo.countUnread(db, a),
      ]);
      return {
        items: rows.map((r) => presentNotification(r.row, r.readAt, kinds, positionTitles)),
        total, page, pageSize: PAGE_SIZE, unread,
      };
    },

    async unreadCount(ctx: Ctx): Promise<UnreadCount> {
      const { audience: a } = await audience.of(signedInUser(ctx), ctx.today);
      return { unread: await notificationsRepo.countUnread(db, a) };
    },

    /** Marks one notification read for this account only (the next holder of a post still sees it unread). */
    async markRead(ctx: Ctx, id: string): Promise<MarkedRead> {
      const { audience: a } = await audience.of(signedInUser(ctx), ctx.today);
      const row = ownNotification(a, await notificationsRepo.find(db, id));
      await notificationsRepo.markRead(db, [row.id], a.userId);
      return { marked: 1, unread: await notificationsRepo.countUnread(db, a) };
    },

    async markAllRead(ctx: Ctx): Promise<MarkedRead> {
      const { audience: a } = await audience.of(signedInUser(ctx), ctx.today);
      const marked = await notificationsRepo.markAllRead(db, a);
      return { marked, unread: await notificationsRepo.countUnread(db, a) };
    },
  };
}
