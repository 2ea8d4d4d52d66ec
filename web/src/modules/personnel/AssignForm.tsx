import '@mantine/core/styles/Modal.css';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { focusField, useSubmitFailure } from '../../lib/form-failure';
import { usePersonnelT } from './i18n';
import { VacantBadge } from './Badges';
import { useAssign, type EmployeeProfile } from './employees.api';
import { OptionalLabel } from './OptionalLabel';
import { flattenUnits, useUnitPositions, useUnitTree } from './organisation.api';
import { usePersonnelAccess } from './personnel.access';
import { useAgencies } from './personnel.api';
import { isIsoDate, todayIso } from './personnel.format';

const FIELDS = ['positionId', 'startDate', 'skNumber', 'skDate'] as const;

/**
 * Appoints an employee to a position (definitive): agency → unit → position, the vacant posts marked,
 * with the TMT and the SK. The server's refusals (a post already held…) appear under the field.
 */
export function AssignForm({ employee, opened, onClose }: { employee: EmployeeProfile; opened: boolean; onClose(): void }) {
  const t = usePersonnelT();
  const phone = useMediaQuery('(max-width: 36em)');
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
      startDate: (v) => (!v ? t('form.required') : isIsoDate(v) ? null : t('form.dateInvalid')),
      skNumber: (v) => (!v.trim() || v.trim().length >= 3 ? null : t('form.skNumberShort')),
      skDate: (v) => (!v || isIsoDate(v) ? null : t('form.dateInvalid')),
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
    (errors) => focusField(Object.keys(errors)[0]),
  );

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={700}>{t('assign.title')}</Text>} size="lg" fullScreen={phone} closeButtonProps={{ 'aria-label': t('form.close') }}>
      <form onSubmit={submit} noValidate data-testid="assign-form">
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t('assign.lead', { name: employee.displayName })}
          </Text>
          {failure && (
            <Alert ref={alertRef} tabIndex={-1} color="red" variant="light" icon={<IconAlertCircle size={20} />} role="alert">
              {failure}
            </Alert>
          )}
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
          <TextInput
            label={t('assign.startDate')}
            name="startDate"
            type="date"
            required
            description={t('assign.startDateHint')}
            w={{ base: '100%', sm: '50%' }}
            {...form.getInputProps('startDate')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={<OptionalLabel label={t('form.skNumber')} />} name="skNumber" maxLength={100} placeholder="821.2/045/2026" {...form.getInputProps('skNumber')} />
            <TextInput label={<OptionalLabel label={t('form.skDate')} />} name="skDate" type="date" {...form.getInputProps('skDate')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={assign.isPending}>
              {t('assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
