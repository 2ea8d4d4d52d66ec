import { eq, sql } from 'drizzle-orm';
import { inTransaction, type Db } from './db/index.js';
import { revisions } from './snapshot.tables.js';

/**
 * A value derived from the database and kept in memory per instance, dropped when a revision
 * number moves. Local writes call `invalidate()` and are seen at once; writes by another instance
 * bump the revision in their transaction and are seen once `checkEveryMs` has passed (the revision
 * is read at most that often, so hot paths cost a clock read and a map lookup).
 */
export interface Snapshot<T> {
  /** The current value, loading or reloading it when needed; concurrent callers share one load. */
  get(): Promise<T>;
  /** Drops the value after a local write; a load already running will not be kept. */
  invalidate(): void;
}

/** Creates a snapshot of `load()`, kept until `readRevision()` changes or `invalidate()` is called. */
export function createSnapshot<T>(options: {
  load: () => Promise<T>;
  readRevision: () => Promise<number>;
  checkEveryMs?: number;
}): Snapshot<T> {
  const checkEveryMs = options.checkEveryMs ?? 1000;
  let held: { value: T; revision: number } | null = null;
  let generation = 0;
  let checkedAt = 0;
  let loading: { promise: Promise<T>; generation: number } | null = null;
  let checking: Promise<void> | null = null;

  function startLoad(): Promise<T> {
    // A load begun before the last invalidation may miss that write: callers after it need a new one.
    if (loading && loading.generation === generation) return loading.promise;
    const started = generation;
    const promise: Promise<T> = (async () => {
      // The revision is read before the rows, so the rows are at least as new as the revision kept.
      const revision = await options.readRevision();
      const value = await options.load();
      // An invalidation during the load means these rows may be stale: give them to the callers
      // already waiting, but do not keep them.
      if (started === generation) {
        held = { value, revision };
        checkedAt = Date.now();
      }
      return value;
    })().finally(() => {
      if (loading?.promise === promise) loading = null;
    });
    loading = { promise, generation: started };
    return promise;
  }

  return {
    async get(): Promise<T> {
      if (held && Date.now() - checkedAt < checkEveryMs) return held.value;
      if (held) {
        const seen = held;
        checking ??= options.readRevision().then((revision) => {
          checkedAt = Date.now();
          if (held === seen && revision !== seen.revision) held = null;
        }).finally(() => { checking = null; });
        await checking;
        if (held) return held.value;
      }
      return startLoad();
    },

    invalidate(): void {
      generation++;
      held = null;
    },
  };
}

/**
 * The revision of one module's data and the snapshots derived from it: the one way a module marks a
 * change. A write bumps the revision inside its transaction (other instances reload within
 * `checkEveryMs`) and, after commit, `invalidate()` drops this instance's snapshots at once, so the
 * writer reads its own write. `write(work)` does all three.
 */
export interface Revision {
  /** A snapshot of `load()`, kept until this revision moves. */
  snapshot<T>(load: () => Promise<T>, checkEveryMs?: number): Snapshot<T>;
  /** Marks the data changed; call inside the writing transaction. */
  bump(tx: Db): Promise<void>;
  /** Drops this instance's snapshots of the data; call after the writing transaction committed. */
  invalidate(): void;
  /** Runs `work` in a transaction that bumps the revision, then invalidates once it committed. */
  write<T>(work: (tx: Db) => Promise<T>): Promise<T>;
}

/** The revision named `name` (a module's name) over `db`. */
export function createRevision(db: Db, name: string): Revision {
  const snapshots: Snapshot<unknown>[] = [];
  const invalidate = (): void => { for (const snapshot of snapshots) snapshot.invalidate(); };
  return {
    snapshot<T>(load: () => Promise<T>, checkEveryMs?: number): Snapshot<T> {
      const snapshot = createSnapshot({ load, readRevision: () => readRevision(db, name), checkEveryMs });
      snapshots.push(snapshot);
      return snapshot;
    },
    bump: (tx) => bumpRevision(tx, name),
    invalidate,
    async write(work) {
      try {
        return await inTransaction(db, async (tx) => {
          const result = await work(tx);
          await bumpRevision(tx, name);
          return result;
        });
      } finally {
        // Also after a failure: a rolled-back write leaves the snapshots right, and reloading is cheap.
        invalidate();
      }
    },
  };
}

/** Marks a change to the data named `name`; call it inside the writing transaction. */
async function bumpRevision(db: Db, name: string): Promise<void> {
  await db.insert(revisions).values({ name, revision: 1 })
    .onConflictDoUpdate({ target: revisions.name, set: { revision: sql`${revisions.revision} + 1` } });
}

/** The current revision of `name` (0 before its first change). */
async function readRevision(db: Db, name: string): Promise<number> {
  const [row] = await db.select({ revision: revisions.revision }).from(revisions).where(eq(revisions.name, name));
  return row?.revision ?? 0;
}
