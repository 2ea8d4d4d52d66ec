import { Type } from 'typebox';
import type { App } from '../../platform/index.js';
import { DistrictParams, DistrictView, RegencyView, VillageView } from './region.schema.js';
import type { RegionService } from './region.service.js';

const tags = ['region'];

/** Public routes for the regency's districts and villages. */
export function regionRoutes(app: App, { places }: RegionService): void {
  app.get('/api/regions', {
    schema: { tags, summary: 'Kabupaten/kota yang dilayani', response: { 200: RegencyView } },
    config: { access: 'public' },
  }, () => places.getRegency());

  app.get('/api/regions/districts', {
    schema: { tags, summary: 'Daftar kecamatan', response: { 200: Type.Array(DistrictView) } },
    config: { access: 'public' },
  }, () => places.listDistricts());

  app.get('/api/regions/districts/:code/villages', {
    schema: { tags, summary: 'Daftar desa/kelurahan di satu kecamatan', params: DistrictParams, response: { 200: Type.Array(VillageView) } },
    config: { access: 'public' },
  }, (req) => places.listVillages(req.params.code));
}
