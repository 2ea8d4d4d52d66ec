import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapped, spoolCapped, timeSlicer } from './streams.js';

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

  it('spools a stream to a temporary file with its hash, and leaves no file when the cap is passed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-spool-'));
    try {
      async function* source(chunks: number) {
        for (let i = 0; i < chunks; i++) yield Buffer.alloc(1000, i);
      }
      const file = await spoolCapped(source(3), 3000, () => new Error('besar'), dir);
      const expected = Buffer.concat([0, 1, 2].map((i) => Buffer.alloc(1000, i)));
      expect(fs.readFileSync(file.path)).toEqual(expected);
      expect(file).toMatchObject({ sizeBytes: 3000, sha256: createHash('sha256').update(expected).digest('hex') });
      await file.remove();
      await expect(spoolCapped(source(1_000_000), 3000, () => new Error('besar'), dir)).rejects.toThrow('besar');
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
