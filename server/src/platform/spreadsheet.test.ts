import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, spreadsheetCell } from './spreadsheet.js';

describe('spreadsheet cells the platform writes', () => {
  it('prefixes formula-leading text with a single quote (OWASP), in CSV and XLSX alike', () => {
    const attacks = ['=HYPERLINK("http://x","klik")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
    expect(attacks.map(spreadsheetCell)).toEqual(attacks.map((a) => `'${a}`));
  });

  it('keeps numbers, plain signed figures, dates, booleans, empty cells and ordinary text as they are', () => {
    const date = new Date(Date.UTC(1986, 8, 26));
    expect([-5, 3.5, '-12', '+6281234567890', '-1,5', 'Budi Santoso', 'a=b', '', null, undefined, true, date].map(spreadsheetCell))
      .toEqual([-5, 3.5, '-12', '+6281234567890', '-1,5', 'Budi Santoso', 'a=b', '', null, undefined, true, date]);
  });

  it('writes CSV fields escaped, then quoted where a separator, quote or line break needs it', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvField('Jl. Ahmad Yani; Slawi')).toBe('"Jl. Ahmad Yani; Slawi"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvDocument([['nama', 'nilai'], ['@x', -1]])).toBe("\uFEFFnama,nilai\r\n'@x,-1\r\n");
  });
});
