import { NotFoundError, UnauthenticatedError } from '../../platform/errors.js';
import type { Ctx } from '../../platform/index.js';
import type { Audience } from './notifications.repo.js';

/**
 * The module's one scope check: a notification is the caller's when it is addressed to their
 * account or to a position they hold or act for today. Anyone else's answers 404, as if it did not exist.
 */
export function ownNotification<T extends { userId: string | null; positionId: string | null }>(audience: Audience, row: T | null): T {
  const mine = row !== null && (row.userId === audience.userId || (row.positionId !== null && audience.positionIds.includes(row.positionId)));
  if (!mine) throw new NotFoundError('Pemberitahuan');
  return row;
}

/** Most e-mails an account receives from the centre per hour; the rest are only in the centre. */
export const MAILS_PER_HOUR = 10;

/** Title and body are clipped to these lengths when stored. */
export const MAX_TITLE = 200;
export const MAX_BODY = 2000;

/** A link is kept only when it is a path of this site: never another site or a `javascript:` URL. */
export function sitePath(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.includes('\\') || link.length > 500) return null;
  // No spaces or control characters: the path goes into a mail as a URL and into a link's href.
  return [...link].some((c) => c.charCodeAt(0) <= 0x20 || c === '\u007f') ? null : link;
}

/** One line, clipped: a title also becomes a mail subject, which cannot hold a line break. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The signed-in caller's account (the routes admit only signed-in callers; this keeps the types honest). */
export function signedInUser(ctx: Ctx): string {
  if (!ctx.actor.userId) throw new UnauthenticatedError();
  return ctx.actor.userId;
}
