import { PNS_RANKS, PPPK_GRADES } from '../src/modules/personnel/index.js';
import type { Jenjang, Job } from './reference/personnel-catalogue.js';
import { addMonths, addYears, dayNumber, firstOfMonth, isoDay, lastPromotionPeriod, yearOf } from './personnel-demo.dates.js';
import type { EducationLevel, Post, Schooling } from './personnel-demo.model.js';
import type { Random } from './personnel-demo.random.js';

// Careers of the demo staff: the rank a post's holder has reached, worked back to an appointment
// date and a birth date that fit it.

/** A rank history ending today (or on retirement), with the birth date that fits it. */
export interface Career {
  rank: string;
  /** TMT CPNS (PNS) or contract TMT (PPPK). */
  start: string;
  tmtCpns: string | null;
  ranks: { rank: string; tmt: string }[];
  birth: string;
}

const RANK_INDEX = new Map(PNS_RANKS.map((r, i) => [r.code, i]));
const rankAt = (code: string): number => RANK_INDEX.get(code)!;

/** Golongan at appointment by education (PP 11/2017: SMA II/a, D3 II/c, S1 III/a, S2 and doctors III/b). */
export function entryRank(s: Schooling, job: Job | null): number {
  if (s.entry === 'S3') return rankAt('III/c');
  if (s.entry === 'S2' || s.field?.prefix || job?.profession) return rankAt('III/b');
  if (s.entry === 'S1' || s.entry === 'D4') return rankAt('III/a');
  return s.entry === 'D3' ? rankAt('II/c') : rankAt('II/a');
}

/** Ages at appointment by education (rules of thumb: CPNS 18–35, a degree takes its years). */
const PNS_ENTRY_AGES: Record<string, [number, number]> = { SMA: [19, 27], D3: [21, 30], D4: [23, 35], S1: [23, 35], S2: [25, 35], S3: [30, 35] };
const PPPK_ENTRY_AGES: Record<string, [number, number]> = { SMA: [22, 50], D3: [22, 52], D4: [23, 55], S1: [23, 55], S2: [25, 55], S3: [30, 55] };
export function entryAges(s: Schooling, kind: 'pns' | 'pppk'): [number, number] {
  if (s.field?.prefix && kind === 'pns') return [25, 35];
  return (kind === 'pns' ? PNS_ENTRY_AGES : PPPK_ENTRY_AGES)[s.entry] ?? [19, 35];
}

/** The golongan a holder of the post has reached: by eselon, jenjang or (pelaksana) education. */
export function targetRank(rng: Random, post: Post | null, s: Schooling): number {
  const r = (code: string) => rankAt(code);
  if (post?.isHead) {
    switch (post.eselon) {
      case 'II.a': return rng.weighted([[r('IV/d'), 2], [r('IV/e'), 1]]);
      case 'II.b': return rng.weighted([[r('IV/c'), 7], [r('IV/d'), 3]]);
      case 'III.a': return rng.weighted([[r('IV/a'), 4], [r('IV/b'), 6]]);
      case 'III.b': return rng.weighted([[r('IV/a'), 6], [r('IV/b'), 4]]);
      default: return rng.weighted([[r('III/c'), 2], [r('III/d'), 5], [r('IV/a'), 3]]);
    }
  }
  const between = (lo: string, hi: string) => rng.int(r(lo), r(hi));
  switch (post?.level ?? null) {
    case 'Terampil': return between('II/c', 'II/d');
    case 'Mahir': case 'Ahli Pertama': return between('III/a', 'III/b');
    case 'Penyelia': case 'Ahli Muda': return between('III/c', 'III/d');
    case 'Ahli Madya': return between('IV/a', 'IV/c');
    default:
      // Pelaksana: SMA II/a–III/a, D3 II/c–III/b, S1 III/a–III/d.
      if (s.highest === 'SMA') return between('II/a', 'III/a');
      if (s.highest === 'D3') return between('II/c', 'III/b');
      return s.highest === 'S2' || s.highest === 'S3' ? between('III/b', 'IV/a') : between('III/a', 'III/d');
  }
}

