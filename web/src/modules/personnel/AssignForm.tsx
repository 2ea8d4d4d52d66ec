import { Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { FormDialog } from '../../components/FormDialog';
import { todayIso } from '../../lib/clock';
import { focusFirstError, useSubmitFailure } from '../../lib/form-failure';
import { usePersonnelT } from './i18n';
import { VacantBadge } from './Badges';
import { DecreeFields, decreeRules } from './DecreeFields';
import { useAssign, type EmployeeProfile } from './employees.api';
import { flattenUnits, useUnitPositions, useUnitTree } from './organisation.api';
import { usePersonnelAccess } from './personnel.access';
import { useAgencies } from './personnel.api';

const FIELDS = ['positionId', 'startDate', 'skNumber', 'skDate'] as const;

/**
 * Appoints an employee to a position (definitive): agency → unit → position, the vacant posts marked,
 * with the TMT and the SK. The server's refusals (a post already held…) appear under the field.
 */
export function AssignForm({ employee, opened, onClose }: { employee: EmployeeProfile; opened: boolean; onClose(): void }) {
  const t = usePersonnelT();
  const access = usePersonnelAccess();
  const assign = useAssign(employee.id);
  const { failure, setFailure, alertRef, report } = useSubmitFailure(t, FIELDS);

  const form = useForm({
    mode: 'controlled',
    initialValues: { agencyId: employee.agency.id, unitId: employee.unit?.id ?? '', positionId: '', startDate: todayIso(), skNumber: '', skDate: '' },
    validateInputOnBlur: true,
    validate: {
      unitId: (v) => (v ? null : t('assign.unitRequired')),
      positionId: (v) => (v ? null : t('assign.positionRequired')),
      ...decreeRules(t, 'startDate'),
    },
  });

  const agencies = useAgencies();
  const tree = useUnitTree(form.values.agencyId || null);
  const positions = useUnitPositions(form.values.unitId || null, opened);
  const unitOptions = useMemo(
    () => flattenUnits(tree.data).map(({ unit, depth }) => ({ value: unit.id, label: `${'\u2003'.repeat(depth)}${unit.name}` })),
    [tree.data],
  );
  const positionById = new Map((positions.data ?? []).map((p) => [p.id, p]));
  const agencyOptions = (agencies.data ?? []).filter((a) => access.canManageAgency(a.id)).map((a) => ({ value: a.id, label: a.name }));

  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

  const submit = form.onSubmit(
    async (values) => {
      setFailure(null);
      try {
        await assign.mutateAsync({
          positionId: values.positionId,
          startDate: values.startDate,
          skNumber: values.skNumber.trim() || null,
          skDate: values.skDate || null,
        });
        close();
      } catch (error) {
        report(error, form.setErrors);
      }
    },
    focusFirstError,
  );

  return (
    <FormDialog
      opened={opened}
      title={t('assign.title')}
      lead={t('assign.lead', { name: employee.displayName })}
      failure={failure}
      alertRef={alertRef}
      submitLabel={t('assign.submit')}
      pending={assign.isPending}
      onSubmit={submit}
      onClose={close}
      testId="assign-form"
    >
      <Select
        label={t('personnel.agency')}
        name="agencyId"
        data={agencyOptions}
        searchable
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('agencyId')}
        onChange={(v) => {
          form.setFieldValue('agencyId', v ?? '');
          form.setFieldValue('unitId', '');
          form.setFieldValue('positionId', '');
        }}
      />
      <Select
        label={t('directory.unit')}
        name="unitId"
        required
        data={unitOptions}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('table.noResults')}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('unitId')}
        onChange={(v) => {
          form.setFieldValue('unitId', v ?? '');
          form.setFieldValue('positionId', '');
        }}
      />
      <Select
        label={t('assign.position')}
        name="positionId"
        required
        allowDeselect={false}
        disabled={!form.values.unitId}
        placeholder={form.values.unitId ? t('assign.positionPlaceholder') : t('assign.positionNeedsUnit')}
        data={(positions.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
        nothingFoundMessage={positions.isFetching ? t('shell.loading') : t('orgChart.noPositions')}
        comboboxProps={{ withinPortal: true }}
        renderOption={({ option }) => {
          const p = positionById.get(option.value);
          const holder = p?.holder.definitive;
          return (
            <Stack gap={2}>
              <Text fz="sm">{option.label}</Text>
              {holder ? (
                <Text fz="xs" c="dimmed">
                  {t('assign.heldBy', { name: holder.displayName })}
                </Text>
              ) : (
                <div>
                  <VacantBadge />
                </div>
              )}
            </Stack>
          );
        }}
        {...form.getInputProps('positionId')}
      />
      <DecreeFields tmtName="startDate" tmtLabel={t('assign.startDate')} tmtHint={t('assign.startDateHint')} skPlaceholder="821.2/045/2026" inputProps={form.getInputProps} />
    </FormDialog>
  );
}
