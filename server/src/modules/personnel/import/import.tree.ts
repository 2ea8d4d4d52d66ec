// Walking parent and superior links: loops, depth and sort order, shared by units and positions.

/** Longest chain walked; real trees are five or six levels, so more means a cycle. */
export const MAX_DEPTH = 64;

/** Walks `next` from `start`; returns the loop as a list of nodes when it comes back to `start`. */
export function loopFrom(start: string, next: (node: string) => string | null | undefined): string[] | null {
  const path = [start];
  for (let node = next(start), steps = 0; node && steps < MAX_DEPTH; node = next(node), steps++) {
    if (node === start) return path;
    if (path.includes(node)) return null; // a loop elsewhere; reported from its own members
    path.push(node);
  }
  return null;
}

/** Next free sort order per parent (units) or unit (positions), counting what the plan adds. */
export function sortCounter(existing: { key: string | null; sortOrder: number }[]): (key: string | null) => number {
  const max = new Map<string | null, number>();
  for (const e of existing) max.set(e.key, Math.max(max.get(e.key) ?? 0, e.sortOrder));
  return (key) => {
    const n = (max.get(key) ?? 0) + 1;
    max.set(key, n);
    return n;
  };
}

/**
 * Sorts new rows so each comes after the planned rows it points at, as COPY batches need;
 * `up(id)` is the parent or superior of a planned row, undefined once the chain leaves the plan.
 */
export function sortByDepth<T extends { id?: string }>(rows: T[], up: (id: string) => string | null | undefined): void {
  const depthOf = (id: string | undefined): number => {
    let n = 0;
    for (let node: string | null | undefined = id; node && n < MAX_DEPTH; n++) {
      const next = up(node);
      if (next === undefined) break;
      node = next;
    }
    return n;
  };
  const depth = new Map(rows.map((r) => [r, depthOf(r.id)]));
  rows.sort((a, b) => depth.get(a)! - depth.get(b)!);
}
