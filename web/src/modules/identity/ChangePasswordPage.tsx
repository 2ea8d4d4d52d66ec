import { Alert, Button, Loader, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Navigate } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { PasswordField } from '../../components/PasswordField';
import { useDocumentTitle } from '../../lib/document-title';
import { focusFirstError, useSubmitFailure } from '../../lib/form-failure';
import { AuthForm } from './AuthForm';
import { useRecoveryT } from './i18n/recovery';
import { NewPasswordFields, newPasswordRules } from './NewPasswordFields';
import { useNextPath } from './next-path';
import { useChangePassword } from './recovery.api';
import { useMe } from './session';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;

/**
 * `/ganti-sandi`: the signed-in user changes their password. Someone given a temporary password by
 * an administrator is sent here first (PasswordChangeGate) and told why.
 */
export function ChangePasswordPage() {
  const t = useRecoveryT();
  const { goNext } = useNextPath();
  const { data: me } = useMe();
  const change = useChangePassword();
  const { failure, setFailure, alertRef, report } = useSubmitFailure(t, FIELDS);
  useDocumentTitle(t('recovery.changeTitle'));

  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validateInputOnBlur: true,
    validate: {
      currentPassword: (v) => (v ? null : t('recovery.required')),
      ...newPasswordRules(t),
    },
  });

  if (me === undefined) return <Loader m="xl" aria-label={t('recovery.changeTitle')} />;
  if (me === null) return <Navigate replace to={`/masuk?next=${encodeURIComponent('/ganti-sandi')}`} />;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      goNext();
    } catch (error) {
      report(error, form.setErrors);
    }
  }, focusFirstError);

  return (
    <AuthForm onSubmit={submit} title={t('recovery.changeTitle')} lead={t('recovery.changeLead')}>
      {me.mustChangePassword && (
        <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} />}>
          <Text fz="sm">{t('recovery.mustChange')}</Text>
        </Alert>
      )}
      <FormAlert ref={alertRef} message={failure} />
      <PasswordField label={t('recovery.currentPassword')} name="currentPassword" autoComplete="current-password" maxLength={200} {...form.getInputProps('currentPassword')} />
      <NewPasswordFields
        maxLength={200}
        avoid={[me.username, ...me.displayName.split(/\s+/)]}
        password={{ label: t('recovery.newPassword'), name: 'newPassword', ...form.getInputProps('newPassword') }}
        confirm={{ label: t('recovery.confirm'), name: 'confirm', ...form.getInputProps('confirm') }}
      />
      <Button type="submit" size="md" fullWidth loading={change.isPending}>
        {t('recovery.changeSubmit')}
      </Button>
    </AuthForm>
  );
}
