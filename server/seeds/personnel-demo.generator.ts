import { addDelegations } from './personnel-demo.delegations.js';
import { addLongLeave, addPastLeave, addTrainings } from './personnel-demo.history.js';
import type { DemoRecords, DemoVillage, Generation, PersonnelDemoInput } from './personnel-demo.model.js';
import { agencyBudgets, chooseVacancies, pinPosts, planPosts } from './personnel-demo.posts.js';
import { createRandom } from './personnel-demo.random.js';
import { addEarlierPosts, addRetiredHolders, fillPosts } from './personnel-demo.staffing.js';
import { buildAgency } from './personnel-demo.structure.js';

// The demo staff generator: the steps in the order they draw from the one random sequence. Changing
// that order, or adding a draw, changes every record after it.

/** Kecamatan around Slawi, where most staff of the regency offices live (Kabupaten Tegal codes). */
const NEAR_CAPITAL = new Set(['33.28.06', '33.28.09', '33.28.10', '33.28.11', '33.28.12', '33.28.13', '33.28.14', '33.28.18']);

function startGeneration(input: PersonnelDemoInput): Generation {
  const villagesOf = new Map<string, DemoVillage[]>();
  for (const v of input.villages) villagesOf.set(v.districtCode, [...(villagesOf.get(v.districtCode) ?? []), v]);
  return {
    input,
    rng: createRandom(input.seed),
    today: input.today,
    domain: input.emailDomain ?? 'tegalkab.go.id',
    out: { positions: [], employees: [], assignments: [], ranks: [], education: [], training: [], leave: [], delegations: [] },
    agencies: input.agencies.map(buildAgency),
    people: [],
    sequences: new Map(),
    niks: new Set(),
    emails: new Map(),
    villagesOf,
    nearCapital: input.villages.filter((v) => NEAR_CAPITAL.has(v.districtCode)),
  };
}

/**
 * Generates the staff of the given agencies: every head post filled except a few vacant ones under
 * a Plt, two or three Plh for absent heads, non-head posts (functional and pelaksana) under each
 * unit's head with one holder each, a few people without a post, and for everyone valid NIP or NI
 * PPPK, NIK, address, rank and education history, trainings and leave. Pure: the same input gives
 * the same records, ids included.
 */
export function generatePersonnel(input: PersonnelDemoInput): DemoRecords {
  const g = startGeneration(input);
  // 1. Demo accounts' posts, vacancies, and the staff of each agency.
  const pins = pinPosts(g.agencies, input.pinned ?? []);
  const heads = g.agencies.flatMap((a) => a.units.flatMap((u) => (u.head ? [u.head] : [])));
  const vacancies = chooseVacancies(g, heads, pins);
  const available = Math.max(0, input.count - vacancies.filter((v) => v.retiredOn).length);
  // 2. Non-head posts, one per person to place.
  const plans = planPosts(g, agencyBudgets(g.agencies, available, input.count), pins);
  // 3. People, then the retired holders of vacant posts.
  fillPosts(g, plans, available);
  addRetiredHolders(g, vacancies);
  // 4–5. Earlier posts, then delegations.
  addEarlierPosts(g, heads);
  const away = addDelegations(g, heads, vacancies);
  // 6–7. Long leave now, then everyone's past leave and trainings, person by person.
  addLongLeave(g, available, away);
  for (const person of g.people) {
    addPastLeave(g, person);
    addTrainings(g, person);
  }
  return g.out;
}
