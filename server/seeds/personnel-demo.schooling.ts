import {
  JUNIOR_HIGH_SCHOOLS, POLYTECHNICS, SENIOR_HIGH_SCHOOLS, VOCATIONAL_SCHOOLS,
} from './reference/indonesian-names.js';
import {
  DEFAULT_MANAGER_FIELDS, FIELDS, J, MANAGER_FIELDS, SMA_MAJORS, SMK_MAJORS, field,
  type Field, type FieldKey, type Job, type Mix,
} from './reference/personnel-catalogue.js';
import { yearOf } from './personnel-demo.dates.js';
import type { Agency, DemoRecords, EducationLevel, PinnedEmployee, Post, Schooling } from './personnel-demo.model.js';
import type { Random } from './personnel-demo.random.js';

// Education of the demo staff: what a post's holder studied, the gelar it gives, and the history rows.

const supports = (f: Field, level: EducationLevel): boolean =>
  level === 'D3' ? !!f.d3 : level === 'D4' ? !!f.d4 : level === 'S1' ? !!f.s1?.length : level === 'S2' || level === 'S3' ? !!f.s1?.length && f.s2.length > 0 : true;

/** Picks a field that offers the level, adjusting the level when none of the fields does. */
function fieldFor(rng: Random, keys: FieldKey[], level: EducationLevel): { field: Field; level: EducationLevel } {
  const fields = keys.map(field);
  const offering = fields.filter((f) => supports(f, level));
  if (offering.length > 0) return { field: rng.pick(offering), level };
  const f = rng.pick(fields);
  const fallback = (['S1', 'D4', 'D3'] as const).find((l) => supports(f, l)) ?? 'S1';
  return supports(f, fallback) ? { field: f, level: fallback } : { field: FIELDS.sosial, level };
}

/** Fields whose students come from the science stream (IPA) of senior high school. */
const SCIENCE = new Set<Field>((['kedokteran', 'kedokteranGigi', 'keperawatan', 'kebidanan', 'farmasi', 'gizi', 'teknik', 'mesin', 'informatika', 'statistika'] as const).map(field));

/** Education for a post: managers mostly with a master's, functional posts by jenjang, pelaksana by the post's mix. */
export function chooseSchooling(rng: Random, post: Post | null, unitMix: Mix | null, agency: Agency, pinned: PinnedEmployee | null): Schooling {
  let level: EducationLevel;
  let keys: FieldKey[];
  let specialist = false;
  const pinnedField = pinned?.education
    ? (Object.keys(FIELDS) as FieldKey[]).find((k) => field(k).s1?.some((d) => d.major === pinned.education!.major))
    : undefined;
  if (pinned?.education && pinnedField) {
    level = pinned.education.level;
    keys = [pinnedField];
  } else if (post?.isHead) {
    level = post.kind === 'jpt_pratama'
      ? rng.weighted([['S2', 75], ['S3', 7], ['S1', 18]])
      : post.kind === 'administrator' ? rng.weighted([['S2', 6], ['S1', 4]]) : rng.weighted([['S1', 62], ['S2', 30], ['D3', 8]]);
    // Half of the managers studied what their unit does (Kepala Bidang Aplikasi Informatika: informatics).
    const own = unitMix?.[0]?.[0].fields ?? [];
    keys = own.length > 0 && rng.chance(0.5) ? own : MANAGER_FIELDS[agency.profile] ?? DEFAULT_MANAGER_FIELDS;
  } else if (post?.job?.kind === 'fungsional') {
    const l = post.level;
    level = l === 'Terampil' || l === 'Mahir' || l === 'Penyelia' ? 'D3'
      : l === 'Ahli Muda' ? rng.weighted([['S1', 8], ['S2', 2]]) : l === 'Ahli Madya' ? rng.weighted([['S1', 45], ['S2', 55]]) : 'S1';
    keys = post.job.fields;
    specialist = post.job === J.dokter && l === 'Ahli Madya' && rng.chance(0.7);
  } else {
    level = post?.job ? rng.weighted(post.job.education) : rng.weighted([['SMA', 4], ['D3', 2], ['S1', 4]]);
    keys = post?.job?.fields ?? ['sosial', 'ekonomi', 'informatika', 'hukum'];
  }
  if (level === 'SMA') {
    const smk = rng.chance(0.35);
    return { highest: 'SMA', entry: 'SMA', field: null, first: null, second: null, doctorate: false, smaMajor: smk ? rng.pick(SMK_MAJORS) : rng.pick(SMA_MAJORS) };
  }
  const chosen = fieldFor(rng, keys, specialist ? 'S1' : level);
  const f = chosen.field;
  level = specialist ? 'S2' : chosen.level;
  const firstLevel: EducationLevel = level === 'D3' ? 'D3' : f.s1?.length ? 'S1' : f.d4 ? 'D4' : 'D3';
  const pinnedDegree = pinned?.education && f.s1?.find((d) => d.major === pinned.education!.major);
  const first = pinnedDegree ?? (firstLevel === 'S1' ? rng.pick(f.s1!) : firstLevel === 'D4' ? f.d4! : f.d3!);
  const second = level === 'S2' || level === 'S3' ? (specialist && f.specialist ? rng.pick(f.specialist) : f.s2.length ? rng.pick(f.s2) : null) : null;
  const highest: EducationLevel = second ? level : firstLevel;
  // Most masters are earned in service; specialists come after years as a general practitioner.
  const entry: EducationLevel = highest === 'S2' || highest === 'S3'
    ? (specialist || rng.chance(0.8) ? firstLevel : 'S2')
    : highest;
  return { highest, entry, field: f, first, second, doctorate: highest === 'S3', smaMajor: SCIENCE.has(f) ? 'IPA' : rng.pick(SMA_MAJORS) };
}

