import { randomUUID } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { TestApp } from '../../../../test/app.js';
import type { SessionHeaders } from '../../../../test/factories.js';
import { queryRows } from '../../../platform/db/index.js';
import type { ImportReport, RowError } from './import.schema.js';

// Test helpers of the import tests: a multipart upload as a browser sends it, CSV text, and the
// table counts that prove "nothing half-imported".

/** A multipart/form-data body with the given fields and, optionally, one file part. */
export function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer | string; type?: string }) {
  const boundary = `----tsc${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Rows as CSV text (comma-separated, CRLF), quoting where needed. */
export function csv(rows: (string | number)[][], delimiter = ','): string {
  const cell = (v: string | number) => (/[",;\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return `${rows.map((r) => r.map(cell).join(delimiter)).join('\r\n')}\r\n`;
}

/** Posts a file to the import endpoint as the signed-in user. */
export function upload(t: TestApp, headers: SessionHeaders | Record<string, string>, kind: string, content: Buffer | string, options: { dryRun?: boolean; name?: string; closeMissing?: boolean } = {}) {
  const fields = { kind, dryRun: String(options.dryRun ?? false), ...(options.closeMissing === undefined ? {} : { closeMissing: String(options.closeMissing) }) };
  const body = multipart(fields, { name: options.name ?? `${kind}.csv`, bytes: content });
  return t.app.inject({ method: 'POST', url: '/api/personnel/imports', headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
}

/** The report of a successful import (200), failing the test with the body otherwise. */
export async function imported(response: Promise<{ statusCode: number; body: string; json: <T>() => T }>): Promise<ImportReport> {
  const res = await response;
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ImportReport>();
}

/** The report of a refused import (422 `import_rejected`). */
export async function rejected(response: Promise<{ statusCode: number; body: string; json: <T>() => T }>): Promise<ImportReport> {
  const res = await response;
  expect(res.statusCode, res.body).toBe(422);
  const body = res.json<{ code: string; message: string; details: { report: ImportReport } }>();
  expect(body.code).toBe('import_rejected');
  expect(body.details.report.committed).toBe(false);
  return body.details.report;
}

/** The errors of a report as `row field: message` lines, easy to assert on. */
export function errorLines(report: { errors: RowError[] }): string[] {
  return report.errors.map((e) => `${e.row} ${e.field}: ${e.message}`);
}

/** Row counts of the personnel tables an import writes. */
export interface TableCounts {
  units: number;
  positions: number;
  employees: number;
  assignments: number;
  ranks: number;
}

export async function tableCounts(t: TestApp): Promise<TableCounts> {
  const [row] = await queryRows<TableCounts & Record<string, unknown>>(t.platform.db, sql`
    SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM positions) AS positions,
           (SELECT count(*)::int FROM employees) AS employees, (SELECT count(*)::int FROM assignments) AS assignments,
           (SELECT count(*)::int FROM employee_ranks) AS ranks`);
  return row!;
}

/** The id of the position or unit imported with an external code. */
export async function idOf(t: TestApp, table: 'units' | 'positions', code: string): Promise<string> {
  const rows = await queryRows<{ id: string }>(t.platform.db, sql`SELECT id FROM ${sql.raw(table)} WHERE external_id = ${code}`);
  expect(rows, `${table} ${code}`).toHaveLength(1);
  return rows[0]!.id;
}

/** A ZIP of the given parts, deflated (fast, level 1), as the XLSX tests and the upload bench need. */
export function zip(parts: Record<string, Buffer | string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data, { level: 1 });
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_END = '</sheetData></worksheet>';

/** A row of inline-string cells, as SpreadsheetML writes it. */
export function sheetRow(cells: string[]): string {
  return `<row>${cells.map((c) => `<c t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;
}

/**
 * A one-sheet workbook: `header` then `body` (SpreadsheetML rows, e.g. one row repeated by
 * `Buffer.alloc(n * row.length, row)`), with only the parts a reader needs.
 */
export function workbook(header: string[], body: Buffer | string = ''): Buffer {
  const ns = 'http://schemas.openxmlformats.org';
  return zip({
    '[Content_Types].xml': `<Types xmlns="${ns}/package/2006/content-types"/>`,
    'xl/workbook.xml': `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships">`
      + '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${ns}/package/2006/relationships">`
      + `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': Buffer.concat([Buffer.from(SHEET_START + sheetRow(header)), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from(SHEET_END)]),
  });
}

/** An .xlsx file written by a spreadsheet library, one sheet of these rows (cells keep their types: numbers, dates). */
export async function excelBook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Data');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
