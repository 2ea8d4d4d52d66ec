import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Stepper.css';
import { Alert, Anchor, Button, FileInput, Group, Paper, Radio, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconEqual, IconFileUpload, IconLock, IconPencil, IconPlus, IconRefresh, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { StatCard } from '../../components/StatCard';
import { useDocumentTitle } from '../../lib/document-title';
import { errorMessage } from '../../lib/error-message';
import { usePersonnelT, type Key } from './i18n';
import { formatNumber } from '../../lib/i18n/format';
import { IMPORT_KINDS, ImportRefused, MAX_IMPORT_BYTES, templateUrl, useImport, type ImportKind, type ImportReport, type ImportRowError } from './imports.api';
import { usePersonnelAccess } from './personnel.access';


/**
 * "Impor data": a wizard for BKPSDM and agency admins. Choose what to import, take the template,
 * upload the file, read the dry run's report (counts and every refused row with its field), and
 * import only when nothing is wrong; a refused import writes nothing.
 */
export function ImportPage({ appName }: { appName: string }) {
  const t = usePersonnelT();
  useDocumentTitle(t('import.title'));
  const access = usePersonnelAccess();
  const header = <PageHeader breadcrumbs={[{ label: appName, to: '/simpeg' }, { label: t('import.title') }]} title={t('import.title')} description={t('import.lead')} />;
  if (!access.canManageAny) {
    return (
      <>
        {header}
        <EmptyState icon={<IconLock size={28} stroke={1.6} />} title={t('import.noAccess')} description={t('import.noAccessHint')} />
      </>
    );
  }
  return (
    <>
      {header}
      <ImportWizard />
    </>
  );
}

function ImportWizard() {
  const t = usePersonnelT();
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const client = useQueryClient();
  const run = useImport();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('employees');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const kindLabel = (k: ImportKind) => t(`import.kind.${k}` as Key);
  const json = kind === 'siasn';

  const submit = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t('import.fileRequired'));
      return;
    }
    setFailure(null);
    try {
      const result = await run.mutateAsync({ kind, file, dryRun });
      setReport(result);
      if (!dryRun) await client.invalidateQueries({ queryKey: ['personnel'] });
      setStep(dryRun ? 2 : 3);
    } catch (error) {
      if (error instanceof ImportRefused) {
        setReport(error.report);
        setStep(2);
      } else setFailure(errorMessage(error, t));
    }
  };

  const chooseFile = (f: File | null) => {
    setFile(f);
    setReport(null);
    setFileError(f && f.size > MAX_IMPORT_BYTES ? t('import.fileTooLarge', { size: '50 MB' }) : null);
  };

  const restart = () => {
    setFile(null);
    setReport(null);
    setFailure(null);
    setStep(0);
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stepper active={step} size="sm" iconSize={phone ? 28 : 34} allowNextStepsSelect={false} onStepClick={(s) => s < step && step < 3 && setStep(s)} mb="lg" wrap={false}>
        {/* A phone shows only the step numbers: there the aria-label gives number and name (it must
            hold what is visible, WCAG 2.5.3); elsewhere the visible number and name are the name. */}
        <Stepper.Step label={phone ? undefined : t('import.step.kind')} aria-label={phone ? `1. ${t('import.step.kind')}` : undefined} />
        <Stepper.Step label={phone ? undefined : t('import.step.file')} aria-label={phone ? `2. ${t('import.step.file')}` : undefined} />
        <Stepper.Step label={phone ? undefined : t('import.step.check')} aria-label={phone ? `3. ${t('import.step.check')}` : undefined} />
        <Stepper.Step label={phone ? undefined : t('import.step.done')} aria-label={phone ? `4. ${t('import.step.done')}` : undefined} />
      </Stepper>
      {phone && (
        <Text fz="sm" fw={600} mb="sm" c="tegal.8">
          {t('import.stepOf', { n: step + 1, total: 4, name: t((['import.step.kind', 'import.step.file', 'import.step.check', 'import.step.done'] as const)[step]!) })}
        </Text>
      )}

      {step === 0 && (
        <Stack gap="md">
          <Radio.Group label={<Title order={2} fz={18}>{t('import.chooseKind')}</Title>} value={kind} onChange={(v) => setKind(v as ImportKind)} name="kind">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
              {IMPORT_KINDS.map((k) => (
                <Paper key={k} withBorder p="sm" radius="md" bg={k === kind ? 'tegal.0' : undefined}>
                  <Radio value={k} label={<Text fw={600} fz="sm">{kindLabel(k)}</Text>} description={t(`import.kindHint.${k}` as Key)} />
                </Paper>
              ))}
            </SimpleGrid>
          </Radio.Group>
          <Alert variant="light" color="tegal" icon={<IconDownload size={18} />} p="sm">
            <Text fz="sm">
              {json ? t('import.siasnHint') : t('import.templateHint')}{' '}
              {!json && (
                <Anchor href={templateUrl(kind)} download fw={600} fz="sm">
                  {t('import.downloadTemplate', { kind: kindLabel(kind) })}
                </Anchor>
              )}
            </Text>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={() => setStep(1)}>{t('import.next')}</Button>
          </Group>
        </Stack>
      )}

      {step === 1 && (
        <Stack gap="md">
          <Title order={2} fz={18}>
            {t('import.uploadTitle', { kind: kindLabel(kind) })}
          </Title>
          <FileInput
            label={t('import.file')}
            description={json ? t('import.fileHintJson') : t('import.fileHintCsv')}
            placeholder={t('import.filePlaceholder')}
            accept={json ? '.json,application/json' : '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}
            value={file}
            onChange={chooseFile}
            error={fileError}
            leftSection={<IconFileUpload size={18} />}
            clearable
            clearButtonProps={{ 'aria-label': t('import.clearFile') }}
            size="md"
            name="file"
          />
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(0)}>
              {t('import.back')}
            </Button>
            <Button leftSection={<IconUpload size={18} />} onClick={() => void submit(true)} loading={run.isPending} disabled={Boolean(fileError)}>
              {t('import.check')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 2 && report && (
        <Stack gap="md">
          <Title order={2} fz={18}>
            {t('import.reportTitle', { file: file?.name ?? '' })}
          </Title>
          {report.errorCount === 0 && (
            <Text fz="sm" c="dimmed">
              {report.message}
            </Text>
          )}
          <Counts report={report} />
          {report.errorCount > 0 ? (
            <>
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} role="alert" title={t('import.hasErrors', { count: formatNumber(report.errorCount) })}>
                {t('import.hasErrorsHint')}
              </Alert>
              <RowTable caption={t('import.errorsCaption')} rows={report.errors} total={report.errorCount} />
            </>
          ) : (
            <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />}>
              {t('import.noErrors')}
            </Alert>
          )}
          {report.warningCount > 0 && (
            <>
              <Title order={3} fz={16}>
                {t('import.warnings', { count: formatNumber(report.warningCount) })}
              </Title>
              <Text fz="sm" c="dimmed" mt={-8}>
                {t('import.warningsHint')}
              </Text>
              <RowTable caption={t('import.warningsCaption')} rows={report.warnings} total={report.warningCount} />
            </>
          )}
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" leftSection={<IconRefresh size={18} />} onClick={() => { chooseFile(null); setStep(1); }}>
              {t('import.otherFile')}
            </Button>
            <Button onClick={() => void submit(false)} loading={run.isPending} disabled={report.errorCount > 0}>
              {t('import.run')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 3 && report && (
        <Stack gap="md">
          <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} title={t('import.doneTitle')} role="status">
            {t('import.doneBody', { kind: kindLabel(kind) })}
          </Alert>
          <Counts report={report} />
          <Group justify="space-between">
            <Button variant="default" onClick={restart}>
              {t('import.again')}
            </Button>
            <Button component={Link} to={kind === 'employees' || kind === 'siasn' ? '/simpeg/pegawai' : '/simpeg/struktur'} variant="light">
              {kind === 'employees' || kind === 'siasn' ? t('import.toDirectory') : t('import.toOrgChart')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

function Counts({ report }: { report: ImportReport }) {
  const t = usePersonnelT();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="import-counts">
      <StatCard icon={<IconPlus size={22} />} label={report.dryRun ? t('import.count.toCreate') : t('import.count.created')} value={formatNumber(report.created)} />
      <StatCard icon={<IconPencil size={22} />} label={report.dryRun ? t('import.count.toUpdate') : t('import.count.updated')} value={formatNumber(report.updated)} />
      <StatCard icon={<IconEqual size={22} />} label={t('import.count.unchanged')} value={formatNumber(report.unchanged)} />
      <StatCard icon={<IconAlertTriangle size={22} />} label={t('import.count.errors')} value={formatNumber(report.errorCount)} />
    </SimpleGrid>
  );
}

function RowTable({ caption, rows, total }: { caption: string; rows: ImportRowError[]; total: number }) {
  const t = usePersonnelT();
  return (
    <Stack gap={6}>
      <DataTable<ImportRowError & { key: string }>
        caption={caption}
        rows={rows.map((e, i) => ({ ...e, key: `${e.row}-${e.field}-${i}` }))}
        rowKey={(e) => e.key}
        pageSize={20}
        columns={[
          { key: 'row', header: t('import.col.row'), cell: (e) => formatNumber(e.row), width: 80, numeric: true },
          { key: 'field', header: t('import.col.field'), cell: (e) => <Text span ff="monospace" fz={13}>{e.field}</Text>, width: 170 },
          { key: 'value', header: t('import.col.value'), cell: (e) => (e.value ? <Text span ff="monospace" fz={13} style={{ overflowWrap: 'anywhere' }}>{e.value}</Text> : '—'), width: 200 },
          { key: 'message', header: t('import.col.message'), cell: (e) => e.message, primary: true },
        ]}
        empty={{ title: t('import.noErrors') }}
      />
      {rows.length < total && (
        <Text fz="xs" c="dimmed">
          {t('import.listCut', { shown: formatNumber(rows.length), total: formatNumber(total) })}
        </Text>
      )}
    </Stack>
  );
}
