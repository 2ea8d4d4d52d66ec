import type { BulkUser, KnownDemoAccounts } from '../src/modules/identity/index.js';
import type { Modules } from '../src/modules.js';
import type { Progress } from '../src/platform/progress.js';
import { seedPersonnel } from './personnel-demo.js';

/** A demo account printed at start and listed in the README. */
export interface DemoAccount {
  role: string;
  username: string;
  password: string;
}

/** The one password of every demo account (fixed, so the README can list it). */
export const DEMO_PASSWORD = 'Slawi#2026';

interface DemoDefinition {
  username: string;
  displayName: string;
  kind: 'staff' | 'citizen';
  roles: string[];
  /** Agency code (`diskominfo`); outside Kabupaten Tegal a missing agency leaves the account without one. */
  agency: string | null;
}

/** One account per role; the first role is the one printed. */
const DEMO_USERS: DemoDefinition[] = [
  { username: 'admin', displayName: 'Administrator Sistem', kind: 'staff', roles: ['system_admin'], agency: null },
  { username: 'bkpsdm', displayName: 'Admin Kepegawaian BKPSDM', kind: 'staff', roles: ['personnel_admin'], agency: 'bkpsdm' },
  { username: 'opd.admin', displayName: 'Admin OPD Diskominfo', kind: 'staff', roles: ['agency_admin'], agency: 'diskominfo' },
  { username: 'pegawai', displayName: 'Budi Santoso', kind: 'staff', roles: ['employee'], agency: 'diskominfo' },
  { username: 'bupati', displayName: 'Bupati Tegal (demo)', kind: 'staff', roles: ['executive'], agency: 'setda' },
  { username: 'walidata', displayName: 'Walidata Diskominfo', kind: 'staff', roles: ['data_steward'], agency: 'diskominfo' },
  { username: 'produsen', displayName: 'Produsen Data Dinkes', kind: 'staff', roles: ['data_producer'], agency: 'dinkes' },
  { username: 'umkm', displayName: 'Sri Rahayu (Tahu Aci Slawi)', kind: 'citizen', roles: ['business_owner', 'citizen'], agency: null },
  { username: 'warga', displayName: 'Warga Slawi', kind: 'citizen', roles: ['citizen'], agency: null },
];

/**
 * What the demo seeds create, for production's start-up check to find demo accounts seeded before
 * they were flagged `demo`: the fixed accounts and the bulk ones of the full profile (loadInBatches).
 */
export const KNOWN_DEMO_ACCOUNTS: KnownDemoAccounts = {
  password: DEMO_PASSWORD,
  usernames: DEMO_USERS.map((d) => d.username),
  bulkPattern: '^(pegawai|warga)\\.[0-9]{5}$',
};

/** Creates the demo accounts that do not exist yet; returns every demo account. */
async function seedAccounts(modules: Modules): Promise<DemoAccount[]> {
  const { identity, personnel } = modules;
  let passwordHash: Promise<string> | null = null; // argon2 costs ~50 ms: hash once, only if needed
  // Nine accounts take well under a second: no progress bar (the profile's larger parts report theirs).
  for (const def of DEMO_USERS) {
    if (!(await identity.api.findUserByUsername(def.username))) {
      const agency = def.agency ? await personnel.api.findAgencyByCode(def.agency) : null;
      passwordHash ??= identity.api.hashPassword(DEMO_PASSWORD);
      await identity.api.ensureDemoUser({
        username: def.username, displayName: def.displayName, kind: def.kind, roles: def.roles,
        agencyId: agency?.id ?? null, passwordHash: await passwordHash,
      });
    }
  }
  return DEMO_USERS.map((d) => ({ role: d.roles[0]!, username: d.username, password: DEMO_PASSWORD }));
}

/** Employees of the demo profile: a regency at a third of its size, quick enough for `npm start`. */
const DEMO_EMPLOYEES = 3_000;
/** Employees of the full profile: about the regency's real headcount. */
const FULL_EMPLOYEES = 10_000;

/**
 * Seeds the `demo` profile on top of the reference data: one account per role, all with
 * DEMO_PASSWORD, and about 3,000 employees (the `pegawai`, `opd.admin` and `bkpsdm` accounts get
 * their own records). Idempotent (existing usernames are left alone, employees are loaded only
 * into an empty register); returns every demo account. The identity module refuses demo accounts
 * in production.
 */
