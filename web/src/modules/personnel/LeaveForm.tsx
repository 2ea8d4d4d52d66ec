import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormDialog } from '../../components/FormDialog';
import { focusFirstError } from '../../lib/form-failure';
import { LEAVE_KINDS, type LeaveKind } from './history.api';
import { useHistorySubmit, type HistoryFormProps } from './history-submit';
import { usePersonnelT } from './i18n';
import { OptionalLabel } from './OptionalLabel';
import { daysInclusive, isIsoDate } from './personnel.format';
import { leaveKindLabel } from './personnel.labels';

const FIELDS = ['kind', 'startDate', 'endDate', 'note'] as const;

/**
 * Records leave as the leave permit states it: the kind, the first and the last day (both
 * inclusive, stored so) and a note. Two leaves of one person may not overlap: the server says which.
 */
export function LeaveForm({ employee, onClose }: HistoryFormProps) {
  const t = usePersonnelT();
  const { save, dialog } = useHistorySubmit(employee.id, 'leave', FIELDS, onClose);

  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: '', startDate: '', endDate: '', note: '' },
    validateInputOnBlur: true,
    validate: {
      kind: (v) => (v ? null : t('leaveForm.kindRequired')),
      startDate: (v) => (!v ? t('form.required') : isIsoDate(v) ? null : t('form.dateInvalid')),
      endDate: (v, values) => {
        if (!v) return t('form.required');
        if (!isIsoDate(v)) return t('form.dateInvalid');
        return values.startDate && v < values.startDate ? t('leaveForm.endBeforeStart') : null;
      },
    },
  });

  const submit = form.onSubmit(
    (v) => save({ kind: v.kind as LeaveKind, startDate: v.startDate, endDate: v.endDate, note: v.note.trim() || null }, form.setErrors),
    focusFirstError,
  );

  const { startDate, endDate } = form.values;
  const length = isIsoDate(startDate) && isIsoDate(endDate) && endDate >= startDate ? daysInclusive(startDate, endDate) : null;
  return (
    <FormDialog {...dialog} title={t('leaveForm.title')} lead={t('leaveForm.lead', { name: employee.displayName })} submitLabel={t('leaveForm.submit')} onSubmit={submit} testId="leave-form">
      <Select
        label={t('profile.leaveKind')}
        name="kind"
        required
        data={LEAVE_KINDS.map((k) => ({ value: k, label: leaveKindLabel(t, k) }))}
        placeholder={t('leaveForm.kindPlaceholder')}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('kind')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label={t('leaveForm.startDate')} name="startDate" type="date" required {...form.getInputProps('startDate')} />
        <TextInput
          label={t('leaveForm.endDate')}
          name="endDate"
          type="date"
          required
          min={startDate || undefined}
          description={length === null ? undefined : t('leaveForm.length', { count: length })}
          // The length under the box: the boxes stay level and do not move when it appears.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...form.getInputProps('endDate')}
        />
      </SimpleGrid>
      <Textarea
        label={<OptionalLabel label={t('profile.note')} />}
        name="note"
        autosize
        minRows={2}
        maxLength={300}
        placeholder={t('leaveForm.notePlaceholder')}
        {...form.getInputProps('note')}
      />
    </FormDialog>
  );
}
