import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBriefcase, IconLock, IconUserOff, IconUserQuestion } from '@tabler/icons-react';
import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/Skeletons';
import text from '../../components/text.module.css';
import { isApiError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/document-title';
import { usePersonnelT, type Key } from './i18n';
import { formatDate } from '../../lib/i18n/format';
import { HoldingBadge, StatusBadge } from './Badges';
import { useEmployee, type EmployeeProfile } from './employees.api';
import { formatNip, lastDay } from './personnel.format';
import { employeeKindLabel } from './personnel.labels';
import classes from './personnel.module.css';
import { ProfileHistory } from './ProfileHistory';

// For administrators only: nobody else downloads the form.
const AssignForm = lazy(() => import('./AssignForm').then((m) => ({ default: m.AssignForm })));

/** `/simpeg/pegawai/:id`: one employee's profile. */
export function EmployeeProfilePage({ appName }: { appName: string }) {
  const { id = '' } = useParams();
  return <Profile id={id} appName={appName} />;
}

/** `/simpeg/saya`: the signed-in user's own profile. */
export function MyProfilePage({ appName }: { appName: string }) {
  return <Profile id="me" appName={appName} />;
}

/**
 * An employee's profile: the civil-service record, the positions held today (definitive, Plt, Plh),
 * personal data and history where the caller may see them, and the assignment form for admins.
 */
function Profile({ id, appName }: { id: string; appName: string }) {
  const t = usePersonnelT();
  const own = id === 'me';
  const profile = useEmployee(id);
  const [assigning, setAssigning] = useState(false);
  const assignButton = useRef<HTMLButtonElement>(null);
  useDocumentTitle(profile.data?.displayName ?? (own ? t('profile.mine') : t('profile.title')));

  const crumbs = [{ label: appName, to: '/simpeg' }, ...(own ? [] : [{ label: t('directory.title'), to: '/simpeg/pegawai' }])];

  if (profile.isPending) return <PageSkeleton />;
  if (profile.error) {
    const missing = isApiError(profile.error, 404);
    return (
      <>
        <PageHeader breadcrumbs={[...crumbs, { label: own ? t('profile.mine') : t('profile.title') }]} title={own ? t('profile.mine') : t('profile.title')} />
        {missing ? (
          <EmptyState
            icon={own ? <IconUserQuestion size={28} stroke={1.6} /> : <IconUserOff size={28} stroke={1.6} />}
            title={own ? t('profile.noRecord') : t('profile.notFound')}
            description={own ? t('profile.noRecordHint') : t('profile.notFoundHint')}
            action={
              <Button component={Link} to="/simpeg/pegawai" variant="light">
                {t('profile.toDirectory')}
              </Button>
            }
          />
        ) : (
          <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
        )}
      </>
    );
  }

  const e = profile.data;
  const record = (
    <Section title={t('profile.record')}>
      <Facts
        rows={[
          [t('profile.status'), <StatusBadge key="s" status={e.status} />],
          [t('directory.kind'), employeeKindLabel(t, e.kind)],
          [t('directory.rank'), e.rankTmt ? `${e.rankLabel} · ${t('profile.tmtShort', { date: formatDate(e.rankTmt) })}` : e.rankLabel],
          [t('directory.unit'), e.unit?.name ?? '—'],
          [t('personnel.agency'), e.agency.shortName],
          [t('profile.education'), e.educationMajor ? `${e.educationLevel} ${e.educationMajor}` : e.educationLevel],
          [t('profile.tmtCpns'), e.tmtCpns ? formatDate(e.tmtCpns) : '—'],
          [t('profile.email'), e.email ? <Anchor key="m" href={`mailto:${e.email}`} fz={15}>{e.email}</Anchor> : '—'],
        ]}
      />
    </Section>
  );
  const personal = <PersonalSection profile={e} />;
  const holdings =
    e.holdings.length === 0 ? (
      <Text c="dimmed" fz="sm">
        {t('profile.noHoldings')}
      </Text>
    ) : (
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="holdings">
        {e.holdings.map((h) => (
          <Group key={`${h.position.id}-${h.as}`} component="li" gap="sm" align="flex-start" wrap="nowrap">
            <HoldingBadge as={h.as} />
            <Box style={{ minWidth: 0 }}>
              <Text fw={600} fz="sm" className={text.wrap}>
                {h.position.title}
              </Text>
              <Text fz="xs" c="dimmed" className={text.wrap}>
                {`${h.position.unit.name} · ${h.position.agency.shortName} · `}
                {h.endDate
                  ? `${formatDate(h.startDate)} – ${formatDate(lastDay(h.endDate) ?? h.endDate)}`
                  : t('profile.since', { date: formatDate(h.startDate) })}
              </Text>
            </Box>
          </Group>
        ))}
      </Stack>
    );
  const history = e.history ? <ProfileHistory history={e.history} employee={e} /> : <Restricted>{t('profile.historyRestricted')}</Restricted>;

  return (
    <>
      <PageHeader
        breadcrumbs={[...crumbs, { label: own ? t('profile.mine') : e.displayName }]}
        eyebrow={own ? t('profile.mine') : `${employeeKindLabel(t, e.kind)} · ${e.agency.shortName}`}
        title={e.displayName}
        description={<span className={text.idNumber} style={{ fontSize: 15 }} data-testid="profile-nip">{`${e.kind === 'pppk' ? 'NI PPPK' : 'NIP'} ${formatNip(e.nip)}`}</span>}
        actions={
          e.abilities.canEdit ? (
            <Button ref={assignButton} leftSection={<IconBriefcase size={18} />} onClick={() => setAssigning(true)}>
              {t('assign.open')}
            </Button>
          ) : undefined
        }
      />
      {/* One column on phones (holdings, record, personal data, history), two from 62em: see .profile. */}
      <div className={classes.profile}>
        <Section title={t('profile.holdings')} className={classes.profileMain}>
          {holdings}
        </Section>
        <div className={classes.profileSide}>
          {record}
          {personal}
        </div>
        <Section title={t('profile.history')} className={classes.profileMain}>
          {history}
        </Section>
      </div>
      {e.abilities.canEdit && assigning && (
        <Suspense fallback={null}>
          <AssignForm
            employee={e}
            opened
            // The form unmounts as it closes, before Mantine's modal can give the focus back: give
            // it back here, to the button that opened it, once the dialog is gone.
            onClose={() => {
              setAssigning(false);
              requestAnimationFrame(() => assignButton.current?.focus());
            }}
          />
        </Suspense>
      )}
    </>
  );
}

function Section({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" className={className}>
      <Title order={2} fz={18} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className={classes.dl}>
      {rows.map(([label, value]) => (
        <Box key={label} display="contents">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Box>
      ))}
    </dl>
  );
}

function Restricted({ children }: { children: ReactNode }) {
  return (
    <Alert variant="light" color="gray" icon={<IconLock size={18} />} p="sm" data-testid="restricted">
      <Text fz="sm">{children}</Text>
    </Alert>
  );
}

function PersonalSection({ profile }: { profile: EmployeeProfile }) {
  const t = usePersonnelT();
  const p = profile.personal;
  return (
    <Section title={t('profile.personal')}>
      {p ? (
        <Facts
          rows={[
            [t('profile.gender'), t(`profile.gender.${p.gender}` as Key)],
            [t('profile.birth'), p.birthPlace ? `${p.birthPlace}, ${formatDate(p.birthDate)}` : formatDate(p.birthDate)],
            [t('profile.nik'), p.nik ? <span key="n" className={text.idNumber}>{p.nik}</span> : '—'],
            [t('profile.phone'), p.phone ?? '—'],
            [t('profile.address'), p.address ?? '—'],
          ]}
        />
      ) : (
        <Restricted>{t('profile.personalRestricted')}</Restricted>
      )}
    </Section>
  );
}
