import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
});
afterAll(() => t.close());

describe('regions', () => {
  it('lists the 18 kecamatan of Kabupaten Tegal with 287 villages in all', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/districts' });
    expect(res.statusCode).toBe(200);
    const districts = res.json<{ code: string; name: string; villageCount: number }[]>();
    expect(districts).toHaveLength(18);
    expect(districts.find((d) => d.code === '33.28.10')).toMatchObject({ name: 'Slawi', villageCount: 10 });
    expect(districts.reduce((sum, d) => sum + d.villageCount, 0)).toBe(287);
  });

  it('tells desa from kelurahan by the village code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/districts/33.28.10/villages' });
    const villages = res.json<{ code: string; name: string; kind: string }[]>();
    expect(villages.filter((v) => v.kind === 'kelurahan').map((v) => v.name)).toEqual(
      ['Pakembaran', 'Kagok', 'Procot', 'Kudaile', 'Slawi Wetan'],
    );
    expect(villages.find((v) => v.code === '33.28.10.2001')?.name).toBe('Kalisapu');
  });

  it('describes the regency', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions' });
    expect(res.json()).toEqual({ code: '33.28', name: 'Kabupaten Tegal', provinceCode: '33', districtCount: 18, villageCount: 287, timeZone: 'Asia/Jakarta' });
  });

  it('answers 404 for a district of another regency and 400 for a malformed code', async () => {
    const other = await t.app.inject({ method: 'GET', url: '/api/regions/districts/33.76.01/villages' });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
    const bad = await t.app.inject({ method: 'GET', url: "/api/regions/districts/1'%20OR%201=1/villages" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', details: { fields: { 'params.code': expect.any(String) } } });
  });

  it('re-importing changes nothing', async () => {
    await seedReference(t.modules, '33.28');
    const res = await t.app.inject({ method: 'GET', url: '/api/regions' });
    expect(res.json().villageCount).toBe(287);
  });
});
