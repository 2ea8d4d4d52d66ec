import { randomUUID } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';
import { ValidationError } from '../../platform/errors.js';

// argon2id with OWASP's second recommended setting (19 MiB, 2 passes); ~50 ms per hash here.
// `Algorithm` is a const enum, which isolatedModules cannot read, hence the literal (2 = Argon2id).
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn score (0–4) a new password must reach. */
const MIN_SCORE = 3;
// Words anyone guessing a password for this platform tries first, scored like common words.
const PLATFORM_WORDS = ['tegal', 'slawi', 'kabupaten', 'pemkab', 'pemda', 'bupati', 'segalengko', 'smartcity', 'diskominfo', 'kominfo', 'dinkes', 'bkpsdm', 'rahasia', 'sandi'];

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

let estimator: ZxcvbnFactory | null = null;

function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...indonesian.dictionary, platform: PLATFORM_WORDS },
    graphs: common.adjacencyGraphs,
    translations: indonesian.translations,
  });
  return estimator;
}

/**
 * Rejects a weak password with 400 `weak_password`, naming the field and giving a hint in Bahasa
 * Indonesia. `personal` lists what the user told us (username, name, e-mail), which must not carry it.
 */
export function assertStrongPassword(password: string, field: string, personal: readonly string[]): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw weak(field, `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`);
  }
  // Whole inputs and their words: "Budi Santoso" must not make "santoso2026" look strong.
  const inputs = personal.flatMap((p) => [p, ...p.split(/[\s._@-]+/)]).map((p) => p.toLowerCase()).filter((p) => p.length >= 3);
  const result = strengthEstimator().check(password.slice(0, 100), inputs);
  if (result.score >= MIN_SCORE) return;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ')
    || 'Gunakan beberapa kata yang tidak berhubungan, dicampur angka atau simbol.';
  throw weak(field, `Kata sandi terlalu mudah ditebak. ${hint}`);
}

function weak(field: string, hint: string): ValidationError {
  return new ValidationError(hint, { fields: { [field]: hint } }, 'weak_password');
}
