import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { cloneTemplate, dropDatabase, urlFor } from '../../../test/pg.js';
import { inTransaction, openPglite, openPostgres, queryRows, runMigrations, type Database, type Db } from '../db/index.js';
import { appendAudit, verifyAuditChain } from './index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

// The kernel is tested without the modules: a migrated database of its own, on either engine.
let database: Database;
let db: Db;
let dropClone: (() => Promise<void>) | null = null;
beforeAll(async () => {
  const template = inject('pgTemplate');
  if (template) {
    const name = await cloneTemplate(template);
    database = await openPostgres(urlFor(name), 10);
    dropClone = () => dropDatabase(name);
  } else {
    database = await openPglite();
    await runMigrations(database);
  }
  db = database.db;
});
afterAll(async () => {
  await database.close();
  await dropClone?.();
});
beforeEach(async () => {
  await db.execute(sql`TRUNCATE audit_log RESTART IDENTITY`);
});

/** Records `n` changes, each in its own transaction, as a module would. */
async function record(n: number, on: Db = db): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await inTransaction(on, (tx) => appendAudit(tx, {
      actor: { label: 'sistem' },
      action: 'letter.signed',
      entityType: 'letter',
      entityId: `surat-${i}`,
      data: { number: `800/${i}/2021`, signer: { name: 'Kepala Dinas', nip: '197001011990031001' } },
      requestId: `req-${i}`,
    }));
  }
}

const entries = () => queryRows<{ id: number; entity_id: string; prev_hash: string; hash: string }>(
  db, sql`SELECT id, entity_id, prev_hash, hash FROM audit_log ORDER BY id`);

/** Runs the CLI in its own process on an embedded data directory; resolves with its exit code and output. */
function cli(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: ROOT, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('the audit chain', () => {
  it('records an entry with the change, chained to the one before', async () => {
    await record(3);
    const rows = await entries();
    expect(rows.map((r) => r.entity_id)).toEqual(['surat-1', 'surat-2', 'surat-3']);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ checked: 3, firstBroken: null });
  });

  it('leaves no entry when the change is rolled back', async () => {
    await record(1);
    await expect(inTransaction(db, async (tx) => {
      await appendAudit(tx, { actor: { label: 'sistem' }, action: 'letter.signed', entityType: 'letter', entityId: 'batal' });
      throw new Error('penandatanganan gagal');
    })).rejects.toThrow('penandatanganan gagal');
    expect((await entries()).map((r) => r.entity_id)).toEqual(['surat-1']);
    await record(1);
    expect(await verifyAuditChain(db)).toEqual({ checked: 2, firstBroken: null });
  });

  it('detects an edited entry and names it', async () => {
    await record(5);
    await db.execute(sql`UPDATE audit_log SET data = jsonb_set(data, '{number}', '"800/99/2021"') WHERE id = 3`);
    expect(await verifyAuditChain(db)).toEqual({ checked: 2, firstBroken: { id: 3, reason: 'hash_mismatch' } });
  });

  it('detects an edited actor even when the hash column is left alone', async () => {
    await record(3);
    await db.execute(sql`UPDATE audit_log SET actor_label = 'orang lain' WHERE id = 1`);
    expect((await verifyAuditChain(db)).firstBroken).toEqual({ id: 1, reason: 'hash_mismatch' });
  });

  it('detects a deleted entry and names the first entry after the gap', async () => {
    await record(5);
    await db.execute(sql`DELETE FROM audit_log WHERE id = 3`);
    expect(await verifyAuditChain(db)).toEqual({ checked: 2, firstBroken: { id: 4, reason: 'prev_hash_mismatch' } });
  });

  it('keeps one unforked chain under 20 concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => inTransaction(db, (tx) => appendAudit(tx, {
      actor: { label: 'sistem' }, action: 'complaint.registered', entityType: 'complaint', entityId: `aduan-${i}`,
    }))));
    const rows = await entries();
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(20);
    expect(new Set(rows.map((r) => r.entity_id)).size).toBe(20);
    expect(await verifyAuditChain(db)).toEqual({ checked: 20, firstBroken: null });
  });

  it('reports progress in pages while verifying a long chain', async () => {
    await record(1);
    const calls: [number, number][] = [];
    await verifyAuditChain(db, (checked, total) => calls.push([checked, total]));
    expect(calls).toEqual([[1, 1]]);
  });
});

describe('npm run cli -- audit verify', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-audit-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints "utuh" and exits 0 on a fresh data directory, then exits 1 naming a tampered entry', async () => {
    const fresh = await cli(['audit', 'verify'], dataDir);
    expect(fresh.code, fresh.output).toBe(0);
    expect(fresh.output).toContain('utuh');

    const embedded = await openPglite(dataDir);
    try {
      await runMigrations(embedded);
      await record(3, embedded.db);
      await embedded.db.execute(sql`UPDATE audit_log SET entity_id = 'surat-palsu' WHERE id = 2`);
    } finally {
      await embedded.close();
    }
    const tampered = await cli(['audit', 'verify'], dataDir);
    expect(tampered.code, tampered.output).toBe(1);
    expect(tampered.output).toContain('RUSAK pada entri #2');
  }, 90_000);
});
