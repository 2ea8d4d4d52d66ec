import { addDays, addMonths } from './personnel-demo.dates.js';
import { decree, postLabel } from './personnel-demo.decrees.js';
import type { Generation, Person, Post, Unit, Vacancy } from './personnel-demo.model.js';
import { addLeave } from './personnel-demo.people.js';

// Step 5 of the generator: a Plt for each vacancy, a Plh for two or three absent heads. `away` holds
// who cannot stand in: the demo accounts, those already standing in, and the absent heads.

/** Who stands in for a unit's head: the Sekretaris for the Kepala, otherwise a fellow head or the superior. */
function coverFor(away: Set<Person>, unit: Unit): Person | null {
  const siblings = unit.kind === 'opd' ? unit.children : (unit.parent?.children ?? []).filter((c) => c !== unit);
  const order = [...siblings.filter((c) => c.kind === 'sekretariat'), ...siblings.filter((c) => c.kind !== 'sekretariat'), ...(unit.parent ? [unit.parent] : [])];
  for (const u of order) {
    const holder = u.head?.holder;
    if (holder && holder.record.status === 'active' && holder.record.kind === 'pns' && !away.has(holder)) return holder;
  }
  return null;
}

interface Delegation {
  post: Post;
  person: Person;
  kind: 'plt' | 'plh';
  startDate: string;
  endDate: string | null;
  reason: string;
}

function delegate(g: Generation, away: Set<Person>, d: Delegation): void {
  const skDate = addDays(d.startDate, -g.rng.int(0, d.kind === 'plt' ? 7 : 1));
  g.out.delegations.push({
    positionId: d.post.id, employeeId: d.person.record.id, kind: d.kind, skNumber: decree(g.rng, 'delegation', skDate), skDate,
    startDate: d.startDate, endDate: d.endDate, reason: d.reason,
  });
  away.add(d.person);
}

/** Delegations for the vacancies and the absent heads; returns who is away, for the later steps. */
export function addDelegations(g: Generation, heads: Post[], vacancies: Vacancy[]): Set<Person> {
  const away = new Set<Person>(g.people.filter((p) => p.post?.pinned));
  addPlts(g, away, vacancies);
  addPlhs(g, away, heads);
  return away;
}

/** A Plt from the vacancy's start, for three or six months or open-ended; the reason is user-facing. */
function addPlts(g: Generation, away: Set<Person>, vacancies: Vacancy[]): void {
  const { rng, today } = g;
  for (const v of vacancies) {
    const cover = coverFor(away, v.post.unit);
    if (!cover) continue;
    const until = addMonths(v.since, rng.pick([3, 6]));
    const label = postLabel(v.post.title);
    delegate(g, away, {
      post: v.post, person: cover, kind: 'plt', startDate: v.since, endDate: rng.chance(0.5) && until > addDays(today, 7) ? until : null,
      reason: v.retiredOn ? `${label} pensiun` : `Jabatan ${label} lowong setelah mutasi pejabat definitif`,
    });
  }
}

/** Two or three Plh (in a register of 300 or more) for heads on leave or away on duty around today. */
function addPlhs(g: Generation, away: Set<Person>, heads: Post[]): void {
  const { rng, today } = g;
  const present = heads.filter((h) => h.holder && h.eselon !== null && !h.vacant);
  const plhCount = g.input.count >= 300 ? rng.int(2, 3) : 0;
  for (let made = 0, attempt = 0; made < plhCount && attempt < 50 && present.length > 0; attempt++) {
    const post = rng.pick(present);
    const holder = post.holder!;
    if (away.has(holder) || g.out.delegations.some((d) => d.positionId === post.id)) continue;
    away.add(holder);
    const cover = coverFor(away, post.unit);
    if (!cover) continue;
    const reason = rng.weighted([['Cuti tahunan', 5], ['Dinas luar', 3.5], ['Cuti sakit', 1.5]] as const);
    const start = addDays(today, -rng.int(0, 3));
    const end = addDays(today, rng.int(3, 10));
    delegate(g, away, { post, person: cover, kind: 'plh', startDate: start, endDate: end, reason });
    if (reason !== 'Dinas luar') addLeave(g, holder, reason === 'Cuti sakit' ? 'sakit' : 'tahunan', start, addDays(end, -1), reason === 'Cuti sakit' ? 'Surat keterangan dokter' : null);
    made++;
  }
}
