// NIP (PNS) and NI PPPK: 18 digits, birth date · appointment · gender · sequence.
// Kept as text throughout: leading zeros matter and 18 digits exceed JavaScript's safe integers.

/** Which civil-service number a value is read as. */
export type EmployeeKind = 'pns' | 'pppk';

/** What an 18-digit employee number says about its holder. */
export interface EmployeeNumber {
  /** The 18 digits, whitespace removed. */
  number: string;
  /** Digits 1–8 as ISO `yyyy-mm-dd`. */
  birthDate: string;
  /** Digits 9–12: year of first appointment (CPNS or PPPK). */
  appointmentYear: number;
  /** Digits 13–14 as a month, only when the number is read as PNS (TMT CPNS); null for PPPK. */
  appointmentMonth: number | null;
  gender: 'male' | 'female';
  /** Digits 16–18, kept as text (`001`). */
  sequence: string;
  kind: EmployeeKind;
}

/** Either the parsed number or every problem found, each in Bahasa Indonesia. */
export type EmployeeNumberResult = { ok: true; value: EmployeeNumber } | { ok: false; problems: string[] };

/** Mismatches between a number and the personnel record; flags for admins, never rejections. */
export interface EmployeeNumberMismatches {
  birthDate: boolean;
  gender: boolean;
  tmtCpns: boolean;
}

/** The reference date for "in the future" and "next year"; injectable so results are reproducible. */
export interface ParseOptions {
  today?: Date;
}

const LABEL: Record<EmployeeKind | 'any', string> = { pns: 'NIP', pppk: 'NI PPPK', any: 'NIP/NI PPPK' };

/** Removes all whitespace, so `19860926 201505 1 001` and pasted values with line breaks parse. */
function clean(raw: string): string {
  return raw.replace(/\s+/g, '');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isMonth(twoDigits: string): boolean {
  const month = Number(twoDigits);
  return month >= 1 && month <= 12;
}

/** Digits 13–14 of 01–12 suggest PNS; anything else PPPK. */
function guessKind(digits: string): EmployeeKind {
  return isMonth(digits.slice(12, 14)) ? 'pns' : 'pppk';
}

/** Checks an employee number; `kind` null means "unknown", so the PNS month rule is not applied. */
function check(raw: string, kind: EmployeeKind | null, options: ParseOptions): EmployeeNumberResult {
  const digits = clean(raw);
  const label = LABEL[kind ?? 'any'];
  if (!/^[0-9]*$/.test(digits)) {
    const odd = [...digits].find((ch) => !/[0-9]/.test(ch)) ?? '';
    return { ok: false, problems: [`${label} hanya boleh berisi angka 0–9; ditemukan "${odd}"`] };
  }
  if (digits.length !== 18) {
    return { ok: false, problems: [`${label} harus terdiri atas tepat 18 angka, bukan ${digits.length}`] };
  }

  const today = options.today ?? new Date();
  const thisYear = today.getUTCFullYear();
  const todayIso = today.toISOString().slice(0, 10);
  const problems: string[] = [];

  const birthRaw = digits.slice(0, 8);
  const birthYear = Number(birthRaw.slice(0, 4));
  const birthMonth = Number(birthRaw.slice(4, 6));
  const birthDay = Number(birthRaw.slice(6, 8));
  const birthDate = `${birthRaw.slice(0, 4)}-${birthRaw.slice(4, 6)}-${birthRaw.slice(6, 8)}`;
  let birthValid = false;
  if (birthMonth < 1 || birthMonth > 12 || birthDay < 1 || birthDay > daysInMonth(birthYear, birthMonth)) {
    problems.push(`tanggal lahir ${birthRaw} bukan tanggal yang sah`);
  } else if (birthYear < 1900) {
    problems.push(`tanggal lahir ${birthRaw} sebelum tahun 1900`);
  } else if (birthDate > todayIso) {
    problems.push(`tanggal lahir ${birthRaw} berada di masa depan`);
  } else {
    birthValid = true;
  }

  // Plausibility, not regulation: nobody is appointed before 18, and SKs are not issued years ahead.
  const appointmentYear = Number(digits.slice(8, 12));
  if (birthValid && appointmentYear < birthYear + 18) {
    problems.push(`tahun pengangkatan ${appointmentYear} kurang dari 18 tahun setelah tahun lahir ${birthYear}`);
  }
  if (appointmentYear > thisYear + 1) {
    problems.push(`tahun pengangkatan ${appointmentYear} melewati tahun depan (${thisYear + 1})`);
  }

  // Only a PNS number carries a month here; NI PPPK digits 13–14 are a code (e.g. "24").
  const code = digits.slice(12, 14);
  if (kind === 'pns' && !isMonth(code)) {
    problems.push(`bulan TMT CPNS ${code} bukan bulan 01–12`);
  }

  const genderDigit = digits[14];
  if (genderDigit !== '1' && genderDigit !== '2') {
    problems.push(`kode jenis kelamin ${genderDigit} harus 1 (laki-laki) atau 2 (perempuan)`);
  }

  const sequence = digits.slice(15, 18);
  if (sequence === '000') problems.push('nomor urut 000 tidak sah; nomor urut dimulai dari 001');

  if (problems.length > 0) return { ok: false, problems };
  const resolvedKind = kind ?? guessKind(digits);
  return {
    ok: true,
    value: {
      number: digits,
      birthDate,
      appointmentYear,
      appointmentMonth: resolvedKind === 'pns' ? Number(code) : null,
      gender: genderDigit === '1' ? 'male' : 'female',
      sequence,
      kind: resolvedKind,
    },
  };
}

/**
 * Parses a NIP or NI PPPK without knowing which it is. `kind` is a heuristic only (digits 13–14 of
 * 01–12 read as PNS, otherwise PPPK): a PPPK code such as "05" reads as PNS. The authoritative flag
 * is SIASN `jenisPegawaiId`/`statusPegawai`; when it is known, use `validateEmployeeNumber`.
 */
export function parseEmployeeNumber(raw: string, options: ParseOptions = {}): EmployeeNumberResult {
  return check(raw, null, options);
}

/** Validates a number whose kind is known; the TMT CPNS month rule applies to PNS only. */
export function validateEmployeeNumber(raw: string, kind: EmployeeKind, options: ParseOptions = {}): EmployeeNumberResult {
  return check(raw, kind, options);
}

/**
 * Prints an employee number in the NIP groups `19860926 201505 1 001`. NI PPPK gets the same
 * grouping, since no separate printed form is documented; other input is returned cleaned, unchanged.
 */
export function formatEmployeeNumber(number: string): string {
  const digits = clean(number);
  if (!/^[0-9]{18}$/.test(digits)) return digits;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

/**
 * Compares a number with the personnel record (ISO dates, SIASN `tglLahir`, `jenisKelamin`,
 * `tmtCpns`) and flags disagreements; a field missing from the record is never a mismatch.
 */
export function crossCheck(
  number: string,
  record: { birthDate?: string | null; gender?: 'male' | 'female' | null; tmtCpns?: string | null },
): EmployeeNumberMismatches {
  const digits = clean(number);
  const yyyymmdd = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
  const genderDigit = digits[14];
  return {
    birthDate: record.birthDate ? yyyymmdd(record.birthDate) !== digits.slice(0, 8) : false,
    gender: record.gender ? genderDigit !== (record.gender === 'male' ? '1' : '2') : false,
    // The TMT CPNS day is always the 1st, so only year and month are encoded (digits 9–14).
    tmtCpns: record.tmtCpns ? yyyymmdd(record.tmtCpns).slice(0, 6) !== digits.slice(8, 14) : false,
  };
}
