import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';
import { ValidationError } from '../../platform/errors.js';

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn score (0–4) a new password must reach. */
const MIN_SCORE = 3;
// Words anyone guessing a password for this platform tries first, scored like common words.
const PLATFORM_WORDS = ['tegal', 'slawi', 'kabupaten', 'pemkab', 'pemda', 'bupati', 'segalengko', 'smartcity', 'diskominfo', 'kominfo', 'dinkes', 'bkpsdm', 'rahasia', 'sandi'];

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
