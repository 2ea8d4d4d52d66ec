import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { makeNip, type SessionHeaders, signInAdministrators } from '../../../../test/factories.js';
import { MAX_ROWS, MAX_UNZIPPED_BYTES } from './import.limits.js';
import { csv, errorLines, excelBook, imported, multipart, rejected, sheetRow, tableCounts, upload, workbook } from './import.test-fixtures.js';

// Files judged as files: what they are, how big they grow, the cells a spreadsheet mangles, and the
// templates users start from. None of these needs data imported before it.

let t: TestApp;
const as: Record<string, SessionHeaders> = {};

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  Object.assign(as, (await signInAdministrators(t)).as);
});
afterAll(() => t.close());

const UNITS = csv([
  ['kode_unit', 'kode_induk', 'kode_opd', 'nama', 'singkatan', 'jenis'],
  ['DKI-SEKRE', '', 'diskominfo', 'Sekretariat', 'Sekretariat', 'sekretariat'],
]);

const EMPLOYEE_HEADER = ['nip', 'jenis_pegawai', 'nama', 'gelar_depan', 'gelar_belakang', 'jenis_kelamin', 'tanggal_lahir', 'tempat_lahir', 'nik',
  'telepon', 'email', 'golongan', 'tmt_golongan', 'status', 'pendidikan', 'jurusan', 'kode_opd', 'kode_unit', 'kode_jabatan', 'tmt_jabatan', 'nomor_sk', 'tmt_cpns'];
const EMPLOYEES = csv([EMPLOYEE_HEADER,
  [makeNip('1986-09-26', '2015-05', 'male'), 'PNS', 'Budi Santoso', '', 'S.Kom.', 'L', '26/09/1986', '', '', '', '', 'III/c', '', 'Aktif', 'S1', '', 'diskominfo', '', '', '', '', '']]);

describe('cells a spreadsheet mangles', () => {
  it('names a NIP that Excel stored as a number, which has lost its last digits', async () => {
    const employees = await excelBook([
      ['nip', 'jenis_pegawai', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'golongan', 'pendidikan', 'kode_opd'],
      [198609262015051000, 'PNS', 'Agus Wibowo', 'L', '1986-09-26', 'III/a', 'S1', 'dinkes'],
    ]);
    const report = await rejected(upload(t, as.bkpsdm!, 'employees', employees, { name: 'pegawai.xlsx' }));
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, field: 'nip', message: expect.stringContaining('format kolom sebagai Teks') })]);
  });

  it('implausible dates in CSV text or XLSX date cells are row errors naming the column', async () => {
    const person = (birth: string, rankTmt: string) => [makeNip('1990-01-01', '2015-01', 'male'), 'PNS', 'Joko', '', '', 'L', birth, '', '', '', '',
      'III/a', rankTmt, '', 'S1', '', 'diskominfo', '', '', '', '', ''];
    const fromCsv = await imported(upload(t, as.bkpsdm!, 'employees', csv([EMPLOYEE_HEADER, person('01-01-1850', '01-04-2199')]), { dryRun: true }));
    expect(errorLines(fromCsv)).toEqual([
      expect.stringMatching(/^2 tanggal_lahir: tanggal tidak masuk akal; harus antara 01-01-1900 dan /),
      expect.stringMatching(/^2 tmt_golongan: tanggal tidak masuk akal/),
    ]);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Pegawai');
    sheet.addRow(EMPLOYEE_HEADER);
    sheet.addRow(person('', ''));
    sheet.getCell('G2').value = new Date(Date.UTC(1850, 0, 1));
    const fromXlsx = await imported(upload(t, as.bkpsdm!, 'employees', Buffer.from(await wb.xlsx.writeBuffer()), { dryRun: true, name: 'pegawai.xlsx' }));
    expect(errorLines(fromXlsx)).toEqual([expect.stringMatching(/^2 tanggal_lahir: tanggal tidak masuk akal/)]);
  });

  it('a value with an unquoted separator, which shifts the columns, is a row error', async () => {
    const report = await rejected(upload(t, as.bkpsdm!, 'units',
      'kode_unit,kode_opd,nama,jenis\r\nDKI-PPID,diskominfo,Seksi Informasi, Dokumentasi dan PPID,seksi\r\n'));
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, field: 'baris', message: expect.stringContaining('tanda kutip') })]);
  });

});

