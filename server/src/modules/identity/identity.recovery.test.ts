import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, signIn, signInAdministrators, TEST_PASSWORD, type Administrators, type SessionHeaders } from '../../../test/factories.js';
import { queryRows } from '../../platform/db/index.js';
import { readMailbox, type MailboxEntry } from '../../platform/mail/index.js';

let t: TestApp;
let as: Administrators;
const STRONG = 'kopi-tubruk-Lebaksiu-88';
const NEWER = 'teh-poci-gula-batu-2026';

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  ({ as } = await signInAdministrators(t));
});
afterAll(() => t.close());

let addressCounter = 0;
/** A client address of its own per test, so the per-address limit of one test does not reach another. */
const freshAddress = () => `10.60.${++addressCounter}.1`;

async function mailbox(): Promise<MailboxEntry[]> {
  const mail = t.platform.config.mail;
  if (mail.kind !== 'mailbox') throw new Error('the tests expect the file mailbox');
  return readMailbox(mail.dir);
}

/** Messages to one address, oldest first. */
const mailTo = async (to: string) => (await mailbox()).filter((m) => m.to === to);
const tokenIn = (mail: MailboxEntry) => /\/atur-ulang-sandi\?token=([\w-]+)/.exec(mail.text)![1]!;

function requestReset(login: string, remoteAddress = freshAddress()) {
  return t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { login }, remoteAddress });
}
function confirmReset(token: string, newPassword: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword } });
}
const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: freshAddress() });

/** Registers a citizen with an e-mail address (signed in, as registration does); returns the session. */
async function registerCitizen(username: string, email: string): Promise<SessionHeaders> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/auth/register', remoteAddress: freshAddress(),
    payload: { username, displayName: `Warga ${username}`, email, password: STRONG },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { cookie: `tsc_session=${res.cookies.find((c) => c.name === 'tsc_session')!.value}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(t.platform.db, sql`SELECT action FROM audit_log WHERE entity_id = ${userId} ORDER BY id`);
  return rows.map((r) => r.action);
}

describe('password reset by e-mail', () => {
  it('answers a known and an unknown account alike, and mails a link only to the known one', async () => {
    await registerCitizen('sari.warga', 'sari@example.id');
    const known = await requestReset('sari.warga');
    const unknown = await requestReset('tidak.ada.orangnya');
    const unknownAddress = await requestReset('siapa@example.id');
    expect(known.statusCode).toBe(202);
    for (const other of [unknown, unknownAddress]) {
      expect(other.statusCode).toBe(202);
      expect(other.json()).toEqual(known.json());
    }
    await t.platform.events.drain();
    const mails = await mailTo('sari@example.id');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Atur ulang kata sandi akun Anda');
    expect(mails[0]!.text).toContain('"sari.warga"');
    expect(mails[0]!.text).toMatch(new RegExp(`^${t.platform.config.publicUrl}/atur-ulang-sandi\\?token=[\\w-]{43}$`, 'm'));
    expect(await mailTo('siapa@example.id')).toEqual([]);
    // The token lives only in the mail: neither the queue nor the link table holds it.
    const token = tokenIn(mails[0]!);
    const stored = await queryRows<{ n: number }>(t.platform.db, sql`
      SELECT (SELECT count(*) FROM jobs WHERE payload::text LIKE ${`%${token}%`})::int
           + (SELECT count(*) FROM password_reset_tokens WHERE token_hash = ${token})::int AS n`);
    expect(stored[0]!.n).toBe(0);
  });

  it('finds the account by its e-mail address too', async () => {
    await registerCitizen('budi.warga', 'Budi.Santoso@Example.id');
    expect((await requestReset(' budi.santoso@example.id ')).statusCode).toBe(202);
    await t.platform.events.drain();
    expect(await mailTo('budi.santoso@example.id')).toHaveLength(1);
  });

  it('sets the new password once, ends every session and API token, and then refuses the link', async () => {
    const citizen = await registerCitizen('rina.warga', 'rina@example.id');
    const apiToken = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: citizen, payload: { name: 'skrip', scopes: ['app:segalengko'] } });
    expect(apiToken.statusCode).toBe(201);
    await requestReset('rina.warga');
    await t.platform.events.drain();
    const token = tokenIn((await mailTo('rina@example.id')).at(-1)!);

    const weak = await confirmReset(token, 'rina12345');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('weak_password'); // a weak password does not use the link up
    const done = await confirmReset(token, NEWER);
    expect(done.statusCode, done.body).toBe(204);

    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: citizen })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${apiToken.json().token}` } })).statusCode).toBe(401);
    expect((await login('rina.warga', STRONG)).statusCode).toBe(401);
    expect((await login('rina.warga', NEWER)).statusCode).toBe(200);

    const again = await confirmReset(token, 'lagi-lagi-teh-poci-2027');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'invalid_reset_token', details: { fields: { 'body.token': expect.any(String) } } });
    const unknown = await confirmReset('bukan-token-yang-pernah-dikirim', 'lagi-lagi-teh-poci-2027');
    expect(unknown.json()).toMatchObject({ code: 'invalid_reset_token' });
    const userId = (await t.modules.identity.api.findUserByUsername('rina.warga'))!.id;
    expect(await auditActions(userId)).toEqual(expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']));
  });

  it('refuses a link past its 30 minutes', async () => {
    await registerCitizen('dewi.warga', 'dewi@example.id');
    await requestReset('dewi.warga');
    await t.platform.events.drain();
    const token = tokenIn((await mailTo('dewi@example.id')).at(-1)!);
    await t.platform.db.execute(sql`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second'
      WHERE user_id = (SELECT id FROM users WHERE username = 'dewi.warga')`);
    const res = await confirmReset(token, NEWER);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_reset_token');
    expect((await login('dewi.warga', STRONG)).statusCode).toBe(200);
  });

  it('ends an earlier link when a newer one is mailed', async () => {
    await registerCitizen('eko.warga', 'eko@example.id');
    await requestReset('eko.warga');
    await t.platform.events.drain();
    await requestReset('eko.warga');
    await t.platform.events.drain();
    const [first, second] = await mailTo('eko@example.id');
    expect((await confirmReset(tokenIn(first!), NEWER)).json().code).toBe('invalid_reset_token');
    expect((await confirmReset(tokenIn(second!), NEWER)).statusCode).toBe(204);
  });

  it('mails one account at most three links an hour, and limits requests per client address', async () => {
    await registerCitizen('fajar.warga', 'fajar@example.id');
    for (let i = 0; i < 5; i++) expect((await requestReset('fajar.warga')).statusCode).toBe(202);
    await t.platform.events.drain();
    expect(await mailTo('fajar@example.id')).toHaveLength(3);

    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await requestReset(`orang.${i}`, address)).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
    await t.platform.events.drain();
  });

  it('mails nothing for an account without an address or a disabled one', async () => {
    await makeUser(t, { username: 'tanpa.surel', roles: ['citizen'], kind: 'citizen' });
    const citizen = await registerCitizen('nonaktif.warga', 'nonaktif@example.id');
    expect(citizen.cookie).toBeTruthy();
    const id = (await t.modules.identity.api.findUserByUsername('nonaktif.warga'))!.id;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: as.admin, payload: { status: 'disabled' } })).statusCode).toBe(200);
    const before = (await mailbox()).length;
    expect((await requestReset('tanpa.surel')).statusCode).toBe(202);
    expect((await requestReset('nonaktif.warga')).statusCode).toBe(202);
    await t.platform.events.drain();
    expect(await mailbox()).toHaveLength(before);
  });
});

