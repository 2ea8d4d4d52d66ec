import type { Key, PersonnelTranslate as Translate } from './i18n';
import type { EmployeeKind, EmployeeStatus } from './employees.api';
import type { DelegationKind, HoldingKind, PositionKind } from './organisation.api';

/** "JPT Pratama", "Pengawas"… */
export function positionKindLabel(t: Translate, kind: PositionKind): string {
  return t(`personnel.positionKind.${kind}` as Key);
}

/** "Aktif", "Cuti", "Pensiun", "Pindah instansi". */
export function statusLabel(t: Translate, status: EmployeeStatus): string {
  return t(`personnel.status.${status}` as Key);
}

/** "PNS" or "PPPK". */
export function employeeKindLabel(t: Translate, kind: EmployeeKind): string {
  return t(`personnel.kind.${kind}` as Key);
}

/** The prefix signature blocks print: "Plt.", "Plh.", "Pj.", "Pjs."; "Definitif" for a definitive holder. */
export function holdingLabel(t: Translate, as: HoldingKind): string {
  return t(`personnel.holding.${as}` as Key);
}

/** Badge colours per delegation kind (text at shade 9 keeps WCAG AA on the light background). */
export const HOLDING_COLORS: Record<HoldingKind, string> = { definitive: 'tegal', plt: 'grape', plh: 'teal', pj: 'indigo', pjs: 'indigo' };

/** Badge colours per employment status. */
export const STATUS_COLORS: Record<EmployeeStatus, string> = { active: 'green', leave: 'yellow', retired: 'gray', transferred: 'gray' };

/** The full name of a delegation kind ("Pelaksana harian"), for forms. */
export function delegationKindName(t: Translate, kind: DelegationKind): string {
  return t(`personnel.delegationKind.${kind}` as Key);
}
