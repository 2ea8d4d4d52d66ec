import { buildTestApp, type TestApp } from '../../../test/app.js';
import type { BlobStore } from './index.js';

/** Small real files for the blob-store tests: each starts with its format's genuine signature. */
export const PNG_1PX = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1e4a40000000049454e44ae426082',
  'hex',
);

export const PDF_MINIMAL = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

export const CSV_COMPLAINTS = Buffer.from('kecamatan,bulan,jumlah_aduan\nSlawi,2021-06,42\nAdiwerna,2021-06,37\n', 'utf8');

/** A CSV whose first bytes happen to be the BMP signature ("BM"). */
export const CSV_BMKG = Buffer.from('BMKG_stasiun,curah_hujan_mm\nTegal,12.5\n', 'utf8');

/** The same table saved as Latin-1 by an old spreadsheet: not UTF-8. */
export const CSV_LATIN1 = Buffer.from('desa,keterangan\nDukuhwaru,jalan rusak \xb1 2 km\n', 'latin1');

/**
 * The app as it wires the store, on the test database, with its local blob directory: the store is
 * tested as the platform uses it.
 */
export async function localStoreApp(): Promise<{ t: TestApp; store: BlobStore; dir: string }> {
  const t = await buildTestApp();
  if (t.platform.config.blobs.kind !== 'local') throw new Error('the test app uses the local blob store');
  return { t, store: t.platform.blobs, dir: t.platform.config.blobs.dir };
}