describe('password reset by an administrator', () => {
  const reset = (id: string, headers: SessionHeaders) => t.app.inject({ method: 'POST', url: `/api/users/${id}/password-reset`, headers });

  it('gives a temporary password that must be changed at the next sign-in, ending sessions and tokens', async () => {
    const id = await makeUser(t, { username: 'pegawai.lupa', roles: ['employee'], agency: 'diskominfo' });
    const own = await signIn(t, 'pegawai.lupa');
    const res = await reset(id, as['opd.admin']);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    expect(temporaryPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: own })).statusCode).toBe(401);
    expect((await login('pegawai.lupa', TEST_PASSWORD)).statusCode).toBe(401);

    const signedIn = await login('pegawai.lupa', temporaryPassword);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustChangePassword).toBe(true);
    const headers = { cookie: `tsc_session=${signedIn.cookies.find((c) => c.name === 'tsc_session')!.value}`, 'x-csrf-token': signedIn.json().csrfToken };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).json().user.mustChangePassword).toBe(true);
    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { currentPassword: temporaryPassword, newPassword: NEWER } });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).json().user.mustChangePassword).toBe(false);
    expect(await auditActions(id)).toContain('user.password_reset');
  });

  it('answers 404 outside the administrator\'s scope and 403 to someone who manages no users', async () => {
    const elsewhere = await makeUser(t, { username: 'pegawai.bkpsdm', roles: ['employee'], agency: 'bkpsdm' });
    const citizen = await makeUser(t, { username: 'warga.biasa', roles: ['citizen'], kind: 'citizen' });
    const platformAdmin = (await t.modules.identity.api.findUserByUsername('admin'))!.id;
    expect((await reset(elsewhere, as['opd.admin'])).statusCode).toBe(404);
    expect((await reset(citizen, as['opd.admin'])).statusCode).toBe(404);
    expect((await reset(platformAdmin, as['opd.admin'])).statusCode).toBe(404);
    expect((await reset('00000000-0000-4000-8000-000000000000', as.admin)).statusCode).toBe(404);
    expect((await reset(elsewhere, await signIn(t, 'warga.biasa'))).statusCode).toBe(403);
    // A full user administrator reaches everyone; nobody resets their own password this way.
    expect((await reset(citizen, as.admin)).statusCode).toBe(200);
    expect((await reset(platformAdmin, as.admin)).json().code).toBe('cannot_reset_self');
    expect((await login('pegawai.bkpsdm', TEST_PASSWORD)).statusCode).toBe(200); // untouched
  });
});
