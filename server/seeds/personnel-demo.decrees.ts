import { yearOf } from './personnel-demo.dates.js';
import type { Random } from './personnel-demo.random.js';

// Numbers and labels the demo staff's decrees carry.

/**
 * Decree numbers in the `code/number/year` form of regency SKs. The codes follow the archive
 * classification of the time (8xx personnel codes; 800.1.x since Permendagri 83/2022) — a common
 * pattern, not taken from Kabupaten Tegal's own decrees.
 */
export function decree(rng: Random, kind: 'rank' | 'position' | 'pppk' | 'delegation', date: string): string {
  const recent = yearOf(date) >= 2023;
  const code = kind === 'delegation' ? '800.1.3'
    : kind === 'pppk' ? (recent ? '800.1.2' : '813.3')
      : kind === 'rank' ? (recent ? '800.1.3' : '823.3') : recent ? '800.1.3' : '821.2';
  return `${code}/${String(rng.int(1, 950)).padStart(3, '0')}/${yearOf(date)}`;
}

/** The short label of a head post for decree reasons: "Kepala Bidang", "Camat", "Sekretaris". */
export function postLabel(title: string): string {
  const words = title.split(' ');
  return words[0] === 'Kepala' || words[0] === 'Inspektur' ? words.slice(0, 2).join(' ') : words[0]!;
}
