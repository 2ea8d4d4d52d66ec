import { Alert, Anchor, Stack, Text, TextInput, Title, type TextInputProps } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { Link } from 'react-router';
import { AuthFrame } from './AuthFrame';
import { useRecoveryT } from './i18n/recovery';

/**
 * A form page inside AuthFrame: a heading with its lead, then the fields. `noValidate` because the pages check their
 * fields themselves and show the messages under them, in the page's language.
 */
export function AuthForm({ onSubmit, title, lead, children }: { onSubmit: FormEventHandler<HTMLFormElement>; title: ReactNode; lead: ReactNode; children: ReactNode }) {
  return (
    <AuthFrame>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} fz={26}>
              {title}
            </Title>
            <Text c="dimmed" mt={4}>
              {lead}
            </Text>
          </div>
          {children}
        </Stack>
      </form>
    </AuthFrame>
  );
}

/**
 * The page a finished recovery step turns into: its heading, the outcome as a status message (read
 * out without taking the focus), then what to do next.
 */
export function AuthOutcome({ title, icon, message, children }: { title: ReactNode; icon: ReactNode; message: ReactNode; children: ReactNode }) {
  return (
    <AuthFrame>
      <Stack gap="md">
        <Title order={1} fz={26}>
          {title}
        </Title>
        <Alert variant="light" color="teal" icon={icon} role="status">
          <Text fz="sm">{message}</Text>
        </Alert>
        {children}
      </Stack>
    </AuthFrame>
  );
}

/** The way out of the password-recovery pages back to `/masuk`. */
export function BackToSignInLink() {
  const t = useRecoveryT();
  return (
    <Text fz="sm" ta="center">
      <Anchor component={Link} to="/masuk" fw={600}>
        {t('recovery.backToSignIn')}
      </Anchor>
    </Text>
  );
}

/**
 * The "username or e-mail" field of sign-in and recovery: the browser may fill it from saved
 * logins, and it is neither capitalised nor spell-checked because account names are not words.
 */
export function LoginInput(props: TextInputProps & { name: string }) {
  return <TextInput autoComplete="username" autoCapitalize="none" spellCheck={false} required withAsterisk={false} {...props} />;
}
