import '@mantine/core/styles/Modal.css';
import { Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FormEvent, ReactNode, Ref } from 'react';
import { useT } from '../lib/i18n';
import { FormActions } from './FormActions';
import { FormAlert } from './FormAlert';

/** Props of a form shown in a dialog. */
export interface FormDialogProps {
  /** Open unless told otherwise: most such forms are mounted only while they are shown. */
  opened?: boolean;
  title: string;
  /** One sentence on what submitting the form does. */
  lead: string;
  /** The form-level failure of the last submit (useSubmitFailure) and where its alert takes the focus. */
  failure: string | null;
  alertRef: Ref<HTMLDivElement>;
  submitLabel: string;
  pending: boolean;
  onSubmit(event?: FormEvent<HTMLFormElement>): void;
  onClose(): void;
  testId: string;
  children: ReactNode;
}

/**
 * A form in a modal that traps the focus and closes on Escape, full-screen on phones: the lead, the
 * alert of a refusal that concerns no field, the fields, then "Batal" and the submit button.
 */
export function FormDialog(props: FormDialogProps) {
  const { opened = true, title, lead, failure, alertRef, submitLabel, pending, onSubmit, onClose, testId, children } = props;
  const t = useT();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>{title}</Text>} size="lg" fullScreen={phone} closeButtonProps={{ 'aria-label': t('form.close') }}>
      <form onSubmit={onSubmit} noValidate data-testid={testId}>
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {lead}
          </Text>
          <FormAlert ref={alertRef} message={failure} />
          {children}
          <FormActions submitLabel={submitLabel} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
