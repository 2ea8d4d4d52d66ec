import { useRef, useState } from 'react';
import { errorMessage, fieldErrors } from './error-message';
import type { Translate } from './i18n';

/**
 * Sorts a failed submit into messages under fields and one message for the form. The server names
 * the fields a refusal concerns in `details.fields` (`body.startDate` → `startDate`), so no form
 * keeps its own table of error codes; only fields the form has are kept, everything else goes to
 * the alert.
 */
export function splitServerError(
  error: unknown,
  t: Translate,
  formFields: readonly string[],
): { fields: Record<string, string>; general: string | null } {
  const fields = Object.fromEntries(Object.entries(fieldErrors(error)).filter(([name]) => formFields.includes(name)));
  return { fields, general: Object.keys(fields).length > 0 ? null : errorMessage(error, t) };
}

/** Puts the keyboard focus on a form field by its name once the messages are drawn. */
export function focusField(name: string | undefined): void {
  if (name) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[name="${name}"]`)?.focus());
}

/** A form's answer to a submit its own checks refused: the keyboard goes to the first field in error. */
export function focusFirstError(errors: Record<string, unknown>): void {
  focusField(Object.keys(errors)[0]);
}

/**
 * The form-level failure of a submit and how one is shown: messages under their fields (focus on
 * the first), or, when none belongs to a field, in the form's alert (focus on it).
 */
export function useSubmitFailure(t: Translate, formFields: readonly string[]) {
  const [failure, setFailure] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const report = (error: unknown, setErrors: (errors: Record<string, string>) => void): void => {
    const { fields, general } = splitServerError(error, t, formFields);
    setErrors(fields);
    if (general) {
      setFailure(general);
      requestAnimationFrame(() => alertRef.current?.focus());
    } else focusField(Object.keys(fields)[0]);
  };
  return { failure, setFailure, alertRef, report };
}
