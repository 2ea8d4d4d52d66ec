import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { loadConfig, type ConfigError } from '../config.js';
import { inTransaction } from '../db/index.js';
import { jobs } from '../events/index.js';
import { MAIL_JOB, readMailbox } from './index.js';
import { decodedBody, startFakeSmtp, type FakeSmtpServer } from './mail.test-smtp.js';

const mailJobs = (t: TestApp) => t.platform.db.select().from(jobs).where(eq(jobs.name, MAIL_JOB)).orderBy(jobs.id);

/** Moves pending mail jobs' next attempt to the past, as if their backoff had elapsed. */
const letBackoffElapse = (t: TestApp) =>
  t.platform.db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(and(eq(jobs.name, MAIL_JOB), eq(jobs.status, 'pending')));

describe('mail over SMTP', () => {
  let smtp: FakeSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    t = await buildTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Pemkab Tegal <no-reply@tegalkab.go.id>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers a queued message after commit, with its subject and text', async () => {
    expect(t.platform.mail).toMatchObject({ transport: 'smtp', enabled: true });
    const text = 'Aduan Anda tentang jalan rusak di Desa Dukuhwaru sudah diterima.\nNomor aduan: ADU-2026-0042.';
    await inTransaction(t.platform.db, (tx) => t.platform.mail.send(tx, { to: 'warga@example.id', subject: 'Aduan diterima', text }));
    expect(smtp.received).toHaveLength(0); // queued, not sent inside the request
    await t.platform.events.drain();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['warga@example.id']);
    expect(mail!.from).toContain('no-reply@tegalkab.go.id');
    expect(mail!.data).toMatch(/^Subject: Aduan diterima$/m);
    expect(decodedBody(mail!.data).replace(/\r\n/g, '\n').trim()).toBe(text);
    expect((await mailJobs(t)).at(-1)?.status).toBe('done');
  });

  it('sends nothing when the writing transaction rolls back', async () => {
    const before = smtp.received.length;
    await expect(inTransaction(t.platform.db, async (tx) => {
      await t.platform.mail.send(tx, { to: 'warga@example.id', subject: 'Batal', text: 'tidak terkirim' });
      throw new Error('batal');
    })).rejects.toThrow('batal');
    await t.platform.events.drain();
    expect(smtp.received).toHaveLength(before);
  });

  it('retries a message the server first refuses, then delivers it once', async () => {
    smtp.refuseNext(1);
    const before = smtp.received.length;
    await inTransaction(t.platform.db, (tx) => t.platform.mail.send(tx, { to: 'kepala@tegalkab.go.id', subject: 'Disposisi baru', text: 'Ada disposisi baru untuk Anda.' }));
    await t.platform.events.drain();
    expect(smtp.refusals).toBe(1);
    expect(smtp.received).toHaveLength(before);
    let job = (await mailJobs(t)).at(-1)!;
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.lastError).toMatch(/451|busy/i);
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now()); // backs off before trying again

    await letBackoffElapse(t);
    await t.platform.events.drain();
    expect(smtp.received).toHaveLength(before + 1);
    expect(smtp.received.at(-1)!.data).toMatch(/^Subject: Disposisi baru$/m);
    job = (await mailJobs(t)).at(-1)!;
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('refuses a message whose subject would break the headers, before queueing it', async () => {
    await expect(inTransaction(t.platform.db, (tx) => t.platform.mail.send(tx, { to: 'a@example.id', subject: 'x\r\nBcc: b@example.id', text: '' })))
      .rejects.toThrow(/line break/);
  });
});

describe('mail without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('writes each message to a readable file in the development mailbox', async () => {
    expect(t.platform.mail).toMatchObject({ transport: 'mailbox', enabled: true });
    const mail = t.platform.config.mail;
    if (mail.kind !== 'mailbox') throw new Error('expected the file mailbox');
    await inTransaction(t.platform.db, (tx) => t.platform.mail.send(tx, { to: 'warga@example.id', subject: 'Pengumuman', text: 'Baris satu\nBaris dua: Rp 10.000 – selesai' }));
    await t.platform.events.drain();
    const box = await readMailbox(mail.dir);
    expect(box).toHaveLength(1);
    expect(box[0]).toMatchObject({ to: 'warga@example.id', subject: 'Pengumuman', text: 'Baris satu\nBaris dua: Rp 10.000 – selesai' });
    expect(box[0]!.file).toMatch(/\.txt$/);
  });
});

describe('mail configuration', () => {
  const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://smartcity.tegalkab.go.id', AUTH_SECRET: 'x'.repeat(40) };

  it('sends nothing in production without SMTP, and writes a mailbox in development', () => {
    expect(loadConfig(production).mail.kind).toBe('none');
    expect(loadConfig({ DATA_DIR: '/tmp/tsc-x' }).mail).toMatchObject({ kind: 'mailbox', dir: '/tmp/tsc-x/mailbox' });
    expect(loadConfig({ ...production, SMTP_URL: 'smtps://u:p@mail.tegalkab.go.id:465', MAIL_FROM: 'no-reply@tegalkab.go.id' }).mail)
      .toEqual({ kind: 'smtp', url: 'smtps://u:p@mail.tegalkab.go.id:465', from: 'no-reply@tegalkab.go.id' });
  });

  it('lists a wrong SMTP_URL, a malformed MAIL_FROM and a production SMTP without sender', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ SMTP_URL: 'http://mail.example.id' })).toEqual([expect.stringContaining('SMTP_URL')]);
    expect(problems({ MAIL_FROM: 'Pemkab <bukan alamat>' })).toEqual([expect.stringContaining('MAIL_FROM')]);
    expect(problems({ ...production, SMTP_URL: 'smtp://mail.tegalkab.go.id' })).toEqual([expect.stringContaining('MAIL_FROM wajib')]);
  });
});
