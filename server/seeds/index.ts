import type { Modules } from '../src/modules.js';
import type { Calendar } from '../src/platform/calendar/index.js';
import { INDONESIAN_HOLIDAYS } from './reference/holidays.js';
import { STRUCTURE_VALID_FROM, TEGAL_AGENCIES } from './reference/tegal-agencies.js';
import { TEGAL_GRID } from './reference/tegal-grid.js';
import { TEGAL_UNITS } from './reference/tegal-units.js';

/** Kemendagri code of Kabupaten Tegal, whose OPD list ships with the platform. */
const TEGAL = '33.28';

/**
 * Reference data every installation needs: the configured regency's districts and villages, and
 * its agencies (for Kabupaten Tegal the full OPD list; elsewhere the kecamatan only) with their standard
 * units and positions; given the calendar, the national holidays and cuti bersama (only dates not in
 * the table yet, so an administrator's edits stay; not run at every start, so a deleted date stays
 * deleted). Idempotent.
 */
export async function seedReference(
  modules: Modules, regionCode: string, calendar?: Pick<Calendar, 'importHolidays'>,
): Promise<{ districts: number; villages: number; agencies: number; holidays: number }> {
  const regions = await modules.region.api.importRegions();
  const agencies = await modules.personnel.api.importAgencies(regionCode === TEGAL ? TEGAL_AGENCIES : [], STRUCTURE_VALID_FROM);
  await seedOrganisation(modules, regionCode);
  const holidays = calendar ? await calendar.importHolidays(INDONESIAN_HOLIDAYS) : 0;
  return { ...regions, agencies, holidays };
}

/**
 * Gives every agency without units its standard structure, and Kabupaten Tegal its hand-made district
 * grid when none is stored (other regencies get the alphabetical one until laid out). Cheap when
 * nothing is missing, so `serve` runs it at every start: a data directory made before units or the
 * grid existed gets them after its migration.
 */
export async function seedOrganisation(modules: Modules, regionCode: string): Promise<void> {
  await modules.personnel.api.importOrganisation(regionCode === TEGAL ? TEGAL_UNITS : { bidang: {}, bagian: {} });
  if (regionCode === TEGAL) await modules.region.api.seedGrid(TEGAL_GRID);
}
