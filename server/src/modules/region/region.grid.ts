import { appendAudit } from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { ValidationError } from '../../platform/errors.js';
import type { Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { assertMayManage } from './region.policy.js';
import { presentGrid } from './region.present.js';
import { regionRepo } from './region.repo.js';
import type { GridView } from './region.schema.js';

/** One kecamatan's place in the tile grid: row 0 is the north edge, column 0 the west. */
export interface GridCell {
  code: string;
  row: number;
  col: number;
}

interface Place {
  code: string;
  name: string;
}

const byName = (a: Place, b: Place) => a.name.localeCompare(b.name, 'id') || a.code.localeCompare(b.code);

/**
 * The fallback layout: districts in alphabetical order, row by row, in a near-square grid. It says
 * nothing about where a kecamatan lies; it only gives a map without boundaries a tile per district.
 */
export function alphabeticalGrid(places: readonly Place[], firstRow = 0): GridCell[] {
  const cols = Math.max(1, Math.ceil(Math.sqrt(places.length)));
  return [...places].sort(byName).map((p, i) => ({ code: p.code, row: firstRow + Math.floor(i / cols), col: i % cols }));
}

/**
 * Checks a proposed layout against the regency's districts: each exactly once, no two in one cell,
 * rows and columns non-negative integers. Throws a ValidationError naming every faulty entry.
 */
export function checkLayout(cells: readonly GridCell[], places: readonly Place[], regencyName: string): void {
  const names = new Map(places.map((p) => [p.code, p.name]));
  const fields: Record<string, string> = {};
  const seenCode = new Map<string, number>();
  const seenCell = new Map<string, number>();
  cells.forEach((cell, i) => {
    const at = `body.cells.${i}`;
    if (!Number.isInteger(cell.row) || !Number.isInteger(cell.col) || cell.row < 0 || cell.col < 0) {
      fields[at] = 'baris dan kolom harus bilangan bulat tidak negatif';
    } else if (!names.has(cell.code)) {
      fields[`${at}.code`] = `${cell.code} bukan kecamatan di ${regencyName}`;
    } else if (seenCode.has(cell.code)) {
      fields[`${at}.code`] = `${names.get(cell.code)} sudah ditempatkan pada isian ${seenCode.get(cell.code)}`;
    } else if (seenCell.has(`${cell.row},${cell.col}`)) {
      const other = cells[seenCell.get(`${cell.row},${cell.col}`)!]!.code;
      fields[at] = `sel (${cell.row}, ${cell.col}) sudah dipakai ${names.get(other) ?? other}`;
    }
    if (!seenCode.has(cell.code)) seenCode.set(cell.code, i);
    if (!seenCell.has(`${cell.row},${cell.col}`)) seenCell.set(`${cell.row},${cell.col}`, i);
  });
  const missing = places.filter((p) => !seenCode.has(p.code)).sort(byName);
  if (missing.length > 0) fields['body.cells'] = `belum ditempatkan: ${missing.map((p) => p.name).join(', ')}`;
  if (Object.keys(fields).length > 0) {
    throw new ValidationError('Tata letak kecamatan tidak valid: setiap kecamatan tepat satu kali, satu sel satu kecamatan.', { fields });
  }
}

/** The stored layout, with districts it does not place (a new kecamatan) added alphabetically below it. */
function layout(places: readonly Place[], stored: readonly GridCell[]): GridView {
  const names = new Map(places.map((p) => [p.code, p.name]));
  if (stored.length === 0) return presentGrid('alphabetical', alphabeticalGrid(places).map((c) => ({ ...c, name: names.get(c.code)! })));
  const kept = stored.filter((c) => names.has(c.code));
  const placed = new Set(kept.map((c) => c.code));
  const below = kept.reduce((n, c) => Math.max(n, c.row + 1), 0);
  const added = alphabeticalGrid(places.filter((p) => !placed.has(p.code)), below);
  return presentGrid('stored', [...kept, ...added].map((c) => ({ code: c.code, row: c.row, col: c.col, name: names.get(c.code)! })));
}

/** The tile-grid layout of the regency's kecamatan, for maps drawn without boundaries. */
export function createGridService(platform: Platform, { revision }: { revision: Revision }) {
  const { db, config } = platform;
  const regencyCode = config.regionCode;

  const places = async (): Promise<Place[]> => (await regionRepo.listDistricts(db, regencyCode)).map((d) => ({ code: d.code, name: d.name }));
  const regencyName = async (): Promise<string> => (await regionRepo.findRegency(db, regencyCode))?.name ?? `wilayah ${regencyCode}`;
  const snapshot = revision.snapshot(async () => layout(await places(), await regionRepo.listGridCells(db, regencyCode)));

  return {
    /** The layout: the stored one, or an alphabetical grid until someone lays the regency out. */
    getGrid(): Promise<GridView> {
      return snapshot.get();
    },

    /** Replaces the layout (administrators holding `region:manage`); audited. */
    async replace(ctx: Ctx, cells: readonly GridCell[]): Promise<GridView> {
      assertMayManage(ctx.actor);
      checkLayout(cells, await places(), await regencyName());
      await revision.write(async (tx) => {
        await regionRepo.replaceGrid(tx, regencyCode, cells.map((c) => ({ districtCode: c.code, regencyCode, row: c.row, col: c.col })));
        await appendAudit(tx, {
          actor: ctx.actor, requestId: ctx.requestId, action: 'region.grid_replaced', entityType: 'region_grid', entityId: regencyCode,
          data: { cells: cells.map((c) => [c.code, c.row, c.col]) },
        });
      });
      return snapshot.get();
    },

    /**
     * Stores a hand-made layout shipped with the platform (seeds), only when none is stored yet, so
     * an administrator's own layout survives every re-seed. Answers whether it stored anything.
     */
    async seedGrid(cells: readonly GridCell[]): Promise<boolean> {
      // Runs at every start: when a layout is stored, answer without writing (or bumping the revision).
      if ((await regionRepo.listGridCells(db, regencyCode)).length > 0) return false;
      checkLayout(cells, await places(), await regencyName());
      let stored = false;
      await revision.write(async (tx) => {
        await regionRepo.lockGrid(tx, regencyCode);
        if ((await regionRepo.listGridCells(tx, regencyCode)).length > 0) return;
        await regionRepo.replaceGrid(tx, regencyCode, cells.map((c) => ({ districtCode: c.code, regencyCode, row: c.row, col: c.col })));
        stored = true;
      });
      return stored;
    },
  };
}
