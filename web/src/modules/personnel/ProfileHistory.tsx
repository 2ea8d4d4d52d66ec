import '@mantine/core/styles/Tabs.css';
import { Badge, Button, Group, Tabs, Text } from '@mantine/core';
import { IconCircleCheck, IconHistory, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { usePersonnelT, type Key } from './i18n';
import { formatDate, formatNumber } from '../../lib/i18n/format';
import { HoldingBadge } from './Badges';
import type { EmployeeHistory, EmployeeProfile } from './employees.api';
import type { HistorySection } from './history.api';
import { daysInclusive, lastDay } from './personnel.format';
import { leaveKindLabel, trainingKindLabel } from './personnel.labels';

// For administrators only, and only once one opens a form: readers of profiles never download them.
const HistoryForm = lazy(() => import('./HistoryForm').then((m) => ({ default: m.HistoryForm })));

type Row<K extends keyof EmployeeHistory> = EmployeeHistory[K][number];

/** "1 Januari 2020 – 31 Desember 2022", or "sejak 1 Januari 2023" for an open period. */
function usePeriod() {
  const t = usePersonnelT();
  return (start: string, end: string | null) => (end ? `${formatDate(start)} – ${formatDate(end)}` : t('profile.since', { date: formatDate(start) }));
}

function Sk({ number, date }: { number: string | null; date: string | null }) {
  if (!number) return <Text span c="dimmed">—</Text>;
  return (
    <>
      <Text span fz="sm">{number}</Text>
      {date && (
        <Text fz="xs" c="dimmed">
          {formatDate(date)}
        </Text>
      )}
    </>
  );
}

/**
 * The employee's history in tabs (Pangkat, Jabatan, Plt/Plh, Pendidikan, Diklat, Cuti), newest first,
 * dates in Indonesian. Assignment and delegation ends are stored exclusive: the last day is shown.
 * When the server says the user may edit the employee, the rank, education, training and leave tabs
 * each offer "Tambah …", a form in a dialog; the server's answer (the whole profile) redraws the tab.
 */
export function ProfileHistory({ history, employee }: { history: EmployeeHistory; employee: EmployeeProfile }) {
  const t = usePersonnelT();
  const period = usePeriod();
  const newest = <T,>(rows: readonly T[], date: (r: T) => string) => [...rows].sort((a, b) => date(b).localeCompare(date(a)));
  const [adding, setAdding] = useState<HistorySection | null>(null);
  const [saved, setSaved] = useState<HistorySection | null>(null);
  const addButtons = useRef(new Map<HistorySection, HTMLButtonElement>());
  const toolbar = (section: HistorySection) =>
    employee.abilities.canEdit ? (
      <AddToolbar
        section={section}
        saved={saved === section}
        buttonRef={(button) => {
          if (button) addButtons.current.set(section, button);
          else addButtons.current.delete(section);
        }}
        onAdd={() => {
          setSaved(null);
          setAdding(section);
        }}
      />
    ) : undefined;

  const tabs: { key: string; label: string; count: number; table: ReactNode }[] = [
    {
      key: 'ranks',
      label: t('profile.tab.ranks'),
      count: history.ranks.length,
      table: (
        <HistoryTable<Row<'ranks'>>
          caption={t('profile.tab.ranks')}
          toolbar={toolbar('ranks')}
          rows={newest(history.ranks, (r) => r.tmt)}
          columns={[
            { key: 'rank', header: t('directory.rank'), primary: true, cell: (r) => r.rankLabel },
            { key: 'tmt', header: t('profile.tmt'), cell: (r) => formatDate(r.tmt), width: 180 },
            { key: 'sk', header: t('profile.sk'), cell: (r) => <Sk number={r.skNumber} date={r.skDate} />, width: 220 },
          ]}
        />
      ),
    },
    {
      key: 'positions',
      label: t('profile.tab.positions'),
      count: history.positions.length,
      table: (
        <HistoryTable<Row<'positions'>>
          caption={t('profile.tab.positions')}
          rows={newest(history.positions, (r) => r.startDate)}
          columns={[
            { key: 'title', header: t('directory.position'), primary: true, cell: (r) => <PositionCell position={r.position} /> },
            { key: 'period', header: t('profile.period'), cell: (r) => period(r.startDate, lastDay(r.endDate)), width: 240 },
            { key: 'sk', header: t('profile.sk'), cell: (r) => <Sk number={r.skNumber} date={r.skDate} />, width: 200, hideOnPhone: true },
          ]}
        />
      ),
    },
    {
      key: 'delegations',
      label: t('profile.tab.delegations'),
      count: history.delegations.length,
      table: (
        <HistoryTable<Row<'delegations'>>
          caption={t('profile.tab.delegations')}
          rows={newest(history.delegations, (r) => r.startDate)}
          columns={[
            { key: 'title', header: t('directory.position'), primary: true, cell: (r) => <PositionCell position={r.position} /> },
            { key: 'kind', header: t('profile.as'), cell: (r) => <HoldingBadge as={r.kind} />, width: 90 },
            { key: 'period', header: t('profile.period'), cell: (r) => period(r.startDate, lastDay(r.endDate)), width: 220 },
            { key: 'sk', header: t('profile.sk'), cell: (r) => <Sk number={r.skNumber} date={r.skDate} />, width: 180, hideOnPhone: true },
            { key: 'reason', header: t('delegate.reason'), cell: (r) => r.reason, hideOnPhone: true },
          ]}
        />
      ),
    },
    {
      key: 'education',
      label: t('profile.tab.education'),
      count: history.education.length,
      table: (
        <HistoryTable<Row<'education'>>
          caption={t('profile.tab.education')}
          toolbar={toolbar('education')}
          rows={[...history.education].sort((a, b) => b.graduationYear - a.graduationYear)}
          columns={[
            { key: 'institution', header: t('profile.institution'), primary: true, cell: (r) => r.institution },
            { key: 'level', header: t('profile.level'), cell: (r) => r.level, width: 100 },
            { key: 'major', header: t('profile.major'), cell: (r) => r.major ?? '—' },
            { key: 'year', header: t('profile.graduationYear'), cell: (r) => String(r.graduationYear), width: 120, numeric: true },
          ]}
        />
      ),
    },
    {
      key: 'training',
      label: t('profile.tab.training'),
      count: history.training.length,
      table: (
        <HistoryTable<Row<'training'>>
          caption={t('profile.tab.training')}
          toolbar={toolbar('training')}
          rows={newest(history.training, (r) => r.startDate)}
          columns={[
            { key: 'name', header: t('profile.trainingName'), primary: true, cell: (r) => r.name },
            { key: 'kind', header: t('profile.trainingKind'), cell: (r) => trainingKindLabel(t, r.kind), width: 130 },
            { key: 'institution', header: t('profile.organiser'), cell: (r) => r.institution ?? '—', hideOnPhone: true },
            { key: 'date', header: t('profile.date'), cell: (r) => (r.endDate && r.endDate !== r.startDate ? `${formatDate(r.startDate)} – ${formatDate(r.endDate)}` : formatDate(r.startDate)), width: 220 },
            { key: 'hours', header: t('profile.hours'), cell: (r) => (r.hours === null ? '—' : formatNumber(r.hours)), width: 80, numeric: true },
          ]}
        />
      ),
    },
    {
      key: 'leave',
      label: t('profile.tab.leave'),
      count: history.leave.length,
      table: (
        <HistoryTable<Row<'leave'>>
          caption={t('profile.tab.leave')}
          toolbar={toolbar('leave')}
          rows={newest(history.leave, (r) => r.startDate)}
          columns={[
            { key: 'kind', header: t('profile.leaveKind'), primary: true, cell: (r) => leaveKindLabel(t, r.kind) },
            { key: 'date', header: t('profile.date'), cell: (r) => `${formatDate(r.startDate)} – ${formatDate(r.endDate)}`, width: 260 },
            { key: 'days', header: t('profile.days'), cell: (r) => formatNumber(daysInclusive(r.startDate, r.endDate)), width: 80, numeric: true },
            { key: 'note', header: t('profile.note'), cell: (r) => r.note ?? '—', hideOnPhone: true },
          ]}
        />
      ),
    },
  ];

  return (
    <>
      <Tabs defaultValue="ranks" keepMounted={false} data-testid="history-tabs" styles={{ tab: { paddingInline: 12 }, tabSection: { marginInlineStart: 6 } }}>
        <Tabs.List mb="sm" style={{ flexWrap: 'wrap' }}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.key} rightSection={<Badge size="xs" variant="light" color="gray" c="dark.5" circle>{tab.count}</Badge>}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.key} value={tab.key}>
            {tab.table}
          </Tabs.Panel>
        ))}
      </Tabs>
      {adding && (
        <Suspense fallback={null}>
          <HistoryForm
            section={adding}
            employee={employee}
            // The form unmounts as it closes, before Mantine's modal can give the focus back: give it
            // back here, to the "Tambah" button that opened it.
            onClose={(done) => {
              setAdding(null);
              if (done) setSaved(adding);
              requestAnimationFrame(() => addButtons.current.get(adding)?.focus());
            }}
          />
        </Suspense>
      )}
    </>
  );
}

