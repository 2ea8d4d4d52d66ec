/**
 * `npm run bench -- images`: the image pipeline (issue 10) on 12-megapixel photos. Writes four
 * 4000×3000 JPEGs (a gradient with grain, EXIF GPS and orientation, the way a phone writes them) to a
 * temp folder, then, each case in a fresh process (`tsx bench/images.ts measure <dir> <case>`) on
 * PGlite with a local blob store, streams them from disk through `platform.images.process` to three
 * WebP widths. Cases: one photo after another (time per photo), four at once through the pipeline's
 * queue (at most 2 at a time, the platform's setting), and four at once with the queue opened to 4
 * (the control). Reports wall time, time per photo, and the process's RSS before and at its peak
 * (sampled every 20 ms by the process itself; sharp works off the main thread).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { childEnv, spawnTsx } from './proc.js';

const PHOTOS = 4;
const [WIDTH, HEIGHT] = [4000, 3000];
const VARIANTS = [{ width: 1920, format: 'webp' as const }, { width: 960, format: 'webp' as const }, { width: 320, format: 'webp' as const }];
const CASES = { sequential: { limit: 2, atOnce: false }, 'at-once-limit-2': { limit: 2, atOnce: true }, 'at-once-limit-4': { limit: 4, atOnce: true } };
type CaseName = keyof typeof CASES;

/** One measured case, as printed. */
export interface ImageRow {
  case: string;
  photos: number;
  limit: number;
  totalMs: number;
  msPerPhoto: number;
  peakRunning: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  /** The machine's 1-minute load average as the case started: other work on the two cores slows every figure. */
  loadAverage: number;
}

/** A 12-megapixel JPEG: a diagonal colour gradient with random grain, EXIF GPS and orientation. */
async function writePhoto(file: string, seed: number): Promise<void> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      const grain = Math.floor(Math.random() * 24) - 12;
      pixels[i] = Math.max(0, Math.min(255, ((x * 255) / WIDTH + seed * 40 + grain) % 256));
      pixels[i + 1] = Math.max(0, Math.min(255, (y * 255) / HEIGHT + grain));
      pixels[i + 2] = Math.max(0, Math.min(255, 128 + grain * 2));
    }
  }
  await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 88 })
    .withMetadata({ orientation: 1 + (seed % 2) * 5 })
    .withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: `6/1 ${50 + seed}/1 0/1`, GPSLongitudeRef: 'E', GPSLongitude: '109/1 8/1 0/1' } })
    .toFile(file);
}

/** The child: one case on a fresh platform kernel (PGlite, local blob store), one JSON line out. */
async function measure(dir: string, name: CaseName): Promise<void> {
  const { openPglite, runMigrations } = await import('../server/src/platform/db/index.js');
  const { createBlobStore } = await import('../server/src/platform/files/index.js');
  const { createImagePipeline } = await import('../server/src/platform/images/index.js');
  const database = await openPglite();
  await runMigrations(database);
  const blobs = createBlobStore({ kind: 'local', dir: path.join(dir, `blobs-${name}`) }, database.db);
  const { limit, atOnce } = CASES[name];
  const images = createImagePipeline(blobs, { concurrency: limit });
  await images.process(await sharp({ create: { width: 64, height: 64, channels: 3, background: 'grey' } }).jpeg().toBuffer(), { variants: VARIANTS });
  const files = Array.from({ length: PHOTOS }, (_, i) => path.join(dir, `foto-${i}.jpg`));
  const one = (file: string) => images.process(fs.createReadStream(file), { variants: VARIANTS, wantGps: true });
  await new Promise((r) => setTimeout(r, 500));
  const loadAverage = os.loadavg()[0]!;
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const timer = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage.rss()); }, 20);
  const started = performance.now();
  if (atOnce) await Promise.all(files.map(one));
  else for (const file of files) await one(file);
  const totalMs = performance.now() - started;
  clearInterval(timer);
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  const row: ImageRow = {
    case: atOnce ? `${PHOTOS} at once, queue limit ${limit}` : 'one after another',
    photos: PHOTOS, limit, totalMs, msPerPhoto: totalMs / PHOTOS, peakRunning: images.stats().peakRunning,
    rssBeforeMb: rssBefore / 1_048_576, rssPeakMb: rssPeak / 1_048_576, loadAverage,
  };
  await database.close();
  console.log(JSON.stringify(row));
}

/** Writes the photos, then runs each case in a process of its own. */
export async function runImageBench(log: (line: string) => void): Promise<ImageRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-images-'));
  try {
    log(`writing ${PHOTOS} photos of ${WIDTH}×${HEIGHT} to ${work}…`);
    for (let i = 0; i < PHOTOS; i++) await writePhoto(path.join(work, `foto-${i}.jpg`), i);
    const rows: ImageRow[] = [];
    for (const name of Object.keys(CASES) as CaseName[]) {
      log(`case ${name}…`);
      const spawned = spawnTsx(['bench/images.ts', 'measure', work, name], childEnv({}));
      let out = '';
      spawned.child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
      const code = await spawned.exited;
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) throw new Error(`case ${name} exited with ${String(code)}:\n${spawned.output()}`);
      rows.push(JSON.parse(line) as ImageRow);
    }
    return rows;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'measure' && /images\.ts$/.test(process.argv[1] ?? '')) {
  measure(process.argv[3]!, process.argv[4] as CaseName).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
