import '@mantine/core/styles/Modal.css';
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { useToday } from '../../lib/clock';
import { focusField, splitServerError } from '../../lib/form-failure';
import { usePersonnelT } from './i18n';
import { formatDate } from '../../lib/i18n/format';
import { useEndDelegation, type DelegationRecord } from './organisation.api';
import { addDays, isIsoDate, lastDay } from './personnel.format';
import { holdingLabel } from './personnel.labels';

/** Ends a delegation: asks for the delegate's last day (inclusive) and sends the day after. */
export function EndDelegationForm({ delegation, onClose }: { delegation: DelegationRecord | null; onClose(): void }) {
  const t = usePersonnelT();
  return (
    <Modal opened={delegation !== null} onClose={onClose} title={<Text fw={700}>{t('endDelegation.title')}</Text>} closeButtonProps={{ 'aria-label': t('form.close') }}>
      {delegation && <EndForm key={delegation.id} delegation={delegation} onDone={onClose} />}
    </Modal>
  );
}

function EndForm({ delegation, onDone }: { delegation: DelegationRecord; onDone(): void }) {
  const t = usePersonnelT();
  const end = useEndDelegation();
  const [failure, setFailure] = useState<string | null>(null);
  const start = delegation.startDate;
  const today = useToday();
  const plannedLast = lastDay(delegation.endDate);
  const form = useForm({
    mode: 'controlled',
    // A delegation not yet started cannot end before its first day.
    initialValues: { lastDay: start > today ? start : today },
    validate: {
      lastDay: (v) => {
        if (!v) return t('form.required');
        if (!isIsoDate(v)) return t('form.dateInvalid');
        if (v < start) return t('form.endBeforeStart');
        return plannedLast && v > plannedLast ? t('endDelegation.cannotExtend', { date: formatDate(plannedLast) }) : null;
      },
    },
  });

  const submit = form.onSubmit(
    async ({ lastDay: last }) => {
      setFailure(null);
      try {
        await end.mutateAsync({ id: delegation.id, endDate: addDays(last, 1) });
        onDone();
      } catch (error) {
        const { fields, general } = splitServerError(error, t, ['endDate']);
        if (fields.endDate) {
          form.setErrors({ lastDay: fields.endDate });
          focusField('lastDay');
        }
        if (general) setFailure(general);
      }
    },
    () => focusField('lastDay'),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm">
          {t('endDelegation.lead', {
            kind: holdingLabel(t, delegation.kind),
            name: delegation.employee.displayName,
            position: delegation.position.title,
            start: formatDate(start),
          })}
        </Text>
        <FormAlert message={failure} />
        <TextInput
          label={t('endDelegation.lastDay')}
          name="lastDay"
          type="date"
          required
          min={start}
          max={plannedLast ?? undefined}
          description={t('endDelegation.lastDayHint')}
          {...form.getInputProps('lastDay')}
        />
        <FormActions submitLabel={t('endDelegation.submit')} pending={end.isPending} onCancel={onDone} danger />
      </Stack>
    </form>
  );
}
