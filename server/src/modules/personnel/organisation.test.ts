import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { pgConstraint, queryRows } from '../../platform/db/index.js';
import type { AgencyView, PositionView, UnitNode } from './index.js';

let t: TestApp;
let agencies: AgencyView[];
beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  agencies = (await t.app.inject({ method: 'GET', url: '/api/agencies' })).json<AgencyView[]>();
});
afterAll(() => t.close());

async function tree(code: string): Promise<UnitNode[]> {
  const agency = agencies.find((a) => a.code === code)!;
  const res = await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/units` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UnitNode[]>();
}

async function position(id: string): Promise<PositionView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/positions/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PositionView>();
}

async function countRows(): Promise<{ units: number; positions: number }> {
  const [row] = await queryRows<{ units: number; positions: number }>(t.platform.db,
    sql`SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM positions) AS positions`);
  return row!;
}

describe('the organisation of an agency', () => {
  it('shows Diskominfo with its Kepala at the top, the Sekretariat and its subbagian, and its bidang', async () => {
    const [top, ...others] = await tree('diskominfo');
    expect(others).toEqual([]);
    expect(top).toMatchObject({ name: 'Dinas Komunikasi dan Informatika', kind: 'opd' });
    expect(top!.head).toMatchObject({ title: 'Kepala Dinas Komunikasi dan Informatika', eselon: 'II.b' });
    expect(top!.children.map((u) => u.name)).toEqual([
      'Sekretariat', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Aplikasi Informatika', 'Bidang Persandian dan Statistik',
    ]);
    const sekretariat = top!.children[0]!;
    expect(sekretariat.head).toMatchObject({ title: 'Sekretaris Dinas Komunikasi dan Informatika', eselon: 'III.a' });
    expect(sekretariat.children.map((u) => [u.name, u.kind, u.head?.eselon])).toEqual([
      ['Subbagian Umum dan Kepegawaian', 'subbagian', 'IV.a'],
      ['Subbagian Keuangan dan Perencanaan', 'subbagian', 'IV.a'],
    ]);
    expect(top!.children[2]!.head).toMatchObject({ title: 'Kepala Bidang Aplikasi Informatika', eselon: 'III.b' });
  });

  it('walks a subbagian head\'s superiors up to the Kepala', async () => {
    const [top] = await tree('diskominfo');
    const umpeg = top!.children[0]!.children[0]!;
    const view = await position(umpeg.head!.id);
    expect(view).toMatchObject({
      title: 'Kepala Subbagian Umum dan Kepegawaian', kind: 'pengawas', eselon: 'IV.a', isHead: true,
      unit: { id: umpeg.id, name: 'Subbagian Umum dan Kepegawaian', kind: 'subbagian' },
      agency: { code: 'diskominfo', shortName: 'Diskominfo' },
    });
    expect(view.superiors.map((s) => s.title)).toEqual(['Sekretaris Dinas Komunikasi dan Informatika', 'Kepala Dinas Komunikasi dan Informatika']);
    expect(view.superiors.at(-1)!.id).toBe(top!.head!.id);
    expect((await position(top!.head!.id)).superiors).toEqual([]);
  });

  it('gives Kecamatan Slawi its Camat, Sekretaris, three seksi and its five kelurahan with a Lurah each', async () => {
    const [top] = await tree('kec-slawi');
    expect(top!.head).toMatchObject({ title: 'Camat Slawi', eselon: 'III.a' });
    const byKind = (kind: string) => top!.children.filter((u) => u.kind === kind);
    expect(byKind('sekretariat').map((u) => u.head?.title)).toEqual(['Sekretaris Kecamatan Slawi']);
    expect(byKind('seksi').map((u) => u.name)).toEqual([
      'Seksi Pemerintahan', 'Seksi Ketenteraman dan Ketertiban Umum', 'Seksi Pemberdayaan Masyarakat',
    ]);
    const kelurahan = byKind('kelurahan');
    expect(kelurahan).toHaveLength(5);
    for (const k of kelurahan) {
      expect(k.head?.title).toBe(k.name.replace(/^Kelurahan /, 'Lurah '));
      expect(k.head?.eselon).toBe('IV.a');
    }
    const lurah = await position(kelurahan[0]!.head!.id);
    expect(lurah.superiors.map((s) => s.title)).toEqual(['Camat Slawi']);
  });

  it('gives the Setda its Sekretaris Daerah (II.a) and Bagian', async () => {
    const [top] = await tree('setda');
    expect(top!.head).toMatchObject({ title: 'Sekretaris Daerah', eselon: 'II.a' });
    expect(top!.children.length).toBeGreaterThan(3);
    expect(top!.children.every((u) => u.kind === 'bagian' && u.head?.eselon === 'III.a')).toBe(true);
  });

  it('refuses a second head post for a unit', async () => {
    const [top] = await tree('diskominfo');
    const unitId = top!.children[0]!.id;
    const error = await t.platform.db.execute(sql`
      INSERT INTO positions (unit_id, title, kind, eselon, is_head, sort_order, valid_from)
      VALUES (${unitId}, 'Sekretaris Kedua', 'administrator', 'III.a', true, 9, '2024-01-01')`).then(() => null, (e: unknown) => e);
    expect(pgConstraint(error)).toBe('positions_current_head_idx');
  });

  it('stops walking superiors at a cycle in the data', async () => {
    const [top] = await tree('diskominfo');
    const unitId = top!.children[1]!.id;
    const [a, b] = [randomUUID(), randomUUID()];
    await t.platform.db.execute(sql`
      INSERT INTO positions (id, unit_id, title, kind, is_head, superior_id, sort_order, valid_from) VALUES
        (${a}, ${unitId}, 'Pranata Humas Ahli Muda', 'fungsional', false, NULL, 2, '2024-01-01'),
        (${b}, ${unitId}, 'Pengelola Informasi Publik', 'pelaksana', false, ${a}, 3, '2024-01-01')`);
    await t.platform.db.execute(sql`UPDATE positions SET superior_id = ${b} WHERE id = ${a}`);
    expect((await position(b)).superiors.map((s) => s.title)).toEqual(['Pranata Humas Ahli Muda']);
    expect((await position(a)).superiors.map((s) => s.title)).toEqual(['Pengelola Informasi Publik']);
  });

  it('answers 404 for an unknown agency or position and 400 for a malformed id', async () => {
    for (const url of [`/api/agencies/${randomUUID()}/units`, `/api/positions/${randomUUID()}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code, url).toBe('not_found');
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/positions/${randomUUID()}` })).json().message).toBe('Jabatan tidak ditemukan.');
    for (const url of ['/api/agencies/diskominfo/units', '/api/positions/kepala', '/api/agencies/diskominfo/units?depth=2']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('validation_failed');
    }
  });

  it('re-seeding changes nothing: same units, same ids', async () => {
    const before = { counts: await countRows(), diskominfo: await tree('diskominfo'), slawi: await tree('kec-slawi') };
    await seedReference(t.modules, '33.28');
    expect(await countRows()).toEqual(before.counts);
    expect(await tree('diskominfo')).toEqual(before.diskominfo);
    expect(await tree('kec-slawi')).toEqual(before.slawi);
    expect(before.counts.units).toBeGreaterThan(48 * 4);
  });
});
