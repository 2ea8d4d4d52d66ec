import { Anchor, Box, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import text from '../../components/text.module.css';
import { useToday } from '../../lib/clock';
import { usePersonnelT } from './i18n';
import { formatDate } from '../../lib/i18n/format';
import { HoldingBadge, InfoBadge, VacantBadge } from './Badges';
import { useUnitPositions, type DelegationRecord, type UnitPosition } from './organisation.api';
import { lastDay } from './personnel.format';
import { holdingLabel, positionKindLabel } from './personnel.labels';
import classes from './personnel.module.css';

// The forms are for administrators only: everyone else never downloads them.
const DelegationForm = lazy(() => import('./DelegationForm').then((m) => ({ default: m.DelegationForm })));
const EndDelegationForm = lazy(() => import('./EndDelegationForm').then((m) => ({ default: m.EndDelegationForm })));

/**
 * The positions of an opened unit with who holds or acts for each today. What the user may do with a
 * post or a delegation (appoint a Plt/Plh, end one) is the server's word: each carries its `abilities`.
 */
export function PositionList({ unitId }: { unitId: string }) {
  const t = usePersonnelT();
  const positions = useUnitPositions(unitId);
  const [delegating, setDelegating] = useState<UnitPosition | null>(null);
  const [ending, setEnding] = useState<DelegationRecord | null>(null);

  if (positions.isPending) {
    return (
      <Stack gap={6} role="status" aria-busy="true" aria-label={t('shell.loading')} py={6} className={classes.positionsNote}>
        <Skeleton height={56} radius="md" />
      </Stack>
    );
  }
  if (positions.error) return <ErrorState error={positions.error} onRetry={() => void positions.refetch()} framed={false} />;
  if (positions.data.length === 0) {
    return (
      <Text fz="sm" c="dimmed" py={6} className={classes.positionsNote}>
        {t('orgChart.noPositions')}
      </Text>
    );
  }

  return (
    <>
      <Stack gap={6} component="ul" className={classes.positions} aria-label={t('orgChart.positionsOf')}>
        {positions.data.map((position) => (
          <PositionItem key={position.id} position={position} onDelegate={() => setDelegating(position)} onEnd={setEnding} />
        ))}
      </Stack>
      <Suspense fallback={null}>
        {delegating && <DelegationForm position={delegating} opened onClose={() => setDelegating(null)} />}
        {ending && <EndDelegationForm delegation={ending} onClose={() => setEnding(null)} />}
      </Suspense>
    </>
  );
}

interface PositionItemProps {
  position: UnitPosition;
  onDelegate(): void;
  onEnd(delegation: DelegationRecord): void;
}

function PositionItem({ position, onDelegate, onEnd }: PositionItemProps) {
  const t = usePersonnelT();
  const { acting, definitive } = position.holder;
  const today = useToday();
  // Delegations still to come or in force; finished ones belong to the people's histories.
  const open = position.delegations.filter((d) => d.endDate === null || d.endDate > today);

  return (
    <Box component="li" className={classes.position} data-position={position.title}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Box style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Text fw={600} fz="sm" lh={1.35} className={text.wrap}>
            {position.title}
          </Text>
          <Group gap={6} mt={4}>
            {position.eselon && <InfoBadge>{t('orgChart.eselon', { eselon: position.eselon })}</InfoBadge>}
            <InfoBadge>{positionKindLabel(t, position.kind)}</InfoBadge>
          </Group>
        </Box>
        {position.abilities.canDelegate && (
          <Button size="compact-sm" variant="light" leftSection={<IconUserPlus size={16} />} onClick={onDelegate} aria-label={t('orgChart.delegateFor', { position: position.title })}>
            {t('orgChart.delegate')}
          </Button>
        )}
      </Group>

      <Box mt={8} fz="sm" data-testid="holder">
        {acting ? (
          <Group gap={6} wrap="wrap">
            {acting.as !== 'definitive' && <HoldingBadge as={acting.as} />}
            <Anchor component={Link} to={`/simpeg/pegawai/${acting.employee.id}`} fz="sm" fw={600} className={text.wrap}>
              {acting.employee.displayName}
            </Anchor>
            <Text span fz="xs" c="dimmed">
              {acting.employee.rankLabel}
            </Text>
          </Group>
        ) : (
          <Group gap={6}>
            <VacantBadge />
            <Text span fz="sm" c="dimmed">
              {t('orgChart.noHolder')}
            </Text>
          </Group>
        )}
        {acting && acting.as !== 'definitive' && (
          <Text fz="xs" c="dimmed" mt={4}>
            {definitive ? (
              <>
                {t('orgChart.definitive')}{' '}
                <Anchor component={Link} to={`/simpeg/pegawai/${definitive.id}`} fz="xs" className={text.wrap}>
                  {definitive.displayName}
                </Anchor>
              </>
            ) : (
              t('orgChart.definitiveVacant')
            )}
          </Text>
        )}
      </Box>

      {open.length > 0 && (
        <Stack gap={4} mt={8} component="ul" className={classes.delegations} aria-label={t('orgChart.delegations')}>
          {open.map((d) => (
            <Group component="li" key={d.id} gap={6} wrap="wrap" fz="xs" data-delegation={d.kind}>
              <Text span fz="xs" fw={700}>
                {holdingLabel(t, d.kind)}
              </Text>
              <Text span fz="xs" className={text.wrap}>
                {d.employee.displayName}
              </Text>
              <Text span fz="xs" c="dimmed">
                {d.endDate
                  ? t('orgChart.period', { start: formatDate(d.startDate), end: formatDate(lastDay(d.endDate) ?? d.endDate) })
                  : t('orgChart.periodOpen', { start: formatDate(d.startDate) })}
                {' · '}
                {t('orgChart.sk', { sk: d.skNumber })}
              </Text>
              {d.abilities.canEnd && (
                <Button size="compact-xs" variant="subtle" color="red" c="red.9" onClick={() => onEnd(d)} aria-label={t('orgChart.endFor', { kind: holdingLabel(t, d.kind), name: d.employee.displayName })}>
                  {t('orgChart.end')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Box>
  );
}
