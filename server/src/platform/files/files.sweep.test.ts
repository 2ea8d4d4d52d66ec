import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.js';
import { blobKey } from './files.store.js';
import { localStoreApp, PDF_MINIMAL, PNG_1PX } from './files.test-fixtures.js';
import { blobRefs, blobs, createBlobStore, SWEEP_JOB, type BlobStore } from './index.js';

let t: TestApp;
let store: BlobStore;
let dir: string;
beforeAll(async () => {
  ({ t, store, dir } = await localStoreApp());
});
afterAll(() => t.close());

const IMAGES = { maxBytes: 100_000, allowedTypes: ['image/png', 'application/pdf'] };
const HOUR = 3_600_000;
let n = 0;
/** A PNG of its own each time, so tests do not share blobs. */
const photo = () => Buffer.concat([PNG_1PX, Buffer.from(`foto-${++n}-${Date.now()}`)]);
const onDisk = (sha256: string) => fs.existsSync(path.join(dir, ...blobKey(sha256).split('/')));
/** Makes a blob look as if it had been let go `hours` ago. */
const age = (sha256: string, hours: number) =>
  t.platform.db.update(blobs).set({ releasedAt: sql`now() - ${hours}::double precision * interval '1 hour'` }).where(eq(blobs.sha256, sha256));

describe('blob references and the orphan sweep', () => {
  it('removes the file a failed write left behind once the grace period has passed, and keeps the attached one', async () => {
    const kept = await store.put(photo(), IMAGES);
    await t.platform.db.transaction(async (tx) => {
      await store.attach(tx, kept.sha256, { kind: 'employee.photo', id: 7 });
    });
    const orphan = await store.put(photo(), IMAGES);
    // The owner's transaction stores its reference, then fails: the reference is rolled back.
    await expect(t.platform.db.transaction(async (tx) => {
      await store.attach(tx, orphan.sha256, { kind: 'employee.photo', id: 8 });
      throw new Error('validasi gagal setelah unggah');
    })).rejects.toThrow('validasi gagal');
    expect(await store.attached(t.platform.db, { kind: 'employee.photo', id: 8 })).toEqual([]);

    // Within the default grace period (24 h) nothing goes.
    expect(await store.sweep()).toBe(0);
    expect(onDisk(orphan.sha256)).toBe(true);

    await age(orphan.sha256, 25);
    await age(kept.sha256, 25);
    expect(await store.sweep()).toBe(1);
    expect(onDisk(orphan.sha256)).toBe(false);
    expect(await store.has(orphan.sha256)).toBe(false);
    expect(onDisk(kept.sha256)).toBe(true);
    expect(await store.has(kept.sha256)).toBe(true);
  });

  it('runs as the recurring job the app registers, and with a grace period of 0 sweeps at once', async () => {
    const aged = await store.put(photo(), IMAGES);
    await age(aged.sha256, 25);
    await t.platform.db.transaction((tx) => t.platform.events.enqueue(tx, SWEEP_JOB, {}));
    expect(await t.platform.events.drain()).toBe(1);
    expect(await store.has(aged.sha256)).toBe(false);

    // BLOB_ORPHAN_GRACE_HOURS=0: the store the app would build with it, on the same directory and database.
    const impatient = createBlobStore({ kind: 'local', dir }, t.platform.db, { orphanGraceHours: 0 });
    const orphan = await impatient.put(photo(), IMAGES);
    expect(await store.sweep()).toBe(0);
    expect(await impatient.sweep()).toBe(1);
    expect(onDisk(orphan.sha256)).toBe(false);
  });

  it('keeps an old orphan that a new upload of the same content reuses, so its caller can still attach it', async () => {
    const content = photo();
    const first = await store.put(content, IMAGES);
    await age(first.sha256, 48);
    // The same bytes uploaded again: the row is touched under its lock, restarting the grace period.
    await store.put(content, IMAGES);
    expect(await store.sweep()).toBe(0);
    expect(onDisk(first.sha256)).toBe(true);
    await t.platform.db.transaction((tx) => store.attach(tx, first.sha256, { kind: 'letter.attachment', id: 'a1' }));
    expect(await store.sweep({ graceMs: 0 })).toBe(0);
    expect(onDisk(first.sha256)).toBe(true);
  });

  it('puts back the object when a sweep removed it between the upload and its record', async () => {
    const content = photo();
    const { sha256 } = await store.put(content, IMAGES);
    await age(sha256, 48);
    // A sweep that won the race: row and object gone; the next upload of the same bytes stores them again.
    expect(await store.sweep()).toBe(1);
    expect(onDisk(sha256)).toBe(false);
    await store.put(content, IMAGES);
    expect(onDisk(sha256)).toBe(true);
    expect(Buffer.from((await store.read(sha256))!.content)).toEqual(content);
  });

  it('lets a detached blob go after the grace period counted from the detach, while another owner keeps a shared one', async () => {
    const shared = await store.put(PDF_MINIMAL, IMAGES);
    const replaced = await store.put(photo(), IMAGES);
    const owner = { kind: 'employee.photo', id: 42 };
    await t.platform.db.transaction(async (tx) => {
      await store.attach(tx, replaced.sha256, owner);
      await store.attach(tx, shared.sha256, owner);
      await store.attach(tx, shared.sha256, { kind: 'letter.attachment', id: 9 });
    });
    await age(replaced.sha256, 48);
    await t.platform.db.transaction((tx) => store.detach(tx, owner));
    expect(await t.platform.db.select().from(blobRefs).where(eq(blobRefs.ownerId, '42'))).toEqual([]);
    expect(await store.sweep()).toBe(0); // released just now
    await age(replaced.sha256, 25);
    await age(shared.sha256, 25);
    expect(await store.sweep()).toBe(1);
    expect(await store.has(replaced.sha256)).toBe(false);
    expect(await store.has(shared.sha256)).toBe(true);
  });

  it('refuses to attach a blob that was never stored, or an owner kind without a module', async () => {
    const { sha256 } = await store.put(photo(), IMAGES);
    await expect(t.platform.db.transaction((tx) => store.attach(tx, 'f'.repeat(64), { kind: 'employee.photo', id: 1 })))
      .rejects.toThrow(/not stored/);
    await expect(t.platform.db.transaction((tx) => store.attach(tx, sha256, { kind: 'photo', id: 1 })))
      .rejects.toThrow(/<module>\.<what>/);
  });

  it('removes upload leftovers of a crashed process, but not a recent one', async () => {
    const stale = path.join(dir, '.upload-00112233aabbccdd.tmp');
    const fresh = path.join(dir, '.upload-44556677aabbccdd.tmp');
    fs.writeFileSync(stale, 'setengah');
    fs.writeFileSync(fresh, 'sedang diunggah');
    const old = new Date(Date.now() - 25 * HOUR);
    fs.utimesSync(stale, old, old);
    await store.sweep();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    fs.rmSync(fresh);
  });
});
