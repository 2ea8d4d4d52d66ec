/**
 * `npm run bench -- <name>`: limit | agencies | health | directory | holders | startup | all | upload-bomb | upload-stream | images. See bench/README.md.
 * Prints a table and saves the figures as JSON under bench/results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HOLDER_TARGET_PER_SEC, runHolderBench, type HolderRow } from './holders.js';
import { AGENCIES, benchEngines, DIRECTORY, HEALTH, LIMIT, runHttpBench, type HttpRow } from './http-bench.js';
import { runImageBench, type ImageRow } from './images.js';
import { loadSettings } from './load.js';
import { ROOT } from './proc.js';
import { runStartupBench, type StartupRow } from './startup.js';
import { runUploadBombBench, type BombRow } from './upload-bomb.js';
import { runUploadStreamBench, type StreamRow } from './upload-stream.js';

// `upload-bomb`, `upload-stream` and `images` are not part of `all`: they measure memory under heavy requests.
const NAMES = ['limit', 'agencies', 'health', 'directory', 'holders', 'startup', 'all', 'upload-bomb', 'upload-stream', 'images'] as const;
/** Benches that run alone, not as HTTP load. */
const SINGLE = ['startup', 'holders', 'upload-bomb', 'upload-stream', 'images'];
type Name = (typeof NAMES)[number];

const log = (line: string) => console.error(`· ${line}`);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (n: number | null, digits = 0) => (n === null ? '—' : n.toFixed(digits));

function printHttp(rows: HttpRow[]): void {
  console.log(table(
    ['engine', 'target', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'RSS MB', 'non-2xx', 'errors', 'server µs/req', 'server CPU %', 'load CPU %', 'machine busy %', 'load avg'],
    rows.map((r) => [
      r.engine, r.target, fixed(r.requestsPerSec), fixed(r.p50Ms, 1), fixed(r.p99Ms, 1), fixed(r.ratio, 2),
      fixed(r.peakRssMb), String(r.non2xx), String(r.errors + r.timeouts),
      fixed(r.serverCpuUsPerRequest), fixed(r.serverCpuPercent), fixed(r.loadCpuPercent), fixed(r.machineBusyPercent),
      `${r.loadAverage[0].toFixed(2)}→${r.loadAverage[1].toFixed(2)}`,
    ]),
  ));
}

function printHolders(rows: HolderRow[]): void {
  console.log(table(
    ['engine', 'positions', 'reference/s', 'currentHolder/s', 'ratio', 'target/s', 'result', 'cold load ms'],
    rows.map((r) => [
      r.engine, String(r.positions), fixed(r.referencePerSec), fixed(r.resolutionsPerSec), fixed(r.ratio, 1),
      `≥ ${HOLDER_TARGET_PER_SEC}`, r.ok ? 'ok' : 'MISSED', fixed(r.coldLoadMs),
    ]),
  ));
}

function printStartup(rows: StartupRow[]): void {
  console.log(table(
    ['case', 'result', 'seconds', 'target s', 'RSS MB', 'target MB'],
    rows.map((r) => [r.case, r.ok ? 'ok' : 'MISSED', fixed(r.seconds, 1), `< ${r.targetSeconds}`, fixed(r.rssMb), `< ${r.targetRssMb}`]),
  ));
}

function printBomb(rows: BombRow[]): void {
  console.log(table(
    ['case', 'answer', 'file MB', 'unzipped MB', 'answer ms', 'RSS before MB', 'RSS peak MB', 'RSS after MB', 'loop delay max ms', 'idle health max ms', 'health max ms', 'health > 200 ms'],
    rows.map((r) => [
      r.case, `${r.status} ${r.code}`, fixed(r.fileMb, 1), fixed(r.unzippedMb), fixed(r.answerMs), fixed(r.rssBeforeMb), fixed(r.rssPeakMb),
      fixed(r.rssAfterMb), fixed(r.loopDelayMaxMs), fixed(r.idleHealthMaxMs), fixed(r.healthMaxMs), `${r.healthOver} of ${r.healthChecks}`,
    ]),
  ));
}

