import { Type, type Static, type TSchema } from 'typebox';
import { Text } from '../../platform/http/schema.js';
import { APP_KEYS } from './identity.policy.js';

// Free text may not carry control characters (they break logs and PostgreSQL rejects NUL).
const PLAIN = '^[^\\u0000-\\u001f\\u007f]*$';
const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Username = Type.String({
  minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9._-]+$',
  description: 'Huruf, angka, titik, garis bawah atau tanda hubung; disimpan dalam huruf kecil',
});
export const DisplayName = Text({ maxLength: 100, pattern: PLAIN });
export const Password = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Phone = Type.String({ pattern: '^(\\+62|0)8[0-9]{7,12}$', maxLength: 16, description: 'Nomor ponsel Indonesia, mis. 081234567890' });
const TotpCode = Type.String({ pattern: '^[0-9]{6}$', maxLength: 6, description: 'Kode 6 angka dari aplikasi autentikator' });
/** NIP or NI PPPK as people type it (18 digits, spaces allowed between groups). */
const Nip = Type.String({ minLength: 18, maxLength: 24, pattern: '^[0-9 ]+$', description: 'NIP atau NI PPPK, 18 angka (spasi boleh)' });
/** A role's name; which roles exist is the catalogue's to say (GET /api/roles), checked by the service. */
const RoleName = Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z][a-z0-9_]+$', description: 'Nama peran, lihat GET /api/roles' });
/** At most this many roles in one account (the catalogue has fewer staff or citizen roles than this). */
const MAX_ROLES = 20;
const UserKind = Type.Union([Type.Literal('staff'), Type.Literal('citizen')]);

export const AgencyRef = Type.Object({ id: Uuid, name: Type.String(), shortName: Type.String() });
export type AgencyRef = Static<typeof AgencyRef>;

/** The signed-in user as the web app sees them. */
export const Me = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  kind: UserKind,
  agency: Nullable(AgencyRef),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  apps: Type.Array(Type.Enum(APP_KEYS)),
  totpEnabled: Type.Boolean(),
  email: Nullable(Type.String()),
  /** False until the address is known to be the user's (a citizen's own address, until verification by link exists). */
  emailVerified: Type.Boolean(),
  /** True after an administrator set a temporary password: the web sends the user to change it first. */
  mustChangePassword: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const SessionView = Type.Object({ user: Me, csrfToken: Type.String() });
export type SessionView = Static<typeof SessionView>;

export const LoginBody = Type.Object(
  {
    username: Text({ maxLength: 100, pattern: PLAIN }),
    password: Password,
    totp: Type.Optional(TotpCode),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const RegisterBody = Type.Object(
  { username: Username, displayName: DisplayName, email: Type.Optional(Email), phone: Type.Optional(Phone), password: Password },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

/** Asks for a reset link by username or e-mail address. */
export const PasswordResetRequestBody = Type.Object(
  { login: Text({ maxLength: 254, pattern: PLAIN, description: 'Nama pengguna atau alamat e-mail akun' }) },
  { additionalProperties: false },
);
export type PasswordResetRequestBody = Static<typeof PasswordResetRequestBody>;

/** The one answer to a reset request, whatever account it named. */
export const PasswordResetAnswer = Type.Object({ message: Type.String() });
export type PasswordResetAnswer = Static<typeof PasswordResetAnswer>;

/** Sets a new password with the token from a mailed link. */
export const PasswordResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$', description: 'Token dari tautan di e-mail' }), newPassword: Password },
  { additionalProperties: false },
);
export type PasswordResetConfirmBody = Static<typeof PasswordResetConfirmBody>;

/** A temporary password set by an administrator: shown once, to be changed at the next sign-in. */
export const TemporaryPasswordView = Type.Object({
  temporaryPassword: Type.String({ description: 'Ditampilkan sekali ini saja; serahkan kepada pemilik akun' }),
  mustChangePassword: Type.Literal(true),
});
export type TemporaryPasswordView = Static<typeof TemporaryPasswordView>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const TokenView = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});
export type TokenView = Static<typeof TokenView>;