/**
 * A PNS career ending at the target golongan on `asOf`: promotions every four to six years on the
 * 1 April / 1 October periods, worked backwards to the TMT CPNS, then a birth date that fits both the
 * age at appointment and the allowed age window. Lowers the target when no birth date fits.
 */
export function pnsCareer(rng: Random, o: {
  target: number; entry: number; asOf: string; birthWindow: [number, number]; entryAge: [number, number]; maxMonthsInRank: number;
}): Career | null {
  for (let attempt = 0; attempt < 60; attempt++) {
    const top = Math.max(o.entry, o.target - Math.floor(attempt / 12));
    const steps = top - o.entry;
    const gaps = Array.from({ length: steps }, () => (attempt > 30 ? 4 : rng.weighted([[4, 0.65], [5, 0.25], [6, 0.1]])));
    const inRank = rng.int(1, o.maxMonthsInRank);
    const promotions: string[] = [];
    let tmtCpns: string;
    if (steps === 0) {
      tmtCpns = firstOfMonth(addMonths(o.asOf, -inRank));
    } else {
      promotions.unshift(lastPromotionPeriod(addMonths(o.asOf, -inRank)));
      for (let k = steps - 1; k >= 1; k--) promotions.unshift(addYears(promotions[0]!, -gaps[k]!));
      tmtCpns = firstOfMonth(addMonths(promotions[0]!, -(gaps[0]! * 12 + rng.int(0, 5))));
    }
    const lo = Math.max(o.birthWindow[0], dayNumber(addYears(tmtCpns, -(o.entryAge[1] + 1))) + 1);
    const hi = Math.min(o.birthWindow[1], dayNumber(addYears(tmtCpns, -o.entryAge[0])));
    if (lo > hi) continue;
    return {
      rank: PNS_RANKS[top]!.code, start: tmtCpns, tmtCpns, birth: isoDay(rng.int(lo, hi)),
      ranks: [{ rank: PNS_RANKS[o.entry]!.code, tmt: tmtCpns }, ...promotions.map((tmt, i) => ({ rank: PNS_RANKS[o.entry + 1 + i]!.code, tmt }))],
    };
  }
  return null;
}

/** A PPPK contract from one of the recruitment waves (2019–2025) with a birth date that fits. */
export function pppkCareer(rng: Random, o: { grade: string; asOf: string; birthWindow: [number, number]; entryAge: [number, number] }): Career | null {
  const lastWave = Math.min(2025, yearOf(o.asOf));
  for (let attempt = 0; attempt < 40; attempt++) {
    const year = Math.max(2019, Math.min(lastWave, rng.weighted([[2019, 1], [2021, 3], [2022, 4], [2023, 4], [2024, 5], [2025, 5]])));
    const tmt = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
    if (tmt > addMonths(o.asOf, -1)) continue;
    const lo = Math.max(o.birthWindow[0], dayNumber(addYears(tmt, -(o.entryAge[1] + 1))) + 1);
    const hi = Math.min(o.birthWindow[1], dayNumber(addYears(tmt, -o.entryAge[0])));
    if (lo > hi) continue;
    return { rank: o.grade, start: tmt, tmtCpns: null, birth: isoDay(rng.int(lo, hi)), ranks: [{ rank: o.grade, tmt }] };
  }
  return null;
}

/** PPPK golongan by education and jenjang (rule of thumb: SMA V, D3 VII, S1 IX, S2 X; Ahli Muda XI). */
export function pppkGradeFor(s: Schooling, level: Jenjang | null): string {
  const byEducation: Partial<Record<EducationLevel, number>> = { SMA: 5, D3: 7, D4: 9, S1: 9, S2: 10, S3: 11 };
  const byLevel: Record<Jenjang, number> = { Terampil: 7, Mahir: 8, Penyelia: 9, 'Ahli Pertama': 9, 'Ahli Muda': 11, 'Ahli Madya': 13 };
  return PPPK_GRADES[Math.max(byEducation[s.highest] ?? 5, level ? byLevel[level] : 0) - 1]!;
}
