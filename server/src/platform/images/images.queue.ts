/**
 * A counting semaphore: at most `limit` tasks run at once, the rest wait in arrival order. Image
 * work is memory- and CPU-heavy (a 12-megapixel photo decodes to ~36 MB of pixels), so several
 * uploads arriving together are processed a few at a time instead of all at once.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now, tasks waiting, and the most that ever ran at once. */
  stats(): { running: number; waiting: number; peakRunning: number };
}

export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`limiter needs a positive whole limit, got ${limit}`);
  let running = 0;
  let peakRunning = 0;
  const waiting: (() => void)[] = [];

  async function acquire(): Promise<void> {
    if (running < limit) {
      running++;
    } else {
      // The slot is handed over by release(), so `running` never dips and a newcomer cannot jump the queue.
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    peakRunning = Math.max(peakRunning, running);
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length, peakRunning }),
  };
}
