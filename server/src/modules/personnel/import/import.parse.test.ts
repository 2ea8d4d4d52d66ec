import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { educationLevel, eselonOf, parseDate, parseText } from './import.cells.js';
import { ImportFileError, MAX_ROWS, readJson, readTable } from './import.parse.js';
import { sheetRow, workbook } from './import.test-fixtures.js';

const MB = 1024 * 1024;

/** Overwrites the second half of the sheet's deflated data: reading that far fails, so a 413 proves reading stopped before. */
function breakSheetTail(book: Buffer): Buffer {
  const at = book.indexOf(Buffer.from('xl/worksheets/sheet1.xml')); // the local header's name comes first
  const header = at - 30;
  const size = book.readUInt32LE(header + 18);
  const data = at + book.readUInt16LE(header + 26) + book.readUInt16LE(header + 28);
  book.fill(0xff, data + Math.floor(size / 2), data + size);
  return book;
}

async function refusal(work: Promise<unknown> | (() => unknown)): Promise<ImportFileError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return err as ImportFileError;
  }
  throw new Error('expected the file to be refused');
}

describe('reading CSV', () => {
  it('takes comma, semicolon or tab as the separator, and keeps spreadsheet row numbers across blank lines', async () => {
    for (const d of [',', ';', '\t']) {
      const table = await readTable(Buffer.from(`nama${d}kode\r\n"Dinas, Kesehatan"${d}dinkes\r\n${d}\r\n\r\nSetda${d}setda\r\n`));
      expect(table.header, JSON.stringify(d)).toEqual(['nama', 'kode']);
      expect(table.rows).toEqual([{ row: 2, cells: ['Dinas, Kesehatan', 'dinkes'] }, { row: 5, cells: ['Setda', 'setda'] }]);
    }
  });

  it('honours Excel\'s sep= line and a UTF-8 BOM', async () => {
    const table = await readTable(Buffer.from('\uFEFFsep=|\nnama|kode\nBappeda; Litbang|bappeda\n'));
    expect(table).toMatchObject({ header: ['nama', 'kode'], rows: [{ row: 2, cells: ['Bappeda; Litbang', 'bappeda'] }] });
  });

  it('refuses UTF-16, Windows-1252 (naming the line), NUL bytes and an unclosed quote', async () => {
    expect((await refusal(readTable(Buffer.from('\ufeffnama\n', 'utf16le')))).code).toBe('file_encoding');
    const latin1 = await refusal(readTable(Buffer.from('nama\nAdi\nCafé\n', 'latin1')));
    expect(latin1).toMatchObject({ status: 400, code: 'file_encoding' });
    expect(latin1.message).toContain('baris 3');
    expect((await refusal(readTable(Buffer.from('nama\nA\u0000B\n')))).code).toBe('file_not_text');
    const quote = await refusal(readTable(Buffer.from('nama,kode\n"Dinas Kesehatan,dinkes\n')));
    expect(quote).toMatchObject({ code: 'csv_malformed' });
    expect(quote.message).toMatch(/tanda kutip/);
  });

  it(`refuses more than ${MAX_ROWS.toLocaleString('id-ID')} data rows with 413`, async () => {
    const lines = ['nip', ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => String(i))];
    expect(await refusal(readTable(Buffer.from(lines.join('\n'))))).toMatchObject({ status: 413, code: 'too_many_rows' });
    expect((await readTable(Buffer.from(lines.slice(0, -1).join('\n')))).rows).toHaveLength(MAX_ROWS);
  });
});

describe('reading XLSX', () => {
  it('reads the first sheet with data: header anywhere at the top, rich text, formulas and dates', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Petunjuk');
    const sheet = wb.addWorksheet('Pegawai');
    sheet.getCell('A2').value = 'NIP';
    sheet.getCell('B2').value = 'Tanggal Lahir';
    sheet.getCell('C2').value = 'Golongan';
    sheet.getCell('A3').value = { richText: [{ text: '1986' }, { text: '09262015051001' }] };
    sheet.getCell('B3').value = new Date(Date.UTC(1986, 8, 26));
    sheet.getCell('C3').value = { formula: '"III/"&"b"', result: 'III/b' };
    const table = await readTable(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(table).toEqual({ format: 'xlsx', header: ['NIP', 'Tanggal Lahir', 'Golongan'], rows: [{ row: 3, cells: ['198609262015051001', new Date(Date.UTC(1986, 8, 26)), 'III/b'] }] });
  });

  it('refuses a ZIP whose entries claim to expand past the limit before inflating anything', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['nip']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    // Rewrite the declared uncompressed size of every central-directory entry to 1 GB.
    for (let i = bytes.indexOf(Buffer.from('PK\x01\x02', 'latin1')); i >= 0; i = bytes.indexOf(Buffer.from('PK\x01\x02', 'latin1'), i + 4)) {
      bytes.writeUInt32LE(1024 * 1024 * 1024, i + 24);
    }
    expect(await refusal(readTable(bytes))).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('refuses a ZIP whose entries inflate to more than they declare', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['nip', 'x'.repeat(5000)]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    for (let i = bytes.indexOf(Buffer.from('PK\x01\x02', 'latin1')); i >= 0; i = bytes.indexOf(Buffer.from('PK\x01\x02', 'latin1'), i + 4)) {
      bytes.writeUInt32LE(Math.max(1, Math.floor(bytes.readUInt32LE(i + 24) / 10)), i + 24);
    }
    expect(await refusal(readTable(bytes))).toMatchObject({ status: 400, code: 'file_format' });
  });
});