export async function seedDemo(modules: Modules, progress: Progress): Promise<DemoAccount[]> {
  const accounts = await seedAccounts(modules);
  await seedPersonnel(modules, { count: DEMO_EMPLOYEES, progress });
  return accounts;
}

const STAFF_COUNT = 10_000;
const CITIZEN_COUNT = 50_000;
const BATCH = 5_000;

// Common Javanese given names and second names, combined deterministically for demo people.
const GIVEN = ['Agus', 'Budi', 'Siti', 'Dewi', 'Slamet', 'Sri', 'Wahyu', 'Rina', 'Eko', 'Nur', 'Joko', 'Tri', 'Dwi', 'Ani',
  'Bambang', 'Yuni', 'Hadi', 'Lestari', 'Imam', 'Fitri', 'Arif', 'Wulan', 'Teguh', 'Endang', 'Rudi', 'Kartika', 'Heru', 'Indah'];
const SECOND = ['Santoso', 'Wibowo', 'Rahayu', 'Prasetyo', 'Susanti', 'Hidayat', 'Purnomo', 'Setiawan', 'Handayani', 'Saputra',
  'Kurniawan', 'Wijaya', 'Utami', 'Nugroho', 'Maryati', 'Sulistyo', 'Pratiwi', 'Haryanto', 'Astuti', 'Firmansyah'];

function personName(i: number): string {
  return `${GIVEN[i % GIVEN.length]} ${SECOND[Math.floor(i / GIVEN.length) % SECOND.length]}`;
}

/**
 * Spreads staff over the agencies. Teachers make up about half of a regency's civil servants
 * (domain/simpeg.md §9), so Dikbud gets half; the health bodies a larger share; the rest evenly
 * (an assumption for demo data, not a published figure).
 */
function staffAgencies(agencies: { id: string; code: string }[]): string[] {
  const weight = (code: string) => (code === 'dikbud' ? 60 : code === 'dinkes' ? 8 : code.startsWith('rsud') ? 5 : 1);
  return agencies.flatMap((a) => Array.from({ length: weight(a.code) }, () => a.id));
}

/** Loads accounts in batches with COPY, reporting progress; batches already there are skipped. */
async function loadInBatches(modules: Modules, progress: Progress, label: string, count: number, make: (i: number) => BulkUser): Promise<void> {
  progress.start(label, count);
  for (let start = 0; start < count; start += BATCH) {
    const rows: BulkUser[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) rows.push(make(i));
    await modules.identity.api.importDemoUsers(rows);
    progress.update(Math.min(count, start + BATCH));
  }
  progress.stop();
}

/**
 * Seeds the `full` profile (regency scale, for the benchmarks): the demo accounts, about 10,000
 * employees with their history, about 10,000 staff accounts spread over the agencies and 50,000
 * citizens, loaded with COPY. Idempotent.
 */
export async function seedFull(modules: Modules, progress: Progress): Promise<DemoAccount[]> {
  const accounts = await seedAccounts(modules);
  await seedPersonnel(modules, { count: FULL_EMPLOYEES, progress });
  const passwordHash = await modules.identity.api.hashPassword(DEMO_PASSWORD);
  const agencies = await modules.personnel.api.listAgencies({});
  const slots = staffAgencies(agencies);
  if (slots.length > 0) {
    await loadInBatches(modules, progress, 'Akun pegawai', STAFF_COUNT, (i) => ({
      username: `pegawai.${String(i + 1).padStart(5, '0')}`, displayName: personName(i), kind: 'staff',
      agencyId: slots[(i * 7919) % slots.length]!, roles: i % 250 === 0 ? ['employee', 'data_producer'] : ['employee'],
      passwordHash, phone: null,
    }));
  }
  await loadInBatches(modules, progress, 'Akun warga', CITIZEN_COUNT, (i) => ({
    username: `warga.${String(i + 1).padStart(5, '0')}`, displayName: personName(i * 31 + 7), kind: 'citizen',
    agencyId: null, roles: ['citizen'], passwordHash, phone: `+62812${String(10_000_000 + i).slice(1)}`,
  }));
  return accounts;
}
