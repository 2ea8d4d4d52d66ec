import type { Modules } from '../src/modules.js';
import type { Progress } from '../src/platform/progress.js';

/** A demo account printed at start and listed in the README. */
export interface DemoAccount {
  role: string;
  username: string;
  password: string;
}

/** Seeds the `demo` profile on top of the reference data; returns the accounts it made. */
export async function seedDemo(_modules: Modules, _progress: Progress): Promise<DemoAccount[]> {
  return [];
}

/** Seeds the `full` profile (regency scale, for the benchmarks). */
export async function seedFull(modules: Modules, progress: Progress): Promise<DemoAccount[]> {
  return seedDemo(modules, progress);
}
