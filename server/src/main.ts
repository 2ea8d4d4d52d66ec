import { buildApp, VERSION } from './app.js';
import { ConfigError, CONFIG_VARIABLES, loadConfig, type Config } from './platform/config.js';
import { DataDirLockedError, openDatabase, runMigrations, type Database } from './platform/db/index.js';
import { verifyAuditChain } from './platform/audit/index.js';
import { AppError } from './platform/errors.js';
import { reportDeadJobs } from './platform/events/index.js';
import { createProgress } from './platform/progress.js';
import { seedOrganisation, seedReference } from '../seeds/index.js';
import { seedDemo, seedFull, type DemoAccount } from '../seeds/demo.js';

const USAGE = `Tegal Smart City ${VERSION}

Pemakaian: npm run cli -- <perintah>

  serve                       jalankan server (migrasi, data awal, lalu melayani HTTP)
  migrate                     jalankan migrasi basis data
  seed [--profile demo|full]  isi data rujukan dan data contoh (bawaan: demo)
  audit verify                periksa rantai hash log audit
  jobs dead                   daftar pekerjaan latar belakang yang gagal permanen
  create-admin <username> <password> [--name "Nama"]
                              buat akun admin sistem

Variabel lingkungan:
${Object.entries(CONFIG_VARIABLES).map(([k, v]) => `  ${k.padEnd(22)} ${v}`).join('\n')}
`;

function printAccounts(accounts: DemoAccount[]): void {
  if (accounts.length === 0) return;
  console.log('\nAkun demo (jangan dipakai di production):');
  for (const a of accounts) console.log(`  ${a.role.padEnd(16)} ${a.username.padEnd(14)} ${a.password}`);
  console.log('');
}

/** Opens and migrates the configured database, printing a clear message if the data directory is in use. */
async function open(config: Config): Promise<Database> {
  const database = await openDatabase(config);
  await runMigrations(database);
  return database;
}

async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const database = await open(config);
  const built = await buildApp(config, database);
  const { app, modules, platform } = built;

  const fresh = await modules.region.api.listDistricts().then((d) => d.length === 0);
  if (fresh) {
    const progress = createProgress();
    await seedReference(modules, config.regionCode);
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
  console.log(`Tegal Smart City siap di ${config.publicUrl} (basis data: ${database.kind}, ${seconds} s)`);
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
      await serve(config);
      return -1; // keep running
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
      const { modules } = await buildApp(config, database);
      const progress = createProgress();
      const counts = await seedReference(modules, config.regionCode);
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
