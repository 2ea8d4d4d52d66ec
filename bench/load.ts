import os from 'node:os';
import autocannon from 'autocannon';
import { cpuMs, machineTicks, rssMb } from './proc.js';

/** How hard and how long to load a server; overridable by environment variables (seconds). */
export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/** Reads BENCH_CONNECTIONS, BENCH_DURATION and BENCH_WARMUP (defaults 50 connections, 10 s after 2 s). */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): LoadSettings {
  const positive = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
    return n;
  };
  return {
    connections: positive('BENCH_CONNECTIONS', 50),
    durationSeconds: positive('BENCH_DURATION', 10),
    warmupSeconds: positive('BENCH_WARMUP', 2),
  };
}

/** Headers every request carries, and paths each connection cycles through instead of the URL's own. */
export interface RequestMix {
  headers?: Record<string, string>;
  paths?: string[];
}

/** What one load run measured. */
export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Largest resident memory of the server process seen during the measured run. */
  peakRssMb: number | null;
  /**
   * CPU time the server process used per answered request during the measured run, in microseconds:
   * the cost of one request, much less sensitive than requests/s to what else the machine is doing.
   */
  serverCpuUsPerRequest: number | null;
  /** The server process's CPU use during the measured run, in % of one core (100 = one core saturated). */
  serverCpuPercent: number | null;
  /** This process's (autocannon's) CPU use during the measured run, in % of one core. */
  loadCpuPercent: number;
  /** How busy the whole machine was during the measured run, in % of all its cores (everything: server, load, database, others). */
  machineBusyPercent: number | null;
  /** The 1-minute load average just before and just after the measured run. */
  loadAverage: [before: number, after: number];
}

/**
 * Warms the server up, then loads `url` with autocannon (in this process: the server is another one)
 * while sampling the server's resident memory every 250 ms and counting the CPU time the server, this
 * process and the whole machine use. `onMeasuredRun` is called as the measured run begins.
 */
export async function measure(
  url: string, serverPid: number, settings: LoadSettings, load: RequestMix = {}, onMeasuredRun?: () => void,
): Promise<LoadResult> {
  const mix = { ...(load.headers ? { headers: load.headers } : {}), ...(load.paths ? { requests: load.paths.map((path) => ({ path })) } : {}) };
  await autocannon({ url, connections: settings.connections, duration: settings.warmupSeconds, ...mix });
  let peak: number | null = null;
  const sample = () => {
    const rss = rssMb(serverPid);
    if (rss !== null) peak = Math.max(peak ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, 250);
  onMeasuredRun?.();
  const loadBefore = os.loadavg()[0]!;
  const serverBefore = cpuMs(serverPid);
  const machineBefore = machineTicks();
  const selfBefore = process.cpuUsage();
  const startedAt = performance.now();
  try {
    const result = await autocannon({ url, connections: settings.connections, duration: settings.durationSeconds, ...mix });
    const elapsedMs = performance.now() - startedAt;
    const self = process.cpuUsage(selfBefore);
    const serverAfter = cpuMs(serverPid);
    const machineAfter = machineTicks();
    sample();
    const serverUsedMs = serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : null;
    const answered = result.requests.total;
    return {
      requestsPerSec: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      peakRssMb: peak,
      serverCpuUsPerRequest: serverUsedMs !== null && answered > 0 ? (serverUsedMs * 1000) / answered : null,
      serverCpuPercent: serverUsedMs !== null ? (100 * serverUsedMs) / elapsedMs : null,
      loadCpuPercent: (100 * (self.user + self.system)) / 1000 / elapsedMs,
      machineBusyPercent: machineBefore && machineAfter && machineAfter.total > machineBefore.total
        ? (100 * (machineAfter.busy - machineBefore.busy)) / (machineAfter.total - machineBefore.total)
        : null,
      loadAverage: [loadBefore, os.loadavg()[0]!],
    };
  } finally {
    clearInterval(timer);
  }
}
