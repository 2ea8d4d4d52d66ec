import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Prefix of API tokens, so leaked tokens are recognisable by secret scanners. */
export const API_TOKEN_PREFIX = 'tsc_';

/** A random opaque secret (256 bits), URL-safe. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Hashes a session or API token for storage. The tokens are random (256 bits), so a keyed
 * SHA-256 is enough; the key (AUTH_SECRET) makes a stolen table useless without the server's config.
 */
export function tokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** Key for sealing TOTP secrets, derived from AUTH_SECRET (changing it disables every authenticator). */
function sealingKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('identity/totp-secret/v1').digest();
}

/** Encrypts a TOTP secret (AES-256-GCM) so a database dump alone cannot generate codes. */
export function sealTotpSecret(secret: string, base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret), iv);
  const body = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

/** Decrypts a sealed TOTP secret; null when it was sealed with another key or is damaged. */
export function openTotpSecret(secret: string, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

// argon2id with OWASP's second recommended setting (19 MiB, 2 passes); ~50 ms per hash here.
// `Algorithm` is a const enum, which isolatedModules cannot read, hence the literal (2 = Argon2id).
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Checks a password against its argon2 hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time a real verification takes, for sign-ins of unknown users, so the response time
 * does not tell which usernames exist. The hash is of a random string, made once per process.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomUUID());
  await verifyPassword(await dummyHash, password);
  return false;
}
