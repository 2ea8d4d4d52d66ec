import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../platform/index.js';
import {
  ChangePasswordBody, CreatedTokenView, CreateTokenBody, CreateUserBody, IdParams, LinkEmployeeBody, ListUsersQuery, LoginBody,
  PasswordResetAnswer, PasswordResetConfirmBody, PasswordResetRequestBody, RegisterBody, TemporaryPasswordView,
  RoleList, SessionView, TokenView, TotpDisableBody, TotpEnableBody, TotpSetupView, UpdateUserBody, UserList, UserView,
} from './identity.schema.js';
import type { IdentityService } from './identity.service.js';
import type { SignedIn } from './identity.sessions.js';

/** Name of the session cookie (HttpOnly; the web app never reads it). */
export const SESSION_COOKIE = 'tsc_session';

const authTags = ['auth'];
const userTags = ['users'];
const NoContent = { 204: Type.Null() };
// Per client address. Generous, because a whole office may share one public address; the
// per-username lockout is what stops password guessing.
const SIGN_IN_LIMIT = { max: 30, timeWindow: '1 minute' };
const REGISTER_LIMIT = { max: 20, timeWindow: '10 minutes' };
// Per client address, like sign-in; the per-account limit (links per hour) is the recovery area's.
const RESET_REQUEST_LIMIT = { max: 20, timeWindow: '15 minutes' };
const RESET_CONFIRM_LIMIT = { max: 30, timeWindow: '15 minutes' };

