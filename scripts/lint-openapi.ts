// Checks that the OpenAPI document is one tools accept, without a running server:
//  1. builds the app on an in-memory PGlite database and writes `app.swagger()` to a temp directory;
//  2. lints it with Redocly's `recommended` rules (redocly.yaml): any error fails;
//  3. generates a typed client with openapi-typescript and compiles a small usage file against it.
// Usage: npm run lint:openapi [-- --keep]   (--keep leaves the temp directory and prints its path)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openPglite, runMigrations } from '../server/src/platform/db/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules/.bin');
// openapi-typescript wants TypeScript 5 as a peer while the project is on 6, so it runs through npx
// with both pinned rather than as a devDependency (which would fail npm's peer check).
const GENERATOR = ['-y', '-p', 'typescript@5.9.3', '-p', 'openapi-typescript@7.13.0', 'openapi-typescript'];

// A few calls a client makes, so a document whose paths, parameters or bodies lose their types fails
// to compile: the generated `paths` must have these operations with these shapes.
const USAGE = `import type { components, operations, paths } from './api';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Health = Json<paths['/api/health']['get']['responses'][200]>;
const health: Health = { status: 'ok', database: 'pglite', version: '0.1.0' };
type Login = paths['/api/auth/login']['post'];
const login: Json<Login['requestBody']> = { username: 'admin', password: 'secret' };
type EmployeeId = operations['getEmployeesById']['parameters']['path']['id'];
const employeeId: EmployeeId = '00000000-0000-4000-8000-000000000000';
const problem: components['schemas']['ErrorBody'] = { code: 'validation_failed', message: 'x', requestId: 'r' };
type NotFound = Json<paths['/api/employees/{id}']['get']['responses'][404]>;
const notFound: NotFound = problem;
export const used = [health, login, employeeId, notFound];
`;

const TSCONFIG = {
  compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: false, types: [] },
  files: ['usage.ts'],
};

/** Builds the app without a server and returns its OpenAPI document. */
async function dumpDocument(dataDir: string): Promise<unknown> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_PROFILE: 'none', PUBLIC_URL: 'http://localhost:3000' });
  const database = await openPglite();
  try {
    await runMigrations(database);
    const { app } = await buildApp(config, database);
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}

function run(step: string, command: string, args: string[], cwd: string): void {
  const started = Date.now();
  console.log(`\n▶ ${step}`);
  execFileSync(command, args, { cwd, stdio: 'inherit' });
  console.log(`✓ ${step} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(await dumpDocument(path.join(dir, 'data')), null, 2));
    console.log(`OpenAPI document written to ${file}`);
    run('Redocly lint (recommended)', path.join(BIN, 'redocly'), ['lint', '--config', path.join(ROOT, 'redocly.yaml'), file], ROOT);
    run('openapi-typescript', 'npx', [...GENERATOR, file, '-o', path.join(dir, 'api.d.ts')], dir);
    fs.writeFileSync(path.join(dir, 'usage.ts'), USAGE);
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    run('Typed client compiles', path.join(BIN, 'tsc'), ['-p', path.join(dir, 'tsconfig.json')], dir);
  } finally {
    if (process.argv.includes('--keep')) console.log(`Kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
