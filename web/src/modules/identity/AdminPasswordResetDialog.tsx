import '@mantine/core/styles/Modal.css';
import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { useSubmitFailure } from '../../lib/form-failure';
import { useRecoveryT } from './i18n/recovery';
import type { UserView } from './identity.types';
import { useAdminPasswordReset } from './recovery.api';

/**
 * A user administrator resets an account's password: first a confirmation, then the temporary
 * password, shown once. Offer it where `user.abilities.edit` is true and the account is not the
 * administrator's own (the server checks both again).
 */
export function AdminPasswordResetDialog({ user, onClose }: { user: UserView | null; onClose(): void }) {
  const t = useRecoveryT();
  const reset = useAdminPasswordReset();
  const [password, setPassword] = useState<string | null>(null);
  const { failure, setFailure, alertRef, report } = useSubmitFailure(t, []);
  const close = () => {
    setPassword(null);
    setFailure(null);
    reset.reset();
    onClose();
  };

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (!user) return;
    setFailure(null);
    try {
      setPassword((await reset.mutateAsync(user.id)).temporaryPassword);
    } catch (error) {
      report(error, () => {});
    }
  };

  const title = password ? t('adminReset.doneTitle') : t('adminReset.title', { username: user?.username ?? '' });
  return (
    <Modal opened={user !== null} onClose={close} title={<Text fw={700}>{title}</Text>} closeButtonProps={{ 'aria-label': t('form.close') }}>
      {user && password ? (
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t('adminReset.doneLead')}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Code fz="lg" py={6} px={10} style={{ letterSpacing: '0.05em' }} data-testid="temporary-password">
              {password}
            </Code>
            <CopyButton value={password}>
              {({ copied, copy }) => (
                <Button variant="light" size="xs" onClick={copy}>
                  {copied ? t('adminReset.copied') : t('adminReset.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={close}>{t('adminReset.close')}</Button>
          </Group>
        </Stack>
      ) : (
        user && (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text fz="sm">{t('adminReset.lead', { username: user.username, name: user.displayName })}</Text>
              <FormAlert ref={alertRef} message={failure} />
              <FormActions submitLabel={t('adminReset.submit')} pending={reset.isPending} onCancel={close} danger />
            </Stack>
          </form>
        )
      )}
    </Modal>
  );
}
