import type { App, Platform } from '../../platform/index.js';
import { regionRoutes } from './region.routes.js';
import { createRegionService, type RegionService } from './region.service.js';

export type { DistrictView, VillageView, RegencyView } from './region.schema.js';

/** What other modules may call: look regions up by code. */
export type RegionApi = Pick<RegionService, 'findDistrict' | 'findVillage' | 'listDistricts' | 'listVillages' | 'importRegions'>;

/** The region module: the configured regency's districts and villages from `idn-area-data`. */
export function createRegionModule(platform: Platform) {
  const service = createRegionService(platform);
  return {
    name: 'region',
    api: service as RegionApi,
    routes: (app: App) => regionRoutes(app, service),
  };
}
