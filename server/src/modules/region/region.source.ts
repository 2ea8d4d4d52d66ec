import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One row of the Kemendagri region list. */
interface SourceRow {
  code: string;
  parent: string;
  name: string;
}

/** A regency with its districts and villages, read from the `idn-area-data` package (data: ODbL). */
export interface RegionSource {
  regency: { code: string; provinceCode: string; name: string };
  districts: { code: string; name: string }[];
  villages: { code: string; districtCode: string; name: string; kind: 'desa' | 'kelurahan' }[];
}

const require = createRequire(import.meta.url);
const DATA_DIR = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');

/** Reads `code,parent_code,name` rows; names may be quoted when they contain commas. */
function readCsv(file: string, keep: (code: string, parent: string) => boolean): SourceRow[] {
  const rows: SourceRow[] = [];
  const text = fs.readFileSync(path.join(DATA_DIR, file), 'utf8');
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line === '') continue;
    const first = line.indexOf(',');
    const second = line.indexOf(',', first + 1);
    const code = line.slice(0, first);
    const parent = line.slice(first + 1, second);
    if (!keep(code, parent)) continue;
    let name = line.slice(second + 1);
    if (name.startsWith('"')) name = name.slice(1, -1).replaceAll('""', '"');
    rows.push({ code, parent, name });
  }
  return rows;
}

/**
 * Loads one regency (by Kemendagri code, e.g. `33.28`) from the package's CSV files.
 * Returns null when the code is not a regency or city in the list.
 */
export function loadRegionSource(regencyCode: string): RegionSource | null {
  const [regency] = readCsv('regencies.csv', (code) => code === regencyCode);
  if (!regency) return null;
  const districtRows = readCsv('districts.csv', (_code, parent) => parent === regencyCode);
  const districtCodes = new Set(districtRows.map((d) => d.code));
  const villageRows = readCsv('villages.csv', (_code, parent) => districtCodes.has(parent));
  return {
    regency: { code: regency.code, provinceCode: regency.parent, name: regency.name },
    districts: districtRows.map((d) => ({ code: d.code, name: d.name })),
    // In a village code 33.28.KK.NNNN the first digit of NNNN is 1 for a kelurahan, 2 for a desa.
    villages: villageRows.map((v) => ({
      code: v.code,
      districtCode: v.parent,
      name: v.name,
      kind: v.code.split('.')[3]?.startsWith('1') ? 'kelurahan' : 'desa',
    })),
  };
}
