import {
  FEMALE_GIVEN, FEMALE_LEADING, FEMALE_SECOND, FEMALE_SINGLE, MALE_GIVEN, MALE_LEADING, MALE_SECOND, MALE_SINGLE, STREET_NAMES,
} from './reference/indonesian-names.js';
import type { Agency, DemoVillage, Generation } from './personnel-demo.model.js';
import type { Random } from './personnel-demo.random.js';

// Who a demo employee is on paper: NIP, NIK, home village and address, name and e-mail.

/** The 15 digits plus a sequence: 001 unless someone already has the same first 15 digits. */
export function employeeNumber(g: Generation, first15: string): string {
  const sequence = (g.sequences.get(first15) ?? 0) + 1;
  g.sequences.set(first15, sequence);
  return `${first15}${String(sequence).padStart(3, '0')}`;
}

/** NIK: province, regency, district of the home village, birth date (day +40 for women), four digits. */
export function nikOf(g: Generation, village: DemoVillage, birth: string, female: boolean): string | null {
  const region = village.code.split('.').slice(0, 3).join('');
  const day = Number(birth.slice(8, 10)) + (female ? 40 : 0);
  const stem = `${region}${String(day).padStart(2, '0')}${birth.slice(5, 7)}${birth.slice(2, 4)}`;
  if (!/^[0-9]{12}$/.test(stem)) return null;
  for (let n = g.rng.int(1, 2000); n <= 9999; n++) {
    const nik = `${stem}${String(n).padStart(4, '0')}`;
    if (!g.niks.has(nik)) {
      g.niks.add(nik);
      return nik;
    }
  }
  return null;
}

/** Home village: mostly in the agency's own kecamatan, otherwise often near the capital. */
export function villageFor(g: Generation, agency: Agency): DemoVillage | null {
  const { rng, input, villagesOf, nearCapital } = g;
  if (input.villages.length === 0) return null;
  const own = agency.districtCode ? villagesOf.get(agency.districtCode) : undefined;
  if (own?.length && rng.chance(0.7)) return rng.pick(own);
  return nearCapital.length > 0 && rng.chance(0.45) ? rng.pick(nearCapital) : rng.pick(input.villages);
}

/** A street address in the village (user-facing, so in Indonesian: Jl., RT/RW, Kel./Desa, Kec.). */
export function addressIn(rng: Random, v: DemoVillage): string {
  const rtRw = `RT ${String(rng.int(1, 12)).padStart(3, '0')}/RW ${String(rng.int(1, 8)).padStart(3, '0')}`;
  if (v.kind === 'kelurahan') return `Jl. ${rng.pick(STREET_NAMES)} No. ${rng.int(1, 120)}, ${rtRw}, Kel. ${v.name}, Kec. ${v.districtName}`;
  const street = rng.chance(0.35) ? `Jl. Raya ${v.name} No. ${rng.int(1, 250)}, ` : '';
  return `${street}${rtRw}, Desa ${v.name}, Kec. ${v.districtName}`;
}

/** A Javanese name: a single name for some of the older staff, otherwise two or three words. */
export function personName(rng: Random, female: boolean, birthYear: number): string {
  if (birthYear < 1975 && rng.chance(0.3)) return rng.front(female ? FEMALE_SINGLE : MALE_SINGLE);
  const givens = female ? FEMALE_GIVEN : MALE_GIVEN;
  const seconds = female ? FEMALE_SECOND : MALE_SECOND;
  const given = rng.front(givens);
  let second = rng.front(seconds);
  if (second === given) second = seconds[(seconds.indexOf(second) + 1) % seconds.length]!;
  const leading = rng.pick(female ? FEMALE_LEADING : MALE_LEADING);
  return rng.chance(0.25) && leading !== given ? `${leading} ${given} ${second}` : `${given} ${second}`;
}

/** firstname.lastname@domain; a second person of the same name gets a number (budi.santoso2). */
export function emailFor(g: Generation, name: string): string {
  const words = name.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter(Boolean);
  const base = words.length > 1 ? `${words[0]}.${words[words.length - 1]}` : words[0] ?? 'pegawai';
  const n = (g.emails.get(base) ?? 0) + 1;
  g.emails.set(base, n);
  return `${n === 1 ? base : `${base}${n}`}@${g.domain}`;
}
