import { isIP } from 'node:net';
import path from 'node:path';

/** Where the platform stores its data and how it is reached; read once at start, then frozen. */
export interface Config {
  /** `development`, `test` or `production`. Production refuses default secrets and demo accounts. */
  readonly nodeEnv: 'development' | 'test' | 'production';
  /** TCP port the HTTP server listens on. */
  readonly port: number;
  /** Address the server binds to; loopback unless set, so a development install is not on the network. */
  readonly host: string;
  /**
   * Reverse proxies whose `X-Forwarded-For` is believed (addresses or CIDRs); empty trusts none, so a
   * client cannot choose the address that rate limits, sessions and the audit log record.
   */
  readonly trustedProxies: readonly string[];
  /** The address users reach the platform at; decides the Secure flag on cookies and links in letters. */
  readonly publicUrl: string;
  /** PostgreSQL connection string; `undefined` runs the embedded PGlite database in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** Directory for the embedded database, the blob store and the lock file. */
  readonly dataDir: string;
  /** Kemendagri code of the regency or city the platform serves (`33.28` is Kabupaten Tegal). */
  readonly regionCode: string;
  /** IANA time zone of the region (`Asia/Jakarta` for WIB): "today" for TMTs, delegations and statistics. */
  readonly timeZone: string;
  /** Demo data profile seeded on an empty database outside production: `demo`, or `none`. */
  readonly seedProfile: 'demo' | 'none';
  /** pino log level. */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Secret mixed into token hashes (a pepper); required in production. */
  readonly authSecret: string;
  /** Largest accepted JSON body, in bytes. */
  readonly bodyLimitBytes: number;
  /** Blob storage: `local` under `dataDir/blobs`, or an S3-compatible bucket. */
  readonly blobs:
    | { readonly kind: 'local'; readonly dir: string }
    | {
        readonly kind: 's3';
        readonly endpoint: string;
        readonly bucket: string;
        readonly region: string;
        readonly accessKeyId: string;
        readonly secretAccessKey: string;
      };
  /** Hours a stored file may stay unreferenced (a failed write's upload, a replaced photo) before the sweep removes it. */
  readonly blobOrphanGraceHours: number;
  /**
   * Outgoing e-mail: an SMTP server; outside production without one, a file mailbox under
   * `dataDir/mailbox` (one readable file per message); in production without one, nothing is sent.
   */
  readonly mail:
    | { readonly kind: 'smtp'; readonly url: string; readonly from: string }
    | { readonly kind: 'mailbox'; readonly dir: string; readonly from: string }
    | { readonly kind: 'none'; readonly from: string };
}

/** Every variable the platform reads, with what it means; printed by `cli config --help` and the README. */
export const CONFIG_VARIABLES: Record<string, string> = {
  NODE_ENV: 'development (default), test or production',
  PORT: 'HTTP port (default 3000)',
  HOST: 'address to bind (default 127.0.0.1; 0.0.0.0 listens on every interface)',
  TRUSTED_PROXIES: 'comma-separated addresses, CIDRs or loopback/linklocal/uniquelocal: reverse proxies whose X-Forwarded-For is believed (default none)',
  PUBLIC_URL: 'public address of the platform (default http://localhost:PORT); https turns on Secure cookies',
  DATABASE_URL: 'postgres://… to use a PostgreSQL server; unset runs embedded PGlite in DATA_DIR',
  DATA_DIR: 'directory for the embedded database, blobs and the lock file (default ./data)',
  REGION_CODE: 'Kemendagri code of the regency or city (default 33.28, Kabupaten Tegal)',
  TIME_ZONE: 'IANA time zone of the region: Asia/Jakarta (default, WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)',
  SEED_PROFILE: 'demo (default outside production) or none: data seeded into an empty database at start',
  LOG_LEVEL: 'fatal, error, warn, info (default), debug, trace or silent',
  AUTH_SECRET: 'at least 32 characters; pepper for session and API-token hashes (required in production)',
  BODY_LIMIT_BYTES: 'largest JSON body accepted (default 1048576)',
  BLOB_STORE: 'local (default) or s3',
  S3_ENDPOINT: 'with BLOB_STORE=s3: endpoint URL of the S3-compatible service',
  S3_BUCKET: 'with BLOB_STORE=s3: bucket name',
  S3_REGION: 'with BLOB_STORE=s3: region (default us-east-1)',
  S3_ACCESS_KEY_ID: 'with BLOB_STORE=s3: access key id',
  S3_SECRET_ACCESS_KEY: 'with BLOB_STORE=s3: secret access key',
  BLOB_ORPHAN_GRACE_HOURS: 'hours a stored file may stay unreferenced before the hourly sweep removes it (default 24)',
  SMTP_URL: 'smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465; unset: a file mailbox in DATA_DIR/mailbox outside production, no e-mail in production',
  MAIL_FROM: 'sender of outgoing e-mail, e.g. "Pemkab Tegal <no-reply@tegalkab.go.id>" (required with SMTP_URL in production)',
};

