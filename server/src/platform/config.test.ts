import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 'a-production-secret-that-is-long-enough-0123';

/** Loads a configuration expected to be refused and returns its listed problems. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('configuration was accepted');
}

describe('configuration', () => {
  it('runs with zero setup: embedded database in ./data, Kabupaten Tegal, demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      trustedProxies: [],
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      dataDir: path.resolve('./data'),
      regionCode: '33.28',
      seedProfile: 'demo',
      logLevel: 'info',
      bodyLimitBytes: 1_048_576,
      blobs: { kind: 'local', dir: path.join(path.resolve('./data'), 'blobs') },
    });
    expect(config.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('follows the port in the default public address and keeps tests quiet', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig({ PUBLIC_URL: 'https://smartcity.tegalkab.go.id/' }).publicUrl).toBe('https://smartcity.tegalkab.go.id');
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      PORT: '4000', HOST: '0.0.0.0', TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,::1', DATABASE_URL: 'postgresql://app@db:5432/tsc', DATA_DIR: '/srv/tsc',
      REGION_CODE: '33.29', SEED_PROFILE: 'none', LOG_LEVEL: 'warn', AUTH_SECRET: SECRET, BODY_LIMIT_BYTES: '2048',
      BLOB_STORE: 's3', S3_ENDPOINT: 'https://s3.example.id', S3_BUCKET: 'tsc', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'key',
    });
    expect(config).toMatchObject({
      port: 4000, host: '0.0.0.0', trustedProxies: ['10.0.0.5', '10.1.0.0/16', '::1'], databaseUrl: 'postgresql://app@db:5432/tsc', dataDir: '/srv/tsc', regionCode: '33.29',
      seedProfile: 'none', logLevel: 'warn', authSecret: SECRET, bodyLimitBytes: 2048,
      blobs: { kind: 's3', endpoint: 'https://s3.example.id', bucket: 'tsc', region: 'us-east-1', accessKeyId: 'id', secretAccessKey: 'key' },
    });
  });

  it('reports every invalid variable at once, naming each', () => {
    const problems = problemsOf({
      NODE_ENV: 'staging',
      PORT: 'http',
      PUBLIC_URL: 'ftp://files',
      DATABASE_URL: 'mysql://root@localhost/tsc',
      REGION_CODE: 'tegal',
      SEED_PROFILE: 'everything',
      LOG_LEVEL: 'loud',
      AUTH_SECRET: 'short',
      BODY_LIMIT_BYTES: '12',
      BLOB_STORE: 'ftp',
    });
    for (const name of ['NODE_ENV', 'PORT', 'PUBLIC_URL', 'DATABASE_URL', 'REGION_CODE', 'SEED_PROFILE', 'LOG_LEVEL', 'AUTH_SECRET', 'BODY_LIMIT_BYTES', 'BLOB_STORE']) {
      expect(problems.some((p) => p.includes(name)), `${name} in ${problems.join(' | ')}`).toBe(true);
    }
    expect(problems).toHaveLength(10);
  });

  it('listens on loopback only unless HOST says otherwise, in every environment', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://smartcity.tegalkab.go.id', AUTH_SECRET: SECRET }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('trusts no proxy by default, and refuses TRUSTED_PROXIES entries that are not addresses, CIDRs or range names', () => {
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://smartcity.tegalkab.go.id', AUTH_SECRET: SECRET }).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: 'loopback, uniquelocal, 2001:db8::/32, 192.168.1.10' }).trustedProxies)
      .toEqual(['loopback', 'uniquelocal', '2001:db8::/32', '192.168.1.10']);
    const problems = problemsOf({ TRUSTED_PROXIES: 'true, 10.0.0.0/33, proxy.local, 10.0.0.1/8/1, ::1/129, 10.0.0.1' });
    expect(problems).toHaveLength(5);
    for (const bad of ['"true"', '"10.0.0.0/33"', '"proxy.local"', '"10.0.0.1/8/1"', '"::1/129"']) expect(problems.join('\n')).toContain(bad);
  });

  it('puts every problem in the error message shown at start', () => {
    expect(() => loadConfig({ PORT: '70000', REGION_CODE: '3328' })).toThrow(/PORT[\s\S]*REGION_CODE/);
  });

  it('lists each missing S3 setting when the S3 blob store is chosen', () => {
    const problems = problemsOf({ BLOB_STORE: 's3', S3_BUCKET: 'tsc' });
    expect(problems).toHaveLength(3);
    for (const name of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) expect(problems.join('\n')).toContain(name);
  });

  describe('in production', () => {
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://smartcity.tegalkab.go.id', AUTH_SECRET: SECRET };

    it('starts with a secret and a public address, without demo data', () => {
      const config = loadConfig(production);
      expect(config.seedProfile).toBe('none');
      expect(config.authSecret).toBe(SECRET);
    });

    it('refuses a missing secret and a missing public address together', () => {
      const problems = problemsOf({ NODE_ENV: 'production' });
      expect(problems).toHaveLength(2);
      expect(problems.join('\n')).toMatch(/AUTH_SECRET/);
      expect(problems.join('\n')).toMatch(/PUBLIC_URL/);
    });

    it('refuses a short secret and the development secret', () => {
      expect(problemsOf({ ...production, AUTH_SECRET: 'x'.repeat(31) }).join('\n')).toMatch(/AUTH_SECRET minimal 32/);
      const developmentSecret = loadConfig({}).authSecret;
      expect(problemsOf({ ...production, AUTH_SECRET: developmentSecret }).join('\n')).toMatch(/AUTH_SECRET/);
    });

    it('refuses the demo seed profile (its accounts have published passwords)', () => {
      expect(problemsOf({ ...production, SEED_PROFILE: 'demo' }).join('\n')).toMatch(/SEED_PROFILE/);
    });
  });

  it('is frozen: nothing can change it after start', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.blobs)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.port).toBe(3000);
  });
});
