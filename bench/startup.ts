import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnv, freePort, rssMb, serverPid, spawnTsx, stopServer, waitForHttp } from './proc.js';

/** One start of the embedded platform: how long until /api/health answered, and its memory then. */
export interface StartupRow {
  case: 'empty DATA_DIR' | 'existing DATA_DIR';
  seconds: number;
  targetSeconds: number;
  rssMb: number | null;
  targetRssMb: number;
  ok: boolean;
}

const TARGET_RSS_MB = 1024;

async function startOnce(dataDir: string, which: StartupRow['case'], targetSeconds: number): Promise<StartupRow> {
  const port = await freePort();
  // The embedded default exactly as `npm start` runs it (minus the web build step): no DATABASE_URL.
  const env = childEnv({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  const since = performance.now();
  const spawned = spawnTsx(['server/src/main.ts', 'serve'], env);
  const ms = await waitForHttp(`http://127.0.0.1:${port}/api/health`, spawned, since, 180_000);
  const pid = serverPid(spawned.child.pid!);
  const rss = rssMb(pid);
  await stopServer(spawned, pid);
  const seconds = ms / 1000;
  return {
    case: which,
    seconds,
    targetSeconds,
    rssMb: rss,
    targetRssMb: TARGET_RSS_MB,
    ok: seconds < targetSeconds && rss !== null && rss < TARGET_RSS_MB,
  };
}

/**
 * Times `tsx server/src/main.ts serve` from spawn to the first 200 from /api/health on an empty
 * data directory (initialise, migrate, seed) and again on the same, now existing, directory.
 */
export async function runStartupBench(log: (line: string) => void): Promise<StartupRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-startup-'));
  try {
    log('startup: empty DATA_DIR…');
    const first = await startOnce(dataDir, 'empty DATA_DIR', 60);
    log('startup: existing DATA_DIR…');
    const second = await startOnce(dataDir, 'existing DATA_DIR', 5);
    return [first, second];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
