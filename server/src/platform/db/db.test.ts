import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/app.js';
import { copyRows, DataDirLockedError, inTransaction, openPglite, pgErrorCode, queryRows, type Database } from './index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let database: Database;
let closeDatabase: () => Promise<void>;
beforeAll(async () => {
  ({ database, close: closeDatabase } = await openTestDatabase());
});
afterAll(() => closeDatabase());

const count = async (table: string) =>
  (await queryRows<{ n: number }>(database.db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]!.n;

describe('numbers from the database', () => {
  it('returns count(*) and bigserial ids as numbers, without a cast', async () => {
    await database.db.execute(sql`CREATE TABLE t_numbers (id bigserial PRIMARY KEY, label text NOT NULL)`);
    const inserted = await queryRows<{ id: unknown }>(database.db, sql`INSERT INTO t_numbers (label) VALUES ('a'), ('b'), ('c') RETURNING id`);
    expect(inserted.map((r) => r.id)).toEqual([1, 2, 3]);
    const [row] = await queryRows<{ n: unknown }>(database.db, sql`SELECT count(*) AS n FROM t_numbers`);
    expect(row!.n).toBe(3);
    expect(typeof row!.n).toBe('number');
  });
});

describe('inTransaction', () => {
  beforeAll(async () => {
    await database.db.execute(sql`CREATE TABLE t_tx (id integer PRIMARY KEY, note text)`);
  });

  it('commits and returns what the work returns', async () => {
    const result = await inTransaction(database.db, async (tx) => {
      await tx.execute(sql`INSERT INTO t_tx VALUES (1, 'kept')`);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await count('t_tx')).toBe(1);
  });

  it('writes nothing when the work throws half-way', async () => {
    await expect(inTransaction(database.db, async (tx) => {
      await tx.execute(sql`INSERT INTO t_tx VALUES (2, 'first')`);
      await tx.execute(sql`INSERT INTO t_tx VALUES (3, 'second')`);
      throw new Error('gagal di tengah');
    })).rejects.toThrow('gagal di tengah');
    expect(await count('t_tx')).toBe(1);
  });

  it('writes nothing when a statement fails, and reports the SQLSTATE', async () => {
    const failure = await inTransaction(database.db, async (tx) => {
      await tx.execute(sql`INSERT INTO t_tx VALUES (4, 'before')`);
      await tx.execute(sql`INSERT INTO t_tx VALUES (1, 'duplicate')`);
    }).catch((err: unknown) => err);
    expect(pgErrorCode(failure)).toBe('23505');
    expect(await count('t_tx')).toBe(1);
  });

  it('retries a serialization failure on a clean slate', async () => {
    let attempts = 0;
    await inTransaction(database.db, async (tx) => {
      attempts++;
      await tx.execute(sql`INSERT INTO t_tx VALUES (5, 'retried')`);
      if (attempts === 1) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
    });
    expect(attempts).toBe(2);
    expect(await count('t_tx')).toBe(2);
  });
});

describe('copyRows', () => {
  beforeAll(async () => {
    await database.db.execute(sql`CREATE TABLE t_copy (id integer PRIMARY KEY, name text, note text, tags text[], at timestamptz)`);
  });

  it('loads quotes, commas, newlines, nulls, empty strings and arrays exactly', async () => {
    const at = new Date('2021-06-15T03:04:05.678Z');
    const rows: unknown[][] = [
      [1, 'Dinas "Kominfo"', 'satu, dua, tiga', ['x', 'y'], at],
      [2, 'baris satu\nbaris dua', null, [], null],
      [3, '', 'garis\\miring dan \\N', ['koma, di dalam', 'kutip "ganda"', 'garis\\miring', 'NULL', 'baris\nbaru', '{kurung}'], null],
      [4, "O'Brien'); DROP TABLE t_copy; --", '\r\nCRLF\r\n', null, null],
      [5, 'Slawi – Tegal ✓ ñ', ',', [''], null],
    ];
    expect(await copyRows(database, 't_copy', ['id', 'name', 'note', 'tags', 'at'], rows)).toBe(5);
    const back = await queryRows<{ id: number; name: string | null; note: string | null; tags: string[] | null; at: Date | null }>(
      database.db, sql`SELECT id, name, note, tags, at FROM t_copy ORDER BY id`);
    expect(back.map((r) => [r.id, r.name, r.note, r.tags, r.at === null ? null : new Date(r.at).toISOString()]))
      .toEqual(rows.map((r) => [...r.slice(0, 4), r[4] === null ? null : at.toISOString()]));
  });

  it('loads thousands of rows in one call and writes nothing for none', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => [1000 + i, `baris ${i}`, null, null, null]);
    expect(await copyRows(database, 't_copy', ['id', 'name', 'note', 'tags', 'at'], many)).toBe(5000);
    expect(await copyRows(database, 't_copy', ['id'], [])).toBe(0);
    expect(await count('t_copy')).toBe(5005);
  });

  it('refuses table and column names that are not plain identifiers', async () => {
    await expect(copyRows(database, 't_copy; DROP TABLE t_copy', ['id'], [[1]])).rejects.toThrow(/unsafe identifier/);
    await expect(copyRows(database, 't_copy', ['id", "name'], [[1]])).rejects.toThrow(/unsafe identifier/);
    expect(await count('t_copy')).toBe(5005);
  });
});

describe('the embedded data directory lock', () => {
  let dir: string;
  const lockFile = () => path.join(dir, 'platform.lock');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-lock-'));
    const first = await openPglite(dir);
    await first.db.execute(sql`CREATE TABLE kept (note text)`);
    await first.db.execute(sql`INSERT INTO kept VALUES ('ditulis sebelum')`);
    await first.close();
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a second open in the same process while the first is open, and allows it after close', async () => {
    const first = await openPglite(dir);
    try {
      const second = await openPglite(dir).catch((err: unknown) => err);
      expect(second).toBeInstanceOf(DataDirLockedError);
      expect((second as Error).message).toContain('sedang dipakai proses lain');
    } finally {
      await first.close();
    }
    expect(fs.existsSync(lockFile())).toBe(false);
    const again = await openPglite(dir);
    const rows = await queryRows<{ note: string }>(again.db, sql`SELECT note FROM kept`);
    await again.close();
    expect(rows).toEqual([{ note: 'ditulis sebelum' }]);
  });

  it('refuses a second process with a clear message, and loses nothing', async () => {
    const held = await openPglite(dir);
    try {
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, LOG_LEVEL: 'silent' };
      const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/src/main.ts', 'migrate'], { cwd: ROOT, env });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
      child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code, output).not.toBe(0);
      expect(output).toContain('sedang dipakai proses lain');
      expect(output).not.toContain('Migrasi selesai');
      const rows = await queryRows<{ note: string }>(held.db, sql`SELECT note FROM kept`);
      expect(rows).toHaveLength(1);
    } finally {
      await held.close();
    }
  });

  it('takes over a lock left behind by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: dead, host: os.hostname(), since: '2021-06-01T00:00:00Z' }));
    const opened = await openPglite(dir);
    try {
      expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await opened.close();
    }
  });

  it('never takes over a lock held from another host (its process cannot be checked)', async () => {
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: 1, host: 'server-lain', since: '2021-06-01T00:00:00Z' }));
    try {
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      fs.rmSync(lockFile());
    }
  });
});
