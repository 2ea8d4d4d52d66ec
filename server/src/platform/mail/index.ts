import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import type { EventBus } from '../events/index.js';
import { createMailboxTransport, createSmtpTransport, type MailTransport } from './mail.transports.js';

export { readMailbox, type MailboxEntry } from './mail.mailbox.js';

/** One plain-text e-mail to one address. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Options when queueing a message. */
export interface SendOptions {
  /** A message with the same key is queued only once, ever (a retried handler does not mail twice). */
  dedupeKey?: string;
}

/**
 * Outgoing e-mail. `send` queues the message as a job inside the caller's transaction, so it leaves
 * only if the change commits, never blocks the request, and is retried with backoff when the server
 * refuses or is down (dead-lettered after `MAIL_MAX_ATTEMPTS`, visible in the job administration).
 */
export interface Mailer {
  /** Where mail goes: an SMTP server, the file mailbox (development, tests) or nowhere (production without SMTP). */
  readonly transport: 'smtp' | 'mailbox' | 'none';
  /** True when a message sent now reaches someone (SMTP or the file mailbox): callers offer e-mail only then. */
  readonly enabled: boolean;
  /** Queues a message inside `tx`; does nothing when mail goes nowhere. */
  send(tx: Db, message: MailMessage, options?: SendOptions): Promise<void>;
  /**
   * Delivers a message at once, for a job handler whose message must not be stored in the queue
   * (a one-time link): throws when delivery fails, so the calling job is retried.
   */
  deliverNow(message: MailMessage): Promise<void>;
}

/** Name of the job that delivers queued mail. */
export const MAIL_JOB = 'platform.mail.send';
/** Attempts per message: with the queue's backoff (5 s doubling, capped) this rides out about 40 minutes of outage. */
export const MAIL_MAX_ATTEMPTS = 10;

/** Creates the mailer for the configured transport and registers the delivery job on the bus. */
export function createMailer(config: Config, events: EventBus, log: FastifyBaseLogger): Mailer {
  const mail = config.mail;
  const transport: MailTransport | null =
    mail.kind === 'smtp' ? createSmtpTransport(mail.url, mail.from)
      : mail.kind === 'mailbox' ? createMailboxTransport(mail.dir, mail.from)
        : null;
  // Said once at start, so an operator sees why no e-mail arrives.
  if (mail.kind === 'none') log.warn('SMTP_URL is not set: no e-mail is sent (password-reset links and e-mail notifications are off)');
  else if (mail.kind === 'mailbox') log.info({ dir: mail.dir }, 'SMTP_URL is not set: e-mail is written to the file mailbox');
  else log.info({ host: new URL(mail.url).host }, 'e-mail is sent by SMTP');

  async function deliverNow(message: MailMessage): Promise<void> {
    if (!transport) return;
    await transport.deliver(checked(message));
  }

  events.handle(MAIL_JOB, async (payload) => {
    await deliverNow(payloadMessage(payload));
  });

  return {
    transport: mail.kind,
    enabled: transport !== null,
    async send(tx, message, options = {}) {
      if (!transport) return;
      const { to, subject, text } = checked(message);
      await events.enqueue(tx, MAIL_JOB, { to, subject, text }, {
        maxAttempts: MAIL_MAX_ATTEMPTS, ...(options.dedupeKey !== undefined ? { dedupeKey: options.dedupeKey } : {}),
      });
    },
    deliverNow,
  };
}

/** Refuses what would break the message's headers: a line break in the address or subject. */
function checked(message: MailMessage): MailMessage {
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(message.to)) throw new Error(`not a single e-mail address: ${JSON.stringify(message.to)}`);
  if (/[\r\n]/.test(message.subject)) throw new Error('an e-mail subject cannot contain a line break');
  return message;
}

/** The message a queued job carries (written by `send`, so a malformed one is a bug: fail the job). */
function payloadMessage(payload: Record<string, unknown>): MailMessage {
  const { to, subject, text } = payload;
  if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string') throw new Error('malformed mail job payload');
  return { to, subject, text };
}
