import fs from 'node:fs';
import path from 'node:path';
import { buildApp, VERSION } from './app.js';
import { IMPORT_KINDS, type ImportKind, type ImportReport } from './modules/personnel/index.js';
import { systemContext, type Actor } from './platform/index.js';
import { ConfigError, CONFIG_VARIABLES, loadConfig, type Config } from './platform/config.js';
import { DataDirLockedError, openDatabase, runMigrations, type Database } from './platform/db/index.js';
import { verifyAuditChain } from './platform/audit/index.js';
import { AppError } from './platform/errors.js';
import { reportDeadJobs } from './platform/events/index.js';
import { listeningUrl } from './platform/http/listen.js';
import { createProgress } from './platform/progress.js';
import { seedOrganisation, seedReference } from '../seeds/index.js';
import { KNOWN_DEMO_ACCOUNTS, seedDemo, seedFull, type DemoAccount } from '../seeds/demo.js';
import type { DemoAccountsReport } from './modules/identity/index.js';
import type { Modules } from './modules.js';

const USAGE = `Tegal Smart City ${VERSION}

Pemakaian: npm run cli -- <perintah>

  serve                       jalankan server (migrasi, data awal, lalu melayani HTTP)
  migrate                     jalankan migrasi basis data
  seed [--profile demo|full]  isi data rujukan dan data contoh (bawaan: demo)
  audit verify                periksa rantai hash log audit
  jobs dead                   daftar pekerjaan latar belakang yang gagal permanen
  import personnel <units|positions|employees|delegations|siasn> <berkas> [--dry-run] [--agency <kode>] [--close-missing]
                              impor unit, jabatan, pegawai, pelimpahan Plt/Plh (CSV/XLSX) atau ekspor SIASN (JSON);
                              --dry-run hanya memeriksa, --agency membatasi ke satu perangkat daerah,
                              --close-missing menutup unit dan jabatan berkode yang tidak ada di berkas struktur
  create-admin <username> <password> [--name "Nama"]
                              buat akun admin sistem
  demo-accounts disable       nonaktifkan akun demo (kata sandi demo yang diumumkan); wajib
                              sebelum production mau berjalan pada data yang pernah diisi data contoh

Variabel lingkungan:
${Object.entries(CONFIG_VARIABLES).map(([k, v]) => `  ${k.padEnd(22)} ${v}`).join('\n')}
`;

function printAccounts(accounts: DemoAccount[]): void {
  if (accounts.length === 0) return;
  console.log('\nAkun demo (jangan dipakai di production):');
  for (const a of accounts) console.log(`  ${a.role.padEnd(16)} ${a.username.padEnd(14)} ${a.password}`);
  console.log('');
}

const IMPORT_USAGE = 'Pemakaian: import personnel <units|positions|employees|delegations|siasn> <berkas> [--dry-run] [--agency <kode>] [--close-missing]';
const IMPORT_SWITCHES = new Set(['--dry-run', '--close-missing']);
/** Errors the CLI prints in full; a longer report ends with how many more there are. */
const REPORT_LINES = 50;

/** Prints an import report: the summary, counts per table, then errors and warnings as a table. */
function printImportReport(report: ImportReport): void {
  console.log(`\n${report.message}`);
  const counts = (c: ImportReport['units']) => `${c.created} baru, ${c.updated} berubah, ${c.unchanged} tetap`;
  if (report.kind === 'units' || report.kind === 'siasn') console.log(`  Unit      : ${counts(report.units)}`);
  if (report.kind === 'positions' || report.kind === 'siasn') console.log(`  Jabatan   : ${counts(report.positions)}`);
  if (report.kind === 'employees' || report.kind === 'siasn') {
    console.log(`  Pegawai   : ${counts(report.employees)}`);
    console.log(`  Penugasan : ${report.assignments.opened} dimulai, ${report.assignments.closed} diakhiri, ${report.assignments.corrected} dikoreksi`);
  }
  if (report.kind === 'delegations') console.log(`  Pelimpahan: ${counts(report.delegations)}`);
  const table = (title: string, rows: ImportReport['errors'], total: number) => {
    if (total === 0) return;
    const width = Math.min(32, Math.max(5, ...rows.map((e) => e.field.length)));
    console.log(`\n${title} (${total}):\n  ${'Baris'.padStart(6)}  ${'Kolom'.padEnd(width)}  Pesan`);
    for (const e of rows.slice(0, REPORT_LINES)) console.log(`  ${String(e.row).padStart(6)}  ${e.field.padEnd(width)}  ${e.message}`);
    if (total > REPORT_LINES) console.log(`  … dan ${total - REPORT_LINES} lainnya.`);
  };
  table('Kesalahan', report.errors, report.errorCount);
  table('Peringatan', report.warnings, report.warningCount);
}