/** The development pepper; refused in production. */
const DEV_AUTH_SECRET = 'development-only-secret-change-me-0123456789';

/** Thrown when the environment is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Konfigurasi tidak valid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads, validates and freezes the configuration from an environment (`process.env` by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} harus bilangan bulat ${min}–${max}, bukan "${raw}"`);
      return fallback;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} harus salah satu dari ${allowed.join(', ')}, bukan "${raw}"`);
      return fallback;
    }
    return raw as T;
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';
  const port = int('PORT', 3000, 0, 65535);
  // Loopback by default: a fresh install seeds accounts with published passwords, so it should not be
  // reachable from the network until someone decides it should (HOST=0.0.0.0).
  const host = read('HOST') ?? '127.0.0.1';
  const trustedProxies = proxyList(read('TRUSTED_PROXIES'), problems);

  const publicUrl = read('PUBLIC_URL') ?? `http://localhost:${port}`;
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) problems.push(`PUBLIC_URL harus alamat http(s)://…, bukan "${publicUrl}"`);
  if (production && !read('PUBLIC_URL')) problems.push('PUBLIC_URL wajib diisi di production');

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL harus berawalan postgres:// atau postgresql://');
  }
  const dataDir = path.resolve(read('DATA_DIR') ?? './data');

  const regionCode = read('REGION_CODE') ?? '33.28';
  const timeZone = read('TIME_ZONE') ?? 'Asia/Jakarta';
  if (!isTimeZone(timeZone)) problems.push(`TIME_ZONE harus zona waktu IANA seperti Asia/Jakarta, bukan "${timeZone}"`);
  if (!/^\d{2}\.\d{2}$/.test(regionCode)) problems.push(`REGION_CODE harus kode kabupaten/kota Kemendagri seperti 33.28, bukan "${regionCode}"`);

  const seedProfile = oneOf('SEED_PROFILE', ['demo', 'none'] as const, production ? 'none' : 'demo');
  if (production && seedProfile === 'demo') problems.push('SEED_PROFILE=demo tidak boleh di production (akun demo)');

  const logLevel = oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info');

  let authSecret = read('AUTH_SECRET');
  if (authSecret === undefined) {
    if (production) problems.push('AUTH_SECRET wajib diisi di production (minimal 32 karakter)');
    authSecret = DEV_AUTH_SECRET;
  } else if (authSecret.length < 32) {
    problems.push('AUTH_SECRET minimal 32 karakter');
  } else if (production && authSecret === DEV_AUTH_SECRET) {
    problems.push('AUTH_SECRET bawaan pengembangan tidak boleh dipakai di production');
  }

  const bodyLimitBytes = int('BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576);

  const blobKind = oneOf('BLOB_STORE', ['local', 's3'] as const, 'local');
  let blobs: Config['blobs'] = { kind: 'local', dir: path.join(dataDir, 'blobs') };
  if (blobKind === 's3') {
    const need = (name: string): string => {
      const v = read(name);
      if (v === undefined) problems.push(`${name} wajib diisi bila BLOB_STORE=s3`);
      return v ?? '';
    };
    blobs = {
      kind: 's3',
      endpoint: need('S3_ENDPOINT'),
      bucket: need('S3_BUCKET'),
      region: read('S3_REGION') ?? 'us-east-1',
      accessKeyId: need('S3_ACCESS_KEY_ID'),
      secretAccessKey: need('S3_SECRET_ACCESS_KEY'),
    };
  }

  const mail = mailConfig(read, production, dataDir, problems);

  const blobOrphanGraceHours = int('BLOB_ORPHAN_GRACE_HOURS', 24, 0, 24 * 365);

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    nodeEnv, port, host, trustedProxies: Object.freeze(trustedProxies), publicUrl: publicUrl.replace(/\/+$/, ''), databaseUrl, dataDir, regionCode, timeZone,
    seedProfile, logLevel, authSecret, bodyLimitBytes, blobs: Object.freeze(blobs), blobOrphanGraceHours,
    mail: Object.freeze(mail),
  });
}

/** Reads `SMTP_URL` and `MAIL_FROM`; without SMTP, a file mailbox outside production and nothing in it. */
function mailConfig(read: (name: string) => string | undefined, production: boolean, dataDir: string, problems: string[]): Config['mail'] {
  const url = read('SMTP_URL');
  const from = read('MAIL_FROM');
  // A bare address or "Name <address>", on one line (a line break would smuggle in a header).
  if (from !== undefined && (!/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(from))) {
    problems.push(`MAIL_FROM harus alamat e-mail atau "Nama <alamat@domain>", bukan "${from}"`);
  }
  if (url !== undefined) {
    let valid = false;
    try {
      const parsed = new URL(url);
      valid = (parsed.protocol === 'smtp:' || parsed.protocol === 'smtps:') && parsed.hostname !== '';
    } catch { /* reported below */ }
    if (!valid) problems.push('SMTP_URL harus berbentuk smtp://pengguna:sandi@host:587 atau smtps://…:465');
    if (production && from === undefined) problems.push('MAIL_FROM wajib diisi bila SMTP_URL diisi di production');
    return { kind: 'smtp', url, from: from ?? 'Smart City <no-reply@localhost>' };
  }
  const sender = from ?? 'Smart City <no-reply@localhost>';
  return production ? { kind: 'none', from: sender } : { kind: 'mailbox', dir: path.join(dataDir, 'mailbox'), from: sender };
}

