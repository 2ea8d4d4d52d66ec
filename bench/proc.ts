import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

/** The repository root (benchmarks spawn scripts relative to it). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** A process the benchmark started, with the tail of its output for error reports. */
export interface Spawned {
  readonly child: ChildProcess;
  /** The last few kilobytes the process wrote to stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `tsx <args>` from the repository root with exactly the given environment. */
export function spawnTsx(args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(TSX, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => tail, exited };
}

/** The environment a benchmark child gets: the basics of this one plus `extra`, and nothing that picks a database. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { PATH, HOME, TMPDIR, LANG } = process.env;
  const base: NodeJS.ProcessEnv = { PATH, HOME, TMPDIR, LANG };
  for (const key of Object.keys(base)) if (base[key] === undefined) delete base[key];
  return { ...base, ...extra };
}

/** Waits for a spawned script to finish and throws with its output when it fails. */
export async function expectSuccess(spawned: Spawned, what: string): Promise<void> {
  const code = await spawned.exited;
  if (code !== 0) throw new Error(`${what} exited with ${String(code)}:\n${spawned.output()}`);
}

/**
 * Polls `url` until it answers 200; throws if the process exits first or `timeoutMs` passes.
 * Returns the milliseconds from `since` (a `performance.now()` reading) to the first 200.
 */
export async function waitForHttp(url: string, spawned: Spawned, since: number, timeoutMs: number): Promise<number> {
  let exitCode: number | null | undefined;
  void spawned.exited.then((code) => { exitCode = code; });
  for (;;) {
    if (exitCode !== undefined) throw new Error(`server exited (${String(exitCode)}) before ${url} answered:\n${spawned.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${spawned.output()}`);
    await sleep(50);
  }
}

function parentOf(pid: number): number | null {
  try {
    // The command name (field 2) is in parentheses and may contain spaces; the ppid follows it.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function isNode(pid: number): boolean {
  try {
    return fs.readlinkSync(`/proc/${pid}/exe`) === fs.realpathSync(process.execPath);
  } catch {
    return false;
  }
}

/**
 * The process that actually runs the server: `tsx` starts node as a child (which may in turn start
 * esbuild's service), so this is the deepest node process under the spawned one. Linux only (/proc).
 */
export function serverPid(rootPid: number): number {
  let current = rootPid;
  for (;;) {
    const child = fs.readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .find((pid) => parentOf(pid) === current && isNode(pid));
    if (child === undefined) return current;
    current = child;
  }
}

/** Resident memory of one process in MB (from /proc/<pid>/status), or null if it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) one process has used so far, in milliseconds, or null if it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th (clock ticks).
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** USER_HZ: the unit of /proc CPU times, 100 on every Linux the benchmarks run on. */
const CLOCK_TICKS = 100;

/** The whole machine's CPU time so far (all cores): busy and total, in clock ticks, from /proc/stat. */
export function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return { busy, total: busy + idle! + iowait! };
  } catch {
    return null;
  }
}

/** Stops a spawned server: SIGTERM to the server process (a graceful shutdown), SIGKILL after 10 s. */
export async function stopServer(spawned: Spawned, pid: number): Promise<void> {
  const rootPid = spawned.child.pid!;
  const signal = (target: number, sig: NodeJS.Signals) => {
    try {
      process.kill(target, sig);
    } catch {
      /* already gone */
    }
  };
  signal(pid, 'SIGTERM');
  const done = await Promise.race([spawned.exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!done) {
    signal(pid, 'SIGKILL');
    signal(rootPid, 'SIGKILL');
    await spawned.exited;
  }
}
