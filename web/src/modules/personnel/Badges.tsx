import { Badge } from '@mantine/core';
import { usePersonnelT } from './i18n';
import type { EmployeeStatus } from './employees.api';
import type { HoldingKind } from './organisation.api';
import { HOLDING_COLORS, STATUS_COLORS, holdingLabel, statusLabel } from './personnel.labels';

// Light badges take their text tone from the theme (`light-color`, at least 4.5:1 on the tint):
// naming a shade here would bypass it.

/** "Plt." / "Plh." / "Pj." / "Pjs." or "Definitif". */
export function HoldingBadge({ as }: { as: HoldingKind }) {
  const t = usePersonnelT();
  const color = HOLDING_COLORS[as];
  return (
    <Badge variant="light" color={color} tt="none" fw={700} data-holding={as} style={{ flex: 'none' }}>
      {holdingLabel(t, as)}
    </Badge>
  );
}

/** The employment status in words. */
export function StatusBadge({ status }: { status: EmployeeStatus }) {
  const t = usePersonnelT();
  const color = STATUS_COLORS[status];
  return (
    <Badge variant="light" color={color} tt="none" fw={600}>
      {statusLabel(t, status)}
    </Badge>
  );
}

/** A post nobody holds or acts for. */
export function VacantBadge() {
  const t = usePersonnelT();
  return (
    <Badge variant="light" color="orange" tt="none" fw={700}>
      {t('orgChart.vacant')}
    </Badge>
  );
}

/** A small grey tag (eselon, position kind). */
export function InfoBadge({ children }: { children: string }) {
  return (
    <Badge variant="outline" color="gray" c="dark.5" tt="none" fw={600}>
      {children}
    </Badge>
  );
}
