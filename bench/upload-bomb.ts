/**
 * `npm run bench -- upload-bomb`: the security review's XLSX "bomb" (issue 7) against a running
 * server. Writes a ~25 MB workbook of ~3 million tiny rows to disk (streamed, never held whole),
 * posts it to `POST /api/personnel/imports` as a dry run with an agency admin's API token, and
 * reports the answer, its time, the server's RSS before/during/after, and `/api/health` latency
 * meanwhile. Two files: one whose ZIP directory tells the truth about the sheet's size, and the
 * same rows with a directory that claims less, so the sheet is really inflated as a stream.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { loadConfig } from '../server/src/platform/config.js';
import { openPglite, runMigrations } from '../server/src/platform/db/index.js';
import { BENCH_AUTH_SECRET } from './personnel-data.js';
import { childEnv, freePort, rssMb, serverPid, spawnTsx, stopServer, waitForHttp } from './proc.js';

/** Rows of the workbook: the reviewer's file had 3.3 million in 25 MB. */
const ROWS = Number(process.env.BENCH_BOMB_ROWS ?? 3_000_000);
/** Health answers slower than this count as a stall. */
const HEALTH_BUDGET_MS = 200;

/** One case of the bench, as printed. */
export interface BombRow {
  case: string;
  fileMb: number;
  unzippedMb: number;
  status: number;
  code: string;
  answerMs: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  /** Health latency while idle just before the post: what the shared machine gives without the upload. */
  idleHealthMaxMs: number;
  /** Longest event-loop delay inside the server while the request ran. */
  loopDelayMaxMs: number;
  healthChecks: number;
  healthMaxMs: number;
  healthOver: number;
}

interface Written {
  file: string;
  sizeBytes: number;
  unzippedBytes: number;
}

const NS = 'http://schemas.openxmlformats.org';
const SMALL_PARTS: Record<string, string> = {
  '[Content_Types].xml': `<Types xmlns="${NS}/package/2006/content-types"/>`,
  'xl/workbook.xml': `<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
};

/** The sheet XML in ~1 MB pieces: a header row, then `rows` rows of one small number each. */
function* sheetXml(rows: number): Generator<Buffer> {
  yield Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>`
    + '<row r="1"><c r="A1" t="inlineStr"><is><t>kode_unit</t></is></c></row>');
  let piece = '';
  for (let r = 2; r <= rows + 1; r++) {
    piece += `<row r="${r}"><c r="A${r}"><v>${r * 7919 % 100_003}</v></c></row>`;
    if (piece.length > 1_000_000) {
      yield Buffer.from(piece);
      piece = '';
    }
  }
  yield Buffer.from(`${piece}</sheetData></worksheet>`);
}

/**
 * Writes the workbook as a ZIP, the sheet deflated as it is generated (data descriptor after it).
 * `claimSheetBytes` replaces the sheet's size in the central directory.
 */
