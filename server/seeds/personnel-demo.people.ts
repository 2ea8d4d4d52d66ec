import type { BulkEmployee, BulkLeave } from '../src/modules/personnel/index.js';
import { BIRTH_PLACES, MOBILE_PREFIXES } from './reference/indonesian-names.js';
import { entryAges, entryRank, pnsCareer, pppkCareer, pppkGradeFor, targetRank, type Career } from './personnel-demo.careers.js';
import { addDays, addMonths, addYears, dayNumber, earlier, later, yearOf } from './personnel-demo.dates.js';
import { decree } from './personnel-demo.decrees.js';
import { addressIn, emailFor, employeeNumber, nikOf, personName, villageFor } from './personnel-demo.identity.js';
import type { Agency, Generation, Person, Post, Schooling, Unit } from './personnel-demo.model.js';
import { chooseSchooling, gelarOf, schoolRecords } from './personnel-demo.schooling.js';
import { mixOf } from './personnel-demo.structure.js';

// Demo employees: one person with their rank and education history, their post, their leave.

/** Whom to make: the post (when any) shapes the career; `retiredOn` makes a former holder. */
export interface PersonSpec {
  agency: Agency;
  unit: Unit | null;
  post: Post | null;
  kind: 'pns' | 'pppk';
  retiredOn?: string;
}

/** Schooling and a career that fit the post and a working (or, for a retiree, a retiring) age. */
function drawCareer(g: Generation, spec: PersonSpec): { schooling: Schooling; career: Career; asOf: string } {
  const { rng, today } = g;
  const { agency, unit, post } = spec;
  const schooling = chooseSchooling(rng, post, unit ? mixOf(unit) : null, agency, post?.pinned ?? null);
  const asOf = spec.retiredOn ? addDays(spec.retiredOn, -1) : today;
  // Retirement age (BUP) is 58, 60 for JPT and Ahli Madya: the living are at most a year short of it.
  const maxAge = post?.kind === 'jpt_pratama' || post?.level === 'Ahli Madya' ? 59 : 57;
  const birthWindow: [number, number] = spec.retiredOn
    ? [dayNumber(addYears(addMonths(spec.retiredOn, -1), -58)), dayNumber(addYears(spec.retiredOn, -58)) - 1]
    : [dayNumber(addYears(today, -(maxAge + 1))) + 1, dayNumber(addYears(today, -22))];
  const entryAge = entryAges(schooling, spec.kind);
  const entry = entryRank(schooling, post?.job ?? null);
  const career = spec.kind === 'pns'
    ? pnsCareer(rng, {
      target: Math.max(entry, targetRank(rng, post, schooling)), entry, asOf, birthWindow, entryAge, maxMonthsInRank: spec.retiredOn ? 240 : 60,
    })
    : pppkCareer(rng, { grade: pppkGradeFor(schooling, post?.level ?? null), asOf, birthWindow, entryAge });
  if (!career) throw new Error(`No career fits ${post?.title ?? 'an unplaced employee'} on ${asOf}`);
  return { schooling, career, asOf };
}

/** NIP (PNS) or NI PPPK from the birth date, the TMT and the gender. */
function numberFor(g: Generation, kind: 'pns' | 'pppk', career: Career, female: boolean): string {
  const gender = female ? '2' : '1';
  const digits = career.birth.replaceAll('-', '');
  // NI PPPK digits 13–14 are a code, not a month (domain/simpeg.md §1.2): here the wave's two-digit year.
  return kind === 'pns'
    ? employeeNumber(g, `${digits}${career.start.slice(0, 4)}${career.start.slice(5, 7)}${gender}`)
    : employeeNumber(g, `${digits}${career.start.slice(0, 4)}${String((yearOf(career.start) - g.rng.int(0, 1)) % 100).padStart(2, '0')}${gender}`);
}

/** One person with rank and education history; the post, when given, only shapes the career. */
export function makePerson(g: Generation, spec: PersonSpec): Person {
  const { rng, out } = g;
  const { agency, unit, post } = spec;
  const job = post?.job ?? null;
  const pinned = post?.pinned ?? null;
  const { schooling, career, asOf } = drawCareer(g, spec);

  const femaleShare = job?.female ?? (post?.isHead ? (agency.kind === 'kecamatan' ? 0.2 : 0.3) : 0.45);
  const female = pinned?.gender ? pinned.gender === 'female' : rng.chance(femaleShare);
  const birthYear = yearOf(career.birth);
  const name = pinned?.name ?? personName(rng, female, birthYear);
  const gelar = gelarOf(schooling, birthYear, job);
  const nip = numberFor(g, spec.kind, career, female);
  const village = villageFor(g, agency);
  const id = rng.uuid();
  const record: BulkEmployee = {
    id, nip, kind: spec.kind, name, titlePrefix: gelar.prefix, titleSuffix: gelar.suffix, gender: female ? 'female' : 'male',
    birthDate: career.birth, birthPlace: rng.front(BIRTH_PLACES), nik: village ? nikOf(g, village, career.birth, female) : null,
    address: village ? addressIn(rng, village) : null,
    phone: rng.chance(0.96) ? `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(rng.chance(0.5) ? 7 : 8, '0').slice(-8)}` : null,
    email: emailFor(g, name), rank: career.rank, rankTmt: career.ranks[career.ranks.length - 1]!.tmt, status: spec.retiredOn ? 'retired' : 'active',
    educationLevel: schooling.highest, educationMajor: null, agencyId: agency.id, unitId: unit?.id ?? null, userId: pinned?.userId ?? null,
    tmtCpns: career.tmtCpns,
  };
  record.educationMajor = schoolRecords(rng, out.education, id, schooling, { birth: career.birth, start: career.start, asOf });
  out.employees.push(record);
  for (const r of career.ranks) {
    out.ranks.push({ employeeId: id, rank: r.rank, tmt: r.tmt, skNumber: decree(rng, spec.kind === 'pppk' ? 'pppk' : 'rank', r.tmt), skDate: addDays(r.tmt, -rng.int(14, 60)) });
  }
  const person: Person = { record, agency, post, start: career.start, assignmentStart: null, asOf, busy: [] };
  g.people.push(person);
  return person;
}

/** Makes the person the post's definitive holder from a TMT after their appointment (and the post's creation). */
export function place(g: Generation, person: Person, post: Post): void {
  const { rng, today } = g;
  const floor = later(post.unit.agency.validFrom, post.isHead ? addYears(person.start, 1) : person.start);
  const sampled = person.record.kind === 'pppk' && rng.chance(0.7)
    ? floor
    : addDays(today, -(post.isHead ? rng.int(60, 6 * 365) : rng.int(30, 9 * 365)));
  const start = earlier(later(sampled, floor), today);
  person.assignmentStart = start;
  post.holder = person;
  post.occupiedFrom = start;
  g.out.assignments.push({
    employeeId: person.record.id, positionId: post.id, startDate: start, endDate: null,
    skNumber: decree(rng, person.record.kind === 'pppk' ? 'pppk' : 'position', start), skDate: addDays(start, -rng.int(0, 14)),
  });
}

/** Records a leave and marks its days busy, so later history does not overlap it. */
export function addLeave(g: Generation, person: Person, kind: BulkLeave['kind'], startDate: string, endDate: string, note: string | null): void {
  g.out.leave.push({ employeeId: person.record.id, kind, startDate, endDate, note });
  person.busy.push([startDate, endDate]);
}
