import { Alert, Anchor, Button, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, Navigate, useNavigate } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { useDocumentTitle } from '../../lib/document-title';
import { focusFirstError, useSubmitFailure } from '../../lib/form-failure';
import { useT } from '../../lib/i18n';
import { AuthForm } from './AuthForm';
import type { RegisterInput } from './identity.types';
import { NewPasswordFields } from './NewPasswordFields';
import { useMe, useRegister } from './session';

const FIELDS = ['displayName', 'username', 'email', 'phone', 'password', 'confirm'] as const;

/** `/daftar`: citizen registration with inline validation, the server's field messages and a strength hint. */
export function RegisterPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const register = useRegister();
  const { failure, setFailure, alertRef, report } = useSubmitFailure(t, FIELDS);
  useDocumentTitle(t('register.title'));

  const form = useForm({
    mode: 'controlled',
    initialValues: { displayName: '', username: '', email: '', phone: '', password: '', confirm: '' },
    validateInputOnBlur: true,
    validate: {
      displayName: (v) => (!v.trim() ? t('register.required') : v.trim().length < 2 ? t('register.displayNameShort') : null),
      username: (v) => (!v.trim() ? t('register.required') : /^[a-zA-Z0-9._-]{3,}$/.test(v.trim()) ? null : t('register.usernameInvalid')),
      email: (v) => (!v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('register.emailInvalid')),
      phone: (v) => (!v.trim() || /^(\+62|0)8\d{7,12}$/.test(v.replace(/[\s-]/g, '')) ? null : t('register.phoneInvalid')),
      password: (v) => (!v ? t('register.required') : v.length < 8 ? t('register.passwordShort') : null),
      confirm: (v, values) => (v === values.password ? null : t('register.confirmMismatch')),
    },
  });

  if (me && !register.isPending) return <Navigate replace to="/" />;

  const submit = form.onSubmit(
    async (values) => {
      setFailure(null);
      const input: RegisterInput = {
        displayName: values.displayName.trim(),
        username: values.username.trim(),
        password: values.password,
        ...(values.email.trim() ? { email: values.email.trim() } : {}),
        ...(values.phone.trim() ? { phone: values.phone.replace(/[\s-]/g, '') } : {}),
      };
      try {
        await register.mutateAsync(input);
        navigate('/', { replace: true });
      } catch (error) {
        report(error, form.setErrors);
      }
    },
    focusFirstError,
  );

  const optional = (label: string) => (
    <>
      {label}{' '}
      <Text span c="dimmed" fz="sm" fw={400}>
        ({t('register.optional')})
      </Text>
    </>
  );

  return (
    <AuthForm onSubmit={submit} title={t('register.title')} lead={t('register.subtitle')}>
      <FormAlert ref={alertRef} message={failure} />

      <TextInput label={t('register.displayName')} description={t('register.displayNameHint')} name="displayName" autoComplete="name" required maxLength={120} {...form.getInputProps('displayName')} />
      <TextInput
        label={t('register.username')}
        description={t('register.usernameHint')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={32}
        {...form.getInputProps('username')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label={optional(t('register.email'))} name="email" type="email" autoComplete="email" maxLength={254} {...form.getInputProps('email')} />
        <TextInput label={optional(t('register.phone'))} name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} {...form.getInputProps('phone')} />
      </SimpleGrid>
      <NewPasswordFields
        maxLength={256}
        avoid={[form.values.username, ...form.values.displayName.split(/\s+/)]}
        password={{ label: t('register.password'), name: 'password', ...form.getInputProps('password') }}
        confirm={{ label: t('register.confirm'), name: 'confirm', ...form.getInputProps('confirm') }}
      />

      <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} p="sm">
        <Text fz="xs">{t('register.privacy')}</Text>
      </Alert>

      <Button type="submit" size="md" fullWidth loading={register.isPending}>
        {t('register.submit')}
      </Button>
      <Text fz="sm" ta="center">
        {t('register.haveAccount')}{' '}
        <Anchor component={Link} to="/masuk" fw={600}>
          {t('register.signInLink')}
        </Anchor>
      </Text>
    </AuthForm>
  );
}
