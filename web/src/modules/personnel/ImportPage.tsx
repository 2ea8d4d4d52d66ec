import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Stepper.css';
import { Alert, Anchor, Button, FileInput, Group, Paper, Radio, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconEqual, IconFileUpload, IconLock, IconPencil, IconPlus, IconRefresh, IconUpload } from '@tabler/icons-react';
import { useReducer } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/Skeletons';
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
  if (access.pending) return <PageSkeleton />;
  if (access.error) {
    return (
      <>
        {header}
        <ErrorState error={access.error} onRetry={access.retry} />
      </>
    );
  }
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

// The wizard's steps in order; the Stepper shows them by their index.
const STEPS = ['kind', 'file', 'check', 'done'] as const;
type Step = (typeof STEPS)[number];
const STEP_NAMES: Record<Step, Key> = { kind: 'import.step.kind', file: 'import.step.file', check: 'import.step.check', done: 'import.step.done' };

interface WizardState {
  step: Step;
  kind: ImportKind;
  file: File | null;
  fileError: string | null;
  report: ImportReport | null;
  failure: string | null;
}

type WizardAction =
  | { type: 'go'; step: Step }
  | { type: 'kind'; kind: ImportKind }
  | { type: 'file'; file: File | null; fileError: string | null }
  | { type: 'fileMissing'; fileError: string }
  | { type: 'sending' }
  | { type: 'reported'; report: ImportReport; step: Step }
  | { type: 'failed'; failure: string }
  | { type: 'restart' };

const START: WizardState = { step: 'kind', kind: 'employees', file: null, fileError: null, report: null, failure: null };

function wizard(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'go':
      return { ...state, step: action.step };
    case 'kind':
      return { ...state, kind: action.kind };
    case 'file':
      // A new file makes the last report stale.
      return { ...state, file: action.file, fileError: action.fileError, report: null };
    case 'fileMissing':
      return { ...state, fileError: action.fileError };
    case 'sending':
      return { ...state, failure: null };
    case 'reported':
      return { ...state, report: action.report, step: action.step };
    case 'failed':
      return { ...state, failure: action.failure };
    case 'restart':
      return { ...state, file: null, report: null, failure: null, step: 'kind' };
  }
}

/** What every step gets: the wizard's state and the way to change it. */
interface StepProps {
  state: WizardState;
  dispatch: (action: WizardAction) => void;
}

function ImportWizard() {
  const t = usePersonnelT();
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const client = useQueryClient();
  const run = useImport();
  const [state, dispatch] = useReducer(wizard, START);
  const { step, kind, file, report } = state;
  const active = STEPS.indexOf(step);

  const submit = async (dryRun: boolean) => {
    if (!file) {
      dispatch({ type: 'fileMissing', fileError: t('import.fileRequired') });
      return;
    }
    dispatch({ type: 'sending' });
    try {
      const result = await run.mutateAsync({ kind, file, dryRun });
      if (!dryRun) await client.invalidateQueries({ queryKey: ['personnel'] });
      dispatch({ type: 'reported', report: result, step: dryRun ? 'check' : 'done' });
    } catch (error) {
      if (error instanceof ImportRefused) dispatch({ type: 'reported', report: error.report, step: 'check' });
      else dispatch({ type: 'failed', failure: errorMessage(error, t) });
    }
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stepper
        active={active}
        size="sm"
        iconSize={phone ? 28 : 34}
        allowNextStepsSelect={false}
        onStepClick={(s) => s < active && step !== 'done' && dispatch({ type: 'go', step: STEPS[s]! })}
        mb="lg"
        wrap={false}
      >
        {/* A phone shows only the step numbers: there the aria-label gives number and name (it must
            hold what is visible, WCAG 2.5.3); elsewhere the visible number and name are the name. */}
        {STEPS.map((s, i) => (
          <Stepper.Step key={s} label={phone ? undefined : t(STEP_NAMES[s])} aria-label={phone ? `${i + 1}. ${t(STEP_NAMES[s])}` : undefined} />
        ))}
      </Stepper>
      {phone && (
        <Text fz="sm" fw={600} mb="sm" c="tegal.8">
          {t('import.stepOf', { n: active + 1, total: STEPS.length, name: t(STEP_NAMES[step]) })}
        </Text>
      )}

      {step === 'kind' && <KindStep state={state} dispatch={dispatch} />}
      {step === 'file' && <FileStep state={state} dispatch={dispatch} sending={run.isPending} onCheck={() => void submit(true)} />}
      {step === 'check' && report && <CheckStep state={state} report={report} dispatch={dispatch} sending={run.isPending} onRun={() => void submit(false)} />}
      {step === 'done' && report && <DoneStep state={state} report={report} dispatch={dispatch} />}
    </Paper>
  );
}

