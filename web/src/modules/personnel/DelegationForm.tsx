import '@mantine/core/styles/Radio.css';
import { Radio, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormDialog } from '../../components/FormDialog';
import { todayIso } from '../../lib/clock';
import { focusFirstError, useSubmitFailure } from '../../lib/form-failure';
import { usePersonnelT } from './i18n';
import { EmployeePicker } from './EmployeePicker';
import { OptionalLabel } from './OptionalLabel';
import { DELEGATION_KINDS, useDelegate, type DelegationKind, type PositionKind } from './organisation.api';
import { addDays, isIsoDate } from './personnel.format';
import { delegationKindName, holdingLabel } from './personnel.labels';

const FIELDS = ['kind', 'employeeId', 'skNumber', 'skDate', 'startDate', 'endDate', 'reason'] as const;

/** Props of the delegation form. */
export interface DelegationFormProps {
  position: { id: string; title: string; kind: PositionKind };
  opened: boolean;
  onClose(): void;
}

/**
 * Appoints a Plt, Plh, Pj or Pjs for a position. The end date is asked as "sampai dengan" (the last
 * day, inclusive, as written on the SK) and sent as the day after, the exclusive end the API stores.
 */
export function DelegationForm({ position, opened, onClose }: DelegationFormProps) {
  const t = usePersonnelT();
  const delegate = useDelegate(position.id);
  const { failure, setFailure, alertRef, report } = useSubmitFailure(t, FIELDS);

  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: 'plt' as DelegationKind, employeeId: '', skNumber: '', skDate: '', startDate: todayIso(), endDate: '', reason: '' },
    validateInputOnBlur: true,
    validate: {
      employeeId: (v) => (v ? null : t('delegate.employeeRequired')),
      skNumber: (v) => (!v.trim() ? t('form.required') : v.trim().length < 3 ? t('form.skNumberShort') : null),
      skDate: (v) => (!v || isIsoDate(v) ? null : t('form.dateInvalid')),
      startDate: (v) => (!v ? t('form.required') : isIsoDate(v) ? null : t('form.dateInvalid')),
      endDate: (v, values) => {
        if (!v) return values.kind === 'plh' ? t('delegate.plhNeedsEnd') : null;
        if (!isIsoDate(v)) return t('form.dateInvalid');
        return values.startDate && v < values.startDate ? t('form.endBeforeStart') : null;
      },
      reason: (v) => (!v.trim() ? t('form.required') : v.trim().length < 3 ? t('delegate.reasonShort') : null),
    },
  });

  const close = () => {
    form.reset();
    setFailure(null);
    delegate.reset();
    onClose();
  };

  const submit = form.onSubmit(
    async (values) => {
      setFailure(null);
      try {
        await delegate.mutateAsync({
          employeeId: values.employeeId,
          kind: values.kind,
          skNumber: values.skNumber.trim(),
          skDate: values.skDate || null,
          startDate: values.startDate,
          endDate: values.endDate ? addDays(values.endDate, 1) : null,
          reason: values.reason.trim(),
        });
        close();
      } catch (error) {
        report(error, form.setErrors);
      }
    },
    focusFirstError,
  );

  const kind = form.values.kind;
  // Pj and Pjs stand in for the highest posts only (JPT); the server refuses them elsewhere.
  const kinds = DELEGATION_KINDS.filter((k) => position.kind === 'jpt_pratama' || (k !== 'pj' && k !== 'pjs'));
  return (
    <FormDialog
      opened={opened}
      title={t('delegate.title')}
      lead={t('delegate.lead', { position: position.title })}
      failure={failure}
      alertRef={alertRef}
      submitLabel={t('delegate.submit', { kind: holdingLabel(t, kind) })}
      pending={delegate.isPending}
      onSubmit={submit}
      onClose={close}
      testId="delegation-form"
    >
      <Radio.Group label={t('delegate.kind')} required {...form.getInputProps('kind')} name="kind">
        <SimpleGrid cols={{ base: 2, sm: kinds.length }} spacing="xs" mt={6}>
          {kinds.map((k) => (
            <Radio key={k} value={k} label={holdingLabel(t, k)} description={delegationKindName(t, k)} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      <EmployeePicker
        label={t('delegate.employee')}
        name="employeeId"
        value={form.values.employeeId}
        onChange={(id) => form.setFieldValue('employeeId', id)}
        error={form.errors.employeeId}
        onBlur={() => form.validateField('employeeId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label={t('form.skNumber')} name="skNumber" required maxLength={100} placeholder="800.1.3/123/2026" {...form.getInputProps('skNumber')} />
        <TextInput label={<OptionalLabel label={t('form.skDate')} />} name="skDate" type="date" {...form.getInputProps('skDate')} />
        <TextInput label={t('delegate.startDate')} name="startDate" type="date" required {...form.getInputProps('startDate')} />
        <TextInput
          label={kind === 'plh' ? t('delegate.endDate') : <OptionalLabel label={t('delegate.endDate')} />}
          name="endDate"
          type="date"
          required={kind === 'plh'}
          min={form.values.startDate || undefined}
          description={kind === 'plh' ? t('delegate.endDateHintPlh') : t('delegate.endDateHint')}
          {...form.getInputProps('endDate')}
        />
      </SimpleGrid>
      <Textarea label={t('delegate.reason')} name="reason" required autosize minRows={2} maxLength={500} placeholder={t('delegate.reasonPlaceholder')} {...form.getInputProps('reason')} />
    </FormDialog>
  );
}
