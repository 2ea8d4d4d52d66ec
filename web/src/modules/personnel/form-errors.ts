import { useRef, useState } from 'react';
import { isApiError } from '../../lib/api';
import { errorMessage, fieldErrors } from '../../lib/error-message';
import type { PersonnelTranslate as Translate } from './i18n';

/**
 * Sorts a failed submit into messages under fields and one message for the form: the server's
 * `details.fields` (`body.startDate` → `startDate`), then error codes known to concern one field,
 * then everything else for the alert. Only fields the form has are kept.
 */
export function splitServerError(
  error: unknown,
  t: Translate,
  formFields: readonly string[],
  codeFields: Record<string, string> = {},
): { fields: Record<string, string>; general: string | null } {
  const fields = fieldErrors(error);
  const byCode = isApiError(error) ? codeFields[error.code] : undefined;
  if (byCode && !fields[byCode]) fields[byCode] = errorMessage(error, t);
  const known = Object.fromEntries(Object.entries(fields).filter(([name]) => formFields.includes(name)));
  return { fields: known, general: Object.keys(known).length > 0 ? null : errorMessage(error, t) };
}

/** Puts the keyboard focus on a form field by its name once the messages are drawn. */
export function focusField(name: string | undefined): void {
  if (name) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[name="${name}"]`)?.focus());
}

/**
 * The form-level failure of a submit and how one is shown: messages under their fields (focus on
 * the first), or, when none belongs to a field, in the form's alert (focus on it).
 */
export function useSubmitFailure(t: Translate, formFields: readonly string[], codeFields: Record<string, string> = {}) {
  const [failure, setFailure] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const report = (error: unknown, setErrors: (errors: Record<string, string>) => void): void => {
    const { fields, general } = splitServerError(error, t, formFields, codeFields);
    setErrors(fields);
    if (general) {
      setFailure(general);
      requestAnimationFrame(() => alertRef.current?.focus());
    } else focusField(Object.keys(fields)[0]);
  };
  return { failure, setFailure, alertRef, report };
}
