import { AGENCY_SHARES, type Jenjang, type Job } from './reference/personnel-catalogue.js';
import { addDays, addMonths, addYears, firstOfMonth, later } from './personnel-demo.dates.js';
import type { Agency, Generation, PinnedEmployee, PinnedPost, PositionKind, Post, Unit, Vacancy } from './personnel-demo.model.js';
import { sample } from './personnel-demo.random.js';
import { allocate, apportion, jobByTitle, mixOf, unitWeight } from './personnel-demo.structure.js';

// Steps 1 and 2 of the generator: the demo accounts' posts, the vacant heads, each agency's share of
// the staff, and the non-head posts (one per person to place) under each unit's head.

/** Staff recorded in an agency but in no position (new appointees, people between posts, on CLTN). */
const UNPLACED_SHARE = 0.04;

/** What an agency will be staffed with: its head posts that get a holder and how many get no post. */
export interface AgencyPlan {
  agency: Agency;
  filledHeads: Post[];
  unplaced: number;
}

/** The demo accounts' posts; an account whose agency or title is unknown gets none. */
export function pinPosts(agencies: Agency[], pinned: PinnedEmployee[]): PinnedPost[] {
  const pins: PinnedPost[] = [];
  for (const pin of pinned) {
    const agency = agencies.find((a) => a.code === pin.agencyCode);
    const found = jobByTitle(pin.title);
    if (!agency || !found || agency.units.length === 0) continue;
    pins.push({ pin, unit: agency.units.find((u) => u.name === pin.unitName) ?? agency.units[0]!, ...found });
  }
  return pins;
}

/**
 * Leaves a few head posts empty (more in a larger register): never an eselon II.a post, nor the head
 * of a demo account's unit or of its agency, so the accounts see a settled structure. Each vacancy
 * dates from a retirement or, otherwise, a transfer.
 */
export function chooseVacancies(g: Generation, heads: Post[], pins: PinnedPost[]): Vacancy[] {
  const { rng, today, input } = g;
  const steady = new Set(pins.flatMap(({ unit }) => [unit, unit.agency.units[0]!]));
  const makeVacant = (kind: PositionKind, n: number) => {
    const candidates = heads.filter((h) => h.kind === kind && h.eselon !== null && !steady.has(h.unit) && h.eselon !== 'II.a');
    for (const post of sample(rng, candidates, n)) post.vacant = true;
  };
  if (input.count >= 1000) makeVacant('jpt_pratama', 1);
  if (input.count >= 300) {
    makeVacant('administrator', 2);
    makeVacant('pengawas', 2);
  }
  return heads.filter((h) => h.vacant).map((post) => {
    const retiredOn = firstOfMonth(addMonths(today, -rng.int(1, 8)));
    const pension = rng.chance(0.6) && post.unit.agency.validFrom <= addYears(retiredOn, -3);
    const since = pension ? retiredOn : later(addDays(today, -rng.int(20, 240)), post.unit.agency.validFrom);
    post.occupiedFrom = since;
    return { post, since, retiredOn: pension ? retiredOn : null };
  });
}

/** People per agency: every filled head plus a minimum, the rest by the agency's share of the regency. */
export function agencyBudgets(agencies: Agency[], available: number, count: number): number[] {
  const hasOffices = agencies.some((a) => a.kind !== 'kecamatan');
  const kecamatanStaff = Math.min(15, Math.max(5, Math.round(count / 300)));
  return allocate(available, agencies.map((a) => {
    const filled = a.units.filter((u) => u.head && !u.head.vacant).length;
    if (a.kind === 'kecamatan') {
      return { min: filled + kecamatanStaff + a.units.filter((u) => u.kind === 'kelurahan').length, weight: hasOffices ? 0 : 1 };
    }
    return { min: filled + 2, weight: AGENCY_SHARES[a.code] ?? (a.kind === 'rsud' ? 0.03 : 0.008) };
  }));
}

/** Creates each agency's non-head posts from its budget and says who else it gets. */
export function planPosts(g: Generation, budgets: number[], pins: PinnedPost[]): AgencyPlan[] {
  return g.agencies.map((agency, i) => {
    const budget = budgets[i]!;
    const filledHeads = agency.units.flatMap((u) => (u.head && !u.head.vacant ? [u.head] : [])).slice(0, budget);
    const rest = budget - filledHeads.length;
    const unplaced = Math.round(rest * UNPLACED_SHARE);
    const postCount = rest - unplaced;
    const mine = pins.filter((p) => p.unit.agency === agency).slice(0, postCount);
    const slots = apportion(postCount - mine.length, agency.units.map(unitWeight));
    agency.units.forEach((unit, k) => addUnitPosts(g, unit, slots[k]!, mine.filter((p) => p.unit === unit)));
    return { agency, filledHeads, unplaced };
  });
}

/** The demo accounts' posts of the unit, then `slots` posts drawn from the unit's mix, under its head. */
function addUnitPosts(g: Generation, unit: Unit, slots: number, pinned: PinnedPost[]): void {
  const { rng, out } = g;
  const drawn = Array.from({ length: slots }, () => {
    const job = rng.weighted(mixOf(unit));
    return { job, level: job.kind === 'fungsional' ? rng.weighted(job.levels) : null, pin: null as PinnedEmployee | null };
  });
  const titleOf = (d: { job: Job; level: Jenjang | null }) => (d.level ? `${d.job.title} ${d.level}` : d.job.title);
  // Functional posts first, then pelaksana, each by title: the order a unit's staff list is printed in.
  drawn.sort((a, b) => Number(a.job.kind !== 'fungsional') - Number(b.job.kind !== 'fungsional') || (titleOf(a) < titleOf(b) ? -1 : titleOf(a) > titleOf(b) ? 1 : 0));
  const entries = [...pinned.map((p) => ({ job: p.job, level: p.level, pin: p.pin as PinnedEmployee | null })), ...drawn];
  for (const [n, d] of entries.entries()) {
    const post: Post = {
      id: rng.uuid(), unit, title: titleOf(d), kind: d.job.kind, eselon: null, isHead: false, job: d.job, level: d.level,
      holder: null, vacant: false, occupiedFrom: null, pinned: d.pin,
    };
    unit.posts.push(post);
    out.positions.push({
      id: post.id, unitId: unit.id, title: post.title, kind: post.kind, eselon: null, superiorId: unit.head?.id ?? null,
      sortOrder: n + (unit.head ? 2 : 1), validFrom: unit.agency.validFrom, validTo: null,
    });
  }
}
