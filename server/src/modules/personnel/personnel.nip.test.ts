import { describe, expect, it } from 'vitest';
import { crossCheck, formatEmployeeNumber, parseEmployeeNumber, validateEmployeeNumber, type EmployeeNumberResult } from './personnel.nip.js';

// A fixed "today" so the future and next-year rules give the same answer every year.
const today = new Date('2026-03-15T08:00:00Z');
const parse = (raw: string) => parseEmployeeNumber(raw, { today });

function problemsOf(result: EmployeeNumberResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('parseEmployeeNumber', () => {
  it('reads a PNS NIP into birth date, TMT CPNS, gender and sequence', () => {
    expect(parse('198609262015051001')).toEqual({
      ok: true,
      value: {
        number: '198609262015051001',
        birthDate: '1986-09-26',
        appointmentYear: 2015,
        appointmentMonth: 5,
        gender: 'male',
        sequence: '001',
        kind: 'pns',
      },
    });
  });

  it('accepts the printed groups, tabs and line breaks', () => {
    for (const raw of ['19860926 201505 1 001', ' 19860926\t201505 1 001\n', '1986 0926 2015 0510 01']) {
      const result = parse(raw);
      expect(result.ok && result.value.number).toBe('198609262015051001');
    }
  });

  it('reads the part-time PPPK example as PPPK, without a month', () => {
    expect(parse('199009132025242014')).toEqual({
      ok: true,
      value: {
        number: '199009132025242014',
        birthDate: '1990-09-13',
        appointmentYear: 2025,
        appointmentMonth: null,
        gender: 'female',
        sequence: '014',
        kind: 'pppk',
      },
    });
  });

  it('guesses PNS whenever digits 13–14 look like a month, and PPPK for 00 and 13+', () => {
    const kindOf = (raw: string) => {
      const result = parse(raw);
      return result.ok ? result.value.kind : null;
    };
    expect(kindOf('199009132025122014')).toBe('pns');
    expect(kindOf('199009132025012014')).toBe('pns');
    expect(kindOf('199009132025002014')).toBe('pppk');
    expect(kindOf('199009132025132014')).toBe('pppk');
  });

  it('rejects anything but exactly 18 ASCII digits', () => {
    expect(problemsOf(parse('19860926201505100'))).toEqual(['NIP/NI PPPK harus terdiri atas tepat 18 angka, bukan 17']);
    expect(problemsOf(parse('1986092620150510011'))).toEqual(['NIP/NI PPPK harus terdiri atas tepat 18 angka, bukan 19']);
    expect(problemsOf(parse(''))).toEqual(['NIP/NI PPPK harus terdiri atas tepat 18 angka, bukan 0']);
    expect(problemsOf(parse('19860926-201505-1-001'))).toEqual(['NIP/NI PPPK hanya boleh berisi angka 0–9; ditemukan "-"']);
    // Full-width and Arabic-Indic digits look like digits but are not ASCII.
    expect(problemsOf(parse('１98609262015051001'))).toEqual(['NIP/NI PPPK hanya boleh berisi angka 0–9; ditemukan "１"']);
    expect(problemsOf(parse('١98609262015051001'))).toEqual(['NIP/NI PPPK hanya boleh berisi angka 0–9; ditemukan "١"']);
    expect(problemsOf(parse('1986092620150510,1'))).toEqual(['NIP/NI PPPK hanya boleh berisi angka 0–9; ditemukan ","']);
  });

  it('rejects birth dates that are not on the calendar', () => {
    expect(problemsOf(parse('198602312015051001'))).toEqual(['tanggal lahir 19860231 bukan tanggal yang sah']);
    expect(problemsOf(parse('198613012015051001'))).toEqual(['tanggal lahir 19861301 bukan tanggal yang sah']);
    expect(problemsOf(parse('198600102015051001'))).toEqual(['tanggal lahir 19860010 bukan tanggal yang sah']);
    expect(problemsOf(parse('198604002015051001'))).toEqual(['tanggal lahir 19860400 bukan tanggal yang sah']);
    expect(problemsOf(parse('198604312015051001'))).toEqual(['tanggal lahir 19860431 bukan tanggal yang sah']);
  });

  it('accepts 29 February only in leap years', () => {
    expect(parse('198802292015051001').ok).toBe(true); // divisible by 4
    expect(parse('200002292020051001').ok).toBe(true); // divisible by 400
    expect(problemsOf(parse('198702292015051001'))).toEqual(['tanggal lahir 19870229 bukan tanggal yang sah']);
    expect(problemsOf(parse('190002292020051001'))).toEqual(['tanggal lahir 19000229 bukan tanggal yang sah']); // by 100, not 400
  });

  it('rejects birth years before 1900 and birth dates in the future', () => {
    expect(problemsOf(parse('189912311920051001'))).toEqual(['tanggal lahir 18991231 sebelum tahun 1900']);
    expect(parse('190001011920051001').ok).toBe(true);
    expect(problemsOf(parse('202603162026051001'))).toEqual(['tanggal lahir 20260316 berada di masa depan']);
  });

  it('requires the appointment year to be at least 18 years after birth and not after next year', () => {
    expect(parse('198609262004051001').ok).toBe(true); // exactly birth year + 18
    expect(problemsOf(parse('198609262003051001'))).toEqual(['tahun pengangkatan 2003 kurang dari 18 tahun setelah tahun lahir 1986']);
    expect(parse('199009132027242014').ok).toBe(true); // next year
    expect(problemsOf(parse('199009132028242014'))).toEqual(['tahun pengangkatan 2028 melewati tahun depan (2027)']);
  });

  it('rejects a gender digit other than 1 or 2', () => {
    expect(problemsOf(parse('198609262015050001'))).toEqual(['kode jenis kelamin 0 harus 1 (laki-laki) atau 2 (perempuan)']);
    expect(problemsOf(parse('198609262015053001'))).toEqual(['kode jenis kelamin 3 harus 1 (laki-laki) atau 2 (perempuan)']);
  });

  it('rejects the sequence 000', () => {
    expect(problemsOf(parse('198609262015051000'))).toEqual(['nomor urut 000 tidak sah; nomor urut dimulai dari 001']);
    const result = parse('198609262015051100');
    expect(result.ok && result.value.sequence).toBe('100');
  });

  it('lists every problem at once', () => {
    expect(problemsOf(parse('198702292099059000'))).toEqual([
      'tanggal lahir 19870229 bukan tanggal yang sah',
      'tahun pengangkatan 2099 melewati tahun depan (2027)',
      'kode jenis kelamin 9 harus 1 (laki-laki) atau 2 (perempuan)',
      'nomor urut 000 tidak sah; nomor urut dimulai dari 001',
    ]);
  });
});

describe('validateEmployeeNumber', () => {
  it('accepts the PPPK example as PPPK despite its "24"', () => {
    const result = validateEmployeeNumber('199009132025242014', 'pppk', { today });
    expect(result.ok && result.value).toMatchObject({ kind: 'pppk', appointmentYear: 2025, appointmentMonth: null });
  });

  it('rejects the same number as a PNS NIP, naming the month', () => {
    expect(problemsOf(validateEmployeeNumber('199009132025242014', 'pns', { today }))).toEqual(['bulan TMT CPNS 24 bukan bulan 01–12']);
    expect(problemsOf(validateEmployeeNumber('199009132025002014', 'pns', { today }))).toEqual(['bulan TMT CPNS 00 bukan bulan 01–12']);
  });

  it('keeps the given kind over the heuristic', () => {
    const result = validateEmployeeNumber('199009132025052014', 'pppk', { today });
    expect(result.ok && result.value).toMatchObject({ kind: 'pppk', appointmentMonth: null });
    const pns = validateEmployeeNumber('198609262015121001', 'pns', { today });
    expect(pns.ok && pns.value).toMatchObject({ kind: 'pns', appointmentMonth: 12 });
  });

  it('names the number by its kind and applies the other rules too', () => {
    expect(problemsOf(validateEmployeeNumber('12345', 'pns', { today }))).toEqual(['NIP harus terdiri atas tepat 18 angka, bukan 5']);
    expect(problemsOf(validateEmployeeNumber('12345', 'pppk', { today }))).toEqual(['NI PPPK harus terdiri atas tepat 18 angka, bukan 5']);
    expect(problemsOf(validateEmployeeNumber('198602312015133000', 'pns', { today }))).toEqual([
      'tanggal lahir 19860231 bukan tanggal yang sah',
      'bulan TMT CPNS 13 bukan bulan 01–12',
      'kode jenis kelamin 3 harus 1 (laki-laki) atau 2 (perempuan)',
      'nomor urut 000 tidak sah; nomor urut dimulai dari 001',
    ]);
  });

  it('uses the real clock when no date is given', () => {
    expect(validateEmployeeNumber('198609262015051001', 'pns').ok).toBe(true);
    expect(problemsOf(validateEmployeeNumber('198609269999051001', 'pns'))[0]).toMatch(/^tahun pengangkatan 9999 melewati tahun depan/);
  });
});

describe('formatEmployeeNumber', () => {
  it('prints the NIP groups', () => {
    expect(formatEmployeeNumber('198609262015051001')).toBe('19860926 201505 1 001');
    expect(formatEmployeeNumber(' 19860926201505 1001 ')).toBe('19860926 201505 1 001');
    expect(formatEmployeeNumber('199009132025242014')).toBe('19900913 202524 2 014');
  });

  it('leaves anything that is not 18 digits as typed, without whitespace', () => {
    expect(formatEmployeeNumber('1986 0926')).toBe('19860926');
    expect(formatEmployeeNumber('abc')).toBe('abc');
  });
});

describe('crossCheck', () => {
  const nip = '198609262015051001';

  it('raises no flag when the record agrees or is silent', () => {
    expect(crossCheck(nip, { birthDate: '1986-09-26', gender: 'male', tmtCpns: '2015-05-01' })).toEqual({ birthDate: false, gender: false, tmtCpns: false });
    expect(crossCheck('19860926 201505 1 001', { birthDate: '1986-09-26' })).toEqual({ birthDate: false, gender: false, tmtCpns: false });
    expect(crossCheck(nip, {})).toEqual({ birthDate: false, gender: false, tmtCpns: false });
    expect(crossCheck(nip, { birthDate: null, gender: null, tmtCpns: null })).toEqual({ birthDate: false, gender: false, tmtCpns: false });
  });

  it('flags each disagreement separately', () => {
    expect(crossCheck(nip, { birthDate: '1986-09-27' })).toEqual({ birthDate: true, gender: false, tmtCpns: false });
    expect(crossCheck(nip, { gender: 'female' })).toEqual({ birthDate: false, gender: true, tmtCpns: false });
    expect(crossCheck(nip, { tmtCpns: '2015-06-01' })).toEqual({ birthDate: false, gender: false, tmtCpns: true });
    expect(crossCheck(nip, { birthDate: '1986-09-27', gender: 'female', tmtCpns: '2014-05-01' })).toEqual({ birthDate: true, gender: true, tmtCpns: true });
  });

  it('compares only year and month of the TMT CPNS, and accepts timestamps', () => {
    expect(crossCheck(nip, { tmtCpns: '2015-05-31' }).tmtCpns).toBe(false);
    expect(crossCheck(nip, { birthDate: '1986-09-26T00:00:00.000Z', tmtCpns: '2015-05-01T00:00:00Z' })).toEqual({ birthDate: false, gender: false, tmtCpns: false });
  });

  it('flags a TMT CPNS on a PPPK number, whose digits 13–14 are no month', () => {
    expect(crossCheck('199009132025242014', { birthDate: '1990-09-13', gender: 'female', tmtCpns: '2025-02-01' })).toEqual({ birthDate: false, gender: false, tmtCpns: true });
  });
});
