import type { Key, PersonnelTranslate as Translate } from './i18n';
import type { EmployeeKind, EmployeeStatus } from './employees.api';
import type { LeaveKind, TrainingKind } from './history.api';
import type { DelegationKind, HoldingKind, PositionKind } from './organisation.api';
import { PNS_RANKS, PPPK_GRADES } from './personnel.format';

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

/** "Struktural", "Fungsional", "Teknis". */
export function trainingKindLabel(t: Translate, kind: TrainingKind): string {
  return t(`profile.trainingKind.${kind}` as Key);
}

/** "Cuti tahunan", "Cuti sakit"… */
export function leaveKindLabel(t: Translate, kind: LeaveKind): string {
  return t(`profile.leaveKind.${kind}` as Key);
}

/** The ranks of one ladder, lowest first, as select options: "Penata (III/c)" or "PPPK golongan IX". */
export function rankOptions(t: Translate, kind: EmployeeKind): { value: string; label: string }[] {
  return kind === 'pns'
    ? PNS_RANKS.map((r) => ({ value: r.code, label: `${r.pangkat} (${r.code})` }))
    : PPPK_GRADES.map((g) => ({ value: g, label: t('directory.pppkGrade', { grade: g }) }));
}
