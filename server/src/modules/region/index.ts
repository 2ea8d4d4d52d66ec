import type { App, Platform } from '../../platform/index.js';
import { regionRoutes } from './region.routes.js';
import { createRegionService, type RegionService } from './region.service.js';

export type { DistrictView, VillageView, RegencyView, LocationView, GridView } from './region.schema.js';
export type { GridCell } from './region.grid.js';
export { REGION_ROLES } from './region.roles.js';

/**
 * What other modules, seeds and the CLI may call: look places up by code, list them, load them;
 * locate a point (complaints); read the district grid, and seed a hand-made one.
 */
export type RegionApi = Pick<RegionService['places'], 'findDistrict' | 'findVillage' | 'listDistricts' | 'listVillages' | 'importRegions'>
  & Pick<RegionService['boundaries'], 'locate'>
  & Pick<RegionService['grid'], 'getGrid' | 'seedGrid'>;

/** The region module: the configured regency's districts and villages from `idn-area-data`, their boundaries and grid. */
export function createRegionModule(platform: Platform) {
  const service = createRegionService(platform);
  const { places, boundaries, grid } = service;
  const api: RegionApi = {
    findDistrict: places.findDistrict, findVillage: places.findVillage, listDistricts: places.listDistricts,
    listVillages: places.listVillages, importRegions: places.importRegions,
    locate: boundaries.locate, getGrid: grid.getGrid, seedGrid: grid.seedGrid,
  };
  return {
    name: 'region',
    api,
    routes: (app: App) => regionRoutes(app, service),
  };
}
