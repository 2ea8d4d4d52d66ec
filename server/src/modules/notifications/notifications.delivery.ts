import { inTransaction, type Db } from '../../platform/db/index.js';
import type { Platform } from '../../platform/index.js';
import { CONFIDENTIAL_TITLE, type NotificationKind, type NotifyPayload } from '../../platform/notify.js';
import type { AudienceService, NotificationAccounts } from './notifications.audience.js';
import { MAILS_PER_HOUR, MAX_BODY, MAX_TITLE, oneLine, sitePath } from './notifications.policy.js';
import { notificationsRepo } from './notifications.repo.js';
import type { NotificationRow } from './notifications.tables.js';

const HOUR_MS = 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A kind, exactly one recipient id, and, unless confidential, a title and a body. */
function wellFormed(p: NotifyPayload): boolean {
  const to = (p.to ?? {}) as { userId?: unknown; positionId?: unknown };
  const ids = [to.userId, to.positionId].filter((id) => id !== undefined);
  const content = p.confidential === true || (typeof p.title === 'string' && typeof p.body === 'string');
  return typeof p.kind === 'string' && ids.length === 1 && typeof ids[0] === 'string' && UUID.test(ids[0]) && content;
}

/**
 * Stores what modules publish as `platform.notify` and, in the same transaction, queues its e-mail
 * when the recipient wants that kind by mail, has an address, and is under the hourly limit.
 * Idempotent: the sender's key (or the delivery job's id, stable across retries) is stored once.
 */
export function createDeliveryService(platform: Platform, deps: {
  audience: AudienceService; accounts: NotificationAccounts; kinds: ReadonlyMap<string, NotificationKind>; emailWanted: (userId: string, kind: string) => Promise<boolean>;
}) {
  const { audience, accounts, kinds, emailWanted } = deps;

  /** Subject and text of the mail; a confidential item says only that something waits, and where. */
  function mailOf(row: NotificationRow): { subject: string; text: string } {
    const base = platform.config.publicUrl.replace(/\/$/, '');
    const open = row.link ? `\n\nBuka: ${base}${row.link}` : '';
    const footer = `\n\n—\nPemberitahuan dari ${base}. Atur e-mail pemberitahuan di menu lonceng → Pengaturan.`;
    if (row.confidential) return { subject: CONFIDENTIAL_TITLE, text: `${CONFIDENTIAL_TITLE}.${open}${footer}` };
    return { subject: row.title, text: `${row.title}\n\n${row.body}${open}${footer}`.replace(/\n{3,}/g, '\n\n') };
  }

  /** Where to mail this account about this kind, or null (read before the transaction: PGlite has one connection). */
  async function mailAddress(userId: string, kind: string): Promise<string | null> {
    if (!platform.mail.enabled || !(await emailWanted(userId, kind))) return null;
    return accounts.mailAddressOf(userId);
  }

  /** Queues the mail unless the account is over its hourly limit (counted under a per-account lock). */
  async function mail(tx: Db, row: NotificationRow, userId: string, to: string): Promise<boolean> {
    // Two deliveries for one account at once must not both see "9 sent this hour".
    await notificationsRepo.lockMailCount(tx, userId);
    const now = new Date();
    if (await notificationsRepo.countMailedSince(tx, userId, new Date(now.getTime() - HOUR_MS)) >= MAILS_PER_HOUR) return false;
    await platform.mail.send(tx, { to, ...mailOf(row) }, { dedupeKey: `notification:${row.id}` });
    await notificationsRepo.markMailed(tx, row.id, userId, now);
    return true;
  }

  return {
    async deliver(payload: NotifyPayload, meta: { jobId: number }): Promise<void> {
      // A malformed event is a sender's bug: said in the log and dropped, never retried into the dead letters.
      if (!wellFormed(payload)) {
        platform.log.error({ jobId: meta.jobId }, 'platform.notify event without a kind or a recipient id: dropped');
        return;
      }
      if (!kinds.has(payload.kind)) platform.log.warn({ kind: payload.kind }, 'notification of an undeclared kind: stored without a label');
      const to = payload.to;
      const confidential = payload.confidential === true;
      const values = {
        kind: payload.kind,
        userId: 'userId' in to ? to.userId : null,
        positionId: 'positionId' in to ? to.positionId : null,
        title: payload.confidential === true ? CONFIDENTIAL_TITLE : oneLine(payload.title, MAX_TITLE),
        body: payload.confidential === true ? '' : payload.body.trim().slice(0, MAX_BODY),
        link: sitePath(payload.link),
        confidential,
        dedupeKey: payload.key ? `key:${payload.key}` : `job:${meta.jobId}`,
      };
      // Who is mailed is decided now: for a position, whoever acts for it today.
      const recipient = values.userId ?? (values.positionId ? await audience.actingUser(values.positionId) : null);
      const address = recipient ? await mailAddress(recipient, values.kind) : null;
      await inTransaction(platform.db, async (tx) => {
        const row = await notificationsRepo.insertOnce(tx, values);
        if (row && recipient && address) await mail(tx, row, recipient, address);
      });
    },
  };
}