function printStream(rows: StreamRow[]): void {
  console.log(table(
    ['case', 'answer', 'file MB', 'answer ms', 'MB/s', 'same hash', 'RSS before MB', 'RSS peak MB', 'RSS after MB'],
    rows.map((r) => [
      r.case, String(r.status), fixed(r.fileMb), fixed(r.answerMs), fixed(r.mbPerSec, 1), r.sameHash ? 'yes' : 'NO',
      fixed(r.rssBeforeMb), fixed(r.rssPeakMb), fixed(r.rssAfterMb),
    ]),
  ));
}

function printImages(rows: ImageRow[]): void {
  console.log(table(
    ['case', 'photos', 'queue limit', 'most at once', 'total ms', 'ms per photo', 'RSS before MB', 'RSS peak MB', 'RSS growth MB', 'load avg'],
    rows.map((r) => [
      r.case, String(r.photos), String(r.limit), String(r.peakRunning), fixed(r.totalMs), fixed(r.msPerPhoto),
      fixed(r.rssBeforeMb), fixed(r.rssPeakMb), fixed(r.rssPeakMb - r.rssBeforeMb), fixed(r.loadAverage, 2),
    ]),
  ));
}

async function main(name: string | undefined): Promise<number> {
  if (!NAMES.includes(name as Name)) {
    console.error(`Usage: npm run bench -- <${NAMES.join('|')}>  (see bench/README.md)`);
    return 2;
  }
  const settings = loadSettings();
  const engines = benchEngines();
  const report: Record<string, unknown> = {
    bench: name,
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryMb: Math.round(os.totalmem() / 1_048_576), node: process.version },
    settings: { ...settings, engines },
  };

  if (name === 'upload-bomb') {
    const rows = await runUploadBombBench(log);
    console.log('\nXLSX bomb posted as a dry-run import by an agency admin (PGlite server process, RSS sampled every 50 ms)\n');
    printBomb(rows);
    report.uploadBomb = rows;
  }
  if (name === 'upload-stream') {
    const rows = await runUploadStreamBench(log);
    console.log('\nA large file streamed through the blob store on the whole platform (PGlite server process, RSS sampled every 50 ms)\n');
    printStream(rows);
    report.uploadStream = rows;
  }
  if (name === 'images') {
    const rows = await runImageBench(log);
    console.log('\n12-megapixel JPEGs streamed from disk through platform.images.process to WebP at 1920, 960 and 320 px (PGlite, local blobs, RSS sampled every 20 ms)\n');
    printImages(rows);
    report.images = rows;
  }
  if (!SINGLE.includes(name as Name)) {
    const targets = {
      limit: [LIMIT], agencies: [LIMIT, AGENCIES], health: [LIMIT, HEALTH], directory: [LIMIT, DIRECTORY], all: [LIMIT, AGENCIES, HEALTH, DIRECTORY],
    }[name as Exclude<Name, 'startup' | 'holders' | 'upload-bomb' | 'upload-stream' | 'images'>];
    const rows = await runHttpBench(targets, engines, settings, log);
    console.log(`\nHTTP load, ${settings.connections} connections, ${settings.durationSeconds} s per target (ratio = req/s ÷ limit on the same engine)\n`);
    printHttp(rows);
    report.http = rows;
  }
  if (name === 'holders' || name === 'all') {
    const rows = await runHolderBench(engines, settings.durationSeconds, log);
    console.log(`\ncurrentHolder in-process, ${settings.durationSeconds} s per figure (ratio = resolutions ÷ primary-key SELECTs in the same process)\n`);
    printHolders(rows);
    report.holders = rows;
  }
  if (name === 'startup' || name === 'all') {
    const rows = await runStartupBench(log);
    console.log('\nStartup of `tsx server/src/main.ts serve` on PGlite (spawn → /api/health answers)\n');
    printStartup(rows);
    report.startup = rows;
  }

  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${String(report.at).replaceAll(':', '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nSaved ${path.relative(ROOT, file)}`);
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
