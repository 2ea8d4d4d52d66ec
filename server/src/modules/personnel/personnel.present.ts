import type { Actor } from '../../platform/index.js';
import { crossCheck } from './personnel.nip.js';
import { canEndDelegation, canManageAgency, canViewHistory, canViewPersonal, displayName } from './personnel.policy.js';
import { rankLabel } from './personnel.ranks.js';
import type { AgencyRow, DelegationRow, DirectoryRow, EmployeeRow, PositionRow, UnitRow } from './personnel.repo.js';
import {
  UNIT_TREE_DEPTH, type AgencyView, type DelegationRecord, type EmployeeHistory, type EmployeeProfile, type EmployeeRef, type EmployeeSummary, type Holding,
  type PositionRef, type PositionView, type SuperiorView, type UnitNode,
} from './personnel.schema.js';

// Every row → view function of SIMPEG: the answers are assembled here and nowhere else.

export function presentAgency(row: AgencyRow): AgencyView {
  return {
    id: row.id, code: row.code, name: row.name, shortName: row.shortName, kind: row.kind,
    districtCode: row.districtCode, validFrom: row.validFrom, validTo: row.validTo, successorId: row.successorId,
  };
}

/** The employee as holders and delegates are shown. */
export function employeeRef(e: Pick<EmployeeRow, 'id' | 'nip' | 'name' | 'titlePrefix' | 'titleSuffix' | 'rank'>): EmployeeRef {
  return { id: e.id, nip: e.nip, displayName: displayName(e), rank: e.rank, rankLabel: rankLabel(e.rank) ?? e.rank };
}

/** An employee as the directory lists them, from one of its rows. */
export function presentSummary(r: DirectoryRow): EmployeeSummary {
  const e = r.employee;
  return {
    id: e.id, nip: e.nip, kind: e.kind, name: e.name, titlePrefix: e.titlePrefix, titleSuffix: e.titleSuffix,
    displayName: displayName(e), rank: e.rank, rankLabel: rankLabel(e.rank) ?? e.rank, status: e.status, email: e.email,
    agency: { id: e.agencyId, shortName: r.agencyShortName },
    unit: e.unitId && r.unitName !== null ? { id: e.unitId, name: r.unitName } : null,
    position: r.positionId && r.positionTitle && r.positionKind ? { id: r.positionId, title: r.positionTitle, kind: r.positionKind } : null,
  };
}

/** A position with unit and agency names, as holder and history answers point at it. */
export function presentPositionRef(r: {
  id: string; title: string; kind: PositionRow['kind']; eselon: PositionRow['eselon'];
  unitId: string; unitName: string; agencyId: string; agencyShortName: string;
}): PositionRef {
  return {
    id: r.id, title: r.title, kind: r.kind, eselon: r.eselon,
    unit: { id: r.unitId, name: r.unitName }, agency: { id: r.agencyId, shortName: r.agencyShortName },
  };
}

export const presentSuperior = (p: PositionRow): SuperiorView => ({ id: p.id, title: p.title, eselon: p.eselon, unitId: p.unitId });

export function presentPosition(position: PositionRow, unit: UnitRow, agency: AgencyRow, superiors: SuperiorView[]): PositionView {
  return {
    id: position.id, title: position.title, kind: position.kind, eselon: position.eselon, isHead: position.isHead,
    validFrom: position.validFrom, validTo: position.validTo,
    unit: { id: unit.id, name: unit.name, shortName: unit.shortName, kind: unit.kind },
    agency: { id: agency.id, code: agency.code, name: agency.name, shortName: agency.shortName },
    superiors,
  };
}

/** A unit as a write answers it: no children, no head yet. */
export const presentUnit = (u: UnitRow): UnitNode => ({ id: u.id, name: u.name, shortName: u.shortName, kind: u.kind, head: null, children: [] });

/** Nests flat units under their parents, each with its head post; roots are units without a (current) parent. */
export function presentUnitTree(units: UnitRow[], heads: PositionRow[]): UnitNode[] {
  const headOf = new Map(heads.map((h) => [h.unitId, { id: h.id, title: h.title, eselon: h.eselon }]));
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.id, { ...presentUnit(u), head: headOf.get(u.id) ?? null }]));
  const roots: UnitNode[] = [];
  for (const u of units) {
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(u.id)!);
  }
  // The response schema is depth-bounded; a deeper (malformed) tree is cut rather than failing the page.
  const cut = (list: UnitNode[], depth: number): void => {
    for (const n of list) if (depth <= 1) n.children = []; else cut(n.children, depth - 1);
  };
  cut(roots, UNIT_TREE_DEPTH);
  return roots;
}

