import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, signIn, type SessionHeaders } from '../../../test/factories.js';

// Synthetic boundaries with real Kabupaten Tegal codes: squares of 0.05° around made-up places. They
// test the lookup, not geography.
const square = (x: number, y: number, size = 0.05) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
const feature = (code: string, geometry: unknown, key = 'kode') => ({ type: 'Feature', properties: { [key]: code, nama: 'x' }, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

const SLAWI = '33.28.10';
const ADIWERNA = '33.28.11';
const TALANG = '33.28.12';
/** Slawi with a hole in the middle, Adiwerna in two parts, Talang a plain square. */
const THREE = collection(
  feature(SLAWI, { type: 'Polygon', coordinates: [square(109.1, -7.0), square(109.12, -6.98, 0.01)] }),
  feature(ADIWERNA, { type: 'MultiPolygon', coordinates: [[square(109.1, -6.95)], [square(109.2, -6.95)]] }, 'KDCPUM'),
  feature(TALANG, { type: 'Polygon', coordinates: [square(109.15, -6.95)] }, 'code'),
);
const IN_SLAWI = { lon: 109.105, lat: -6.995 };
const IN_HOLE = { lon: 109.125, lat: -6.975 };
const IN_ADIWERNA_EAST = { lon: 109.225, lat: -6.925 };
const OUTSIDE = { lon: 109.5, lat: -7.5 };

let t: TestApp;
let admin: SessionHeaders;
let citizen: SessionHeaders;

beforeAll(async () => {
  t = await buildTestApp();
  await t.modules.region.api.importRegions();
  await makeUser(t, { username: 'admin', roles: ['system_admin'] });
  await makeUser(t, { username: 'warga', roles: ['citizen'], kind: 'citizen' });
  admin = await signIn(t, 'admin');
  citizen = await signIn(t, 'warga');
});
afterAll(() => t.close());

const upload = (level: string, body: unknown, headers: Record<string, string> = admin) =>
  t.app.inject({ method: 'PUT', url: `/api/regions/boundaries/${level}`, headers, payload: body as object });
const locate = async (p: { lon: number; lat: number }) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/regions/locate?lat=${p.lat}&lon=${p.lon}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ inRegency: boolean | 'unknown'; district: { code: string; name: string } | null; village: { code: string; name: string } | null }>();
};
const stored = async (level: string) => (await t.app.inject({ method: 'GET', url: `/api/regions/boundaries/${level}` })).json<{ features: { properties: { code: string } }[] }>();
const auditCount = async () => (await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'region.boundaries_replaced'`))[0]!.n;

const UNKNOWN = { inRegency: 'unknown', district: null, village: null };

describe('without boundaries', () => {
  it('answers unknown and no places, never a guess', async () => {
    expect(await locate(IN_SLAWI)).toEqual(UNKNOWN);
    expect(await t.modules.region.api.locate(IN_SLAWI.lon, IN_SLAWI.lat)).toEqual(UNKNOWN);
    expect(await stored('district')).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('validates the coordinates of a lookup', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/locate?lat=-97&lon=109' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toHaveProperty('querystring.lat');
    expect((await t.app.inject({ method: 'GET', url: '/api/regions/locate?lat=-7' })).statusCode).toBe(400);
  });
});

describe('uploading boundaries', () => {
  it('refuses every faulty feature at once, naming index, code and fault, and stores nothing', async () => {
    const before = await auditCount();
    const res = await upload('district', collection(
      THREE.features[0],
      feature('33.28.99', { type: 'Polygon', coordinates: [square(109, -7)] }),
      feature(SLAWI, { type: 'Polygon', coordinates: [square(109, -7)] }),
      feature(TALANG, { type: 'Polygon', coordinates: [[[109, -7], [109.1, -7], [109.1, -6.9], [109, -6.9]]] }),
      feature('33.28.05', { type: 'Point', coordinates: [109, -7] }),
      feature('33.76.01', { type: 'Polygon', coordinates: [square(109, -7)] }),
      feature('33.28.10.2001', { type: 'Polygon', coordinates: [square(109, -7)] }),
      { type: 'Feature', properties: { name: 'Tanpa kode' }, geometry: { type: 'Polygon', coordinates: [square(109, -7)] } },
      feature('33.28.06', { type: 'Polygon', coordinates: [[[-7, 109], [-7, 109.1], [-6.9, 109.1], [-7, 109]]] }),
    ));
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json<{ code: string; message: string; details: { problemCount: number; problems: { index: number; code: string | null; message: string }[] } }>();
    expect(body.code).toBe('boundaries_rejected');
    expect(body.message).toBe('8 dari 9 fitur batas kecamatan bermasalah; tidak ada yang disimpan. Perbaiki fitur yang disebut lalu unggah ulang.');
    expect(body.details.problems.map((p) => [p.index, p.code])).toEqual([
      [1, '33.28.99'], [2, SLAWI], [3, TALANG], [4, '33.28.05'], [5, '33.76.01'], [6, '33.28.10.2001'], [7, null], [8, '33.28.06'],
    ]);
    const messages = body.details.problems.map((p) => p.message);
    expect(messages[0]).toBe('Kode 33.28.99 tidak terdaftar sebagai kecamatan di Kabupaten Tegal.');
    expect(messages[1]).toMatch(/^Kode 33\.28\.10 sudah dipakai fitur \[0\]/);
    expect(messages[2]).toMatch(/tidak tertutup/);
    expect(messages[3]).toBe('Geometri harus Polygon atau MultiPolygon, bukan Point.');
    expect(messages[4]).toBe('Kode 33.76.01 tidak terdaftar sebagai kecamatan di Kabupaten Tegal.');
    expect(messages[5]).toMatch(/bukan kode Kemendagri kecamatan/);
    expect(messages[6]).toMatch(/^Kode wilayah tidak ada: isi salah satu properti kode, code/);
    expect(messages[7]).toMatch(/di luar jangkauan/);
    expect(await stored('district')).toEqual({ type: 'FeatureCollection', features: [] });
    expect(await auditCount()).toBe(before);
    expect(await locate(IN_SLAWI)).toEqual(UNKNOWN);
  });

  it('refuses a body that is not a FeatureCollection, and one over the size limit', async () => {
    expect((await upload('district', { type: 'Feature', features: [] })).statusCode).toBe(400);
    expect((await upload('district', collection())).statusCode).toBe(400);
    expect((await upload('kabupaten', THREE)).statusCode).toBe(400);
    const huge = `{"type":"FeatureCollection","features":[${'0,'.repeat(10_500_000)}0]}`;
    const res = await t.app.inject({ method: 'PUT', url: '/api/regions/boundaries/district', headers: { ...admin, 'content-type': 'application/json' }, payload: huge });
    expect(res.statusCode).toBe(413);
  });

  it('is for holders of region:manage only, who are checked before the body is read', async () => {
    expect((await upload('district', THREE, {})).statusCode).toBe(401);
    expect((await upload('district', THREE, citizen)).statusCode).toBe(403);
    // 403, not 413: the refusal comes before the body is read.
    const huge = `{"type":"FeatureCollection","features":[${'0,'.repeat(10_500_000)}0]}`;
    const res = await t.app.inject({ method: 'PUT', url: '/api/regions/boundaries/district', headers: { ...citizen, 'content-type': 'application/json' }, payload: huge });
    expect(res.statusCode).toBe(403);
    expect(await stored('district')).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('stores village boundaries; a desa found names its kecamatan by its code', async () => {
    const res = await upload('village', collection(feature('33.28.10.2001', { type: 'Polygon', coordinates: [square(109.1, -7.0, 0.01)] }, 'KDEPUM')));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ level: 'village', count: 1, expected: 287, complete: false });
    expect(await locate(IN_SLAWI)).toEqual({ inRegency: true, district: { code: SLAWI, name: 'Slawi' }, village: { code: '33.28.10.2001', name: 'Kalisapu' } });
    expect(await locate(OUTSIDE)).toEqual(UNKNOWN);
  });

  it('stores three kecamatan (GeoJSON media type accepted) and finds points in them, holes and parts respected', async () => {
    const before = await auditCount();
    const res = await t.app.inject({
      method: 'PUT', url: '/api/regions/boundaries/district', headers: { ...admin, 'content-type': 'application/geo+json' }, payload: JSON.stringify(THREE),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ level: 'district', count: 3, expected: 18, complete: false });
    expect(await auditCount()).toBe(before + 1);

    expect(await locate(IN_SLAWI)).toEqual({ inRegency: true, district: { code: SLAWI, name: 'Slawi' }, village: { code: '33.28.10.2001', name: 'Kalisapu' } });
    expect(await locate(IN_ADIWERNA_EAST)).toEqual({ inRegency: true, district: { code: ADIWERNA, name: 'Adiwerna' }, village: null });
    expect(await locate({ lon: 109.175, lat: -6.925 })).toMatchObject({ district: { code: TALANG, name: 'Talang' } });
    // Only 3 of 18 kecamatan are known: outside them, and in Slawi's hole, nobody can say.
    expect(await locate(IN_HOLE)).toEqual(UNKNOWN);
    expect(await locate(OUTSIDE)).toEqual(UNKNOWN);
  });

  it('answers the stored set as public, cacheable GeoJSON with codes and reference names', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/boundaries/district' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.json<{ features: { properties: unknown; geometry: { type: string } }[] }>();
    expect(body.features.map((f) => [f.properties, f.geometry.type])).toEqual([
      [{ code: SLAWI, name: 'Slawi' }, 'Polygon'], [{ code: ADIWERNA, name: 'Adiwerna' }, 'MultiPolygon'], [{ code: TALANG, name: 'Talang' }, 'Polygon'],
    ]);
  });

  it('replaces the whole level: with all 18 kecamatan, a point outside them is outside the regency', async () => {
    const districts = await t.modules.region.api.listDistricts();
    // A 6×3 tiling of squares from 109.0 E, -7.0 S; Slawi's square keeps a hole nobody covers.
    const all = collection(...districts.map((d, i) => {
      const x = 109 + (i % 6) * 0.05;
      const y = -7 + Math.floor(i / 6) * 0.05;
      return feature(d.code, { type: 'Polygon', coordinates: d.code === SLAWI ? [square(x, y), square(x + 0.02, y + 0.02, 0.01)] : [square(x, y)] });
    }));
    const res = await upload('district', all);
    expect(res.json()).toEqual({ level: 'district', count: 18, expected: 18, complete: true });
    expect((await stored('district')).features).toHaveLength(18);
    expect(await locate(OUTSIDE)).toEqual({ inRegency: false, district: null, village: null });
    const slawi = districts.findIndex((d) => d.code === SLAWI);
    const sx = 109 + (slawi % 6) * 0.05;
    const sy = -7 + Math.floor(slawi / 6) * 0.05;
    expect(await locate({ lon: sx + 0.025, lat: sy + 0.025 })).toEqual({ inRegency: false, district: null, village: null });
    expect(await locate({ lon: sx + 0.005, lat: sy + 0.005 })).toMatchObject({ inRegency: true, district: { code: SLAWI } });
    expect(await t.modules.region.api.locate(109.001, -6.999)).toMatchObject({ inRegency: true, district: { code: districts[0]!.code } });
  });
});
