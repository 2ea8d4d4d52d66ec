import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useT } from '../lib/i18n';

/**
 * A required password input whose show-password button has a spoken name. `aria-invalid` follows
 * `error` explicitly, after the spread props, so a field in error is announced as such.
 */
export function PasswordField(props: PasswordInputProps & { name: string }) {
  const t = useT();
  return <PasswordInput required visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }} {...props} aria-invalid={Boolean(props.error)} />;
}
