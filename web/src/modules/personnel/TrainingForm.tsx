import '@mantine/core/styles/Radio.css';
import { Group, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormDialog } from '../../components/FormDialog';
import { focusFirstError } from '../../lib/form-failure';
import { TRAINING_KINDS, type TrainingKind } from './history.api';
import { useHistorySubmit, type HistoryFormProps } from './history-submit';
import { usePersonnelT } from './i18n';
import { OptionalLabel } from './OptionalLabel';
import { isIsoDate } from './personnel.format';
import { trainingKindLabel } from './personnel.labels';

const FIELDS = ['kind', 'name', 'institution', 'hours', 'startDate', 'endDate'] as const;
/** The most lesson hours the server takes for one course. */
const MAX_HOURS = 2000;

/** Records a training (diklat, pelatihan or course) with its kind, organiser, hours and dates. */
export function TrainingForm({ employee, onClose }: HistoryFormProps) {
  const t = usePersonnelT();
  const { save, dialog } = useHistorySubmit(employee.id, 'training', FIELDS, onClose);

  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: 'teknis' as TrainingKind, name: '', institution: '', hours: '', startDate: '', endDate: '' },
    validateInputOnBlur: true,
    validate: {
      name: (v) => (!v.trim() ? t('form.required') : v.trim().length < 3 ? t('trainingForm.nameShort') : null),
      hours: (v) => {
        if (!v.trim()) return null;
        const hours = Number(v.trim());
        return /^\d+$/.test(v.trim()) && hours >= 1 && hours <= MAX_HOURS ? null : t('trainingForm.hoursInvalid');
      },
      startDate: (v) => (!v ? t('form.required') : isIsoDate(v) ? null : t('form.dateInvalid')),
      endDate: (v, values) => {
        if (!v) return null;
        if (!isIsoDate(v)) return t('form.dateInvalid');
        return values.startDate && v < values.startDate ? t('form.endBeforeStart') : null;
      },
    },
  });

  const submit = form.onSubmit(
    (v) =>
      save(
        {
          kind: v.kind,
          name: v.name.trim(),
          institution: v.institution.trim() || null,
          hours: v.hours.trim() ? Number(v.hours.trim()) : null,
          startDate: v.startDate,
          endDate: v.endDate || null,
        },
        form.setErrors,
      ),
    focusFirstError,
  );

  return (
    <FormDialog {...dialog} title={t('trainingForm.title')} lead={t('trainingForm.lead', { name: employee.displayName })} submitLabel={t('trainingForm.submit')} onSubmit={submit} testId="training-form">
      <Radio.Group label={t('trainingForm.kind')} required {...form.getInputProps('kind')} name="kind">
        <Group gap="lg" mt={6}>
          {TRAINING_KINDS.map((k) => (
            <Radio key={k} value={k} label={trainingKindLabel(t, k)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        label={t('profile.trainingName')}
        name="name"
        required
        maxLength={200}
        placeholder={t('trainingForm.namePlaceholder')}
        {...form.getInputProps('name')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={<OptionalLabel label={t('profile.organiser')} />}
          name="institution"
          maxLength={200}
          placeholder={t('trainingForm.organiserPlaceholder')}
          {...form.getInputProps('institution')}
        />
        <TextInput
          label={<OptionalLabel label={t('trainingForm.hours')} />}
          name="hours"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          {...form.getInputProps('hours')}
        />
        <TextInput label={t('trainingForm.startDate')} name="startDate" type="date" required {...form.getInputProps('startDate')} />
        <TextInput
          label={<OptionalLabel label={t('trainingForm.endDate')} />}
          name="endDate"
          type="date"
          min={form.values.startDate || undefined}
          description={t('trainingForm.endDateHint')}
          // The hint under the box, so the two date boxes stay level.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...form.getInputProps('endDate')}
        />
      </SimpleGrid>
    </FormDialog>
  );
}
