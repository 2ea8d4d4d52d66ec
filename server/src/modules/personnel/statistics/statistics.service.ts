import { NotFoundError } from '../../../platform/errors.js';
import type { Platform } from '../../../platform/index.js';
import { personnelRepo } from '../personnel.repo.js';
import { PNS_RANKS, PPPK_GRADES, rankLabel } from '../personnel.ranks.js';
import type { Count, PersonnelStatistics, StatisticsQuery } from './statistics.schema.js';
import { EDUCATION_LEVELS } from '../personnel.tables.js';
import { statisticsRepo, type Dimension, type HeadcountRow } from './statistics.repo.js';

const KINDS: [string, string][] = [['pns', 'PNS'], ['pppk', 'PPPK']];
const GENDERS: [string, string][] = [['male', 'Laki-laki'], ['female', 'Perempuan']];
const POSITION_KINDS: [string, string][] = [
  ['jpt_pratama', 'JPT Pratama'], ['administrator', 'Administrator'], ['pengawas', 'Pengawas'],
  ['pelaksana', 'Pelaksana'], ['fungsional', 'Fungsional'], ['none', 'Belum ada jabatan'],
];

/** Five-year age bands as BKN reports them: up to 25, 26–30 … 56–60, over 60. */
const AGE_BANDS: [string, string][] = [
  ['≤25', '≤ 25 tahun'],
  ...[26, 31, 36, 41, 46, 51, 56].map((from): [string, string] => [`${from}–${from + 4}`, `${from}–${from + 4} tahun`]),
  ['>60', '> 60 tahun'],
];

/** The band key of an age in whole years. */
export function ageBand(age: number): string {
  if (age <= 25) return '≤25';
  if (age > 60) return '>60';
  const from = 26 + Math.floor((age - 26) / 5) * 5;
  return `${from}–${from + 4}`;
}

/** PNS golongan I/a…IV/e, then PPPK golongan I…XVII: the order charts show ranks in. */
const RANK_ORDER = new Map([...PNS_RANKS.map((r) => r.code), ...PPPK_GRADES].map((code, i) => [code, i]));

/** Counts of a fixed ladder, zero rows included so charts keep the same axis. */
function ladder(counts: Map<string, number>, entries: [string, string][]): Count[] {
  return entries.map(([key, label]) => ({ key, label, count: counts.get(key) ?? 0 }));
}

const STATISTICS_CACHE_MS = 60_000;

/** Headcount statistics of the ASN, as the old Portal Data published them (counts only, no names). */
export function createStatisticsService(platform: Platform) {
  const { db } = platform;
  /** Today in the region's time zone: TMTs and delegations start at local midnight. */
  // Figures change weekly and every visitor of the public page asks for the same unfiltered answer:
  // keep it for a minute per instance.
  let cached: { at: string; expiresAt: number; value: PersonnelStatistics } | null = null;

  async function compute(at: string, agencyId: string | undefined): Promise<PersonnelStatistics> {
    const rows = await statisticsRepo.headcounts(db, { at, agencyId });
    const of = (dim: Dimension): HeadcountRow[] => rows.filter((r) => r.dim === dim);
    const counts = (dim: Dimension): Map<string, number> => new Map(of(dim).map((r) => [r.key ?? '', r.count]));

    const ages = new Map<string, number>();
    for (const row of of('age')) {
      const band = ageBand(Number(row.key));
      ages.set(band, (ages.get(band) ?? 0) + row.count);
    }
    // Ranks off both ladders (imported oddities) go last rather than being dropped from the total.
    const rankIndex = (code: string) => RANK_ORDER.get(code) ?? RANK_ORDER.size;
    const byRank = of('rank')
      .map((r) => ({ key: r.key ?? '', label: rankLabel(r.key ?? '') ?? r.key ?? '', count: r.count }))
      .sort((a, b) => rankIndex(a.key) - rankIndex(b.key) || a.key.localeCompare(b.key));
    const byAgency = of('agency')
      .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || (a.label ?? '').localeCompare(b.label ?? ''))
      .map((r) => ({ key: r.key ?? '', label: r.label ?? '', count: r.count }));

    return {
      at,
      total: of('total')[0]?.count ?? 0,
      byKind: ladder(counts('kind'), KINDS),
      byAgency,
      byRank,
      byGender: ladder(counts('gender'), GENDERS),
      byEducation: ladder(counts('education'), EDUCATION_LEVELS.map((level) => [level, level])),
      byAgeBand: ladder(ages, AGE_BANDS),
      byPositionKind: ladder(counts('position'), POSITION_KINDS),
    };
  }

  return {
    /** Headcounts of employees in service today, for the whole regency or one agency (unknown agency: 404). */
    async statistics(query: StatisticsQuery): Promise<PersonnelStatistics> {
      const at = platform.today();
      if (query.agencyId) {
        if (!(await personnelRepo.findAgency(db, query.agencyId))) throw new NotFoundError('Perangkat daerah');
        return compute(at, query.agencyId);
      }
      if (cached && cached.at === at && cached.expiresAt > Date.now()) return cached.value;
      const value = await compute(at, undefined);
      cached = { at, expiresAt: Date.now() + STATISTICS_CACHE_MS, value };
      return value;
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