describe('files that are not what they claim', () => {
  it('a CSV saved as Windows-1252 → 400 telling the user to save as CSV UTF-8', async () => {
    const latin1 = Buffer.from('kode_unit,kode_opd,nama,jenis\r\nDKI-CAFE,diskominfo,Kafé Literasi Digital,uptd\r\n', 'latin1');
    const res = await upload(t, as.bkpsdm!, 'units', latin1);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'file_encoding', message: expect.stringContaining('CSV UTF-8') });
    expect(res.json().message).toContain('baris 2');
  });

  it('binary junk → 400; 100 MB of random bytes → 413 without reading it all', async () => {
    const junk = await upload(t, as.bkpsdm!, 'employees', randomBytes(64 * 1024));
    expect(junk.statusCode, junk.body).toBe(400);
    expect(junk.json().code).toMatch(/^file_(not_text|encoding)$/);

    const before = await tableCounts(t);
    const huge = await upload(t, as.bkpsdm!, 'employees', randomBytes(100 * 1024 * 1024));
    expect(huge.statusCode, huge.body).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('50 MB') });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a ZIP that is no workbook, an old .xls and a broken JSON are refused with what to do', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['a']);
    const zip = Buffer.from(await wb.xlsx.writeBuffer());
    const broken = Buffer.concat([zip.subarray(0, 200), Buffer.alloc(100)]);
    const cases: [string, Buffer | string, string][] = [
      ['units', broken, 'file_format'],
      ['units', Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'), 'file_format'],
      ['siasn', '{"pegawai": [ {"nipBaru": "1"} ', 'invalid_json'],
      ['siasn', '[1, 2, 3]', 'siasn_shape'],
      ['units', '', 'file_empty'],
    ];
    for (const [kind, bytes, code] of cases) {
      const res = await upload(t, as.bkpsdm!, kind, bytes);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(400);
      expect(res.json().code).toBe(code);
    }
  });

  it('unknown or missing columns refuse the file, naming them', async () => {
    const unknown = await upload(t, as.bkpsdm!, 'units', 'kode_unit,nama,jenis,warna\r\nX,Nama,bidang,merah\r\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'unknown_columns', message: expect.stringContaining('"warna"') });
    const missing = await upload(t, as.bkpsdm!, 'employees', 'nip,nama\r\n1,Budi\r\n');
    expect(missing.json()).toMatchObject({ code: 'missing_columns', message: expect.stringContaining('jenis_pegawai') });
    const wrongKind = await upload(t, as.bkpsdm!, 'positions', UNITS);
    expect(wrongKind.json()).toMatchObject({ code: 'unknown_columns', message: expect.stringContaining('tampaknya berkas units') });
    const json = await upload(t, as.bkpsdm!, 'units', '{"unor": []}');
    expect(json.json()).toMatchObject({ code: 'file_format', message: expect.stringContaining('"siasn"') });
  });

  it('a form without a file, or not multipart at all, is a clear 4xx', async () => {
    const noFile = multipart({ kind: 'units' });
    const res = await t.app.inject({ method: 'POST', url: '/api/personnel/imports', headers: { ...as.bkpsdm, 'content-type': noFile.contentType }, payload: noFile.payload });
    expect(res.statusCode, res.body).toBe(400);
    const json = await t.app.inject({ method: 'POST', url: '/api/personnel/imports', headers: as.bkpsdm, payload: { kind: 'units', file: 'x' } });
    expect(json.statusCode).toBe(415);
    const badKind = await upload(t, as.bkpsdm!, 'pegawai', EMPLOYEES);
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().details.fields).toHaveProperty('body.kind');
  });
});

describe('files that expand: limits checked while reading, as a dry run by an agency admin', () => {
  /** A 413 in the platform's error shape, answered within `ms`. */
  async function refusedQuickly(content: Buffer | string, code: string, ms: number) {
    const started = performance.now();
    const res = await upload(t, as['opd.admin']!, 'units', content, { dryRun: true, name: 'unit.xlsx' });
    expect(performance.now() - started).toBeLessThan(ms);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toEqual({ code, message: expect.any(String), requestId: expect.any(String), details: expect.any(Object) });
  }

  it('a zip-bomb-like workbook (over a million identical rows) → 413 at the row after the limit', async () => {
    const row = sheetRow(['x']);
    const rows = Math.floor((MAX_UNZIPPED_BYTES - 1024 * 1024) / row.length); // under the size limit: the row limit stops it
    expect(rows).toBeGreaterThan(MAX_ROWS * 20);
    await refusedQuickly(workbook(['kode_unit', 'nama', 'jenis'], Buffer.alloc(rows * row.length, row)), 'too_many_rows', 5000);
  });

  it('a workbook just over the uncompressed-size limit → 413 before it is inflated', async () => {
    const row = sheetRow(['DKI-X', 'x'.repeat(60_000), 'seksi']);
    const rows = Math.ceil(MAX_UNZIPPED_BYTES / row.length);
    await refusedQuickly(workbook(['kode_unit', 'nama', 'jenis'], Buffer.alloc(rows * row.length, row)), 'payload_too_large', 5000);
  });

  it(`a CSV of more than ${MAX_ROWS.toLocaleString('id-ID')} rows → 413`, async () => {
    const lines = ['kode_unit,nama,jenis', ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => `U${i},Seksi ${i},seksi`)];
    await refusedQuickly(`${lines.join('\r\n')}\r\n`, 'too_many_rows', 10_000);
  });
});

describe('templates', () => {
  it('downloads a CSV template per kind with its header and an example row', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/personnel/imports/templates/employees', headers: as.bkpsdm });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="templat-impor-pegawai.csv"');
    const [header, example] = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(',')).toEqual([...EMPLOYEE_HEADER.slice(0, 9), 'alamat', ...EMPLOYEE_HEADER.slice(9)]);
    expect(example).toContain('198609262015051001');
    expect((await t.app.inject({ method: 'GET', url: '/api/personnel/imports/templates/siasn', headers: as.bkpsdm })).statusCode).toBe(400);
  });

  it('the units template passes a dry run as it is', async () => {
    const template = (await t.app.inject({ method: 'GET', url: '/api/personnel/imports/templates/units', headers: as.bkpsdm })).rawPayload;
    expect(await imported(upload(t, as.bkpsdm!, 'units', template, { dryRun: true }))).toMatchObject({ errorCount: 0, rows: 1 });
  });
});

