import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconShieldLock } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { isApiError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/document-title';
import { errorMessage } from '../../lib/error-message';
import { useT } from '../../lib/i18n';
import { AuthFrame } from './AuthFrame';
import { safeNextPath } from './next-path';
import { useMe, useSignIn } from './session';

/** `/masuk`: username and password, then a TOTP code when the account has two-step verification. */
export function SignInPage() {
  const t = useT();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signIn = useSignIn();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [failure, setFailure] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('signIn.title'));

  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', password: '', totp: '' },
    validateInputOnBlur: ['username', 'password'],
    validate: {
      username: (v) => (v.trim() ? null : t('signIn.usernameRequired')),
      password: (v) => (v ? null : t('signIn.passwordRequired')),
    },
  });

  if (me && !signIn.isPending) return <Navigate replace to={next} />;

  const fail = (message: string) => {
    setFailure(message);
    requestAnimationFrame(() => alertRef.current?.focus());
  };

  const submit = form.onSubmit(
    async (values) => {
      setFailure(null);
      const totp = values.totp.replace(/\s/g, '');
      if (step === 'totp' && !/^\d{6}$/.test(totp)) {
        form.setFieldError('totp', t('signIn.totpInvalidFormat'));
        return;
      }
      try {
        await signIn.mutateAsync({ username: values.username.trim(), password: values.password, ...(step === 'totp' ? { totp } : {}) });
        navigate(next, { replace: true });
      } catch (error) {
        if (isApiError(error) && error.code === 'totp_required') {
          if (step === 'totp') fail(t('errors.totp_invalid'));
          setStep('totp');
          return;
        }
        if (step === 'totp' && isApiError(error) && error.code === 'invalid_credentials') return fail(t('errors.totp_invalid'));
        fail(errorMessage(error, t));
      }
    },
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) document.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
    },
  );

  return (
    <AuthFrame>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} fz={26}>
              {step === 'password' ? t('signIn.title') : t('signIn.totpTitle')}
            </Title>
            <Text c="dimmed" mt={4}>
              {step === 'password' ? (params.get('next') ? t('signIn.sessionExpired') : t('signIn.subtitle')) : t('signIn.totpLead', { user: form.values.username })}
            </Text>
          </div>

          <FormAlert ref={alertRef} message={failure} />

          {step === 'password' ? (
            <>
              <TextInput
                label={t('signIn.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                withAsterisk={false}
                maxLength={64}
                {...form.getInputProps('username')}
              />
              <PasswordInput
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                required
                withAsterisk={false}
                maxLength={256}
                visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
                {...form.getInputProps('password')}
                aria-invalid={Boolean(form.errors.password)}
              />
            </>
          ) : (
            <TextInput
              label={t('signIn.totpCode')}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              leftSection={<IconShieldLock size={18} />}
              data-autofocus
              autoFocus
              {...form.getInputProps('totp')}
              styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
            />
          )}

          <Button type="submit" size="md" fullWidth loading={signIn.isPending}>
            {step === 'password' ? t('signIn.submit') : t('signIn.totpSubmit')}
          </Button>

          {step === 'password' ? (
            <Text fz="sm" ta="center">
              {t('signIn.noAccount')}{' '}
              <Anchor component={Link} to="/daftar" fw={600}>
                {t('signIn.registerLink')}
              </Anchor>
            </Text>
          ) : (
            <Button
              variant="subtle"
              leftSection={<IconArrowLeft size={18} />}
              onClick={() => {
                setStep('password');
                setFailure(null);
                form.setFieldValue('totp', '');
              }}
            >
              {t('signIn.back')}
            </Button>
          )}
        </Stack>
      </form>
    </AuthFrame>
  );
}
