import type { Modules } from '../src/modules.js';
import { STRUCTURE_VALID_FROM, TEGAL_AGENCIES } from './reference/tegal-agencies.js';
import { TEGAL_UNITS } from './reference/tegal-units.js';

/** Kemendagri code of Kabupaten Tegal, whose OPD list ships with the platform. */
const TEGAL = '33.28';

/**
 * Reference data every installation needs: the configured regency's districts and villages, and
 * its agencies (for Kabupaten Tegal the full OPD list; elsewhere the kecamatan only) with their standard
 * units and positions. Idempotent.
 */
export async function seedReference(modules: Modules, regionCode: string): Promise<{ districts: number; villages: number; agencies: number }> {
  const regions = await modules.region.api.importRegions();
  const agencies = await modules.personnel.api.importAgencies(regionCode === TEGAL ? TEGAL_AGENCIES : [], STRUCTURE_VALID_FROM);
  await seedOrganisation(modules, regionCode);
  return { ...regions, agencies };
}

/**
 * Gives every agency without units its standard structure. Cheap when nothing is missing, so `serve`
 * runs it at every start: a data directory made before units existed gets them after its migration.
 */
export async function seedOrganisation(modules: Modules, regionCode: string): Promise<void> {
  await modules.personnel.api.importOrganisation(regionCode === TEGAL ? TEGAL_UNITS : { bidang: {}, bagian: {} });
}
