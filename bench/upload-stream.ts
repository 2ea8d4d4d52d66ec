/**
 * `npm run bench -- upload-stream`: a 200 MB file through the blob store's streaming upload, on the
 * whole platform (issue 10). Writes a 200 MB PDF-typed file of random bytes to disk (never held
 * whole), starts the platform on PGlite in its own process with one extra route the way a module
 * would write it (`@fastify/multipart` → `platform.blobs.put(part.file)`; `sendBlob` to read it
 * back), posts the file as multipart/form-data streamed from disk, then downloads it again. Reports
 * each answer, its time and throughput, and the server's RSS before, at its peak and 2 s after.
 * The control posts the same file to a route that buffers it whole first (`readCapped`, then
 * `put(bytes)`), the way uploads were read before, to show what the sampling sees when memory grows.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv, freePort, rssMb, serverPid, spawnTsx, stopServer, waitForHttp } from './proc.js';

/** Size of the uploaded file; `BENCH_UPLOAD_MB` changes it. */
const FILE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 200);
const MB = 1_048_576;
const ROUTE = '/api/bench/uploads';

/** One measured request, as printed. */
export interface StreamRow {
  case: string;
  status: number;
  fileMb: number;
  answerMs: number;
  mbPerSec: number;
  /** The hash the server (upload) or the client (download) computed equals the file's. */
  sameHash: boolean;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
}

/** Writes `mb` megabytes: a PDF signature, then random bytes; returns the file's SHA-256. */
async function writeFile(file: string, mb: number): Promise<string> {
  const out = await fs.promises.open(file, 'w');
  const hash = createHash('sha256');
  try {
    const head = Buffer.from('%PDF-1.4\n');
    const first = Buffer.concat([head, randomBytes(MB - head.length)]);
    for (let i = 0; i < mb; i++) {
      const piece = i === 0 ? first : randomBytes(MB);
      hash.update(piece);
      await out.write(piece);
    }
  } finally {
    await out.close();
  }
  return hash.digest('hex');
}

/** The server process: the whole platform on PGlite plus the bench's upload and download routes. */
async function serve(port: number, dataDir: string): Promise<void> {
  const { default: fastifyMultipart } = await import('@fastify/multipart');
  const { Type } = await import('typebox');
  const { loadConfig } = await import('../server/src/platform/config.js');
  const { openPglite, runMigrations } = await import('../server/src/platform/db/index.js');
  const { buildApp } = await import('../server/src/app.js');
  const { sendBlob } = await import('../server/src/platform/files/index.js');
  const { readCapped } = await import('../server/src/platform/streams.js');
  const database = await openPglite(dataDir);
  await runMigrations(database);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_PROFILE: 'none', LOG_LEVEL: 'warn' });
  const { app, platform } = await buildApp(config, database);
  const maxBytes = (FILE_MB + 10) * MB;
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 0 }, throwFileSizeLimit: true });
    scope.post(ROUTE, { config: { access: 'public' } }, async (req, reply) => {
      const part = await req.file();
      if (!part) return reply.code(400).send({ code: 'no_file' });
      const info = await platform.blobs.put(part.file, { maxBytes, allowedTypes: ['application/pdf'], declaredType: part.mimetype });
      return reply.code(201).send(info);
    });
    scope.post(`${ROUTE}/buffered`, { config: { access: 'public' } }, async (req, reply) => {
      const part = await req.file();
      if (!part) return reply.code(400).send({ code: 'no_file' });
      const bytes = await readCapped(part.file, maxBytes, () => new Error('too large'));
      const info = await platform.blobs.put(bytes, { maxBytes, allowedTypes: ['application/pdf'] });
      return reply.code(201).send(info);
    });
  });
  app.get(`${ROUTE}/:sha256`, { schema: { params: Type.Object({ sha256: Type.String() }) }, config: { access: 'public' } },
    (req, reply) => sendBlob(platform.blobs, req, reply, req.params.sha256, { visibility: 'public' }));
  await app.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => {
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}

/** The multipart body, the file streamed from disk. */
async function* multipartBody(boundary: string, file: string): AsyncGenerator<Buffer> {
  yield Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="besar.pdf"\r\ncontent-type: application/pdf\r\n\r\n`);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
  yield Buffer.from(`\r\n--${boundary}--\r\n`);
}

/** Samples the server's RSS every 50 ms while `work` runs; before is the idle maximum over 1 s. */
async function measured(pid: number, label: string, work: () => Promise<{ status: number; sameHash: boolean }>): Promise<StreamRow> {
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) {
    idle.push(rssMb(pid) ?? 0);
    await sleep(50);
  }
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMb(pid) ?? 0), 50);
  const started = performance.now();
  let result = { status: 0, sameHash: false };
  try {
    result = await work();
  } finally {
    clearInterval(timer);
  }
  const answerMs = performance.now() - started;
  await sleep(2000);
  return {
    case: label, status: result.status, sameHash: result.sameHash, fileMb: FILE_MB, answerMs, mbPerSec: FILE_MB / (answerMs / 1000),
    rssBeforeMb: Math.max(...idle), rssPeakMb: Math.max(...samples, ...idle.slice(-1)), rssAfterMb: rssMb(pid) ?? 0,
  };
}

async function upload(base: string, file: string, sha256: string, buffered = false): Promise<{ status: number; sameHash: boolean }> {
  const boundary = `----bench${Date.now()}`;
  const res = await fetch(`${base}${ROUTE}${buffered ? '/buffered' : ''}`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Readable.from(multipartBody(boundary, file)) as unknown as RequestInit['body'],
    duplex: 'half',
    signal: AbortSignal.timeout(600_000),
  } as RequestInit);
  const body = await res.json() as { sha256?: string };
  return { status: res.status, sameHash: body.sha256 === sha256 };
}

async function download(base: string, sha256: string): Promise<{ status: number; sameHash: boolean }> {
  const res = await fetch(`${base}${ROUTE}/${sha256}`, { signal: AbortSignal.timeout(600_000) });
  const hash = createHash('sha256');
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
  return { status: res.status, sameHash: hash.digest('hex') === sha256 };
}

/** Runs the bench on PGlite: upload, then download, of one file. */
export async function runUploadStreamBench(log: (line: string) => void): Promise<StreamRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-stream-'));
  try {
    const file = path.join(work, 'besar.pdf');
    log(`writing ${FILE_MB} MB to ${file}…`);
    const sha256 = await writeFile(file, FILE_MB);
    const port = await freePort();
    const spawned = spawnTsx(['bench/upload-stream.ts', 'serve', String(port), path.join(work, 'data')], childEnv({}));
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/health`, spawned, performance.now(), 180_000);
    const pid = serverPid(spawned.child.pid!);
    try {
      log('posting the file…');
      const up = await measured(pid, `upload ${FILE_MB} MB (multipart → blobs.put)`, () => upload(base, file, sha256));
      log('downloading it…');
      const down = await measured(pid, `download ${FILE_MB} MB (sendBlob)`, () => download(base, sha256));
      log('posting it to the buffering control route…');
      const control = await measured(pid, 'control: buffered whole, then put(bytes)', () => upload(base, file, sha256, true));
      return [up, down, control];
    } finally {
      await stopServer(spawned, pid);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve' && /upload-stream\.ts$/.test(process.argv[1] ?? '')) {
  serve(Number(process.argv[3]), process.argv[4]!).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
