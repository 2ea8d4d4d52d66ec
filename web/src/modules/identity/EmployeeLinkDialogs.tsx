import '@mantine/core/styles/Modal.css';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { focusField, useSubmitFailure } from '../../lib/form-failure';
import { errorMessage } from '../../lib/error-message';
import { formatNip } from '../personnel/personnel.format';
import { useIdentityT } from './i18n';
import type { UserView } from './identity.types';
import { useLinkEmployee, useUnlinkEmployee } from './users.api';

const FIELDS = ['nip'] as const;

/** Props of both dialogs: the account acted on (null: closed), closing, and the refreshed account after success. */
interface DialogProps {
  user: UserView | null;
  onClose(): void;
  onDone(user: UserView): void;
}

/** Asks for the NIP of the employee record to link the account to; the server's refusals appear under the field. */
export function LinkEmployeeDialog({ user, onClose, onDone }: DialogProps) {
  const t = useIdentityT();
  return (
    <Modal opened={user !== null} onClose={onClose} title={<Text fw={700}>{t('link.title')}</Text>} closeButtonProps={{ 'aria-label': t('form.close') }}>
      {user && <LinkForm key={user.id} user={user} onCancel={onClose} onDone={onDone} />}
    </Modal>
  );
}

function LinkForm({ user, onCancel, onDone }: { user: UserView; onCancel(): void; onDone(user: UserView): void }) {
  const t = useIdentityT();
  const link = useLinkEmployee();
  const { failure, setFailure, alertRef, report } = useSubmitFailure(t, FIELDS);
  const form = useForm({
    mode: 'controlled',
    initialValues: { nip: '' },
    validate: {
      nip: (v) => {
        const digits = v.replace(/\s+/g, '');
        if (!digits) return t('link.nipRequired');
        return /^\d{18}$/.test(digits) ? null : t('link.nipFormat');
      },
    },
  });

  const submit = form.onSubmit(
    async ({ nip }) => {
      setFailure(null);
      try {
        onDone(await link.mutateAsync({ userId: user.id, nip: nip.trim() }));
      } catch (error) {
        report(error, form.setErrors);
      }
    },
    () => focusField('nip'),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm">{t('link.lead', { username: user.username, name: user.displayName })}</Text>
        <FormAlert ref={alertRef} message={failure} />
        <TextInput
          label={t('link.nip')}
          description={user.agency ? t('link.nipHint', { agency: user.agency.shortName }) : t('link.nipHintNoAgency')}
          name="nip"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={24}
          data-autofocus
          {...form.getInputProps('nip')}
        />
        <FormActions submitLabel={t('link.submit')} pending={link.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Asks to confirm ending the account's link to its employee record, saying what the owner loses. */
export function UnlinkEmployeeDialog({ user, onClose, onDone }: DialogProps) {
  const t = useIdentityT();
  const unlink = useUnlinkEmployee();
  const employee = user?.employee ?? null;
  const close = () => {
    unlink.reset();
    onClose();
  };
  const confirm = async () => {
    if (!user) return;
    try {
      const view = await unlink.mutateAsync(user.id);
      unlink.reset();
      onDone(view);
    } catch {
      // Shown below from the mutation's error; the dialog stays open to try again or cancel.
    }
  };
  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={<Text fw={700}>{t('unlink.title')}</Text>}
      closeButtonProps={{ 'aria-label': t('form.close') }}
    >
      {user && employee && (
        <Stack gap="md">
          <Text fz="sm">{t('unlink.lead', { username: user.username, employee: employee.displayName, nip: formatNip(employee.nip) })}</Text>
          <Text fz="sm" c="dimmed">
            {t('unlink.effect')}
          </Text>
          <FormAlert message={unlink.error ? errorMessage(unlink.error, t) : null} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t('form.cancel')}
            </Button>
            <Button color="red" onClick={() => void confirm()} loading={unlink.isPending}>
              {t('unlink.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
