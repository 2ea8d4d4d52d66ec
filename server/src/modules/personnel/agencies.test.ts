import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { TEGAL_AGENCIES } from '../../../seeds/reference/tegal-agencies.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import type { AgencyView } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
});
afterAll(() => t.close());

async function list(app: TestApp, query = ''): Promise<AgencyView[]> {
  const res = await app.app.inject({ method: 'GET', url: `/api/agencies${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AgencyView[]>();
}

describe('the agency registry of Kabupaten Tegal', () => {
  it('lists the 48 current OPD: 30 offices, then the 18 kecamatan, in official order', async () => {
    const agencies = await list(t);
    expect(agencies).toHaveLength(48);
    const offices = agencies.slice(0, 30);
    const districts = agencies.slice(30);
    expect(offices.map((a) => a.code)).toEqual(TEGAL_AGENCIES.map((a) => a.code));
    expect(offices.slice(0, 3).map((a) => a.name)).toEqual(['Sekretariat Daerah', 'Sekretariat DPRD', 'Inspektorat']);
    expect(districts.every((a) => a.kind === 'kecamatan')).toBe(true);
    const codes = districts.map((a) => a.districtCode!);
    expect(codes).toEqual([...codes].sort());
    expect(agencies.every((a) => a.validTo === null && a.successorId === null)).toBe(true);
    expect(agencies.find((a) => a.code === 'bkpsdm')).toMatchObject({
      name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', shortName: 'BKPSDM', kind: 'badan',
    });
  });

  it('filters the kecamatan, each with its district code', async () => {
    const districts = await list(t, '?kind=kecamatan');
    expect(districts).toHaveLength(18);
    expect(new Set(districts.map((a) => a.districtCode)).size).toBe(18);
    for (const a of districts) expect(a.districtCode).toMatch(/^33\.28\.\d{2}$/);
    expect(districts.find((a) => a.districtCode === '33.28.10')).toMatchObject({ name: 'Kecamatan Slawi', shortName: 'Kec. Slawi' });
  });

  it('finds an agency by part of its name or short name, in any case', async () => {
    expect((await list(t, '?q=kominfo')).map((a) => a.shortName)).toEqual(['Diskominfo']);
    expect((await list(t, '?q=KOMUNIKASI')).map((a) => a.code)).toEqual(['diskominfo']);
    expect((await list(t, '?q=rsud')).map((a) => a.code)).toEqual(['rsud-soeselo', 'rsud-suradadi']);
  });

  it('treats search wildcards and quotes as text', async () => {
    expect(await list(t, '?q=%25')).toEqual([]);
    expect(await list(t, '?q=_')).toEqual([]);
    expect(await list(t, `?q=${encodeURIComponent("' OR 1=1 --")}`)).toEqual([]);
  });

  it('shows the structure of a past date with its names then, linked to today\'s record', async () => {
    const past = await list(t, '?at=2021-06-01');
    expect(past).toHaveLength(48);
    const bkd = past.find((a) => a.code === 'bkpsdm')!;
    expect(bkd).toMatchObject({ name: 'Badan Kepegawaian Daerah', shortName: 'BKD', validTo: '2023-01-01' });
    expect(past.map((a) => a.shortName)).not.toContain('BKPSDM');
    expect(past.find((a) => a.code === 'dpupr')?.name).toBe('Dinas Pekerjaan Umum');

    const current = (await list(t)).find((a) => a.code === 'bkpsdm')!;
    expect(bkd.successorId).toBe(current.id);
    expect(current.validFrom).toBe('2023-01-01');

    const res = await t.app.inject({ method: 'GET', url: `/api/agencies/${bkd.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(bkd);
  });

  it('answers one agency by id, 404 for an unknown id and 400 for a malformed one', async () => {
    const [setda] = await list(t);
    const found = await t.app.inject({ method: 'GET', url: `/api/agencies/${setda!.id}` });
    expect(found.json()).toEqual(setda);

    const unknown = await t.app.inject({ method: 'GET', url: `/api/agencies/${randomUUID()}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found', message: 'Perangkat daerah tidak ditemukan.' });

    const malformed = await t.app.inject({ method: 'GET', url: '/api/agencies/setda' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'validation_failed', details: { fields: { 'params.id': expect.any(String) } } });
  });

  it('rejects an unknown kind, a malformed date and an unknown filter', async () => {
    for (const query of ['?kind=kelurahan', '?at=01-06-2021', '?at=2021-02-30', '?opd=setda']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/agencies${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code, query).toBe('validation_failed');
    }
  });

  it('re-seeding changes nothing: still 48, same ids, history not duplicated', async () => {
    const before = await list(t);
    const pastBefore = await list(t, '?at=2021-06-01');
    await seedReference(t.modules, '33.28');
    expect(await list(t)).toEqual(before);
    expect(await list(t, '?at=2021-06-01')).toEqual(pastBefore);
  });
});

describe('another regency', () => {
  let other: TestApp;
  beforeAll(async () => {
    other = await buildTestApp({ REGION_CODE: '33.29' });
    await seedReference(other.modules, '33.29');
  });
  afterAll(() => other.close());

  it('has only its own kecamatan as agencies', async () => {
    const agencies = await list(other);
    const districts = (await other.app.inject({ method: 'GET', url: '/api/regions/districts' })).json<{ code: string }[]>();
    expect(districts.length).toBeGreaterThan(0);
    expect(agencies.map((a) => a.districtCode)).toEqual(districts.map((d) => d.code));
    expect(agencies.every((a) => a.kind === 'kecamatan' && a.districtCode!.startsWith('33.29.'))).toBe(true);
    expect(agencies.map((a) => a.code)).not.toContain('diskominfo');
  });
});