async function writeWorkbook(file: string, rows: number, claimSheetBytes?: number): Promise<Written> {
  const out = await fs.promises.open(file, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  let unzippedBytes = 0;
  const put = async (buf: Buffer) => {
    await out.write(buf);
    offset += buf.length;
  };
  const record = (name: Buffer, crc: number, packed: number, size: number, at: number, flags: number) => {
    const e = Buffer.alloc(46);
    e.writeUInt32LE(0x02014b50, 0);
    e.writeUInt16LE(20, 4);
    e.writeUInt16LE(20, 6);
    e.writeUInt16LE(flags, 8);
    e.writeUInt16LE(8, 10);
    e.writeUInt32LE(crc >>> 0, 16);
    e.writeUInt32LE(packed, 20);
    e.writeUInt32LE(size, 24);
    e.writeUInt16LE(name.length, 28);
    e.writeUInt32LE(at, 42);
    central.push(e, name);
  };
  const localHeader = (name: Buffer, flags: number, crc: number, packed: number, size: number) => {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(packed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    return h;
  };
  try {
    for (const [entry, text] of Object.entries(SMALL_PARTS)) {
      const name = Buffer.from(entry);
      const data = Buffer.from(text);
      const packed = deflateRawSync(data);
      const at = offset;
      await put(Buffer.concat([localHeader(name, 0, crc32(data), packed.length, data.length), name, packed]));
      record(name, crc32(data), packed.length, data.length, at, 0);
      unzippedBytes += data.length;
    }
    // The sheet: sizes unknown until the end, so flag 8 and a data descriptor, as streaming writers do.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = offset;
    await put(Buffer.concat([localHeader(name, 8, 0, 0, 0), name]));
    let crc = 0;
    let size = 0;
    let packed = 0;
    const source = Readable.from((function* () {
      for (const piece of sheetXml(rows)) {
        crc = crc32(piece, crc);
        size += piece.length;
        yield piece;
      }
    })());
    const deflate = createDeflateRaw({ level: 6 });
    source.pipe(deflate);
    for await (const chunk of deflate as AsyncIterable<Buffer>) {
      packed += chunk.length;
      await put(chunk);
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(packed, 8);
    descriptor.writeUInt32LE(size >>> 0, 12);
    await put(descriptor);
    record(name, crc, packed, claimSheetBytes ?? size, at, 8);
    unzippedBytes += size;

    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(central.length / 2, 8);
    end.writeUInt16LE(central.length / 2, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await put(Buffer.concat([directory, end]));
  } finally {
    await out.close();
  }
  return { file, sizeBytes: offset, unzippedBytes };
}

/** Migrates and seeds a PGlite data directory with an agency admin of Diskominfo and their import token. */
async function prepare(dataDir: string): Promise<string> {
  const database = await openPglite(dataDir);
  try {
    await runMigrations(database);
    const { buildApp } = await import('../server/src/app.js');
    const { seedReference } = await import('../server/seeds/index.js');
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_PROFILE: 'none', LOG_LEVEL: 'warn', AUTH_SECRET: BENCH_AUTH_SECRET });
    const built = await buildApp(config, database);
    try {
      await seedReference(built.modules, config.regionCode);
      const { identity, personnel } = built.modules;
      const password = 'meja-kayu-jati-adiwerna-2026';
      await identity.api.ensureDemoUser({
        username: 'bench.opd', displayName: 'Bench OPD', kind: 'staff', roles: ['agency_admin'],
        agencyId: (await personnel.api.findAgencyByCode('diskominfo'))?.id ?? null, passwordHash: await identity.api.hashPassword(password),
      });
      const login = await built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench.opd', password } });
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const created = await built.app.inject({
        method: 'POST', url: '/api/auth/tokens', headers: { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken },
        payload: { name: 'bench-import', scopes: ['personnel:manage-agency'] },
      });
      if (created.statusCode !== 201) throw new Error(`token: ${created.statusCode} ${created.body}`);
      return created.json<{ token: string }>().token;
    } finally {
      await built.app.close();
    }
  } finally {
    await database.close();
  }
}

/** The multipart body, the file streamed from disk. */
async function* multipartBody(boundary: string, file: string): AsyncGenerator<Buffer> {
  const field = (name: string, value: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  yield Buffer.from(field('kind', 'units') + field('dryRun', 'true')
    + `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="bom.xlsx"\r\ncontent-type: application/octet-stream\r\n\r\n`);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
  yield Buffer.from(`\r\n--${boundary}--\r\n`);
}

/**
 * Preloaded into the server (NODE_OPTIONS): every 100 ms appends `<epoch ms> <longest event-loop
 * delay ms since the last line>` to `<dir>/<pid>.txt`, the server's own view of being blocked.
 */
const LOOP_DELAY_PRELOAD = `
const { monitorEventLoopDelay } = require('node:perf_hooks');
const fs = require('node:fs');
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const file = require('node:path').join(process.env.BENCH_LOOP_DIR, process.pid + '.txt');
setInterval(() => {
  fs.appendFileSync(file, Date.now() + ' ' + (histogram.max / 1e6).toFixed(1) + '\\n');
  histogram.reset();
}, 100).unref();
`;

/** The longest event-loop delay the server saw between two instants (epoch ms). */
function loopDelayMaxMs(dir: string, pid: number, from: number, to: number): number {
  const file = path.join(dir, `${pid}.txt`);
  if (!fs.existsSync(file)) return Number.NaN;
  return Math.max(0, ...fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => line.split(' ').map(Number))
    .filter(([at]) => at! >= from && at! <= to + 200).map(([, ms]) => ms!));
}

/** A child script: polls the URL every 50 ms and prints each answer's milliseconds, one a line. */
const HEALTH_POLLER = `
const url = process.argv[1];
process.on('SIGTERM', () => process.exit(0));
(async () => {
  for (;;) {
    const started = performance.now();
    try { const res = await fetch(url, { signal: AbortSignal.timeout(30000) }); await res.arrayBuffer(); } catch {}
    process.stdout.write((performance.now() - started).toFixed(1) + '\\n');
    await new Promise((r) => setTimeout(r, 50));
  }
})();
`;

/** Milliseconds `/api/health` takes to answer (a failure counts with its time). */
async function healthMs(base: string): Promise<number> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
  } catch { /* counted by its time */ }
  return performance.now() - started;
}

