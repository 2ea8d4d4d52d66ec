import { timeSlicer } from '../../../platform/streams.js';
import { ImportFileError, MAX_COLUMNS, tooManyRows, unzippedTooLarge, type ReadLimits } from './import.limits.js';
import type { Cell, Table, TableRow } from './import.parse.js';
import { attribute, xmlReader, type XmlEvents } from './import.xml.js';
import { entryChunks, InflateBudget, zipEntries, type ZipEntry } from './import.zip.js';

// XLSX → rows, as a stream: each part is inflated in small chunks and read as it inflates, rows
// are kept only up to the row limit, and every inflated byte counts against one budget. So memory
// follows the limits, not the file (a 25 MB workbook of 3 million tiny rows once took 4.8 GB when
// read whole), and the event loop gets a turn between chunks.

const NOT_A_WORKBOOK = 'Berkas ZIP ini bukan buku kerja Excel. Simpan dari Excel sebagai "Excel Workbook (*.xlsx)" atau sebagai CSV UTF-8.';
const brokenWorkbook = () => new ImportFileError('file_format', 'Berkas XLSX rusak atau tidak dapat dibaca. Simpan ulang dari Excel sebagai "Excel Workbook (*.xlsx)".');

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom number format shows a date when it has date or time letters outside quotes and brackets (as ExcelJS decides). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel's day number as the UTC instant ExcelJS gives (midnight UTC of the day shown). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** `AB` of `AB12` as a 0-based column; undefined when the reference is malformed. */
function columnOf(ref: string): number | undefined {
  const letters = /^([A-Z]{1,3})\d*$/.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Resolves a relationship target against the `xl/` folder the workbook lives in. */
function partPath(target: string): string {
  const parts: string[] = target.startsWith('/') ? [] : ['xl'];
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** One workbook part read through the XML reader, with a turn for the event loop between chunks. */
async function readPart(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, events: XmlEvents): Promise<void> {
  const reader = xmlReader(events);
  const decoder = new TextDecoder('utf-8');
  const pause = timeSlicer();
  for await (const chunk of entryChunks(bytes, entry, budget)) {
    reader.write(decoder.decode(chunk, { stream: true }));
    await pause();
  }
  reader.write(decoder.decode());
  reader.end();
}

interface Workbook {
  sheets: string[];
  date1904: boolean;
}

async function readWorkbook(bytes: Uint8Array, find: (name: string) => ZipEntry | undefined, budget: InflateBudget): Promise<Workbook> {
  const sheetIds: string[] = [];
  let date1904 = false;
  await readPart(bytes, find('xl/workbook.xml')!, budget, {
    open(name, tag) {
      if (name === 'sheet') sheetIds.push(/\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '');
      else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(tag, 'date1904') ?? '');
    },
    close() {},
    text() {},
  });
  const targets = new Map<string, string>();
  const rels = find('xl/_rels/workbook.xml.rels');
  if (!rels) throw brokenWorkbook();
  await readPart(bytes, rels, budget, {
    open(name, tag) {
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (name === 'Relationship' && id && target && attribute(tag, 'TargetMode') !== 'External') targets.set(id, partPath(target));
    },
    close() {},
    text() {},
  });
  return { sheets: sheetIds.map((id) => targets.get(id)).filter((p): p is string => p !== undefined), date1904 };
}

/** Which cell styles show a date: index in `cellXfs` → true. */
async function readDateStyles(bytes: Uint8Array, entry: ZipEntry | undefined, budget: InflateBudget): Promise<boolean[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await readPart(bytes, entry, budget, {
    open(name, tag) {
      if (name === 'numFmt') custom.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = !tag.endsWith('/>');
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        styles.push(custom.has(id) ? isDateFormat(custom.get(id)!) : DATE_FORMAT_IDS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styles;
}

/** The shared strings, rich text runs joined; phonetic hints (`rPh`) left out. */
async function readSharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined, budget: InflateBudget): Promise<string[]> {
  if (!entry) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await readPart(bytes, entry, budget, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = !inPhonetic;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(current);
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}

interface SheetContext {
  shared: string[];
  dateStyles: boolean[];
  date1904: boolean;
  limits: ReadLimits;
}

/** A cell's value from its type (`t`), style (`s`) and text: shared strings looked up, numbers in date styles read as dates. */
function cellValue(type: string, style: number, value: string, ctx: SheetContext): Cell {
  switch (type) {
    case 's': return ctx.shared[Number(value)] ?? null;
    case 'inlineStr': case 'str': return value;
    case 'b': return value === '1' || value === 'true';
    case 'e': return value === '' ? null : value;
    case 'd': return value === '' ? null : new Date(value);
    default: {
      if (value.trim() === '') return null;
      const n = Number(value);
      if (Number.isNaN(n)) return value;
      return ctx.dateStyles[style] ? excelDate(n, ctx.date1904) : n;
    }
  }
}

/** Reads one sheet's non-blank rows; the first is the header. Throws 413 on the row after the limit. */
async function readSheet(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, ctx: SheetContext): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  let rowNumber = 0;
  let cells: Cell[] = [];
  let column = 0;
  let type = '';
  let style = 0;
  let value = '';
  let collecting = false;
  let inInline = false;

  await readPart(bytes, entry, budget, {
    open(name, tag) {
      if (name === 'row') {
        rowNumber = Number(attribute(tag, 'r')) || rowNumber + 1;
        cells = [];
        column = 0;
      } else if (name === 'c') {
        const ref = attribute(tag, 'r');
        column = (ref ? columnOf(ref) : undefined) ?? column;
        type = attribute(tag, 't') ?? 'n';
        style = Number(attribute(tag, 's') ?? 0);
        value = '';
      } else if (name === 'v') {
        collecting = true;
      } else if (name === 'is') {
        inInline = true;
      } else if (name === 't' && inInline) {
        collecting = true;
      }
    },
    close(name) {
      if (name === 'v' || name === 't') {
        collecting = false;
      } else if (name === 'is') {
        inInline = false;
      } else if (name === 'c') {
        // Columns past the limit are dropped; one more than the limit is kept so the header check can say so.
        if (column <= MAX_COLUMNS) {
          const cell = cellValue(type, style, value, ctx);
          if (cell !== null) {
            while (cells.length < column) cells.push(null);
            cells[column] = cell;
          }
        }
        column++;
      } else if (name === 'row') {
        if (!cells.some((c) => c !== null && String(c).trim() !== '')) return;
        rows.push({ row: rowNumber, cells });
        // The header is row one of `rows`: the data rows are the others.
        if (rows.length - 1 > ctx.limits.maxRows) throw tooManyRows(ctx.limits.maxRows);
      }
    },
    text(text) {
      if (collecting) value += text;
    },
  });
  return rows;
}

/** Reads the first sheet with data of an XLSX (its first non-blank row is the header) under `limits`. */
export async function readXlsx(bytes: Uint8Array, limits: ReadLimits): Promise<Table> {
  const entries = zipEntries(bytes);
  if (!entries) throw new ImportFileError('file_format', 'Berkas XLSX rusak (struktur ZIP-nya tidak utuh). Simpan ulang dari Excel.');
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
  const find = (name: string) => byName.get(name);
  if (!find('[Content_Types].xml') || !find('xl/workbook.xml')) throw new ImportFileError('file_format', NOT_A_WORKBOOK);
  const budget = new InflateBudget(limits.maxUnzippedBytes, () => unzippedTooLarge(limits.maxUnzippedBytes));
  // What the parts to be read declare: a workbook that says it is too big is refused unread. The
  // budget still counts what really inflates, and a part inflating past its declaration is broken.
  const refuseDeclared = (names: Iterable<string>) => {
    let declared = 0;
    for (const name of new Set(names)) declared += find(name)?.size ?? 0;
    if (declared > limits.maxUnzippedBytes) throw unzippedTooLarge(limits.maxUnzippedBytes);
  };
  const fixedParts = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  refuseDeclared(fixedParts);
  const workbook = await readWorkbook(bytes, find, budget);
  refuseDeclared([...fixedParts, ...workbook.sheets]);
  const ctx: SheetContext = {
    dateStyles: await readDateStyles(bytes, find('xl/styles.xml'), budget),
    shared: await readSharedStrings(bytes, find('xl/sharedStrings.xml'), budget),
    date1904: workbook.date1904,
    limits,
  };
  // The first sheet with content: a workbook often keeps an empty "Sheet1" or notes before the data.
  for (const path of workbook.sheets) {
    const entry = find(path);
    if (!entry) throw brokenWorkbook();
    const [header, ...rows] = await readSheet(bytes, entry, budget, ctx);
    if (header) return { format: 'xlsx', header: header.cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c))), rows };
  }
  throw new ImportFileError('file_empty', 'Buku kerja tidak berisi data.');
}
