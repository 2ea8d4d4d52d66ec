import type { Modules } from '../src/modules.js';
import type { Progress } from '../src/platform/progress.js';
import { generatePersonnel } from './personnel-demo.generator.js';
import type { DemoAgencyInput, DemoVillage, PersonnelDemoInput, PinnedEmployee } from './personnel-demo.model.js';

// Demo staff of a regency: people, their posts and careers, generated from a seed so that two runs
// (and two databases) hold the same NIPs, names and structure. Proportions follow a real regency
// (teachers and health workers are most of the ASN, domain/simpeg.md §9); individual records are
// invented. Rules of thumb in the generator's files are marked as such; none is a regulation.
// This file reads the structure and loads the records; personnel-demo.generator.ts makes them.

export { generatePersonnel };
export type { DemoAgencyInput, DemoVillage, PersonnelDemoInput, PinnedEmployee };

/** Seed of the demo and full profiles: fixed, so every installation shows the same people. */
export const PERSONNEL_SEED = 3328;

/** Demo accounts that get an employee record of their own (seedDemo creates the accounts first). */
const DEMO_STAFF: (Omit<PinnedEmployee, 'userId'> & { username: string })[] = [
  {
    username: 'pegawai', agencyCode: 'diskominfo', unitName: 'Bidang Aplikasi Informatika', title: 'Pranata Komputer Ahli Muda',
    name: 'Budi Santoso', gender: 'male', education: { level: 'S1', major: 'Teknik Informatika' },
  },
  { username: 'opd.admin', agencyCode: 'diskominfo', unitName: 'Subbagian Umum dan Kepegawaian', title: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama' },
  { username: 'bkpsdm', agencyCode: 'bkpsdm', unitName: 'Bidang Pengadaan, Pemberhentian dan Informasi', title: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
];

/** The agencies with their unit trees and the villages of the regency, as the generator takes them. */
export async function readDemoStructure(modules: Modules): Promise<Pick<PersonnelDemoInput, 'agencies' | 'villages'>> {
  const { personnel, region } = modules;
  const agencies: DemoAgencyInput[] = [];
  for (const agency of await personnel.api.listAgencies({})) agencies.push({ agency, units: await personnel.api.unitTree(agency.id, {}) });
  const villages: DemoVillage[] = [];
  for (const district of await region.api.listDistricts()) {
    for (const v of await region.api.listVillages(district.code)) villages.push({ ...v, districtCode: district.code, districtName: district.name });
  }
  return { agencies, villages };
}

/**
 * Loads demo staff into an empty register (does nothing once any employee exists): generates
 * `count` employees with their history over the current structure and links the demo accounts to
 * their records. Returns the number of employees written.
 */
export async function seedPersonnel(
  modules: Modules,
  options: { count: number; seed?: number; progress: Progress; today?: string },
): Promise<number> {
  const { identity, personnel } = modules;
  if (await personnel.api.hasEmployees()) return 0;
  const { progress } = options;
  progress.start('Data pegawai', options.count);
  const pinned: PinnedEmployee[] = [];
  for (const { username, ...staff } of DEMO_STAFF) {
    const user = await identity.api.findUserByUsername(username);
    if (user) pinned.push({ ...staff, userId: user.id });
  }
  const records = generatePersonnel({
    ...(await readDemoStructure(modules)), count: options.count, seed: options.seed ?? PERSONNEL_SEED,
    today: options.today ?? new Date().toISOString().slice(0, 10), pinned,
  });
  // Reading and generating take about a third of the time, the COPY load the rest.
  progress.update(Math.round(options.count * 0.3));
  await personnel.api.importPersonnelBulk(records);
  progress.update(options.count);
  progress.stop();
  return records.employees.length;
}
