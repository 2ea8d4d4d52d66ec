import nodemailer from 'nodemailer';
import { writeMailboxFile } from './mail.mailbox.js';
import type { MailMessage } from './index.js';

/** Hands one message to wherever mail goes; throws when it could not be handed over. */
export interface MailTransport {
  deliver(message: MailMessage): Promise<void>;
}

/**
 * SMTP through nodemailer: STARTTLS when the server offers it (smtp://), TLS from the start with
 * smtps://. Timeouts are short so a hung server fails the job (and it is retried) instead of holding
 * a job slot for minutes.
 */
export function createSmtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async deliver(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** The development mailbox: one readable UTF-8 file per message in `dir`, so the text can be checked. */
export function createMailboxTransport(dir: string, from: string): MailTransport {
  return {
    async deliver(message) {
      await writeMailboxFile(dir, from, message);
    },
  };
}
