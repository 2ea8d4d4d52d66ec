import { appendAudit } from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, FieldError } from '../../platform/errors.js';
import type { Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { BOUNDARY_LEVELS, checkFeatures, LEVEL_WORD, MAX_PROBLEMS_LISTED, type BoundaryLevel } from './region.features.js';
import { compileShape, shapeContains, type CheckedGeometry, type Shape } from './region.geometry.js';
import { assertMayManage } from './region.policy.js';
import { presentBoundaryFeature, presentBoundarySummary } from './region.present.js';
import { regionRepo } from './region.repo.js';
import type { BoundarySummary, BoundaryUpload, LocationView } from './region.schema.js';

/** One level's boundaries as held in memory: compiled shapes for lookups, the GeoJSON answer ready to send. */
interface HeldLevel {
  places: { code: string; name: string; shape: Shape }[];
  /** Every code of the level has a polygon: a point outside all of them is outside the regency. */
  complete: boolean;
  json: string;
}

/**
 * Boundaries of the regency's kecamatan and desa/kelurahan, uploaded by an administrator as GeoJSON
 * (`idn-area-data` has no coordinates), and the point lookup built on them. Without boundaries the
 * lookup answers "unknown": nothing here guesses where a place is.
 */
export function createBoundaryService(platform: Platform, { revision }: { revision: Revision }) {
  const { db, config } = platform;
  const regencyCode = config.regionCode;

  /** The regency's codes of a level with their names. */
  async function knownPlaces(level: BoundaryLevel): Promise<Map<string, string>> {
    const rows = level === 'district' ? await regionRepo.listDistricts(db, regencyCode) : await regionRepo.listVillagesOfRegency(db, regencyCode);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async function loadLevels(): Promise<{ levels: Record<BoundaryLevel, HeldLevel>; districtNames: Map<string, string> }> {
    const rows = await regionRepo.listBoundaries(db);
    const held = {} as Record<BoundaryLevel, HeldLevel>;
    const districtNames = await knownPlaces('district');
    for (const level of BOUNDARY_LEVELS) {
      const names = level === 'district' ? districtNames : await knownPlaces(level);
      // Rows of another regency (REGION_CODE changed since the upload) are not this regency's places.
      const mine = rows.filter((r) => r.level === level && names.has(r.code));
      const features = mine.map((r) => presentBoundaryFeature(r.code, names.get(r.code)!, r.geometry as CheckedGeometry['geometry']));
      held[level] = {
        places: mine.map((r) => ({
          code: r.code, name: names.get(r.code)!, shape: compileShape(r.geometry as CheckedGeometry['geometry'], [r.minLon, r.minLat, r.maxLon, r.maxLat]),
        })),
        complete: names.size > 0 && mine.length === names.size,
        json: JSON.stringify({ type: 'FeatureCollection', features }),
      };
    }
    return { levels: held, districtNames };
  }

  const snapshot = revision.snapshot(loadLevels);

  return {
    /**
     * Replaces one level's boundaries with an uploaded FeatureCollection. Every feature is checked
     * first (known code of the regency at that level, once only, valid Polygon/MultiPolygon); any
     * fault answers 422 with the faults per feature and stores nothing.
     */
    async replace(ctx: Ctx, level: BoundaryLevel, upload: BoundaryUpload): Promise<BoundarySummary> {
      assertMayManage(ctx.actor);
      const regency = await regionRepo.findRegency(db, regencyCode);
      const known = await knownPlaces(level);
      const { accepted, problems } = await checkFeatures(upload.features, level, known, regency?.name ?? `wilayah ${regencyCode}`);
      if (problems.length > 0) {
        throw new AppError(
          422, 'boundaries_rejected',
          `${problems.length} dari ${upload.features.length} fitur batas ${LEVEL_WORD[level]} bermasalah; tidak ada yang disimpan. Perbaiki fitur yang disebut lalu unggah ulang.`,
          { problemCount: problems.length, problems: problems.slice(0, MAX_PROBLEMS_LISTED) },
        );
      }
      const rows = accepted.map(({ code, checked }) => {
        const [minLon, minLat, maxLon, maxLat] = checked.bbox;
        return { level, code, geometry: checked.geometry, minLon, minLat, maxLon, maxLat };
      });
      await revision.write(async (tx) => {
        const previous = await regionRepo.countBoundaries(tx, level);
        await regionRepo.replaceBoundaries(tx, level, rows);
        await appendAudit(tx, {
          actor: ctx.actor, requestId: ctx.requestId, action: 'region.boundaries_replaced', entityType: 'region_boundaries', entityId: level,
          data: { level, count: rows.length, previous },
        });
      });
      return presentBoundarySummary(level, rows.length, known.size);
    },

    /** The stored boundaries of a level as a GeoJSON FeatureCollection, serialised once per revision. */
    async featureCollection(level: BoundaryLevel): Promise<string> {
      return (await snapshot.get()).levels[level].json;
    },

    /**
     * Which kecamatan and desa/kelurahan a point (WGS84) lies in, and whether it lies in the regency.
     * The kecamatan comes from the kecamatan polygons, or else from the code of the desa found. Outside
     * every polygon the answer is `false` only when a level's boundaries are complete, else `unknown`.
     */
    async locate(lon: number, lat: number): Promise<LocationView> {
      if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw new FieldError('lon', 'Bujur harus angka -180..180.', 'validation_failed');
      if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new FieldError('lat', 'Lintang harus angka -90..90.', 'validation_failed');
      const { levels: held, districtNames } = await snapshot.get();
      const district = held.district.places.find((p) => shapeContains(p.shape, lon, lat)) ?? null;
      const village = held.village.places.find((p) => shapeContains(p.shape, lon, lat)) ?? null;
      const districtCode = district?.code ?? village?.code.slice(0, 8) ?? null;
      const districtName = districtCode ? districtNames.get(districtCode) : undefined;
      const inside = district !== null || village !== null;
      return {
        inRegency: inside ? true : held.district.complete || held.village.complete ? false : 'unknown',
        district: districtCode && districtName ? { code: districtCode, name: districtName } : null,
        village: village ? { code: village.code, name: village.name } : null,
      };
    },
  };
}
