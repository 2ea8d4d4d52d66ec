import type { TokenRow } from '../identity.repo.js';

/** An API token made without `expiresInDays` expires after this many days. */
export const TOKEN_DEFAULT_DAYS = 90;
/** The longest lifetime a token may be given (the schema refuses more with 400). */
export const TOKEN_MAX_DAYS = 365;
const DAY_MS = 86_400_000;

/** When a token made at `createdAt` expires, for the days asked or the default. */
export function expiryFor(createdAt: Date, days: number | undefined): Date {
  return new Date(createdAt.getTime() + (days ?? TOKEN_DEFAULT_DAYS) * DAY_MS);
}

/**
 * When a token stops working. Tokens made before expiry became mandatory have none stored: they
 * get the longest lifetime counted from their creation, so no token lives for ever.
 */
export function tokenExpiresAt(row: Pick<TokenRow, 'createdAt' | 'expiresAt'>): Date {
  return row.expiresAt ?? new Date(row.createdAt.getTime() + TOKEN_MAX_DAYS * DAY_MS);
}
