import { defineEvent } from './events/index.js';

/**
 * A kind of notification, declared by the module that sends it (`defineNotificationKind` in its
 * `<m>.notifications.ts`) and listed in `NOTIFICATION_KINDS` in `modules.ts`, so the preferences page
 * shows every kind before the first one is sent.
 */
export interface NotificationKind {
  /** `<module>.<what>`, stored with each notification and preference: never rename one. */
  readonly name: string;
  readonly label: { readonly id: string; readonly en: string };
  /** Whether a user who never chose is e-mailed for this kind. */
  readonly emailByDefault: boolean;
}

const KIND_NAME = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/** Declares a notification kind; a badly formed name stops the start. */
export function defineNotificationKind(kind: NotificationKind): NotificationKind {
  if (!KIND_NAME.test(kind.name)) throw new Error(`notification kind "${kind.name}" must look like module.what_happened`);
  return Object.freeze({ ...kind, label: Object.freeze({ ...kind.label }) });
}

/** Whom a notification is for: one account, or whoever holds or acts for a position when they look. */
export type NotifyRecipient = { userId: string } | { positionId: string };

/**
 * Payload of `platform.notify`. A confidential item (a Rahasia letter) carries no title or body at
 * all: the outbox keeps payloads for days, so its content never enters it.
 */
export type NotifyPayload = {
  kind: string;
  to: NotifyRecipient;
  /** Site path the notification opens, e.g. `/eoffice/surat/…`. */
  link: string | null;
  /** Stable key of what this is about; a second publish with the same key is stored once. */
  key?: string;
} & ({ confidential: true } | { confidential?: false; title: string; body: string });

/**
 * Any module notifies by publishing this event in the transaction of its change
 * (`platform.events.publish(tx, NOTIFY, { kind, to, title, body, link })`); the notifications
 * module stores it, and mails it when the recipient's preference says so.
 */
export const NOTIFY = defineEvent<NotifyPayload>('platform.notify');

/** What a confidential notification says, in the centre and in mail. */
export const CONFIDENTIAL_TITLE = 'Ada naskah rahasia untuk Anda';