/** Identity routes: sign-in, session, registration, password, API tokens, TOTP, user administration. */
export function identityRoutes(app: App, identity: IdentityService, secureCookies: boolean): void {
  const { sessions, registration, passwords, recovery, tokens, totp, users, grants } = identity;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: secureCookies };
  const startSession = (reply: FastifyReply, signedIn: SignedIn) => {
    reply.header('cache-control', 'no-store').setCookie(SESSION_COOKIE, signedIn.sessionToken, { ...cookieOptions, expires: signedIn.expiresAt });
    return signedIn.view;
  };

  app.post('/api/auth/login', {
    schema: { tags: authTags, summary: 'Masuk dengan nama pengguna dan kata sandi', body: LoginBody, response: { 200: SessionView } },
    config: { access: 'public', rateLimit: SIGN_IN_LIMIT },
  }, async (req, reply) => startSession(reply, await sessions.signIn(req.ctx, req.body)));

  app.get('/api/auth/me', {
    schema: { tags: authTags, summary: 'Pengguna yang sedang masuk', response: { 200: SessionView } },
    config: { access: 'authenticated' },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return sessions.me(req.ctx);
  });

  app.post('/api/auth/logout', {
    // Public, but a session cookie, when sent, is the one that ends: the credentials are optional.
    schema: { tags: authTags, summary: 'Keluar', security: [{}, { session: [] }], response: NoContent },
    config: { access: 'public' },
  }, async (req, reply) => {
    await sessions.signOut(req.ctx);
    return reply.clearCookie(SESSION_COOKIE, cookieOptions).code(204).send(null);
  });

  app.post('/api/auth/logout-everywhere', {
    schema: { tags: authTags, summary: 'Keluar dari semua perangkat (semua sesi diakhiri, semua token API dicabut)', response: NoContent },
    config: { access: 'authenticated' },
  }, async (req, reply) => {
    await sessions.signOutEverywhere(req.ctx);
    return reply.clearCookie(SESSION_COOKIE, cookieOptions).code(204).send(null);
  });

  app.post('/api/auth/register', {
    schema: { tags: authTags, summary: 'Daftar akun warga', body: RegisterBody, response: { 201: SessionView } },
    config: { access: 'public', rateLimit: REGISTER_LIMIT },
  }, async (req, reply) => reply.code(201).send(startSession(reply, await registration.register(req.ctx, req.body))));

  app.post('/api/auth/password', {
    schema: { tags: authTags, summary: 'Ganti kata sandi (sesi lain diakhiri, token API dicabut)', body: ChangePasswordBody, response: NoContent },
    config: { access: 'authenticated' },
  }, async (req, reply) => {
    await passwords.change(req.ctx, req.body);
    return reply.code(204).send(null);
  });

  app.post('/api/auth/password-reset', {
    schema: {
      tags: authTags, summary: 'Minta tautan atur ulang kata sandi lewat e-mail (jawaban sama, ada atau tidak akunnya)',
      body: PasswordResetRequestBody, response: { 202: PasswordResetAnswer },
    },
    config: { access: 'public', rateLimit: RESET_REQUEST_LIMIT },
  }, async (req, reply) => reply.code(202).send(await recovery.request(req.ctx, req.body)));

  app.post('/api/auth/password-reset/confirm', {
    schema: { tags: authTags, summary: 'Atur kata sandi baru dengan tautan dari e-mail (semua sesi dan token API diakhiri)', body: PasswordResetConfirmBody, response: NoContent },
    config: { access: 'public', rateLimit: RESET_CONFIRM_LIMIT },
  }, async (req, reply) => {
    await recovery.confirm(req.ctx, req.body);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/tokens', {
    schema: { tags: authTags, summary: 'Token API milik saya', response: { 200: Type.Array(TokenView) } },
    config: { access: 'authenticated' },
  }, (req) => tokens.list(req.ctx));

  app.post('/api/auth/tokens', {
    schema: { tags: authTags, summary: 'Buat token API (ditampilkan sekali)', body: CreateTokenBody, response: { 201: CreatedTokenView } },
    config: { access: 'authenticated' },
  }, async (req, reply) => reply.header('cache-control', 'no-store').code(201).send(await tokens.create(req.ctx, req.body)));

  app.delete('/api/auth/tokens/:id', {
    schema: { tags: authTags, summary: 'Cabut token API', params: IdParams, response: NoContent },
    config: { access: 'authenticated' },
  }, async (req, reply) => {
    await tokens.revoke(req.ctx, req.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/auth/totp/setup', {
    schema: { tags: authTags, summary: 'Mulai memasang autentikator (pegawai)', response: { 200: TotpSetupView } },
    config: { access: 'authenticated' },
  }, async (req, reply) => reply.header('cache-control', 'no-store').send(await totp.setup(req.ctx)));

  app.post('/api/auth/totp/enable', {
    schema: { tags: authTags, summary: 'Aktifkan autentikasi dua langkah', body: TotpEnableBody, response: NoContent },
    config: { access: 'authenticated' },
  }, async (req, reply) => {
    await totp.enable(req.ctx, req.body.code);
    return reply.code(204).send(null);
  });

  app.post('/api/auth/totp/disable', {
    schema: { tags: authTags, summary: 'Nonaktifkan autentikasi dua langkah', body: TotpDisableBody, response: NoContent },
    config: { access: 'authenticated' },
  }, async (req, reply) => {
    await totp.disable(req.ctx, req.body.password);
    return reply.code(204).send(null);
  });

  app.get('/api/users', {
    schema: { tags: userTags, summary: 'Daftar pengguna (semua, atau satu perangkat daerah)', querystring: ListUsersQuery, response: { 200: UserList } },
    config: { access: 'authenticated' },
  }, (req) => users.list(req.ctx, req.query));

  app.get('/api/roles', {
    schema: { tags: userTags, summary: 'Katalog peran: label, keterangan, dan apakah Anda dapat memberikannya', response: { 200: RoleList } },
    config: { access: { anyPermission: ['users:manage', 'users:manage-agency'] } },
  }, (req) => grants.list(req.ctx));

  app.post('/api/users', {
    schema: { tags: userTags, summary: 'Buat akun pegawai', body: CreateUserBody, response: { 201: UserView } },
    config: { access: 'authenticated' },
  }, async (req, reply) => reply.code(201).send(await users.create(req.ctx, req.body)));

  app.get('/api/users/:id', {
    schema: { tags: userTags, summary: 'Satu pengguna', params: IdParams, response: { 200: UserView } },
    config: { access: 'authenticated' },
  }, (req) => users.get(req.ctx, req.params.id));

  app.patch('/api/users/:id', {
    schema: { tags: userTags, summary: 'Ubah nama, perangkat daerah, peran atau status pengguna', params: IdParams, body: UpdateUserBody, response: { 200: UserView } },
    config: { access: 'authenticated' },
  }, (req) => users.update(req.ctx, req.params.id, req.body));

  app.post('/api/users/:id/password-reset', {
    schema: {
      tags: userTags, summary: 'Atur ulang kata sandi pengguna: kata sandi sementara, wajib diganti saat masuk (sesi dan token diakhiri)',
      params: IdParams, response: { 200: TemporaryPasswordView },
    },
    config: { access: 'authenticated' },
  }, async (req, reply) => reply.header('cache-control', 'no-store').send(await recovery.resetByAdministrator(req.ctx, req.params.id)));

  // Linking a staff account to its SIMPEG record: full user administrators only, since the account
  // then reads the record's personal data (the service checks again, and scopes the account).
  app.put('/api/users/:id/employee', {
    schema: { tags: userTags, summary: 'Tautkan akun pegawai ke data kepegawaiannya (NIP)', params: IdParams, body: LinkEmployeeBody, response: { 200: UserView } },
    config: { access: { permission: 'users:manage' } },
  }, (req) => users.linkEmployee(req.ctx, req.params.id, req.body));

  app.delete('/api/users/:id/employee', {
    schema: { tags: userTags, summary: 'Lepaskan tautan akun dari data kepegawaian', params: IdParams, response: { 200: UserView } },
    config: { access: { permission: 'users:manage' } },
  }, (req) => users.unlinkEmployee(req.ctx, req.params.id));
}