/** Gelar depan and belakang of the schooling, e.g. `dr.` + `M.Kes.`, or `S.Kom., M.T.`. */
export function gelarOf(s: Schooling, birthYear: number, job: Job | null): { prefix: string | null; suffix: string | null } {
  if (!s.field || !s.first) return { prefix: null, suffix: null };
  const prefix: string[] = [];
  const suffix: string[] = [];
  if (s.doctorate) prefix.push('Dr.');
  if (s.field.prefix) prefix.push(s.field.prefix);
  if (job?.profession) prefix.push(job.profession);
  // Engineers and agronomists who graduated before the S.T./S.P. gelar (early 1990s) carry Ir. in front.
  if ((s.first.title === 'S.T.' || s.first.title === 'S.P.') && birthYear < 1968) prefix.push('Ir.');
  else if (s.first.title) suffix.push(s.first.title);
  if (s.second) suffix.push(s.second.title);
  return { prefix: prefix.join(' ') || null, suffix: suffix.join(', ') || null };
}

/**
 * Writes the education history (highest first, then the first degree, then SMA/SMP when there is no
 * degree) and returns the major of the highest level, which the employee record carries.
 */
export function schoolRecords(
  rng: Random, education: DemoRecords['education'], id: string, s: Schooling, dates: { birth: string; start: string; asOf: string },
): string {
  const born = yearOf(dates.birth);
  const startYear = yearOf(dates.start);
  const add = (level: EducationLevel, institution: string, major: string | null, graduationYear: number) =>
    education.push({ employeeId: id, level, institution, major, graduationYear });
  const sma = () => add('SMA', SMK_MAJORS.includes(s.smaMajor) ? rng.pick(VOCATIONAL_SCHOOLS) : rng.pick(SENIOR_HIGH_SCHOOLS), s.smaMajor, Math.min(born + 18, startYear));
  if (!s.field || !s.first) {
    add('SMP', rng.pick(JUNIOR_HIGH_SCHOOLS), null, born + 15);
    sma();
    return s.smaMajor;
  }
  const f = s.field;
  const firstLevel: EducationLevel = s.first === f.d3 ? 'D3' : s.first === f.d4 ? 'D4' : 'S1';
  const years = firstLevel === 'D3' ? rng.int(21, 22) : f.prefix ? rng.int(24, 26) : rng.int(22, 24);
  const firstYear = Math.min(born + years, startYear);
  const firstSchool = firstLevel === 'S1' ? s.first.school ?? rng.pick(f.schools) : rng.pick(f.diplomaSchools ?? POLYTECHNICS);
  const university = () => rng.pick(f.schools);
  if (!s.second) {
    add(firstLevel, firstSchool, s.first.major, firstYear);
    sma();
    return s.first.major;
  }
  const lastYear = yearOf(dates.asOf) - 1;
  const secondYear = s.entry === 'S2'
    ? Math.max(firstYear + 1, Math.min(firstYear + rng.int(2, 4), startYear))
    : Math.max(firstYear + 1, Math.min(lastYear, Math.max(startYear + 1, firstYear + 2) + rng.int(1, 10)));
  if (s.doctorate) {
    const major = `Doktor ${s.second.major.replace(/^Magister /, '')}`;
    add('S3', university(), major, Math.max(secondYear + 1, Math.min(lastYear, secondYear + rng.int(3, 8))));
    add('S2', university(), s.second.major, secondYear);
    return major;
  }
  add('S2', university(), s.second.major, secondYear);
  add(firstLevel, firstSchool, s.first.major, firstYear);
  return s.second.major;
}