/**
 * `import personnel <kind> <file>`: runs the SIMPEG import as BKPSDM (personnel:manage), or as the
 * admin of one agency with `--agency`. Exits 1 when the file or any row has an error, 2 on misuse.
 */
async function importPersonnel(config: Config, args: string[]): Promise<number> {
  const [domain, kind, file, ...flags] = args;
  const agencyAt = flags.indexOf('--agency');
  const agencyCode = agencyAt >= 0 ? flags[agencyAt + 1] : undefined;
  const unknown = flags.filter((f, i) => !IMPORT_SWITCHES.has(f) && i !== agencyAt && i !== agencyAt + 1);
  if (domain !== 'personnel' || !kind || !(IMPORT_KINDS as readonly string[]).includes(kind) || !file || unknown.length > 0 || (agencyAt >= 0 && !agencyCode)) {
    console.error(IMPORT_USAGE);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    console.error(`Berkas "${file}" tidak dapat dibaca.`);
    return 2;
  }
  const database = await open(config);
  try {
    const { modules, platform } = await buildApp(config, database);
    const agency = agencyCode ? await modules.personnel.api.findAgencyByCode(agencyCode) : null;
    if (agencyCode && !agency) {
      console.error(`Perangkat daerah dengan kode "${agencyCode}" tidak ada.`);
      return 2;
    }
    const actor: Actor = {
      kind: 'token', userId: null, username: 'cli', displayName: 'Baris perintah', userKind: null, agencyId: agency?.id ?? null, roles: [],
      permissions: new Set([agency ? 'personnel:manage-agency' : 'personnel:manage']),
    };
    const request = {
      kind: kind as ImportKind, dryRun: flags.includes('--dry-run'), closeMissing: flags.includes('--close-missing'), bytes, fileName: path.basename(file),
    };
    // The region's date when the command began: every date the import writes or compares.
    const report = await modules.personnel.imports.importFile(systemContext(platform.today(), actor), request, createProgress());
    printImportReport(report);
    return report.errorCount > 0 ? 1 : 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const report = (err.details as { report?: ImportReport } | undefined)?.report;
    if (report) printImportReport(report);
    else console.error(`Impor gagal: ${err.message}`);
    return 1;
  } finally {
    await database.close();
  }
}

/** Opens and migrates the configured database, printing a clear message if the data directory is in use. */
async function open(config: Config): Promise<Database> {
  const database = await openDatabase(config);
  await runMigrations(database);
  return database;
}

/** Names the accounts of a report: at most ten usernames, then how many more. */
function namesOf(report: DemoAccountsReport): string {
  const more = report.total - report.usernames.length;
  return report.usernames.join(', ') + (more > 0 ? ` dan ${more} akun lainnya` : '');
}

/**
 * Production refuses a database with active demo accounts: anyone who read the README could sign in
 * to them (`admin` is a system administrator), e.g. when a development data directory is copied to a
 * server. Returns the message to print, or null when there is none.
 */
async function demoAccountsProblem(modules: Modules): Promise<string | null> {
  const found = await modules.identity.api.findActiveDemoAccounts(KNOWN_DEMO_ACCOUNTS);
  if (found.total === 0) return null;
  return `Server tidak dijalankan: NODE_ENV=production, tetapi basis data memuat ${found.total} akun demo aktif ` +
    `yang dapat dimasuki dengan kata sandi demo yang diumumkan: ${namesOf(found)}.\n` +
    'Nonaktifkan dengan `npm run cli -- demo-accounts disable`, lalu buat admin sungguhan dengan ' +
    '`npm run cli -- create-admin <username> <password>` (nama pengguna selain milik akun demo).';
}

