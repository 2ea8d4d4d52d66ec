/**
 * Regency-scale personnel data for the SIMPEG benchmarks: the demo generator's staff at the size the
 * issue names (15,000 employees), a staff account with a directory-reading API token, and a list of
 * directory searches of the kinds people type (a given name, a second name, the start of a name, a
 * NIP's birth date, an agency with a name, a position kind).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Built } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import type { Database } from '../server/src/platform/db/index.js';
import { NO_PROGRESS } from '../server/src/platform/progress.js';

/**
 * The pepper of the benchmark servers: fixed, so an API token made in the prepare step is valid in
 * the server processes started after it (token hashes depend on it). Benchmarks only.
 */
export const BENCH_AUTH_SECRET = 'benchmark-only-pepper-not-for-any-deployment-3328';

/** Employees the SIMPEG benchmarks run with (issue 3: "directory search over 15,000 employees"). */
export const BENCH_EMPLOYEES = 15_000;

/** What the directory load needs: a bearer token and the searches to cycle through. */
export interface DirectoryBenchFile {
  token: string;
  paths: string[];
}

/** Builds the platform on `database` (non-production, so demo accounts may be made) and seeds the staff once. */
export async function buildWithStaff(database: Database, employees: number): Promise<Built> {
  const { buildApp } = await import('../server/src/app.js');
  const { seedPersonnel } = await import('../server/seeds/personnel-demo.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-app-'));
  const built = await buildApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_PROFILE: 'none', LOG_LEVEL: 'warn', AUTH_SECRET: BENCH_AUTH_SECRET }), database);
  await built.app.ready();
  const { seedReference } = await import('../server/seeds/index.js');
  await seedReference(built.modules, built.platform.config.regionCode);
  if (!(await built.modules.personnel.api.hasEmployees())) {
    await seedPersonnel(built.modules, { count: employees, progress: NO_PROGRESS });
  }
  return built;
}

/** Seeds the staff, makes the token and the search list, and writes them to `file`. */
export async function prepareDirectoryBench(database: Database, employees: number, file: string): Promise<void> {
  const built = await buildWithStaff(database, employees);
  try {
    const { identity, personnel } = built.modules;
    const password = 'bangku-panjang-slawi-2026';
    const agency = await personnel.api.findAgencyByCode('diskominfo');
    if (!(await identity.api.findUserByUsername('bench.directory'))) {
      await identity.api.ensureDemoUser({
        username: 'bench.directory', displayName: 'Bench Directory', kind: 'staff', roles: ['employee'],
        agencyId: agency?.id ?? null, passwordHash: await identity.api.hashPassword(password),
      });
    }
    const login = await built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench.directory', password } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const created = await built.app.inject({
      method: 'POST', url: '/api/auth/tokens', headers: { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken },
      payload: { name: 'bench', scopes: ['personnel:read-directory'] },
    });
    if (created.statusCode !== 201) throw new Error(`token: ${created.statusCode} ${created.body}`);

    // Searches drawn from the data itself, every 300th person, so each one finds someone.
    const staff = await personnel.api.employeesOf({});
    const paths: string[] = [];
    for (let i = 0; i < staff.length && paths.length < 60; i += 300) {
      const person = staff[i]!;
      const words = person.name.toLowerCase().split(' ');
      const q = (text: string) => `/api/employees?q=${encodeURIComponent(text)}`;
      paths.push(
        q(words[0]!),
        q(words.at(-1)!.slice(0, 4)),
        q(`${words[0]} ${words.at(-1)}`),
        q(person.nip.slice(0, 8)),
        `/api/employees?agencyId=${person.agency.id}&q=${encodeURIComponent(words[0]!.slice(0, 3))}`,
      );
    }
    paths.push('/api/employees', '/api/employees?positionKind=fungsional&page=3', '/api/employees?status=leave');
    const bench: DirectoryBenchFile = { token: created.json<{ token: string }>().token, paths };
    fs.writeFileSync(file, JSON.stringify(bench));
  } finally {
    await built.app.close();
  }
}