describe('reading large files as a stream, with the limits checked while reading', () => {
  it('stops an XLSX at the row after the row limit (413) without inflating the rest of the sheet', async () => {
    const row = sheetRow(['198609262015051001']);
    const book = breakSheetTail(workbook(['nip'], Buffer.alloc(20_000 * row.length, row)));
    expect(await refusal(readTable(book, { maxRows: 100, maxUnzippedBytes: 64 * MB }))).toMatchObject({ status: 413, code: 'too_many_rows' });
    // Read to the end, the same file is broken: the 413 came before the reader got there.
    expect(await refusal(readTable(book, { maxRows: 100_000, maxUnzippedBytes: 64 * MB }))).toMatchObject({ status: 400, code: 'file_format' });
  });

  it('refuses an XLSX whose sheet inflates past the uncompressed-size limit, unread', async () => {
    const row = sheetRow(['x'.repeat(1000)]);
    const book = workbook(['nama'], Buffer.alloc(2000 * row.length, row));
    expect(book.length).toBeLessThan(MB / 10);
    const refused = await refusal(readTable(book, { maxRows: 100_000, maxUnzippedBytes: MB }));
    expect(refused).toMatchObject({ status: 413, code: 'payload_too_large', message: expect.stringContaining('setelah diekstrak') });
    expect((await readTable(book, { maxRows: 100_000, maxUnzippedBytes: 4 * MB })).rows).toHaveLength(2000);
  });

  it('stops a CSV at the row after the row limit while parsing (413), before a broken line further on', async () => {
    const csvText = ['nip', ...Array.from({ length: 10_000 }, (_, i) => String(i)), '"tidak ditutup'].join('\n');
    expect(await refusal(readTable(Buffer.from(csvText), { maxRows: 100, maxUnzippedBytes: MB }))).toMatchObject({ status: 413, code: 'too_many_rows' });
    expect(await refusal(readTable(Buffer.from(csvText)))).toMatchObject({ status: 400, code: 'csv_malformed' });
  });
});

describe('reading JSON', () => {
  it('names the line of a syntax error', async () => {
    await expect(readJson(Buffer.from('{\n  "pegawai": [\n    {"nipBaru": }\n  ]\n}'))).rejects.toThrow(/baris 3/);
    expect(await readJson(Buffer.from('\uFEFF{"unor": []}'))).toEqual({ unor: [] });
  });
});

describe('cells', () => {
  it('reads the date forms people type, SIASN\'s empty date, and refuses impossible ones', () => {
    expect(['1986-09-26', '26-09-1986', '26/09/1986', '26.09.1986', '1986-9-6', '1986-09-26 00:00:00'].map((d) => parseDate(d)))
      .toEqual([...Array(3).fill({ ok: true, value: '1986-09-26' }), { ok: true, value: '1986-09-26' }, { ok: true, value: '1986-09-06' }, { ok: true, value: '1986-09-26' }]);
    expect(parseDate('01-01-0001')).toEqual({ ok: true, value: null });
    expect(parseDate('')).toEqual({ ok: true, value: null });
    expect(parseDate('29-02-2023')).toMatchObject({ ok: false, message: 'bukan tanggal yang ada di kalender' });
    expect(parseDate('09/26/1986')).toMatchObject({ ok: false });
    expect(parseDate('kemarin')).toMatchObject({ ok: false, message: expect.stringContaining('yyyy-mm-dd') });
  });

  it('refuses implausible dates, typed or real date cells: before 1900 or more than 50 years ahead; 01-01-0001 stays empty', () => {
    const today = new Date(Date.UTC(2026, 0, 15));
    const implausible = { ok: false, message: expect.stringContaining('tidak masuk akal') };
    expect(parseDate('31-12-1899', today)).toMatchObject(implausible);
    expect(parseDate('0986-09-26', today)).toMatchObject(implausible);
    expect(parseDate(new Date(Date.UTC(1800, 0, 1)), today)).toMatchObject(implausible);
    expect(parseDate(new Date(Date.UTC(2198, 5, 1)), today)).toMatchObject(implausible);
    expect(parseDate('16-01-2076', today)).toMatchObject({ ok: false, message: expect.stringContaining('15-01-2076') });
    expect(parseDate('15-01-2076', today)).toEqual({ ok: true, value: '2076-01-15' });
    expect(parseDate('01-01-1900', today)).toEqual({ ok: true, value: '1900-01-01' });
    expect(parseDate('01-01-0001', today)).toEqual({ ok: true, value: null });
  });

  it('reads education levels, eselon spellings, and refuses control characters', () => {
    expect(['S1', 'S-1/Sarjana', 'D-III', 'Diploma III', 'SLTA/SMK', 'SMA', 'S2 Teknik'].map(educationLevel)).toEqual(['S1', 'S1', 'D3', 'D3', 'SMA', 'SMA', 'S2']);
    expect(educationLevel('Kursus')).toBeUndefined();
    expect(['II.b', 'IIIa', 'iv/B', 'III - a'].map(eselonOf)).toEqual(['II.b', 'III.a', 'IV.b', 'III.a']);
    expect(eselonOf('V.a')).toBeUndefined();
    expect(parseText('  Jl.  Ahmad\nYani ')).toEqual({ ok: true, value: 'Jl. Ahmad Yani' });
    expect(parseText('A\u0007B')).toMatchObject({ ok: false });
    expect(parseText(198609262015051000)).toMatchObject({ ok: false, message: expect.stringContaining('Teks') });
  });
});
