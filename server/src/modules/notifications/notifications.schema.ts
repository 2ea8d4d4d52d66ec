import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Label = Type.Object({ id: Type.String(), en: Type.String() });

/** Notifications shown per page of the centre. */
export const PAGE_SIZE = 20;
/** Deepest page anyone may ask for (the centre shows the newest; older ones are history). */
export const MAX_PAGE = 500;

export const NotificationIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'true: hanya yang belum dibaca' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
}, { additionalProperties: false });
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const NotificationView = Type.Object({
  id: Uuid,
  kind: Type.String(),
  kindLabel: Label,
  /** For a confidential item only "Ada naskah rahasia untuk Anda"; its body is empty. */
  title: Type.String(),
  body: Type.String(),
  /** Site path to open, or null. */
  link: Nullable(Type.String()),
  confidential: Type.Boolean(),
  /** Addressed to the account itself, or to a position the account holds or acts for. */
  position: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Nullable(Type.String({ format: 'date-time' })),
});
export type NotificationView = Static<typeof NotificationView>;

export const NotificationPage = Type.Object({
  items: Type.Array(NotificationView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  unread: Type.Integer(),
});
export type NotificationPage = Static<typeof NotificationPage>;

export const UnreadCount = Type.Object({ unread: Type.Integer() });
export type UnreadCount = Static<typeof UnreadCount>;

export const MarkedRead = Type.Object({ marked: Type.Integer(), unread: Type.Integer() });
export type MarkedRead = Static<typeof MarkedRead>;

export const PreferencesView = Type.Object({
  /** False when the platform sends no e-mail or the account has no address: the web then explains instead of offering switches. */
  emailAvailable: Type.Boolean(),
  /** At most this many notification e-mails an hour; the rest wait in the centre. */
  hourlyMailLimit: Type.Integer(),
  kinds: Type.Array(Type.Object({ kind: Type.String(), label: Label, email: Type.Boolean(), emailByDefault: Type.Boolean() })),
});
export type PreferencesView = Static<typeof PreferencesView>;

export const PreferencesBody = Type.Object({
  kinds: Type.Array(Type.Object({
    kind: Type.String({ minLength: 1, maxLength: 100 }),
    email: Type.Boolean(),
  }, { additionalProperties: false }), { maxItems: 200 }),
}, { additionalProperties: false });
export type PreferencesBody = Static<typeof PreferencesBody>;
