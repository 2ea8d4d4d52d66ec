import { Button, Group } from '@mantine/core';
import { useT } from '../lib/i18n';

/** Props of a form's closing buttons. */
export interface FormActionsProps {
  submitLabel: string;
  /** The request is under way: the submit button spins and takes no second click. */
  pending: boolean;
  onCancel(): void;
  /** The submit ends or removes something: a red button, so it is not pressed out of habit. */
  danger?: boolean;
}

/** "Batal" and the submit button at the end of a form, right-aligned, the submit last as the eye reads. */
export function FormActions({ submitLabel, pending, onCancel, danger = false }: FormActionsProps) {
  const t = useT();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('form.cancel')}
      </Button>
      <Button type="submit" color={danger ? 'red' : undefined} loading={pending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
