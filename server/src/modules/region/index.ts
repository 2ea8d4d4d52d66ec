import type { App, Platform } from '../../platform/index.js';
import { regionRoutes } from './region.routes.js';
import { createRegionService, type RegionService } from './region.service.js';

export type { DistrictView, VillageView, RegencyView } from './region.schema.js';

/** What other modules, seeds and the CLI may call: look places up by code, list them, load them. */
export type RegionApi = Pick<RegionService['places'], 'findDistrict' | 'findVillage' | 'listDistricts' | 'listVillages' | 'importRegions'>;

/** The region module: the configured regency's districts and villages from `idn-area-data`. */
export function createRegionModule(platform: Platform) {
  const service = createRegionService(platform);
  return {
    name: 'region',
    api: service.places as RegionApi,
    routes: (app: App) => regionRoutes(app, service),
  };
}