/** Above a history table: "Tambah …" and, once a record is saved, a polite note that says so. */
function AddToolbar({ section, saved, buttonRef, onAdd }: { section: HistorySection; saved: boolean; buttonRef(button: HTMLButtonElement | null): void; onAdd(): void }) {
  const t = usePersonnelT();
  return (
    <Group justify="space-between" gap="xs" wrap="wrap-reverse">
      {/* Present (empty) before anything is saved, so screen readers announce the note when it appears. */}
      <Text role="status" fz="sm" c="green" fw={600} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        {saved && (
          <>
            <IconCircleCheck size={18} aria-hidden />
            {t(`history.saved.${section}` as Key)}
          </>
        )}
      </Text>
      <Button ref={buttonRef} variant="light" leftSection={<IconPlus size={18} />} onClick={onAdd}>
        {t(`history.add.${section}` as Key)}
      </Button>
    </Group>
  );
}

function HistoryTable<T extends { id: string }>({ caption, toolbar, rows, columns }: { caption: string; toolbar?: ReactNode; rows: T[]; columns: Column<T>[] }) {
  const t = usePersonnelT();
  return (
    <DataTable
      caption={caption}
      toolbar={toolbar}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      pageSize={10}
      empty={{ title: t('profile.historyEmpty'), icon: <IconHistory size={28} stroke={1.6} /> }}
    />
  );
}

/** A position in a history row: its title, then its unit and agency. */
function PositionCell({ position }: { position: { title: string; unit: { name: string }; agency: { shortName: string } } }) {
  return (
    <>
      <Text span fz="sm" fw={600}>{position.title}</Text>
      <Text fz="xs" c="dimmed">{`${position.unit.name} · ${position.agency.shortName}`}</Text>
    </>
  );
}