/** The address ranges proxy-addr (Fastify's `trustProxy`) knows by name. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** Parses `TRUSTED_PROXIES`: IPv4/IPv6 addresses, CIDRs or range names, comma-separated; lists every bad entry. */
function proxyList(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return [];
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    if (PROXY_RANGES.includes(entry)) continue;
    const [address = '', prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    const bits = version === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (version === 0 || !prefixOk || rest.length > 0) {
      problems.push(`TRUSTED_PROXIES berisi "${entry}", bukan alamat IP, CIDR (10.0.0.0/24) atau loopback/linklocal/uniquelocal`);
    }
  }
  return entries;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// Formatting a date in a time zone costs microseconds and "today" is asked on hot paths: keep the
// answer for a second per zone (the date it gives can be a second late at midnight).
const dayFormats = new Map<string, { format: Intl.DateTimeFormat; value: string; until: number }>();

/** Today's date (`yyyy-mm-dd`) in a time zone: a TMT or a delegation starts at local midnight, not UTC's. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const ms = now.getTime();
  let day = dayFormats.get(timeZone);
  if (!day) {
    // en-CA formats dates as yyyy-mm-dd.
    day = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), value: '', until: 0 };
    dayFormats.set(timeZone, day);
  }
  if (ms >= day.until || ms < day.until - 1000) {
    day.value = day.format.format(now);
    day.until = ms + 1000;
  }
  return day.value;
}
