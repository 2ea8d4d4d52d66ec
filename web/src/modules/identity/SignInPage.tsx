import { Anchor, Button, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconShieldLock } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { PasswordField } from '../../components/PasswordField';
import { isApiError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/document-title';
import { errorMessage } from '../../lib/error-message';
import { useT } from '../../lib/i18n';
import { AuthForm, LoginInput } from './AuthForm';
import { useRecoveryT } from './i18n/recovery';
import { useNextPath } from './next-path';
import { useMe, useSignIn } from './session';

/** `/masuk`: username and password, then a TOTP code when the account has two-step verification. */
export function SignInPage() {
  const t = useT();
  const recoveryT = useRecoveryT();
  const { next, asked, goNext } = useNextPath();
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
        goNext();
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
    <AuthForm
      onSubmit={submit}
      title={step === 'password' ? t('signIn.title') : t('signIn.totpTitle')}
      lead={step === 'password' ? (asked ? t('signIn.sessionExpired') : t('signIn.subtitle')) : t('signIn.totpLead', { user: form.values.username })}
    >
      <FormAlert ref={alertRef} message={failure} />

      {step === 'password' ? (
        <>
          <LoginInput label={t('signIn.username')} name="username" maxLength={64} {...form.getInputProps('username')} />
          <PasswordField label={t('signIn.password')} name="password" autoComplete="current-password" withAsterisk={false} maxLength={256} {...form.getInputProps('password')} />
          <Anchor component={Link} to="/lupa-sandi" fz="sm" mt={-8} style={{ alignSelf: 'flex-end' }}>
            {recoveryT('recovery.forgotLink')}
          </Anchor>
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
    </AuthForm>
  );
}
