import { describe, expect, it } from 'vitest';
import { createSnapshot } from './snapshot.js';

function source() {
  const state = { rows: ['a'], revision: 1, loads: 0, revisionReads: 0 };
  return {
    state,
    snapshot: (checkEveryMs = 1000) => createSnapshot({
      load: async () => { state.loads++; const rows = [...state.rows]; await new Promise((r) => setTimeout(r, 5)); return rows; },
      readRevision: async () => { state.revisionReads++; return state.revision; },
      checkEveryMs,
    }),
  };
}

describe('a revisioned snapshot', () => {
  it('loads once for concurrent callers and serves from memory afterwards', async () => {
    const { state, snapshot } = source();
    const s = snapshot();
    const values = await Promise.all([s.get(), s.get(), s.get()]);
    expect(values).toEqual([['a'], ['a'], ['a']]);
    await s.get();
    expect(state.loads).toBe(1);
    expect(state.revisionReads).toBe(1);
  });

  it('sees a local write at once after invalidate, even with a load in flight', async () => {
    const { state, snapshot } = source();
    const s = snapshot();
    const first = s.get(); // a load in flight, begun before the write
    state.rows = ['a', 'b'];
    s.invalidate();
    expect(await s.get()).toEqual(['a', 'b']);
    await first;
    expect(await s.get()).toEqual(['a', 'b']);
    expect(state.loads).toBe(2); // the write started a new load rather than joining the old one
  });

  it('drops the value when another writer moved the revision, once the check interval has passed', async () => {
    const { state, snapshot } = source();
    const s = snapshot(20);
    expect(await s.get()).toEqual(['a']);
    state.rows = ['c'];
    state.revision = 2;
    expect(await s.get()).toEqual(['a']); // within the interval: the revision is not read
    await new Promise((r) => setTimeout(r, 30));
    expect(await s.get()).toEqual(['c']);
    await new Promise((r) => setTimeout(r, 30));
    expect(await s.get()).toEqual(['c']); // same revision: kept
    expect(state.loads).toBe(2);
  });
});
