import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { INDONESIAN_HOLIDAYS } from '../../../seeds/reference/holidays.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, signIn, type SessionHeaders } from '../../../test/factories.js';
import { openPostgres, queryRows, type Database } from '../db/index.js';
import { createCalendar } from './index.js';

let t: TestApp;
let admin: SessionHeaders;
let employee: SessionHeaders;
let citizen: SessionHeaders;

beforeAll(async () => {
  t = await buildTestApp();
  expect((await seedReference(t.modules, '33.28', t.platform.calendar)).holidays).toBe(INDONESIAN_HOLIDAYS.length);
  await makeUser(t, { username: 'admin', roles: ['system_admin'] });
  await makeUser(t, { username: 'pegawai', roles: ['employee'], agency: 'diskominfo' });
  await makeUser(t, { username: 'warga', roles: ['citizen'], kind: 'citizen' });
  [admin, employee, citizen] = [await signIn(t, 'admin'), await signIn(t, 'pegawai'), await signIn(t, 'warga')];
});
afterAll(() => t.close());

const audits = (date: string) => queryRows<{ action: string }>(t.database.db,
  sql`SELECT action FROM audit_log WHERE entity_type = 'holiday' AND entity_id = ${date} ORDER BY id`);

describe('the holiday table', () => {
  it('is seeded with 2026 from the SKB and the fixed dates of 2027, and seeding again adds nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/holidays?year=2026', headers: employee });
    expect(res.statusCode, res.body).toBe(200);
    const year = res.json<{ workingDays: number; holidays: { date: string; kind: string; name: string }[] }>();
    expect(year.holidays.filter((h) => h.kind === 'libur_nasional')).toHaveLength(17);
    expect(year.holidays.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8);
    expect(year.holidays[0]).toMatchObject({ date: '2026-01-01', name: 'Tahun Baru 2026 Masehi' });
    expect(year.workingDays).toBe(240);
    const next = await t.app.inject({ method: 'GET', url: '/api/calendar/holidays?year=2027', headers: citizen });
    expect(next.json<{ holidays: { date: string }[] }>().holidays.map((h) => h.date))
      .toEqual(['2027-01-01', '2027-05-01', '2027-06-01', '2027-08-17', '2027-12-25']);
    expect((await seedReference(t.modules, '33.28', t.platform.calendar)).holidays).toBe(0);
  });

  it('answers working-day questions from the table', async () => {
    const calendar = t.platform.calendar;
    expect(await calendar.addWorkingDays('2026-01-09', 5)).toBe('2026-01-19');
    expect(await calendar.isWorkingDay('2026-03-23')).toBe(false);
    expect(await calendar.workingDaysBetween('2026-03-17', '2026-03-25')).toBe(1);
    const days = await calendar.workingDays();
    expect(days.addWorkingDays(t.platform.today(), 0) >= t.platform.today()).toBe(true);
  });

  it('lets an administrator add, change and remove a date, audited, and the arithmetic follows at once', async () => {
    expect(await t.platform.calendar.isWorkingDay('2026-10-05')).toBe(true);
    const added = await t.app.inject({
      method: 'POST', url: '/api/calendar/holidays', headers: admin,
      payload: { date: '2026-10-05', kind: 'libur_daerah', name: '  Hari Jadi Kabupaten Tegal  ' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({ date: '2026-10-05', kind: 'libur_daerah', name: 'Hari Jadi Kabupaten Tegal', source: expect.stringContaining('admin') });
    expect(await t.platform.calendar.isWorkingDay('2026-10-05')).toBe(false);
    expect(await t.platform.calendar.addWorkingDays('2026-10-02', 1)).toBe('2026-10-06');

    const changed = await t.app.inject({
      method: 'POST', url: '/api/calendar/holidays', headers: admin,
      payload: { date: '2026-10-05', kind: 'cuti_bersama', name: 'Cuti Bersama Tambahan', source: 'SKB perubahan' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ kind: 'cuti_bersama', source: 'SKB perubahan' });

    const removed = await t.app.inject({ method: 'DELETE', url: '/api/calendar/holidays/2026-10-05', headers: admin });
    expect(removed.statusCode).toBe(204);
    expect(await t.platform.calendar.isWorkingDay('2026-10-05')).toBe(true);
    expect((await audits('2026-10-05')).map((a) => a.action)).toEqual(['holiday.added', 'holiday.changed', 'holiday.removed']);

    const again = await t.app.inject({ method: 'DELETE', url: '/api/calendar/holidays/2026-10-05', headers: admin });
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toBe('Hari libur tanggal 2026-10-05 tidak ditemukan.');
  });

  it('refuses bad input naming the field, and callers without calendar:manage', async () => {
    const bad = await t.app.inject({
      method: 'POST', url: '/api/calendar/holidays', headers: admin, payload: { date: '2026-02-30', kind: 'libur_nasional', name: 'X' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields).toHaveProperty(['body.date']);
    const kind = await t.app.inject({
      method: 'POST', url: '/api/calendar/holidays', headers: admin, payload: { date: '2026-10-05', kind: 'libur', name: 'X' },
    });
    expect(kind.statusCode).toBe(400);
    const noYear = await t.app.inject({ method: 'GET', url: '/api/calendar/holidays', headers: employee });
    expect(noYear.statusCode).toBe(400);
    const denied = await t.app.inject({
      method: 'POST', url: '/api/calendar/holidays', headers: employee, payload: { date: '2026-10-05', kind: 'libur_daerah', name: 'X' },
    });
    expect(denied.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/holidays?year=2026' })).statusCode).toBe(401);
    expect(await audits('2026-10-06')).toEqual([]);
  });

  it('reaches another instance within about a second through the revision', async () => {
    // A second calendar on its own connection, as another instance would hold it.
    let other: Database = t.database;
    if (t.databaseUrl) other = await openPostgres(t.databaseUrl, 2);
    try {
      const elsewhere = createCalendar(other.db);
      expect(await elsewhere.isWorkingDay('2026-11-02')).toBe(true);
      const res = await t.app.inject({
        method: 'POST', url: '/api/calendar/holidays', headers: admin, payload: { date: '2026-11-02', kind: 'libur_daerah', name: 'Libur Daerah Uji' },
      });
      expect(res.statusCode).toBe(201);
      const deadline = Date.now() + 3000;
      while (await elsewhere.isWorkingDay('2026-11-02')) {
        expect(Date.now(), 'the other instance never saw the change').toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      if (other !== t.database) await other.close();
    }
  });
});
