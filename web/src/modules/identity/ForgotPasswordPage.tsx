import { Button, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { useDocumentTitle } from '../../lib/document-title';
import { focusFirstError, useSubmitFailure } from '../../lib/form-failure';
import { AuthForm, AuthOutcome, BackToSignInLink, LoginInput } from './AuthForm';
import { useRecoveryT } from './i18n/recovery';
import { useRequestReset } from './recovery.api';

const FIELDS = ['login'] as const;

/** `/lupa-sandi`: asks for a reset link by username or e-mail; the answer says the same for every account. */
export function ForgotPasswordPage() {
  const t = useRecoveryT();
  const request = useRequestReset();
  const [answer, setAnswer] = useState<string | null>(null);
  const { failure, setFailure, alertRef, report } = useSubmitFailure(t, FIELDS);
  useDocumentTitle(t('recovery.requestTitle'));

  const form = useForm({
    mode: 'controlled',
    initialValues: { login: '' },
    validate: { login: (v) => (v.trim() ? null : t('recovery.loginRequired')) },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      setAnswer((await request.mutateAsync({ login: values.login.trim() })).message);
    } catch (error) {
      report(error, form.setErrors);
    }
  }, focusFirstError);

  if (answer) {
    return (
      <AuthOutcome title={t('recovery.requestSentTitle')} icon={<IconMailCheck size={18} />} message={answer}>
        <Text fz="sm" c="dimmed">
          {t('recovery.noEmailHint')}
        </Text>
        <Button component={Link} to="/masuk" variant="subtle" leftSection={<IconArrowLeft size={18} />}>
          {t('recovery.backToSignIn')}
        </Button>
      </AuthOutcome>
    );
  }

  return (
    <AuthForm onSubmit={submit} title={t('recovery.requestTitle')} lead={t('recovery.requestLead')}>
      <FormAlert ref={alertRef} message={failure} />
      <LoginInput label={t('recovery.login')} name="login" maxLength={254} data-autofocus {...form.getInputProps('login')} />
      <Button type="submit" size="md" fullWidth loading={request.isPending}>
        {t('recovery.requestSubmit')}
      </Button>
      <BackToSignInLink />
    </AuthForm>
  );
}