/** A Plt/Plh/Pj/Pjs record with what the caller may do with it (`today` decides whether it is over). */
export function presentDelegation(
  row: DelegationRow, position: PositionRef, employee: EmployeeRef, actor: Actor, today: string,
): DelegationRecord {
  return {
    id: row.id, kind: row.kind, position, employee, skNumber: row.skNumber, skDate: row.skDate,
    startDate: row.startDate, endDate: row.endDate, reason: row.reason,
    abilities: { canEnd: canEndDelegation(actor, position.agency.id, row, today) },
  };
}

type HistoryRows = {
  ranks: { id: string; rank: string; tmt: string; skNumber: string | null; skDate: string | null }[];
  positions: { id: string; positionId: string; startDate: string; endDate: string | null; skNumber: string | null; skDate: string | null }[];
  education: EmployeeHistory['education'];
  training: EmployeeHistory['training'];
  leave: EmployeeHistory['leave'];
};

/** The history tabs of a profile; positions and delegations come already resolved. */
export function presentHistory(h: HistoryRows, refs: Map<string, PositionRef>, delegations: DelegationRecord[]): EmployeeHistory {
  return {
    ranks: h.ranks.map((r) => ({ id: r.id, rank: r.rank, rankLabel: rankLabel(r.rank) ?? r.rank, tmt: r.tmt, skNumber: r.skNumber, skDate: r.skDate })),
    positions: h.positions.map((a) => ({
      id: a.id, position: refs.get(a.positionId)!, startDate: a.startDate, endDate: a.endDate, skNumber: a.skNumber, skDate: a.skDate,
    })),
    delegations,
    education: h.education.map((e) => ({ id: e.id, level: e.level, institution: e.institution, major: e.major, graduationYear: e.graduationYear })),
    training: h.training.map((t) => ({
      id: t.id, kind: t.kind, name: t.name, institution: t.institution, hours: t.hours, startDate: t.startDate, endDate: t.endDate,
    })),
    leave: h.leave.map((l) => ({ id: l.id, kind: l.kind, startDate: l.startDate, endDate: l.endDate, note: l.note })),
  };
}

/** The profile as this actor may see it: personal data and history only where the policy allows. */
export function presentProfile(actor: Actor, row: EmployeeRow, parts: {
  agency: AgencyRow | null; unit: UnitRow | null; holdings: Holding[]; history: EmployeeHistory | null;
}): EmployeeProfile {
  const definitive = parts.holdings.find((h) => h.as === 'definitive');
  const personalAllowed = canViewPersonal(actor, row);
  const historyAllowed = canViewHistory(actor, row);
  const mismatches = crossCheck(row.nip, { birthDate: row.birthDate, gender: row.gender, tmtCpns: row.kind === 'pns' ? row.tmtCpns : null });
  return {
    id: row.id, nip: row.nip, kind: row.kind, name: row.name, titlePrefix: row.titlePrefix, titleSuffix: row.titleSuffix,
    displayName: displayName(row), rank: row.rank, rankLabel: rankLabel(row.rank) ?? row.rank, status: row.status, email: row.email,
    agency: { id: row.agencyId, shortName: parts.agency?.shortName ?? '' },
    unit: parts.unit ? { id: parts.unit.id, name: parts.unit.name } : null,
    position: definitive ? { id: definitive.position.id, title: definitive.position.title, kind: definitive.position.kind } : null,
    educationLevel: row.educationLevel, educationMajor: row.educationMajor, rankTmt: row.rankTmt, tmtCpns: row.tmtCpns,
    holdings: parts.holdings,
    nipMismatches: historyAllowed ? (Object.keys(mismatches) as (keyof typeof mismatches)[]).filter((k) => mismatches[k]) : [],
    personal: personalAllowed
      ? { gender: row.gender, birthDate: row.birthDate, birthPlace: row.birthPlace, nik: row.nik, address: row.address, phone: row.phone }
      : null,
    history: historyAllowed ? parts.history : null,
    abilities: { canEdit: canManageAgency(actor, row.agencyId), canViewPersonal: personalAllowed, canViewHistory: historyAllowed },
  };
}
