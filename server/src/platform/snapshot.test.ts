import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/app.js';
import type { Database } from './db/index.js';
import { createRevision, createSnapshot } from './snapshot.js';

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

describe('a module revision', () => {
  let database: Database;
  let close: () => Promise<void>;
  beforeAll(async () => ({ database, close } = await openTestDatabase()));
  afterAll(() => close());

  /** Two instances of one module on one database: each has its revision object and its snapshot of a counter. */
  function instance(data: { value: number }, checkEveryMs = 20) {
    const revision = createRevision(database.db, 'snapshot-test');
    const snapshot = revision.snapshot(async () => data.value, checkEveryMs);
    return { revision, snapshot };
  }

  it('shows a write to the writer at once and to another instance after the check interval', async () => {
    const data = { value: 1 };
    const a = instance(data);
    const b = instance(data);
    expect(await a.snapshot.get()).toBe(1);
    expect(await b.snapshot.get()).toBe(1);
    const answer = await a.revision.write(async () => {
      data.value = 2;
      return 'written';
    });
    expect(answer).toBe('written');
    expect(await a.snapshot.get()).toBe(2); // invalidated after commit
    expect(await b.snapshot.get()).toBe(1); // within b's interval
    await new Promise((r) => setTimeout(r, 30));
    expect(await b.snapshot.get()).toBe(2); // the bumped revision was seen
  });

  it('rolls the bump back with a failed write and still drops the local snapshot', async () => {
    const data = { value: 10 };
    const a = instance(data, 60_000);
    const b = instance(data);
    await a.snapshot.get();
    await b.snapshot.get();
    data.value = 11;
    await expect(a.revision.write(async () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect(await a.snapshot.get()).toBe(11); // reloaded: a failed write leaves nothing stale behind
    await new Promise((r) => setTimeout(r, 30));
    expect(await b.snapshot.get()).toBe(10); // the revision did not move, so b keeps its value
  });
});
