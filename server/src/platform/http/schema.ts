import { Type, type TString } from 'typebox';

/**
 * Schema keyword the validator reads (`validation.ts`): the string is trimmed in place before its
 * other keywords judge it, so routes and services only ever see the trimmed value.
 */
export const TRIM_KEYWORD = 'x-trim';

/** What a required text field may say about its length and characters. */
export interface TextOptions {
  maxLength: number;
  /** Counted after trimming; 1 (the default) means "at least one character that is not a space". */
  minLength?: number;
  pattern?: string;
  description?: string;
}

/**
 * Required free text (a name, a number of an SK, a reason): trimmed, and refused when nothing but
 * spaces is left — `"  Budi  "` arrives as `Budi`, `"   "` is a 400 naming the field.
 */
export function Text(options: TextOptions): TString {
  return Type.String({ ...options, minLength: options.minLength ?? 1, [TRIM_KEYWORD]: true });
}

/** The earliest date a record may carry: nobody in service was born, appointed or promoted before it. */
export const EARLIEST_DATE = '1900-01-01';

/**
 * The latest date a record may carry: 31 December fifty years after the year the process started.
 * Far enough for any planned end date, near enough to catch a mistyped year (`2205` for `2025`).
 */
export const LATEST_DATE = `${new Date().getUTCFullYear() + 50}-12-31`;

/**
 * A calendar date of a real record (TMT, birth date, SK date, start or end): `yyyy-mm-dd`, a day that
 * exists, from EARLIEST_DATE to LATEST_DATE; anything else is a 400 naming the field.
 */
export function RecordDate(options: { description?: string } = {}): TString {
  return Type.String({ format: 'date', formatMinimum: EARLIEST_DATE, formatMaximum: LATEST_DATE, ...options });
}
