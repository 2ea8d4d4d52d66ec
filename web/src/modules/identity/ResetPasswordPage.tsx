import { Button } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { isApiError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/document-title';
import { focusFirstError, useSubmitFailure } from '../../lib/form-failure';
import { AuthForm, AuthOutcome, BackToSignInLink } from './AuthForm';
import { useRecoveryT } from './i18n/recovery';
import { NewPasswordFields, newPasswordRules } from './NewPasswordFields';
import { useConfirmReset } from './recovery.api';

const FIELDS = ['newPassword', 'confirm'] as const;

/**
 * `/atur-ulang-sandi?token=…`: the page the mailed link opens. The token is read once and taken out
 * of the address bar, so it is not left in the history or shown over a shoulder.
 */
export function ResetPasswordPage() {
  const t = useRecoveryT();
  const [params] = useSearchParams();
  const [token] = useState(() => params.get('token') ?? '');
  const confirm = useConfirmReset();
  const [done, setDone] = useState(false);
  const [linkDead, setLinkDead] = useState(false);
  const { failure, setFailure, alertRef, report } = useSubmitFailure(t, FIELDS);
  useDocumentTitle(t('recovery.resetTitle'));

  useEffect(() => {
    if (params.has('token')) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [params]);

  const form = useForm({
    mode: 'controlled',
    initialValues: { newPassword: '', confirm: '' },
    validateInputOnBlur: true,
    validate: newPasswordRules(t),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await confirm.mutateAsync({ token, newPassword: values.newPassword });
      setDone(true);
    } catch (error) {
      // A used, expired or unknown link: the form cannot help, only a new link can.
      if (isApiError(error) && error.code === 'invalid_reset_token') setLinkDead(true);
      report(error, form.setErrors);
    }
  }, focusFirstError);

  if (done) {
    return (
      <AuthOutcome title={t('recovery.resetDoneTitle')} icon={<IconCircleCheck size={18} />} message={t('recovery.resetDoneBody')}>
        <Button component={Link} to="/masuk" size="md" fullWidth>
          {t('recovery.signIn')}
        </Button>
      </AuthOutcome>
    );
  }

  return (
    <AuthForm onSubmit={submit} title={t('recovery.resetTitle')} lead={t('recovery.resetLead')}>
      <FormAlert ref={alertRef} message={token ? failure : t('recovery.noToken')} />
      {token && !linkDead ? (
        <>
          <NewPasswordFields
            maxLength={200}
            password={{ label: t('recovery.newPassword'), name: 'newPassword', ...form.getInputProps('newPassword') }}
            confirm={{ label: t('recovery.confirm'), name: 'confirm', ...form.getInputProps('confirm') }}
          />
          <Button type="submit" size="md" fullWidth loading={confirm.isPending}>
            {t('recovery.resetSubmit')}
          </Button>
        </>
      ) : (
        <Button component={Link} to="/lupa-sandi" size="md" fullWidth>
          {t('recovery.requestNew')}
        </Button>
      )}
      <BackToSignInLink />
    </AuthForm>
  );
}
