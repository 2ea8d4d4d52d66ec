import { isApiError } from './api';
import { isMessageKey, type Translate } from './i18n';

/**
 * The sentence to show for a failed call: our own wording for codes the dictionary knows
 * (`errors.<code>`, in the current language), else the server's message (Bahasa Indonesia).
 */
export function errorMessage(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t('state.serverError');
  if (error.status === 0) return t('state.networkError');
  const key = `errors.${error.code}`;
  if (isMessageKey(key)) return t(key);
  if (error.status >= 500) return t('state.serverError');
  return error.message;
}

/**
 * The server's per-field problems keyed by form field: `{ "body.password": "…" }` → `{ password: "…" }`.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const field = path.replace(/^body\./, '');
    fields[field] = message.charAt(0).toUpperCase() + message.slice(1);
  }
  return fields;
}
