import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedReference } from '../../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { makeUser, signIn, type SessionHeaders } from '../../../../test/factories.js';
import { queryRows } from '../../../platform/db/index.js';
import { csv, imported, upload } from './import.test-fixtures.js';

// The import dates what it creates by the region's calendar (TIME_ZONE, WIB by default), not UTC's:
// a unit imported at half past midnight in Slawi is valid from that day, not the day before.

let t: TestApp;
let bkpsdm: SessionHeaders;

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await makeUser(t, { username: 'bkpsdm', roles: ['personnel_admin'], agency: 'bkpsdm' });
  bkpsdm = await signIn(t, 'bkpsdm');
});
afterEach(() => vi.useRealTimers());
afterAll(() => t.close());

describe('the import and the clock', () => {
  it('gives a unit imported at 00:30 WIB that day as its start, not the UTC date', async () => {
    // 2026-03-01 17:30 UTC is 2026-03-02 00:30 in Slawi.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T17:30:00Z') });
    const file = csv([
      ['kode_unit', 'kode_induk', 'kode_opd', 'nama', 'singkatan', 'jenis'],
      ['JAM-1', '', 'diskominfo', 'Bidang Uji Tengah Malam', 'Uji Malam', 'bidang'],
    ]);
    await imported(upload(t, bkpsdm, 'units', file));
    const [unit] = await queryRows<{ valid_from: string }>(t.platform.db, sql`SELECT valid_from::text FROM units WHERE external_id = 'JAM-1'`);
    expect(unit!.valid_from).toBe('2026-03-02');
    expect(t.platform.today()).toBe('2026-03-02');
  });
});
