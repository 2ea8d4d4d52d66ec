import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/app.js';
import { copyRows, copyTransaction, quoteTableName } from './copy.js';
import { openPglite, queryRows, type Database } from './index.js';

let database: Database;
/** Where the million rows go: the same database on PostgreSQL, a PGlite on disk (see the test). */
let bulk: Database;
let closeDatabase: () => Promise<void>;
let dataDir: string | null = null;

beforeAll(async () => {
  ({ database, close: closeDatabase } = await openTestDatabase());
  if (database.kind === 'pglite') {
    // In-memory PGlite keeps the table itself in memory (about 200 MB of pages and WAL for a million
    // rows), which would hide what copyRows holds; an installation's PGlite keeps its data on disk.
    // Opened here because creating a data directory takes seconds that are not the copy's.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-copy-'));
    bulk = await openPglite(dataDir);
    await bulk.db.execute(sql`CREATE SCHEMA copy_load`);
  }
  bulk ??= database;
  await database.db.execute(sql`CREATE SCHEMA copy_load`);
  await database.db.execute(sql`CREATE TABLE copy_load.narrow (id integer PRIMARY KEY, label text NOT NULL)`);
  await database.db.execute(sql`CREATE TABLE copy_load."Mixed_Case" ("Id" integer PRIMARY KEY)`);
});
afterAll(async () => {
  if (bulk !== database) await bulk.close();
  await closeDatabase();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const count = async (table: string, on: Database = database) =>
  (await queryRows<{ n: number }>(on.db, sql`SELECT count(*) AS n FROM ${sql.raw(quoteTableName(table))}`))[0]!.n;

/** `total` rows made one at a time; `failAt` throws instead of yielding that row. */
function* narrowRows(from: number, total: number, failAt?: number): Generator<readonly unknown[]> {
  for (let i = from; i < from + total; i++) {
    if (i === failAt) throw new Error('bacaan berkas terputus');
    yield [i, `r${i}`];
  }
}

describe('copyRows streaming', () => {
  it('loads a million lazily made rows into a schema with memory growth bounded', async () => {
    await bulk.db.execute(sql`CREATE TABLE copy_load.bulk (id integer NOT NULL, label text NOT NULL)`);
    const before = process.memoryUsage().rss;
    let peak = before;
    function* sampled(): Generator<readonly unknown[]> {
      for (const row of narrowRows(0, 1_000_000)) {
        if ((row[0] as number) % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        yield row;
      }
    }
    const started = Date.now();
    expect(await copyRows(bulk, 'copy_load.bulk', ['id', 'label'], sampled())).toBe(1_000_000);
    peak = Math.max(peak, process.memoryUsage().rss);
    const seconds = (Date.now() - started) / 1000;
    const growthMb = (peak - before) / 2 ** 20;
    console.info(`copyRows ${bulk.kind}: 1,000,000 rows in ${seconds.toFixed(1)} s, peak RSS growth ${growthMb.toFixed(0)} MB`);
    expect(await count('copy_load.bulk', bulk)).toBe(1_000_000);
    const [last] = await queryRows<{ label: string }>(bulk.db, sql`SELECT label FROM copy_load.bulk WHERE id = 999999`);
    expect(last!.label).toBe('r999999');
    expect(growthMb).toBeLessThan(150);
  }, 60_000);

  it('takes an async iterable and quotes mixed-case names', async () => {
    async function* slowly(): AsyncGenerator<readonly unknown[]> {
      for (let i = 1; i <= 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield [i];
      }
    }
    expect(await copyRows(database, 'copy_load.Mixed_Case', ['Id'], slowly())).toBe(3);
    expect(await count('copy_load.Mixed_Case')).toBe(3);
  });

  it('writes nothing when the source fails part-way, even past several batches', async () => {
    // 300,000 rows are two PGlite batches and many stream pieces: a failure after them rolls all back.
    await expect(copyRows(database, 'copy_load.narrow', ['id', 'label'], narrowRows(2_000_000, 400_000, 2_300_000)))
      .rejects.toThrow(/terputus/);
    expect(await count('copy_load.narrow')).toBe(0);
    // The connection that broke off is not reused in a broken state.
    expect(await count('copy_load.Mixed_Case')).toBe(3);
  }, 60_000);

  it('commits several streamed copies together inside copyTransaction, or none', async () => {
    await expect(copyTransaction(database, async (bound) => {
      await copyRows(bound, 'copy_load.narrow', ['id', 'label'], narrowRows(3_000_000, 250_000));
      await copyRows(bound, 'copy_load.Mixed_Case', ['Id'], [[1]]); // duplicate key: everything rolls back
    })).rejects.toThrow();
    expect(await count('copy_load.narrow')).toBe(0);
    await copyTransaction(database, async (bound) => {
      await copyRows(bound, 'copy_load.narrow', ['id', 'label'], narrowRows(3_000_000, 250_000));
      await copyRows(bound, 'copy_load.Mixed_Case', ['Id'], [[4]]);
    });
    expect(await count('copy_load.narrow')).toBe(250_000);
    expect(await count('copy_load.Mixed_Case')).toBe(4);
  }, 60_000);

  it('refuses odd names and rows of the wrong width before writing anything', async () => {
    await expect(copyRows(database, 'a.b.c', ['id'], [[1]])).rejects.toThrow(/unsafe identifier/);
    await expect(copyRows(database, 'copy_load."narrow"', ['id'], [[1]])).rejects.toThrow(/unsafe identifier/);
    await expect(copyRows(database, 'copy_load.', ['id'], [[1]])).rejects.toThrow(/unsafe identifier/);
    await expect(copyRows(database, 'copy_load.narrow', ['id', 'label'], [[5_000_000, 'a'], [5_000_001]]))
      .rejects.toThrow(/row 2 has 1 values, expected 2/);
    expect(await count('copy_load.narrow')).toBe(250_000);
  });
});
