import { Select } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormDialog } from '../../components/FormDialog';
import { focusFirstError } from '../../lib/form-failure';
import { DecreeFields, decreeRules } from './DecreeFields';
import { useHistorySubmit, type HistoryFormProps } from './history-submit';
import { usePersonnelT } from './i18n';
import { rankOptions } from './personnel.labels';

const FIELDS = ['rank', 'tmt', 'skNumber', 'skDate'] as const;

/**
 * Records a promotion (kenaikan pangkat). Only the employee's own ladder is offered (PNS pangkat or
 * PPPK golongan), the step above the current rank chosen; the latest TMT becomes the current rank.
 */
export function RankForm({ employee, onClose }: HistoryFormProps) {
  const t = usePersonnelT();
  const { save, dialog } = useHistorySubmit(employee.id, 'ranks', FIELDS, onClose);
  const ladder = rankOptions(t, employee.kind);
  const current = ladder.findIndex((o) => o.value === employee.rank);
  const options = ladder.map((o, i) => (i === current ? { ...o, label: `${o.label} · ${t('rankForm.current')}` } : o));

  const form = useForm({
    mode: 'controlled',
    initialValues: { rank: current >= 0 ? (ladder[current + 1]?.value ?? '') : '', tmt: '', skNumber: '', skDate: '' },
    validateInputOnBlur: true,
    validate: {
      rank: (v) => (v ? null : t('rankForm.rankRequired')),
      ...decreeRules(t, 'tmt'),
    },
  });

  const submit = form.onSubmit(
    (v) => save({ rank: v.rank, tmt: v.tmt, skNumber: v.skNumber.trim() || null, skDate: v.skDate || null }, form.setErrors),
    focusFirstError,
  );

  return (
    <FormDialog {...dialog} title={t('rankForm.title')} lead={t('rankForm.lead', { name: employee.displayName })} submitLabel={t('rankForm.submit')} onSubmit={submit} testId="rank-form">
      <Select
        label={employee.kind === 'pns' ? t('directory.rank') : t('rankForm.rankPppk')}
        name="rank"
        required
        data={options}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('table.noResults')}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('rank')}
      />
      <DecreeFields tmtName="tmt" tmtLabel={t('rankForm.tmt')} tmtHint={t('rankForm.tmtHint')} skPlaceholder="823.3/112/2026" inputProps={form.getInputProps} />
    </FormDialog>
  );
}
