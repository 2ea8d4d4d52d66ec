import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeNip, makeUser, signIn, signInAdministrators, type SessionHeaders } from '../../../test/factories.js';
import { systemContext } from '../../platform/context.js';
import { inTransaction, queryRows } from '../../platform/db/index.js';
import { readMailbox } from '../../platform/mail/index.js';
import { CONFIDENTIAL_TITLE, NOTIFY, type NotifyPayload } from '../../platform/notify.js';
import type { EmployeeProfile, PositionView, UnitNode } from '../personnel/index.js';
import { MAILS_PER_HOUR } from './notifications.policy.js';
import type { MarkedRead, NotificationPage, PreferencesView, UnreadCount } from './notifications.schema.js';

const KIND = 'personnel.delegation_assigned';

let t: TestApp;
let bkpsdm: SessionHeaders;
const people: Record<string, { userId: string; session: SessionHeaders; email: string; employeeId?: string }> = {};
let headPosition: PositionView;

async function person(username: string, agencyId?: string): Promise<void> {
  const userId = await makeUser(t, { username, roles: ['employee'], agency: 'diskominfo' });
  const email = `${username}@tegalkab.go.id`;
  await queryRows(t.platform.db, sql`UPDATE users SET email = ${email}, email_verified = true WHERE id = ${userId}`);
  people[username] = { userId, session: await signIn(t, username), email };
  if (!agencyId) return;
  const seq = Object.keys(people).length;
  const res = await t.app.inject({
    method: 'POST', url: '/api/employees', headers: bkpsdm, payload: {
      nip: makeNip('1985-04-0' + seq, '2010-03', 'female', seq), kind: 'pns', name: `Pegawai ${username}`, gender: 'female',
      birthDate: '1985-04-0' + seq, rank: 'III/c', educationLevel: 'S1', agencyId,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const employeeId = res.json<EmployeeProfile>().id;
  await t.modules.personnel.api.linkAccount(systemContext(t.platform.today()), employeeId, userId);
  people[username]!.employeeId = employeeId;
}

async function notify(payload: NotifyPayload): Promise<void> {
  await inTransaction(t.platform.db, (tx) => t.platform.events.publish(tx, NOTIFY, payload));
  await t.platform.events.drain();
}

const note = (title: string, to: NotifyPayload['to'], extra: Partial<NotifyPayload> = {}): NotifyPayload =>
  ({ kind: KIND, to, title, body: `Isi ${title}`, link: '/simpeg/saya', ...extra }) as NotifyPayload;

async function call<T>(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = 200): Promise<T> {
  const res = await t.app.inject({ method, url, headers: people[who]!.session, ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}
const list = (who: string, query = '') => call<NotificationPage>(who, 'GET', `/api/notifications${query}`);
const unread = async (who: string) => (await call<UnreadCount>(who, 'GET', '/api/notifications/unread-count')).unread;
async function mailsTo(who: string) {
  const mail = t.platform.config.mail;
  if (mail.kind !== 'mailbox') throw new Error('tests use the file mailbox');
  return (await readMailbox(mail.dir)).filter((m) => m.to === people[who]!.email);
}

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  bkpsdm = (await signInAdministrators(t)).as.bkpsdm;
  const agencyId = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!.id;
  const top = (await t.app.inject({ method: 'GET', url: `/api/agencies/${agencyId}/units`, headers: bkpsdm })).json<UnitNode[]>()[0]!;
  const unit = await t.app.inject({ method: 'POST', url: `/api/agencies/${agencyId}/units`, headers: bkpsdm,
    payload: { parentId: top.id, name: 'Bidang Notifikasi', shortName: 'Bid. Notif', kind: 'bidang' } });
  const pos = await t.app.inject({ method: 'POST', url: `/api/units/${unit.json<UnitNode>().id}/positions`, headers: bkpsdm,
    payload: { title: 'Kepala Bidang Notifikasi', kind: 'administrator', eselon: 'III.b', isHead: true } });
  expect(pos.statusCode, pos.body).toBe(201);
  headPosition = pos.json<PositionView>();
  await person('kabid', agencyId);
  await person('plh', agencyId);
  await person('lain');
  const assigned = await t.app.inject({ method: 'POST', url: `/api/employees/${people.kabid!.employeeId}/assignments`, headers: bkpsdm,
    payload: { positionId: headPosition.id, startDate: '2024-01-02' } });
  expect(assigned.statusCode, assigned.body).toBe(201);
});
afterAll(() => t.close());

describe('notification centre', () => {
  it('delivers to one account, which alone sees it and may mark it read', async () => {
    await notify(note('Untuk kabid pribadi', { userId: people.kabid!.userId }, { key: 'user-1' }));
    await notify(note('Untuk kabid pribadi', { userId: people.kabid!.userId }, { key: 'user-1' })); // same key: stored once
    const page = await list('kabid');
    const item = page.items.find((i) => i.title === 'Untuk kabid pribadi')!;
    expect(page.items.filter((i) => i.title === 'Untuk kabid pribadi')).toHaveLength(1);
    expect(item).toMatchObject({ body: 'Isi Untuk kabid pribadi', link: '/simpeg/saya', readAt: null, position: null, kindLabel: { id: 'Penunjukan Plt/Plh' } });
    expect((await list('lain')).items.some((i) => i.id === item.id)).toBe(false);
    await call('lain', 'POST', `/api/notifications/${item.id}/read`, undefined, 404); // another's: as if it did not exist
    const before = await unread('kabid');
    const marked = await call<MarkedRead>('kabid', 'POST', `/api/notifications/${item.id}/read`);
    expect(marked.unread).toBe(before - 1);
    expect((await list('kabid', '?unread=true')).items.some((i) => i.id === item.id)).toBe(false);
    expect((await list('kabid')).items.find((i) => i.id === item.id)!.readAt).not.toBeNull();
  });

  it('shows a position\'s notification to its holder, and to a Plh once in force, with read state per account', async () => {
    await notify(note('Disposisi untuk Kabid', { positionId: headPosition.id }));
    const forKabid = (await list('kabid')).items.find((i) => i.title === 'Disposisi untuk Kabid')!;
    expect(forKabid.position).toEqual({ id: headPosition.id, title: 'Kepala Bidang Notifikasi' });
    expect((await list('plh')).items.some((i) => i.id === forKabid.id)).toBe(false);

    const today = t.platform.today();
    const end = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const delegated = await t.app.inject({ method: 'POST', url: `/api/positions/${headPosition.id}/delegations`, headers: bkpsdm, payload: {
      employeeId: people.plh!.employeeId, kind: 'plh', skNumber: '800/12/2026', startDate: today, endDate: end, reason: 'Kabid cuti tahunan',
    } });
    expect(delegated.statusCode, delegated.body).toBe(201);
    await t.platform.events.drain();

    const plhPage = await list('plh');
    expect(plhPage.items.some((i) => i.id === forKabid.id)).toBe(true); // the inbox follows the post
    // SIMPEG's own use: the delegate is told of the appointment, in the centre and by mail.
    const appointed = plhPage.items.find((i) => i.kind === KIND && i.position === null)!;
    expect(appointed.title).toBe('Anda ditunjuk sebagai Plh Kepala Bidang Notifikasi');
    expect((await mailsTo('plh')).some((m) => m.subject === appointed.title)).toBe(true);

    await call('kabid', 'POST', `/api/notifications/${forKabid.id}/read`);
    expect((await list('plh', '?unread=true')).items.some((i) => i.id === forKabid.id)).toBe(true);
    expect((await list('kabid', '?unread=true')).items.some((i) => i.id === forKabid.id)).toBe(false);

    // A position's mail goes to whoever acts for it now: the Plh.
    await notify(note('Surat masuk untuk Kabid', { positionId: headPosition.id }));
    expect((await mailsTo('plh')).some((m) => m.subject === 'Surat masuk untuk Kabid')).toBe(true);
    expect((await mailsTo('kabid')).some((m) => m.subject === 'Surat masuk untuk Kabid')).toBe(false);
  });

  it('marks everything read and counts what is unread', async () => {
    await notify(note('Satu', { userId: people.lain!.userId }));
    await notify(note('Dua', { userId: people.lain!.userId }));
    expect(await unread('lain')).toBeGreaterThanOrEqual(2);
    const all = await call<MarkedRead>('lain', 'POST', '/api/notifications/read-all');
    expect(all.marked).toBeGreaterThanOrEqual(2);
    expect(await unread('lain')).toBe(0);
    expect((await list('lain', '?unread=true')).total).toBe(0);
  });

  it('mails by the account\'s choice per kind, and refuses an unknown kind', async () => {
    const prefs = await call<PreferencesView>('lain', 'GET', '/api/notifications/preferences');
    expect(prefs.emailAvailable).toBe(true);
    expect(prefs.kinds.find((k) => k.kind === KIND)).toMatchObject({ email: true, emailByDefault: true });
    await notify(note('Dengan e-mail', { userId: people.lain!.userId }));
    expect((await mailsTo('lain')).filter((m) => m.subject === 'Dengan e-mail')).toHaveLength(1);

    const off = await call<PreferencesView>('lain', 'PUT', '/api/notifications/preferences', { kinds: [{ kind: KIND, email: false }] });
    expect(off.kinds.find((k) => k.kind === KIND)!.email).toBe(false);
    await notify(note('Tanpa e-mail', { userId: people.lain!.userId }));
    expect((await mailsTo('lain')).some((m) => m.subject === 'Tanpa e-mail')).toBe(false);
    expect((await list('lain')).items.some((i) => i.title === 'Tanpa e-mail')).toBe(true); // still in the centre

    const bad = await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: people.lain!.session,
      payload: { kinds: [{ kind: 'nope.kind', email: true }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'unknown_kind', details: { fields: { 'body.kinds.0.kind': expect.any(String) } } });
    await call('lain', 'PUT', '/api/notifications/preferences', { kinds: [{ kind: KIND, email: true }] });
  });

  it('mails an account at most MAILS_PER_HOUR times an hour; the rest stay in the centre', async () => {
    const before = (await mailsTo('kabid')).length;
    await inTransaction(t.platform.db, async (tx) => {
      for (let i = 0; i < MAILS_PER_HOUR + 3; i++) await t.platform.events.publish(tx, NOTIFY, note(`Banyak ${i}`, { userId: people.kabid!.userId }));
    });
    await t.platform.events.drain();
    const [mailed] = await queryRows<{ n: number }>(t.platform.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE mailed_user_id = ${people.kabid!.userId} AND mailed_at > now() - interval '1 hour'`);
    expect(mailed!.n).toBe(MAILS_PER_HOUR);
    expect((await mailsTo('kabid')).length - before).toBeLessThanOrEqual(MAILS_PER_HOUR);
    expect((await list('kabid')).items.filter((i) => i.title.startsWith('Banyak ')).length).toBe(MAILS_PER_HOUR + 3);
  });

  it('keeps a confidential item\'s content out of the centre and the mail', async () => {
    await notify({ kind: KIND, to: { userId: people.plh!.userId }, link: '/eoffice/surat/rahasia-1', confidential: true });
    const item = (await list('plh')).items.find((i) => i.confidential)!;
    expect(item).toMatchObject({ title: CONFIDENTIAL_TITLE, body: '', link: '/eoffice/surat/rahasia-1' });
    const mail = (await mailsTo('plh')).find((m) => m.subject === CONFIDENTIAL_TITLE)!;
    expect(mail.text).toContain('/eoffice/surat/rahasia-1');
    const [stored] = await queryRows<{ title: string; body: string }>(t.platform.db, sql`SELECT title, body FROM notifications WHERE id = ${item.id}`);
    expect(stored).toEqual({ title: CONFIDENTIAL_TITLE, body: '' });
  });

  it('drops a link that leaves the site, and answers 401 without a session', async () => {
    await notify(note('Tautan luar', { userId: people.lain!.userId }, { link: 'https://evil.example/x' }));
    expect((await list('lain')).items.find((i) => i.title === 'Tautan luar')!.link).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/unread-count' })).statusCode).toBe(401);
    // A malformed event (no recipient id) is dropped, not retried into the dead letters.
    await notify({ kind: KIND, to: {}, title: 'Tanpa alamat', body: '', link: null } as unknown as NotifyPayload);
    const [stored] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM notifications WHERE title = 'Tanpa alamat'`);
    expect(stored!.n).toBe(0);
    const [dead] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM jobs WHERE name = 'notifications.store' AND status <> 'done'`);
    expect(dead!.n).toBe(0);
  });
});