export const CreatedTokenView = Type.Object({
  token: Type.String({ description: 'Ditampilkan sekali ini saja; simpan di tempat aman' }),
  ...TokenView.properties,
});
export type CreatedTokenView = Static<typeof CreatedTokenView>;

export const CreateTokenBody = Type.Object(
  {
    name: Text({ maxLength: 100, pattern: PLAIN }),
    scopes: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'Masa berlaku dalam hari (bawaan 90, paling lama 365)' })),
  },
  { additionalProperties: false },
);
export type CreateTokenBody = Static<typeof CreateTokenBody>;

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const TotpSetupView = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
export type TotpSetupView = Static<typeof TotpSetupView>;
export const TotpEnableBody = Type.Object({ code: TotpCode }, { additionalProperties: false });
export const TotpDisableBody = Type.Object({ password: Password }, { additionalProperties: false });

/** The employee record an account is linked to, as user administrators see it. */
export const LinkedEmployee = Type.Object({ id: Uuid, nip: Type.String(), displayName: Type.String() });
export type LinkedEmployee = Static<typeof LinkedEmployee>;

/** What the caller may do with the user (computed by identity.policy; the web copies no rule). */
export const UserAbilities = Type.Object({
  edit: Type.Boolean(),
  resetPassword: Type.Boolean(),
  linkEmployee: Type.Boolean(),
  unlinkEmployee: Type.Boolean(),
});
export type UserAbilities = Static<typeof UserAbilities>;

/** A user as user administrators see them. */
export const UserView = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  emailVerified: Type.Boolean(),
  kind: UserKind,
  agency: Nullable(AgencyRef),
  roles: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  totpEnabled: Type.Boolean(),
  lastLoginAt: Nullable(Timestamp),
  createdAt: Timestamp,
  /** The SIMPEG record the account is linked to; null when none. */
  employee: Nullable(LinkedEmployee),
  abilities: UserAbilities,
});
export type UserView = Static<typeof UserView>;

export const UserList = Type.Object({ items: Type.Array(UserView), total: Type.Integer() });
export type UserList = Static<typeof UserList>;

export const ListUsersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, pattern: PLAIN, description: 'Cari pada nama pengguna atau nama' })),
    kind: Type.Optional(UserKind),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type ListUsersQuery = Static<typeof ListUsersQuery>;

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    email: Type.Optional(Email),
    agencyId: Uuid,
    roles: Type.Array(RoleName, { minItems: 1, maxItems: MAX_ROLES, uniqueItems: true }),
    password: Password,
    /** NIP or NI PPPK of the person's SIMPEG record in the same agency; links the account to it. */
    nip: Type.Optional(Nip),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    agencyId: Type.Optional(Uuid),
    roles: Type.Optional(Type.Array(RoleName, { minItems: 1, maxItems: MAX_ROLES, uniqueItems: true })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

/** Links a staff account to the SIMPEG record with this NIP (of the account's agency). */
export const LinkEmployeeBody = Type.Object({ nip: Nip }, { additionalProperties: false });
export type LinkEmployeeBody = Static<typeof LinkEmployeeBody>;

/** A role as user administration shows it, and whether the caller may grant (or take away) it. */
export const RoleView = Type.Object({
  name: Type.String(),
  kind: UserKind,
  label: Type.Object({ id: Type.String(), en: Type.String() }),
  description: Type.Object({ id: Type.String(), en: Type.String() }),
  /** The module that declares it (`personnel`, `identity`…). */
  module: Type.String(),
  /** True when the caller holds every permission it grants, so may grant or take it away. */
  grantable: Type.Boolean(),
  /** True for the one kind a citizen gains through a module's own flow (registering a business). */
  selfService: Type.Boolean(),
});
export type RoleView = Static<typeof RoleView>;

export const RoleList = Type.Object({ items: Type.Array(RoleView) });
export type RoleList = Static<typeof RoleList>;
