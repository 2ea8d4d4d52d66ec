import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { TEGAL_GRID } from '../../../seeds/reference/tegal-grid.js';
import { queryRows } from '../../platform/db/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, signIn, type SessionHeaders } from '../../../test/factories.js';
import { alphabeticalGrid } from './region.grid.js';

interface Grid {
  source: string;
  rows: number;
  cols: number;
  cells: { code: string; name: string; row: number; col: number }[];
}

let t: TestApp;
let admin: SessionHeaders;
let employee: SessionHeaders;

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  await makeUser(t, { username: 'admin', roles: ['system_admin'] });
  await makeUser(t, { username: 'pegawai', roles: ['employee'], agency: 'diskominfo' });
  admin = await signIn(t, 'admin');
  employee = await signIn(t, 'pegawai');
});
afterAll(() => t.close());

const getGrid = async () => (await t.app.inject({ method: 'GET', url: '/api/regions/grid' })).json<Grid>();
const putGrid = (cells: unknown, headers: Record<string, string> = admin) => t.app.inject({ method: 'PUT', url: '/api/regions/grid', headers, payload: { cells } });
const at = (grid: Grid, name: string) => grid.cells.find((c) => c.name === name);

describe('the district grid of Kabupaten Tegal', () => {
  it('is the hand-made layout from the seed: coast on top, Bumijawa at the bottom, Slawi in the middle', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/grid' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const grid = res.json<Grid>();
    expect(grid).toMatchObject({ source: 'stored', rows: 5, cols: 6 });
    expect(grid.cells).toHaveLength(18);
    expect(grid.cells.filter((c) => c.row === 0).map((c) => c.name)).toEqual(['Dukuhturi', 'Talang', 'Kramat', 'Suradadi', 'Warureja']);
    expect(at(grid, 'Slawi')).toMatchObject({ code: '33.28.10', row: 2, col: 2 });
    expect(at(grid, 'Bumijawa')).toMatchObject({ row: 4 });
    expect(at(grid, 'Margasari')).toMatchObject({ col: 0 });
    expect(await t.modules.region.api.getGrid()).toEqual(grid);
  });

  it('refuses a layout that misses, repeats or stacks kecamatan, and changes nothing', async () => {
    const before = await getGrid();
    const cells = TEGAL_GRID.map((c) => ({ ...c }));
    cells[1] = { ...cells[1]!, code: cells[0]!.code };
    cells[2] = { ...cells[2]!, row: cells[3]!.row, col: cells[3]!.col };
    cells[4] = { ...cells[4]!, code: '33.76.01' };
    const res = await putGrid(cells);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toEqual({
      'body.cells.1.code': 'Dukuhturi sudah ditempatkan pada isian 0',
      'body.cells.3': 'sel (0, 4) sudah dipakai Kramat',
      'body.cells.4.code': '33.76.01 bukan kecamatan di Kabupaten Tegal',
      'body.cells': 'belum ditempatkan: Talang, Warureja',
    });
    expect((await putGrid([{ code: '33.28.10', row: -1, col: 0 }])).statusCode).toBe(400);
    expect((await putGrid([{ code: '33.28.10', row: 1.5, col: 0 }])).statusCode).toBe(400);
    expect(await getGrid()).toEqual(before);
  });

  it('is replaced by an administrator, audited, and a re-seed keeps it', async () => {
    expect((await putGrid(TEGAL_GRID, employee)).statusCode).toBe(403);
    expect((await putGrid(TEGAL_GRID, {})).statusCode).toBe(401);
    const swapped = TEGAL_GRID.map((c) => (c.code === '33.28.02' ? { ...c, row: 4, col: 1 } : c));
    const res = await putGrid(swapped);
    expect(res.statusCode, res.body).toBe(200);
    expect(at(res.json<Grid>(), 'Bumijawa')).toMatchObject({ row: 4, col: 1 });
    const [audit] = await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'region.grid_replaced'`);
    expect(audit!.n).toBe(1);
    await seedReference(t.modules, '33.28');
    expect(at(await getGrid(), 'Bumijawa')).toMatchObject({ row: 4, col: 1 });
  });
});

describe('another regency', () => {
  it('gets an alphabetical near-square grid until someone lays it out', async () => {
    const other = await buildTestApp({ REGION_CODE: '33.29' });
    try {
      await other.modules.region.api.importRegions();
      const grid = (await other.app.inject({ method: 'GET', url: '/api/regions/grid' })).json<Grid>();
      const districts = await other.modules.region.api.listDistricts();
      expect(grid.source).toBe('alphabetical');
      expect(grid.cells).toHaveLength(districts.length);
      const cols = Math.ceil(Math.sqrt(districts.length));
      expect(grid).toMatchObject({ cols, rows: Math.ceil(districts.length / cols) });
      const names = districts.map((d) => d.name).sort((a, b) => a.localeCompare(b, 'id'));
      expect(grid.cells.map((c) => c.name)).toEqual(names);
      expect(grid.cells[cols]).toMatchObject({ row: 1, col: 0 });
    } finally {
      await other.close();
    }
  });

  it('places names row by row in a near-square', () => {
    const places = ['E', 'B', 'A', 'D', 'C'].map((name, i) => ({ code: `00.00.0${i}`, name }));
    expect(alphabeticalGrid(places).map((c) => [places.find((p) => p.code === c.code)!.name, c.row, c.col])).toEqual([
      ['A', 0, 0], ['B', 0, 1], ['C', 0, 2], ['D', 1, 0], ['E', 1, 1],
    ]);
  });
});