async function postBomb(base: string, token: string, written: Written, server: { pid: number; loopDir: string }, label: string): Promise<BombRow> {
  const { pid } = server;
  const samples: number[] = [];
  const sample = () => {
    const mb = rssMb(pid);
    if (mb !== null) samples.push(mb);
  };
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) {
    sample();
    idle.push(await healthMs(base));
    await sleep(50);
  }
  const rssBeforeMb = Math.max(...samples);
  samples.length = 0;

  // Polled from its own process: the poster's event loop (streaming 25 MB) must not count as the server's.
  const poller = spawn(process.execPath, ['-e', HEALTH_POLLER, `${base}/api/health`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let polled = '';
  poller.stdout.on('data', (chunk: Buffer) => { polled += chunk.toString('utf8'); });
  const pollerExited = new Promise((resolve) => poller.once('exit', resolve));
  await sleep(500);
  const rssLoop = setInterval(sample, 50);

  const boundary = `----bench${Date.now()}`;
  const startedAt = Date.now();
  const started = performance.now();
  let status = 0;
  let code = '';
  try {
    const res = await fetch(`${base}/api/personnel/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Readable.from(multipartBody(boundary, written.file)) as unknown as RequestInit['body'],
      duplex: 'half',
      signal: AbortSignal.timeout(300_000),
    } as RequestInit);
    status = res.status;
    code = String((await res.json() as { code?: string }).code ?? '');
  } catch (err) {
    code = `no answer: ${(err as Error).message}`;
  }
  const answerMs = performance.now() - started;
  const loopDelay = loopDelayMaxMs(server.loopDir, pid, startedAt, Date.now());
  poller.kill('SIGTERM');
  await pollerExited;
  const health = polled.split('\n').filter(Boolean).map(Number);
  // "After": what the process keeps once the request is done and a collection had its chance.
  await sleep(2000);
  clearInterval(rssLoop);
  const rssPeakMb = Math.max(...samples);
  const rssAfterMb = rssMb(pid) ?? 0;
  return {
    case: label, fileMb: written.sizeBytes / 1_048_576, unzippedMb: written.unzippedBytes / 1_048_576, status, code, answerMs,
    rssBeforeMb, rssPeakMb, rssAfterMb, idleHealthMaxMs: Math.max(...idle), loopDelayMaxMs: loopDelay,
    healthChecks: health.length, healthMaxMs: Math.max(0, ...health), healthOver: health.filter((ms) => ms > HEALTH_BUDGET_MS).length,
  };
}

/** Runs the bench on PGlite (the parsing does not touch the database before the 413). */
export async function runUploadBombBench(log: (line: string) => void): Promise<BombRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-bomb-'));
  const dataDir = path.join(work, 'data');
  const rows: BombRow[] = [];
  try {
    log(`writing a workbook of ${ROWS.toLocaleString('en')} rows to ${work}…`);
    const truthful = await writeWorkbook(path.join(work, 'bomb.xlsx'), ROWS);
    // The same rows, the directory claiming 60 MB: under the inflate limit, so the sheet is streamed.
    const lying = await writeWorkbook(path.join(work, 'bomb-claims-less.xlsx'), ROWS, 60 * 1_048_576);
    // The control: as many random bytes, refused at its first byte, so only the upload itself is measured.
    const control: Written = { file: path.join(work, 'random.bin'), sizeBytes: truthful.sizeBytes, unzippedBytes: 0 };
    fs.writeFileSync(control.file, randomBytes(truthful.sizeBytes));
    log(`${(truthful.sizeBytes / 1_048_576).toFixed(1)} MB on disk, ${(truthful.unzippedBytes / 1_048_576).toFixed(0)} MB unzipped; preparing the database…`);
    const token = await prepare(dataDir);
    const port = await freePort();
    const loopDir = path.join(work, 'loop');
    fs.mkdirSync(loopDir);
    const preload = path.join(work, 'loop-delay.cjs');
    fs.writeFileSync(preload, LOOP_DELAY_PRELOAD);
    const spawned = spawnTsx(['bench/server.ts', '--target', 'app', '--engine', 'pglite', '--port', String(port), '--data-dir', dataDir],
      childEnv({ NODE_OPTIONS: `--require ${preload}`, BENCH_LOOP_DIR: loopDir }));
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/health`, spawned, performance.now(), 120_000);
    const pid = serverPid(spawned.child.pid!);
    try {
      for (const [label, written] of [['control: random bytes', control], ['sizes declared', truthful], ['sizes understated', lying]] as const) {
        log(`posting ${label}…`);
        rows.push(await postBomb(base, token, written, { pid, loopDir }, label));
      }
    } finally {
      await stopServer(spawned, pid);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
