import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../errors.js';

/** Finds the path of the first string holding a NUL character, which PostgreSQL cannot store in text. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = findNul(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Rejects NUL characters anywhere in params, query or body before any route runs: PostgreSQL refuses
 * them in text, so letting one through would surface as a 500 instead of a clear 400.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.params, 'params') ?? findNul(request.query, 'querystring') ?? findNul(request.body, 'body');
    if (field) {
      throw new ValidationError(`Isian tidak valid: ${field}.`, { fields: { [field]: 'mengandung karakter yang tidak diizinkan' } });
    }
  });
}