/** The name of an import kind ("Pegawai", "Unit kerja"…). */
function useKindLabel() {
  const t = usePersonnelT();
  return (k: ImportKind) => t(`import.kind.${k}` as Key);
}

/** Takes a chosen file (or none) with its problem: over the size limit, or none. */
function useChooseFile(dispatch: StepProps['dispatch']) {
  const t = usePersonnelT();
  return (f: File | null) => dispatch({ type: 'file', file: f, fileError: f && f.size > MAX_IMPORT_BYTES ? t('import.fileTooLarge', { size: '50 MB' }) : null });
}

function KindStep({ state: { kind }, dispatch }: StepProps) {
  const t = usePersonnelT();
  const kindLabel = useKindLabel();
  const json = kind === 'siasn';
  return (
    <Stack gap="md">
      <Radio.Group label={<Title order={2} fz={18}>{t('import.chooseKind')}</Title>} value={kind} onChange={(v) => dispatch({ type: 'kind', kind: v as ImportKind })} name="kind">
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
        <Button onClick={() => dispatch({ type: 'go', step: 'file' })}>{t('import.next')}</Button>
      </Group>
    </Stack>
  );
}

function FileStep({ state: { kind, file, fileError, failure }, dispatch, sending, onCheck }: StepProps & { sending: boolean; onCheck(): void }) {
  const t = usePersonnelT();
  const kindLabel = useKindLabel();
  const chooseFile = useChooseFile(dispatch);
  const json = kind === 'siasn';
  return (
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
      <Failure failure={failure} />
      <Group justify="space-between">
        <Button variant="default" onClick={() => dispatch({ type: 'go', step: 'kind' })}>
          {t('import.back')}
        </Button>
        <Button leftSection={<IconUpload size={18} />} onClick={onCheck} loading={sending} disabled={Boolean(fileError)}>
          {t('import.check')}
        </Button>
      </Group>
    </Stack>
  );
}

function CheckStep({ state: { file, failure }, report, dispatch, sending, onRun }: StepProps & { report: ImportReport; sending: boolean; onRun(): void }) {
  const t = usePersonnelT();
  const chooseFile = useChooseFile(dispatch);
  return (
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
      <Failure failure={failure} />
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconRefresh size={18} />}
          onClick={() => {
            chooseFile(null);
            dispatch({ type: 'go', step: 'file' });
          }}
        >
          {t('import.otherFile')}
        </Button>
        <Button onClick={onRun} loading={sending} disabled={report.errorCount > 0}>
          {t('import.run')}
        </Button>
      </Group>
    </Stack>
  );
}

function DoneStep({ state: { kind }, report, dispatch }: StepProps & { report: ImportReport }) {
  const t = usePersonnelT();
  const kindLabel = useKindLabel();
  const employees = kind === 'employees' || kind === 'siasn';
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} title={t('import.doneTitle')} role="status">
        {t('import.doneBody', { kind: kindLabel(kind) })}
      </Alert>
      <Counts report={report} />
      <Group justify="space-between">
        <Button variant="default" onClick={() => dispatch({ type: 'restart' })}>
          {t('import.again')}
        </Button>
        <Button component={Link} to={employees ? '/simpeg/pegawai' : '/simpeg/struktur'} variant="light">
          {employees ? t('import.toDirectory') : t('import.toOrgChart')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A failed call's message, announced. */
function Failure({ failure }: { failure: string | null }) {
  if (!failure) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} role="alert">
      {failure}
    </Alert>
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
