import { describe, expect, it } from 'vitest';
import { compareRanks, PNS_RANKS, pnsRank, pnsRankBySapkId, PPPK_GRADES, pppkGrade, rankLabel } from './personnel.ranks.js';

describe('PNS ladder', () => {
  it('runs from I/a Juru Muda to IV/e Pembina Utama in 17 steps', () => {
    expect(PNS_RANKS.map((rank) => rank.code)).toEqual([
      'I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d',
      'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
    ]);
    expect(PNS_RANKS[0]).toEqual({ code: 'I/a', pangkat: 'Juru Muda', sapkId: 11 });
    expect(PNS_RANKS.at(-1)).toEqual({ code: 'IV/e', pangkat: 'Pembina Utama', sapkId: 45 });
  });

  it('carries the SAPK-convention ids: golongan digit then ruang position', () => {
    expect(PNS_RANKS.map((rank) => rank.sapkId)).toEqual([11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34, 41, 42, 43, 44, 45]);
    expect(pnsRankBySapkId(43)?.code).toBe('IV/c');
    expect(pnsRankBySapkId('32')?.pangkat).toBe('Penata Muda Tingkat I');
    expect(pnsRankBySapkId(15)).toBeUndefined();
  });

  it('finds a rank by golongan/ruang, forgiving case and spaces', () => {
    expect(pnsRank('III/d')).toEqual({ code: 'III/d', pangkat: 'Penata Tingkat I', sapkId: 34 });
    expect(pnsRank('iii/D')?.code).toBe('III/d');
    expect(pnsRank(' II / b ')?.pangkat).toBe('Pengatur Muda Tingkat I');
    expect(pnsRank('I/e')).toBeUndefined(); // only golongan IV has ruang e
    expect(pnsRank('V/a')).toBeUndefined();
    expect(pnsRank('IV')).toBeUndefined();
    expect(pnsRank('')).toBeUndefined();
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(PNS_RANKS)).toBe(true);
    expect(Object.isFrozen(PNS_RANKS[0])).toBe(true);
    expect(Object.isFrozen(PPPK_GRADES)).toBe(true);
  });
});

describe('PPPK golongan', () => {
  it('runs from I to XVII in Roman numerals', () => {
    expect(PPPK_GRADES).toHaveLength(17);
    expect(PPPK_GRADES[0]).toBe('I');
    expect(PPPK_GRADES[8]).toBe('IX');
    expect(PPPK_GRADES.at(-1)).toBe('XVII');
  });

  it('recognises a grade in any case and nothing beyond XVII', () => {
    expect(pppkGrade('ix')).toBe('IX');
    expect(pppkGrade(' XVII ')).toBe('XVII');
    expect(pppkGrade('XVIII')).toBeUndefined();
    expect(pppkGrade('IIII')).toBeUndefined();
    expect(pppkGrade('IV/a')).toBeUndefined();
  });
});

describe('rankLabel', () => {
  it('prints pangkat with golongan/ruang as signature blocks do', () => {
    expect(rankLabel('IV/c')).toBe('Pembina Utama Muda (IV/c)');
    expect(rankLabel('iii/a')).toBe('Penata Muda (III/a)');
    expect(rankLabel('I/b')).toBe('Juru Muda Tingkat I (I/b)');
  });

  it('prints a PPPK golongan without pangkat, and nothing for an unknown code', () => {
    expect(rankLabel('IX')).toBe('Golongan IX');
    expect(rankLabel('XX')).toBeNull();
    expect(rankLabel('IV/f')).toBeNull();
  });
});

describe('compareRanks', () => {
  it('orders PNS ranks by golongan, then ruang', () => {
    expect(compareRanks('III/a', 'II/d')).toBeGreaterThan(0);
    expect(compareRanks('IV/a', 'IV/e')).toBeLessThan(0);
    expect(compareRanks('iv/c', 'IV/c')).toBe(0);
    expect(['IV/a', 'I/a', 'III/d', 'II/c', 'III/a'].sort(compareRanks)).toEqual(['I/a', 'II/c', 'III/a', 'III/d', 'IV/a']);
  });

  it('orders PPPK golongan numerically, not alphabetically', () => {
    expect(compareRanks('IX', 'V')).toBeGreaterThan(0);
    expect(compareRanks('IV', 'V')).toBeLessThan(0);
    expect(['XVII', 'IX', 'V', 'X', 'I'].sort(compareRanks)).toEqual(['I', 'V', 'IX', 'X', 'XVII']);
  });

  it('refuses to compare across ladders or with unknown codes', () => {
    expect(() => compareRanks('III/a', 'IX')).toThrow(RangeError);
    expect(() => compareRanks('III/a', 'Z')).toThrow(/Unknown rank: Z/);
    expect(() => compareRanks('V/a', 'I/a')).toThrow(/Unknown rank: V\/a/);
  });
});
