import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { App } from '../../platform/index.js';
import { assertMayManage } from './region.policy.js';
import {
  BoundariesRejected, BoundaryCollection, BoundaryLevelParams, BoundarySummary, BoundaryUpload, DistrictParams, DistrictView,
  GridUpdate, GridView, LocateQuery, LocationView, RegencyView, VillageView,
} from './region.schema.js';
import type { RegionService } from './region.service.js';

const tags = ['region'];

/** Largest boundary upload; the body parser counts the bytes as they arrive and answers 413 past it. */
export const MAX_BOUNDARY_BYTES = 20 * 1024 * 1024;

/** Public reference data changes rarely: browsers and proxies may keep it this long. */
const PUBLIC_CACHE = { maxAgeSeconds: 300 };

/**
 * Checks the right to upload before the body is read (route hooks run after the platform's
 * `onRequest`, which resolved the caller), so nobody else gets to send 20 MB.
 */
async function mayManageBeforeBody(req: FastifyRequest): Promise<void> {
  assertMayManage(req.actor);
}

/** Public routes for the regency's districts and villages; boundaries and the grid for administrators. */
export function regionRoutes(app: App, { places, boundaries, grid }: RegionService): void {
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

  app.get('/api/regions/locate', {
    schema: {
      tags, summary: 'Kecamatan dan desa/kelurahan tempat sebuah titik berada',
      description: 'Tanpa batas wilayah yang diunggah, jawabannya inRegency "unknown" dan kecamatan/desa null: tidak pernah menebak.',
      querystring: LocateQuery, response: { 200: LocationView },
    },
    config: { access: 'public' },
  }, (req) => boundaries.locate(req.query.lon, req.query.lat));

  app.get('/api/regions/boundaries/:level', {
    schema: { tags, summary: 'Batas wilayah tersimpan (GeoJSON FeatureCollection)', params: BoundaryLevelParams, produces: ['application/geo+json'], response: { 200: BoundaryCollection } },
    config: { access: 'public', cache: PUBLIC_CACHE },
  }, async (req, reply) => {
    // Serialised once per revision (a regency's villages make megabytes): sent as it is, the schema
    // above documents its shape. A string with a JSON media type skips Fastify's serialiser.
    const json = await boundaries.featureCollection(req.params.level);
    return reply.type('application/geo+json; charset=utf-8').send(json as unknown as Static<typeof BoundaryCollection>);
  });

  app.get('/api/regions/grid', {
    schema: { tags, summary: 'Tata letak petak kecamatan (baris, kolom) untuk peta tanpa batas wilayah', response: { 200: GridView } },
    config: { access: 'public', cache: PUBLIC_CACHE },
  }, () => grid.getGrid());

  app.put('/api/regions/grid', {
    schema: { tags, summary: 'Ganti tata letak petak kecamatan', body: GridUpdate, response: { 200: GridView } },
    config: { access: { permission: 'region:manage' } },
  }, (req) => grid.replace(req.ctx, req.body.cells));

  // GeoJSON's own media type is parsed like JSON, inside this scope only, under the same byte limit.
  void app.register(async (parent) => {
    const scope = parent.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser('application/geo+json', { parseAs: 'string', bodyLimit: MAX_BOUNDARY_BYTES }, scope.getDefaultJsonParser('error', 'error'));
    scope.put('/api/regions/boundaries/:level', {
      onRequest: mayManageBeforeBody,
      bodyLimit: MAX_BOUNDARY_BYTES,
      schema: {
        tags,
        summary: 'Unggah batas kecamatan (district) atau desa/kelurahan (village) sebagai GeoJSON; mengganti seluruh batas tingkat itu',
        description: `Tiap fitur: kode Kemendagri pada properti kode, code, kode_wilayah, kode_kemendagri atau KDCPUM (kecamatan, mis. 33.28.01) / KDEPUM (desa, mis. 33.28.01.2001), geometri Polygon atau MultiPolygon. Bila satu fitur saja bermasalah, tidak ada yang disimpan (422 dengan daftar per fitur). Maksimal ${MAX_BOUNDARY_BYTES / 1024 / 1024} MB.`,
        consumes: ['application/json', 'application/geo+json'],
        params: BoundaryLevelParams,
        body: BoundaryUpload,
        response: { 200: BoundarySummary, 422: BoundariesRejected },
      },
      config: { access: { permission: 'region:manage' } },
    }, (req) => boundaries.replace(req.ctx, req.params.level, req.body));
  });
}
