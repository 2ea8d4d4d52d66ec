import { describe, expect, it } from 'vitest';
import { readCapped, timeSlicer } from './streams.js';

describe('reading a stream under a byte cap', () => {
  it('returns the bytes under the cap and throws at the first chunk over it, reading no further', async () => {
    let pulled = 0;
    async function* source(chunks: number) {
      for (let i = 0; i < chunks; i++) {
        pulled++;
        yield Buffer.alloc(1000, i);
      }
    }
    expect((await readCapped(source(3), 3000, () => new Error('besar'))).length).toBe(3000);
    pulled = 0;
    await expect(readCapped(source(1_000_000), 3000, () => new Error('besar'))).rejects.toThrow('besar');
    expect(pulled).toBe(4);
  });

  it('lets the event loop run once a slice of work has passed', async () => {
    const pause = timeSlicer(5);
    let ticked = false;
    setImmediate(() => { ticked = true; });
    const until = performance.now() + 10;
    while (performance.now() < until) { /* busy */ }
    await pause();
    expect(ticked).toBe(true);
  });
});