async function serve(config: Config): Promise<number> {
  const started = Date.now();
  const database = await open(config);
  const built = await buildApp(config, database);
  const { app, modules, platform } = built;

  if (config.nodeEnv === 'production') {
    const problem = await demoAccountsProblem(modules);
    if (problem) {
      console.error(problem);
      await app.close();
      await database.close();
      return 1;
    }
  }

  const fresh = await modules.region.api.listDistricts().then((d) => d.length === 0);
  if (fresh) {
    const progress = createProgress();
    await seedReference(modules, config.regionCode, platform.calendar);
    if (config.seedProfile === 'demo') printAccounts(await seedDemo(modules, progress));
  } else {
    await seedOrganisation(modules, config.regionCode);
    if (config.seedProfile === 'demo') printAccounts(await seedDemo(modules, createProgress()));
  }

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await platform.events.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  platform.events.start();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // The address actually bound, which HOST decides; PUBLIC_URL is where users reach it (perhaps via a proxy).
  console.log(`Tegal Smart City mendengarkan di ${listeningUrl(app.server.address())} (alamat publik ${config.publicUrl}; basis data: ${database.kind}, ${seconds} s)`);
  return -1; // keep running
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const database = await open(config);
      await database.close();
      console.log('Migrasi selesai.');
      return 0;
    }
    case 'seed': {
      const profile = rest[rest.indexOf('--profile') + 1] ?? 'demo';
      if (rest.includes('--profile') && profile !== 'demo' && profile !== 'full') {
        console.error(`Profil "${profile}" tidak dikenal; pilih demo atau full.`);
        return 2;
      }
      if (config.nodeEnv === 'production') {
        console.error('Data contoh tidak boleh diisi di production.');
        return 2;
      }
      const database = await open(config);
      const { modules, platform } = await buildApp(config, database);
      const progress = createProgress();
      const counts = await seedReference(modules, config.regionCode, platform.calendar);
      console.log(`Data rujukan: ${counts.districts} kecamatan, ${counts.villages} desa/kelurahan, ${counts.agencies} perangkat daerah.`);
      printAccounts(profile === 'full' ? await seedFull(modules, progress) : await seedDemo(modules, progress));
      await database.close();
      return 0;
    }
    case 'create-admin': {
      const nameAt = rest.indexOf('--name');
      const [username, password] = rest.filter((_, i) => nameAt < 0 || (i !== nameAt && i !== nameAt + 1));
      if (!username || !password || (nameAt >= 0 && !rest[nameAt + 1])) {
        console.error('Pemakaian: create-admin <username> <password> [--name "Nama"]');
        return 2;
      }
      const database = await open(config);
      try {
        const { modules } = await buildApp(config, database);
        const admin = await modules.identity.api.createSystemAdmin({ username, password, displayName: nameAt >= 0 ? rest[nameAt + 1] : undefined });
        console.log(`Admin sistem "${admin.username}" (${admin.displayName}) dibuat.`);
        return 0;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        console.error(`Gagal membuat admin: ${err.message}`);
        return 2;
      } finally {
        await database.close();
      }
    }
    case 'demo-accounts': {
      if (rest[0] !== 'disable' || rest.length > 1) {
        console.error('Pemakaian: demo-accounts disable');
        return 2;
      }
      const database = await open(config);
      try {
        const { modules } = await buildApp(config, database);
        const gone = await modules.identity.api.disableDemoAccounts(KNOWN_DEMO_ACCOUNTS);
        if (gone.total === 0) console.log('Tidak ada akun demo aktif.');
        else console.log(`${gone.total} akun demo dinonaktifkan (sesi diakhiri, token API dicabut; tercatat di log audit): ${namesOf(gone)}.`);
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'audit': {
      if (rest[0] !== 'verify') {
        console.error('Pemakaian: audit verify');
        return 2;
      }
      const database = await open(config);
      const progress = createProgress();
      let started = false;
      const result = await verifyAuditChain(database.db, (done, total) => {
        if (!started) progress.start('Memeriksa log audit', total);
        started = true;
        progress.update(done);
      });
      if (started) progress.stop();
      await database.close();
      if (result.firstBroken) {
        console.error(`Rantai audit RUSAK pada entri #${result.firstBroken.id} (${result.firstBroken.reason}); ${result.checked} entri sebelumnya utuh.`);
        return 1;
      }
      console.log(`Rantai audit utuh: ${result.checked} entri diperiksa.`);
      return 0;
    }
    case 'import':
      return importPersonnel(config, rest);
    case 'jobs': {
      if (rest[0] !== 'dead') {
        console.error('Pemakaian: jobs dead');
        return 2;
      }
      const database = await open(config);
      try {
        console.log(await reportDeadJobs(database.db));
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      console.error(`Perintah "${command}" tidak dikenal.\n`);
      console.log(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(err.message);
    } else {
      console.error(err);
    }
    process.exit(1);
  },
);
