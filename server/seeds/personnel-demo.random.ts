import type { Weighted } from './reference/personnel-catalogue.js';

// Seeded randomness for the demo staff: every draw comes from one sequence, so a seed fixes the data.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** mulberry32 with helpers: small, fast and the same sequence on every machine for one seed. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    chance: (p: number): boolean => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    /** Favours the front of a list: name lists put the most common names first. */
    front: <T>(list: readonly T[]): T => list[Math.floor(list.length * next() ** 1.8)]!,
    weighted<T>(entries: Weighted<T>): T {
      let x = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, w] of entries) if ((x -= w) < 0) return value;
      return entries[entries.length - 1]![0];
    },
    /** A version-4-shaped UUID from the sequence, so ids repeat with the seed too. */
    uuid(): string {
      const word = () => Math.floor(next() * 4294967296);
      const hex = (n: number) => HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
      const b = hex((((word() & 0xffff0fff) | 0x4000) >>> 0));
      const c = hex((((word() & 0x3fffffff) | 0x80000000) >>> 0));
      return `${hex(word())}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${hex(word())}`;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

/** `k` distinct items drawn from the list (a partial Fisher–Yates shuffle of a copy). */
export function sample<T>(rng: Random, list: readonly T[], k: number): T[] {
  const copy = [...list];
  const n = Math.max(0, Math.min(k, copy.length));
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
