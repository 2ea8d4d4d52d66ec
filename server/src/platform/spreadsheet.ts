// Cells of the CSV and XLSX files the platform writes. A text cell that starts with `=`, `+`, `-`,
// `@`, a tab or a carriage return is run as a formula by Excel and LibreOffice when the file is
// opened (or when the cell is edited), so text taken from users could run commands or leak data
// (CSV injection). OWASP's remedy: prefix such text with a single quote, which the spreadsheet
// shows as text. Numbers stay numbers: a negative figure is not a formula.

/** A value as a spreadsheet writer receives it. */
export type SheetValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain signed figure (`-12`, `+62812`, `-1.5`, `-1,5`): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_FIGURE = /^[+-]?\d+(?:[.,]\d+)?$/;

/** The value to write into a CSV or XLSX cell: formula-leading text gets a leading `'`, anything else is kept. */
export function spreadsheetCell<T extends SheetValue>(value: T): T | string {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_FIGURE.test(value)) return value;
  return `'${value}`;
}

/** One CSV field: made safe for spreadsheets, then quoted when it holds a separator, quote or line break. */
export function csvField(value: SheetValue): string {
  const cell = spreadsheetCell(value);
  const text = cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell);
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document as Excel opens it without asking: a UTF-8 BOM, comma separators and CRLF line
 * ends, every field through `csvField`.
 */
export function csvDocument(rows: readonly (readonly SheetValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
