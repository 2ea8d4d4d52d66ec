// Civil-service ranks: the PNS golongan/ruang ladder with its pangkat, and the PPPK golongan I–XVII.

/** One step of the PNS ladder. */
export interface PnsRank {
  /** Golongan/ruang as printed, e.g. `IV/c`. */
  code: string;
  pangkat: string;
  /**
   * Two-digit id: the common SAPK/SIASN convention seen in a public SIMPEG seed, not confirmed
   * against SIASN `/referensi_siasn/1/golongan`; check before matching `golRuangAkhirId` with it.
   */
  sapkId: number;
}

/** PNS golongan/ruang from lowest to highest; the array order is the rank order. */
export const PNS_RANKS: readonly PnsRank[] = Object.freeze([
  { code: 'I/a', pangkat: 'Juru Muda', sapkId: 11 },
  { code: 'I/b', pangkat: 'Juru Muda Tingkat I', sapkId: 12 },
  { code: 'I/c', pangkat: 'Juru', sapkId: 13 },
  { code: 'I/d', pangkat: 'Juru Tingkat I', sapkId: 14 },
  { code: 'II/a', pangkat: 'Pengatur Muda', sapkId: 21 },
  { code: 'II/b', pangkat: 'Pengatur Muda Tingkat I', sapkId: 22 },
  { code: 'II/c', pangkat: 'Pengatur', sapkId: 23 },
  { code: 'II/d', pangkat: 'Pengatur Tingkat I', sapkId: 24 },
  { code: 'III/a', pangkat: 'Penata Muda', sapkId: 31 },
  { code: 'III/b', pangkat: 'Penata Muda Tingkat I', sapkId: 32 },
  { code: 'III/c', pangkat: 'Penata', sapkId: 33 },
  { code: 'III/d', pangkat: 'Penata Tingkat I', sapkId: 34 },
  { code: 'IV/a', pangkat: 'Pembina', sapkId: 41 },
  { code: 'IV/b', pangkat: 'Pembina Tingkat I', sapkId: 42 },
  { code: 'IV/c', pangkat: 'Pembina Utama Muda', sapkId: 43 },
  { code: 'IV/d', pangkat: 'Pembina Utama Madya', sapkId: 44 },
  { code: 'IV/e', pangkat: 'Pembina Utama', sapkId: 45 },
].map((rank) => Object.freeze(rank)));

/** PPPK golongan from lowest to highest; PPPK have no pangkat. */
export const PPPK_GRADES: readonly string[] = Object.freeze([
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
]);

/** Accepts `IV/c`, `iv/C` and ` IV / c `: golongan upper case, ruang lower case. */
function normalisePns(code: string): string {
  const match = /^\s*([IVX]+)\s*\/\s*([a-e])\s*$/i.exec(code);
  return match ? `${match[1]!.toUpperCase()}/${match[2]!.toLowerCase()}` : '';
}

/** Finds a PNS rank by golongan/ruang (`IV/c`); undefined when the code is not on the ladder. */
export function pnsRank(code: string): PnsRank | undefined {
  const wanted = normalisePns(code);
  return PNS_RANKS.find((rank) => rank.code === wanted);
}

/** Finds a PNS rank by its SAPK-convention id (43 → IV/c). */
export function pnsRankBySapkId(id: number | string): PnsRank | undefined {
  return PNS_RANKS.find((rank) => rank.sapkId === Number(id));
}

/** Returns the PPPK golongan in canonical form (`ix` → `IX`), or undefined when not I–XVII. */
export function pppkGrade(code: string): string | undefined {
  const wanted = code.trim().toUpperCase();
  return PPPK_GRADES.find((grade) => grade === wanted);
}

/** The text signature blocks print: "Pembina Utama Muda (IV/c)" for PNS, "Golongan IX" for PPPK. */
export function rankLabel(code: string): string | null {
  const rank = pnsRank(code);
  if (rank) return `${rank.pangkat} (${rank.code})`;
  const grade = pppkGrade(code);
  return grade ? `Golongan ${grade}` : null;
}

/** Position of a code on its own ladder, 1 = lowest, with the ladder it belongs to. */
function ladderPosition(code: string): { ladder: 'pns' | 'pppk'; position: number } | null {
  const pns = pnsRank(code);
  if (pns) return { ladder: 'pns', position: PNS_RANKS.indexOf(pns) + 1 };
  const grade = pppkGrade(code);
  return grade ? { ladder: 'pppk', position: PPPK_GRADES.indexOf(grade) + 1 } : null;
}

/**
 * Orders two ranks of the same ladder (negative when `a` is lower), usable with `Array.sort`.
 * Throws RangeError for an unknown code or a PNS/PPPK pair, which have no common order.
 */
export function compareRanks(a: string, b: string): number {
  const left = ladderPosition(a);
  const right = ladderPosition(b);
  if (!left || !right) throw new RangeError(`Unknown rank: ${!left ? a : b}`);
  if (left.ladder !== right.ladder) throw new RangeError(`Cannot compare PNS and PPPK ranks: ${a}, ${b}`);
  return left.position - right.position;
}
