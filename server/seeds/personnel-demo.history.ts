import type { BulkLeave, BulkTraining } from '../src/modules/personnel/index.js';
import { BPSDMD, FUNCTIONAL_INSTITUTIONS, LEADERSHIP, TECHNICAL, TECHNICAL_COMMON } from './reference/personnel-catalogue.js';
import { addDays, addMonths, addYears, ageOn, dayNumber, earlier, isoDay, later, mondayFrom } from './personnel-demo.dates.js';
import type { Generation, Person } from './personnel-demo.model.js';
import { addLeave } from './personnel-demo.people.js';
import { sample } from './personnel-demo.random.js';

// Steps 6 and 7 of the generator: long leave going on today, then everyone's past leave and
// trainings. Notes and reasons are user-facing, so in Indonesian.

/** Share of staff on long leave (CLTN, cuti besar). */
const ON_LEAVE_SHARE = 0.01;

const dayIn = (g: Generation, from: string, to: string): string => isoDay(g.rng.int(dayNumber(from), dayNumber(to)));

/** CLTN for some without a post, cuti besar for a few functional and pelaksana staff; none for who is `away`. */
export function addLongLeave(g: Generation, available: number, away: Set<Person>): void {
  const { rng, today, people } = g;
  const onLeave = Math.round(available * ON_LEAVE_SHARE);
  const longServing = (p: Person) => p.record.kind === 'pns' && p.record.status === 'active' && !away.has(p) && p.start < addYears(today, -5);
  const cltn = sample(rng, people.filter((p) => !p.post && longServing(p)), Math.ceil(onLeave * 0.6));
  for (const p of cltn) {
    const start = addDays(today, -rng.int(30, 330));
    p.record.status = 'leave';
    addLeave(g, p, 'cltn', start, addDays(addYears(start, rng.int(1, 3)), -1),
      rng.pick(['Mengikuti suami/istri yang bertugas di luar daerah', 'Alasan pribadi yang mendesak', 'Mendampingi anggota keluarga yang sakit']));
  }
  for (const p of sample(rng, people.filter((q) => q.post && !q.post.isHead && longServing(q)), onLeave - cltn.length)) {
    const start = addDays(today, -rng.int(5, 60));
    p.record.status = 'leave';
    addLeave(g, p, 'besar', start, addDays(addMonths(start, 3), -1), rng.pick(['Menunaikan ibadah haji', 'Keperluan keluarga']));
  }
}

/** Past leave in the person's last three years (five for maternity), skipping days already taken. */
export function addPastLeave(g: Generation, person: Person): void {
  const { rng } = g;
  const { asOf, record } = person;
  const from = later(addYears(person.start, 1), addYears(asOf, -3));
  const to = addDays(asOf, -21);
  const tryLeave = (kind: BulkLeave['kind'], start: string, end: string, note: string | null) => {
    if (end < asOf && !person.busy.some(([a, b]) => start <= b && a <= end)) addLeave(g, person, kind, start, end, note);
  };
  if (from < to) {
    if (rng.chance(0.35)) {
      const start = mondayFrom(dayIn(g, from, to));
      const days = rng.pick([3, 4, 5, 6, 10, 12]);
      // Annual leave counts working days: skip the weekends in between.
      tryLeave('tahunan', start, addDays(start, days - 1 + 2 * Math.floor((days - 1) / 5)), rng.pick([null, null, 'Keperluan keluarga', 'Acara pernikahan keluarga', 'Berlibur bersama keluarga']));
    }
    if (rng.chance(0.07)) {
      const start = dayIn(g, from, to);
      tryLeave('sakit', start, addDays(start, rng.int(1, 6)), 'Surat keterangan dokter');
    }
    if (rng.chance(0.02)) {
      const start = dayIn(g, from, to);
      tryLeave('alasan_penting', start, addDays(start, rng.int(1, 4)), rng.pick(['Orang tua sakit keras', 'Keluarga inti meninggal dunia', 'Pernikahan anak']));
    }
  }
  const motherFrom = later(person.start, addYears(asOf, -5));
  if (record.gender === 'female' && ageOn(record.birthDate, asOf) < 42 && rng.chance(0.08) && motherFrom < addDays(asOf, -100)) {
    const start = dayIn(g, motherFrom, addDays(asOf, -100));
    tryLeave('bersalin', start, addDays(addMonths(start, 3), -1), null);
  }
}

/** Leadership training for managers, the post's functional training, and one or two technical courses. */
export function addTrainings(g: Generation, person: Person): void {
  const { rng } = g;
  const latest = addDays(person.asOf, -14);
  const course = (kind: BulkTraining['kind'], name: string, institution: string, days: number, hours: number | null, from: string, aim?: string) => {
    const lo = later(from, person.start);
    const hi = addDays(latest, -days);
    if (lo > hi) return;
    const startDate = aim ? earlier(later(aim, lo), hi) : dayIn(g, lo, hi);
    g.out.training.push({ employeeId: person.record.id, kind, name, institution, hours, startDate, endDate: addDays(startDate, days - 1) });
  };
  const post = person.post;
  if (post?.isHead && (post.kind === 'jpt_pratama' || post.kind === 'administrator' || post.kind === 'pengawas')) {
    // Leadership training comes around the first managerial appointment; its name changed in 2019.
    const aim = addDays(person.assignmentStart ?? person.start, rng.int(-300, 300));
    const [modern, old] = LEADERSHIP[post.kind];
    const c = aim >= '2019-01-01' ? modern : old;
    course('struktural', c.name, c.institution, rng.int(50, 110), null, addYears(person.start, 1), aim);
  } else if (post?.job?.kind === 'fungsional') {
    const name = post.job.training ?? `Pelatihan Fungsional ${post.job.title}`;
    const long = name.startsWith('Pendidikan Profesi');
    const days = long ? rng.int(90, 150) : rng.int(5, 12);
    course('fungsional', name, rng.pick(FUNCTIONAL_INSTITUTIONS[name] ?? [BPSDMD]), days, long ? null : days * 8, person.start);
  }
  const managerOrSpecialist = post?.isHead || post?.job?.kind === 'fungsional';
  const technical = sample(rng, [...TECHNICAL_COMMON, ...(TECHNICAL[person.agency.profile] ?? [])],
    managerOrSpecialist ? (rng.chance(0.5) ? 1 : 0) : rng.chance(0.35) ? 2 : 1);
  for (const c of technical) {
    const days = rng.int(2, 5);
    course('teknis', c.name, c.institution, days, days * 8, `${c.from ?? 2005}-01-01`);
  }
}
