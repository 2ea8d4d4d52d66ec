import { NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Platform } from '../../platform/index.js';
import { inTransaction } from '../../platform/db/index.js';
import { regionRepo } from './region.repo.js';
import type { DistrictView, RegencyView, VillageView } from './region.schema.js';
import { loadRegionSource } from './region.source.js';

/**
 * The places of the region: the configured regency, its kecamatan and desa/kelurahan. Public
 * reference data that answers the same to everyone: lookups with plain inputs, no `ctx`.
 */
export function createPlaceService(platform: Platform) {
  const { db, config } = platform;
  const regencyCode = config.regionCode;

  return {
    /** Loads (or refreshes) the configured regency from `idn-area-data`; idempotent. */
    async importRegions(): Promise<{ districts: number; villages: number }> {
      const source = loadRegionSource(regencyCode);
      if (!source) throw new ValidationError(`REGION_CODE ${regencyCode} bukan kode kabupaten/kota yang dikenal.`);
      await inTransaction(db, (tx) =>
        regionRepo.upsertAll(
          tx,
          source.regency,
          source.districts.map((d) => ({ ...d, regencyCode })),
          source.villages,
        ),
      );
      return { districts: source.districts.length, villages: source.villages.length };
    },

    /** The configured regency with its counts. */
    async getRegency(): Promise<RegencyView> {
      const regency = await regionRepo.findRegency(db, regencyCode);
      if (!regency) throw new NotFoundError('Wilayah');
      const counts = await regionRepo.countFor(db, regencyCode);
      return { ...regency, districtCount: counts.districts, villageCount: counts.villages, timeZone: config.timeZone };
    },

    /** The regency's districts, in code order. */
    listDistricts(): Promise<DistrictView[]> {
      return regionRepo.listDistricts(db, regencyCode);
    },

    /** The villages of one district of the configured regency; other regencies' districts answer 404. */
    async listVillages(districtCode: string): Promise<VillageView[]> {
      const district = await regionRepo.findDistrict(db, districtCode);
      if (!district || district.regencyCode !== regencyCode) throw new NotFoundError(`Kecamatan ${districtCode}`);
      return regionRepo.listVillages(db, districtCode);
    },

    /** Looks a district up by code within the configured regency; null when it is not there. */
    async findDistrict(code: string): Promise<{ code: string; name: string } | null> {
      const district = await regionRepo.findDistrict(db, code);
      return district && district.regencyCode === regencyCode ? { code: district.code, name: district.name } : null;
    },

    /** Looks a village up by code within the configured regency; null when it is not there. */
    async findVillage(code: string): Promise<{ code: string; name: string; districtCode: string; kind: 'desa' | 'kelurahan' } | null> {
      const village = await regionRepo.findVillage(db, code);
      return village && village.districtCode.startsWith(`${regencyCode}.`) ? village : null;
    },
  };
}

