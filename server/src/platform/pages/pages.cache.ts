/**
 * A small least-recently-used cache of answers that expire: a link shared in a busy group is
 * fetched by many previews within seconds, and one database look-up should serve them all.
 * Concurrent requests for the same key share one load; a failed load is not kept.
 */
export interface AnswerCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  readonly size: number;
}

/** Creates a cache holding at most `maxEntries` answers, each for `ttlMs`. */
export function createAnswerCache<T>(maxEntries: number, ttlMs: number, now: () => number = Date.now): AnswerCache<T> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, { expiresAt: number; value: Promise<T> }>();
  return {
    get(key, load) {
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      entries.delete(key);
      const value = load();
      const entry = { expiresAt: now() + ttlMs, value };
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
