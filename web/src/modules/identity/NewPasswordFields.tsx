import type { PasswordInputProps } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField';
import { PasswordStrength } from '../../components/PasswordStrength';
import type { ModuleTranslate } from '../../lib/i18n';
import type { RecoveryKey } from './i18n/recovery.id';

type FieldProps = PasswordInputProps & { name: string; label: string };

/**
 * A new password with its strength bar, then the same again to confirm it. Both are `new-password`
 * so the browser offers to generate and save one; `avoid` lists the words (name, username) the
 * strength estimate should treat as guessable.
 */
export function NewPasswordFields({ password, confirm, maxLength, avoid }: { password: FieldProps; confirm: FieldProps; maxLength: number; avoid?: string[] }) {
  return (
    <>
      <div>
        <PasswordField autoComplete="new-password" maxLength={maxLength} {...password} />
        <PasswordStrength id="password-strength" value={String(password.value ?? '')} avoid={avoid} />
      </div>
      <PasswordField autoComplete="new-password" maxLength={maxLength} {...confirm} />
    </>
  );
}

/** The checks a recovery form runs on `newPassword` and `confirm`; the server asks for at least 10 characters. */
export function newPasswordRules(t: ModuleTranslate<RecoveryKey>) {
  return {
    newPassword: (v: string) => (!v ? t('recovery.required') : v.length < 10 ? t('recovery.passwordShort') : null),
    confirm: (v: string, values: { newPassword: string }) => (v === values.newPassword ? null : t('recovery.confirmMismatch')),
  };
}
