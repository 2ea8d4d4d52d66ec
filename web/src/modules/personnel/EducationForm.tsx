import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormDialog } from '../../components/FormDialog';
import { todayIso } from '../../lib/clock';
import { focusFirstError } from '../../lib/form-failure';
import { EDUCATION_LEVELS } from './history.api';
import { useHistorySubmit, type HistoryFormProps } from './history-submit';
import { usePersonnelT } from './i18n';
import { OptionalLabel } from './OptionalLabel';

const FIELDS = ['level', 'institution', 'major', 'graduationYear'] as const;
/** The earliest year the server takes. */
const FIRST_YEAR = 1950;

/** Records a completed education; a level above the current one becomes the employee's highest. */
export function EducationForm({ employee, onClose }: HistoryFormProps) {
  const t = usePersonnelT();
  const { save, dialog } = useHistorySubmit(employee.id, 'education', FIELDS, onClose);
  // A completed education has a year of graduation no later than this one (the server takes up to 2100).
  const lastYear = Number(todayIso().slice(0, 4));

  const form = useForm({
    mode: 'controlled',
    initialValues: { level: '', institution: '', major: '', graduationYear: '' },
    validateInputOnBlur: true,
    validate: {
      level: (v) => (v ? null : t('educationForm.levelRequired')),
      institution: (v) => (!v.trim() ? t('form.required') : v.trim().length < 2 ? t('educationForm.institutionShort') : null),
      graduationYear: (v) => {
        if (!v.trim()) return t('form.required');
        const year = Number(v.trim());
        return /^\d{4}$/.test(v.trim()) && year >= FIRST_YEAR && year <= lastYear ? null : t('educationForm.yearInvalid', { max: lastYear });
      },
    },
  });

  const submit = form.onSubmit(
    (v) =>
      save(
        {
          level: v.level as (typeof EDUCATION_LEVELS)[number],
          institution: v.institution.trim(),
          major: v.major.trim() || null,
          graduationYear: Number(v.graduationYear.trim()),
        },
        form.setErrors,
      ),
    focusFirstError,
  );

  return (
    <FormDialog {...dialog} title={t('educationForm.title')} lead={t('educationForm.lead', { name: employee.displayName })} submitLabel={t('educationForm.submit')} onSubmit={submit} testId="education-form">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('profile.level')}
          name="level"
          required
          data={EDUCATION_LEVELS}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('level')}
        />
        <TextInput
          label={t('profile.graduationYear')}
          name="graduationYear"
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          placeholder={String(lastYear)}
          {...form.getInputProps('graduationYear')}
        />
      </SimpleGrid>
      <TextInput
        label={t('educationForm.institution')}
        name="institution"
        required
        maxLength={200}
        placeholder={t('educationForm.institutionPlaceholder')}
        {...form.getInputProps('institution')}
      />
      <TextInput
        label={<OptionalLabel label={t('profile.major')} />}
        name="major"
        maxLength={120}
        placeholder={t('educationForm.majorPlaceholder')}
        {...form.getInputProps('major')}
      />
    </FormDialog>
  );
}
