import { addDays, addYears, later } from './personnel-demo.dates.js';
import { decree } from './personnel-demo.decrees.js';
import type { Generation, PositionKind, Post, Vacancy } from './personnel-demo.model.js';
import { makePerson, place } from './personnel-demo.people.js';
import type { AgencyPlan } from './personnel-demo.posts.js';
import { unitWeight } from './personnel-demo.structure.js';

// Steps 3 and 4 of the generator: a person for every post (and a few without one), the retired
// holders of vacant posts, and the earlier posts of those who moved up or across.

/** Share of staff on PPPK contracts; PPPK hold functional and pelaksana posts only. */
const PPPK_SHARE = 0.25;

/**
 * Fills the posts: the demo accounts first (they get the plain e-mail addresses), then agency by
 * agency its heads, its other posts and its people without a post.
 */
export function fillPosts(g: Generation, plans: AgencyPlan[], available: number): void {
  const { rng } = g;
  const posts = g.agencies.flatMap((a) => a.units.flatMap((u) => u.posts));
  const unplacedTotal = plans.reduce((s, p) => s + p.unplaced, 0);
  const pppkWeight = posts.reduce((s, p) => s + (p.pinned ? 0 : p.job!.pppk), 0) + unplacedTotal * 0.8;
  const pppkRate = pppkWeight > 0 ? (PPPK_SHARE * available) / pppkWeight : 0;
  const kindFor = (weight: number): 'pns' | 'pppk' => (rng.chance(Math.min(0.85, pppkRate * weight)) ? 'pppk' : 'pns');

  for (const post of posts.filter((p) => p.pinned)) place(g, makePerson(g, { agency: post.unit.agency, unit: post.unit, post, kind: 'pns' }), post);
  for (const { agency, filledHeads, unplaced } of plans) {
    for (const head of filledHeads) place(g, makePerson(g, { agency, unit: head.unit, post: head, kind: 'pns' }), head);
    for (const unit of agency.units) {
      for (const post of unit.posts) if (!post.pinned) place(g, makePerson(g, { agency, unit, post, kind: kindFor(post.job!.pppk) }), post);
    }
    for (let i = 0; i < unplaced; i++) {
      const unit = agency.units.length > 0 && rng.chance(0.6) ? rng.weighted(agency.units.map((u) => [u, unitWeight(u)] as const)) : null;
      makePerson(g, { agency, unit, post: null, kind: kindFor(0.8) });
    }
  }
}

/** The retired former holders of posts now covered by a Plt, with their last assignment when it fits. */
export function addRetiredHolders(g: Generation, vacancies: Vacancy[]): void {
  const { rng } = g;
  for (const v of vacancies) {
    if (!v.retiredOn) continue;
    const agency = v.post.unit.agency;
    const person = makePerson(g, { agency, unit: v.post.unit, post: v.post, kind: 'pns', retiredOn: v.retiredOn });
    const start = later(addYears(v.retiredOn, -rng.int(3, 7)), later(agency.validFrom, addYears(person.start, 1)));
    if (start < addDays(v.retiredOn, -30)) {
      person.assignmentStart = start;
      v.post.occupiedFrom = start;
      g.out.assignments.push({
        employeeId: person.record.id, positionId: v.post.id, startDate: start, endDate: v.retiredOn,
        skNumber: decree(rng, 'position', start), skDate: addDays(start, -rng.int(0, 14)),
      });
    }
  }
}

/** Earlier posts: managers came up from lower posts, staff moved between units. */
export function addEarlierPosts(g: Generation, heads: Post[]): void {
  const { rng } = g;
  const headsOf = (kind: PositionKind) => heads.filter((h) => h.kind === kind);
  const [administrators, supervisors] = [headsOf('administrator'), headsOf('pengawas')];
  const postsOf = new Map(g.agencies.map((a) => [a, a.units.flatMap((u) => u.posts)]));
  for (const person of g.people) {
    const { post, assignmentStart: current } = person;
    if (!post || !current || person.record.status !== 'active' || person.record.kind === 'pppk') continue;
    if (!rng.chance(post.isHead ? 0.65 : 0.12)) continue;
    const own = postsOf.get(person.agency)!;
    const pool = post.kind === 'jpt_pratama' ? administrators
      : post.kind === 'administrator' ? (rng.chance(0.6) ? supervisors : administrators)
        : post.kind === 'pengawas' ? (rng.chance(0.6) ? own : supervisors) : own;
    for (let attempt = 0; attempt < 6 && pool.length > 0; attempt++) {
      const q = rng.pick(pool);
      if (q === post || (q.occupiedFrom !== null && q.occupiedFrom < current)) continue;
      const from = later(addDays(current, -rng.int(2 * 365, 6 * 365)), later(q.unit.agency.validFrom, q.isHead ? addYears(person.start, 1) : person.start));
      if (from > addDays(current, -180)) continue;
      g.out.assignments.push({
        employeeId: person.record.id, positionId: q.id, startDate: from, endDate: current,
        skNumber: decree(rng, 'position', from), skDate: addDays(from, -rng.int(0, 14)),
      });
      q.occupiedFrom = from;
      break;
    }
  }
}
