import autocannon from 'autocannon';
import { rssMb } from './proc.js';

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
}

/**
 * Warms the server up, then loads `url` with autocannon (in this process: the server is another one)
 * while sampling the server's resident memory every 250 ms.
 */
export async function measure(url: string, serverPid: number, settings: LoadSettings, load: RequestMix = {}): Promise<LoadResult> {
  const mix = { ...(load.headers ? { headers: load.headers } : {}), ...(load.paths ? { requests: load.paths.map((path) => ({ path })) } : {}) };
  await autocannon({ url, connections: settings.connections, duration: settings.warmupSeconds, ...mix });
  let peak: number | null = null;
  const sample = () => {
    const rss = rssMb(serverPid);
    if (rss !== null) peak = Math.max(peak ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, 250);
  try {
    const result = await autocannon({ url, connections: settings.connections, duration: settings.durationSeconds, ...mix });
    sample();
    return {
      requestsPerSec: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      peakRssMb: peak,
    };
  } finally {
    clearInterval(timer);
  }
}
