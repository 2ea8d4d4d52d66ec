import { NotFoundError } from '../../platform/errors.js';
import type { Actor, Ctx, Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { canManageAgency, isDelegable } from './personnel.policy.js';
import { employeeRef, presentDelegation, presentPositionRef } from './personnel.present.js';
import { personnelRepo, type DelegationRow } from './personnel.repo.js';
import type { DelegationRecord, EmployeeRef, Holding, HolderView, PositionRef, UnitPosition } from './personnel.schema.js';
import type { DELEGATION_KINDS } from './personnel.tables.js';

type DelegationKind = (typeof DELEGATION_KINDS)[number];

interface Interval {
  id: string;
  employeeId: string;
  positionId: string;
  startDate: string;
  /** Exclusive; null while open. */
  endDate: string | null;
  skNumber: string | null;
}
interface DelegationInterval extends Interval {
  kind: DelegationKind;
}
interface Holdings {
  assignments: Interval[];
  delegations: DelegationInterval[];
}

/** Everything `currentHolder` needs, held in memory: a few MB for a regency of 15,000 employees. */
interface HolderIndex {
  positions: Set<string>;
  byPosition: Map<string, Holdings>;
  byEmployee: Map<string, Holdings>;
  people: Map<string, EmployeeRef>;
}

const inForce = (at: string) => (i: Interval) => i.startDate <= at && (i.endDate === null || at < i.endDate);

function holdingsOf(map: Map<string, Holdings>, key: string): Holdings {
  let h = map.get(key);
  if (!h) map.set(key, (h = { assignments: [], delegations: [] }));
  return h;
}

/**
 * Who holds which position on a date: definitive assignments and Plt/Plh/Pj/Pjs delegations, read
 * from an in-memory snapshot (ADR 8) that the module's revision drops after every write. The writes
 * that change holders are in personnel.assignments.ts.
 */
export function createHolderService(platform: Platform, deps: { revision: Revision }) {
  const { db } = platform;

  async function load(): Promise<HolderIndex> {
    const data = await personnelRepo.loadHoldings(db);
    const s: HolderIndex = { positions: new Set(data.positionIds), byPosition: new Map(), byEmployee: new Map(), people: new Map() };
    for (const p of data.people) s.people.set(p.id, employeeRef(p));
    for (const a of data.assignmentRows) {
      holdingsOf(s.byPosition, a.positionId).assignments.push(a);
      holdingsOf(s.byEmployee, a.employeeId).assignments.push(a);
    }
    for (const d of data.delegationRows) {
      holdingsOf(s.byPosition, d.positionId).delegations.push(d);
      holdingsOf(s.byEmployee, d.employeeId).delegations.push(d);
    }
    return s;
  }

  const snapshot = deps.revision.snapshot(load);
  const current = () => snapshot.get();

  function resolve(s: HolderIndex, positionId: string, at: string): HolderView {
    const h = s.byPosition.get(positionId);
    const definitive = h?.assignments.find(inForce(at));
    const delegation = h?.delegations.find(inForce(at));
    const person = (id: string) => s.people.get(id)!;
    return {
      positionId,
      at,
      acting: delegation
        ? { employee: person(delegation.employeeId), as: delegation.kind, delegationId: delegation.id, skNumber: delegation.skNumber }
        : definitive ? { employee: person(definitive.employeeId), as: 'definitive', delegationId: null, skNumber: definitive.skNumber } : null,
      definitive: definitive ? person(definitive.employeeId) : null,
    };
  }

  /** Positions (with unit and agency names) by id. */
  async function positionRefs(ids: string[]): Promise<Map<string, PositionRef>> {
    const rows = await personnelRepo.listPositionRefs(db, [...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, presentPositionRef(r)]));
  }

  /** Delegation rows as the API shows them to this actor on this day. */
  async function delegationRecords(actor: Actor, today: string, rows: DelegationRow[]): Promise<DelegationRecord[]> {
    if (rows.length === 0) return [];
    const [refs, s] = await Promise.all([positionRefs(rows.map((r) => r.positionId)), current()]);
    // A delegate written after the snapshot was taken is read directly.
    const extra = new Map<string, EmployeeRef>();
    for (const r of rows) {
      if (!s.people.has(r.employeeId) && !extra.has(r.employeeId)) {
        const e = await personnelRepo.findEmployee(db, r.employeeId);
        if (e) extra.set(e.id, employeeRef(e));
      }
    }
    return rows.map((r) => presentDelegation(r, refs.get(r.positionId)!, (s.people.get(r.employeeId) ?? extra.get(r.employeeId))!, actor, today));
  }

  return {
    positionRefs,
    delegationRecords,

    /**
     * Who acts for a position on a date (today by default), honouring delegations: a Plt/Plh/Pj in
     * force acts instead of the definitive holder. Null when the position does not exist.
     */
    async currentHolder(positionId: string, at: string = platform.today()): Promise<HolderView | null> {
      const s = await current();
      return s.positions.has(positionId) ? resolve(s, positionId, at) : null;
    },

    /** Every position an employee holds on a date: the definitive one and those delegated to them. */
    async positionsOf(employeeId: string, at: string = platform.today()): Promise<Holding[]> {
      const h = (await current()).byEmployee.get(employeeId);
      if (!h) return [];
      const held = [...h.assignments.filter(inForce(at)), ...h.delegations.filter(inForce(at))];
      const refs = await positionRefs(held.map((i) => i.positionId));
      return held.map((i) => ({
        position: refs.get(i.positionId)!,
        as: 'kind' in i ? (i as DelegationInterval).kind : 'definitive' as const,
        delegationId: 'kind' in i ? i.id : null,
        startDate: i.startDate,
        endDate: i.endDate,
      }));
    },

    /**
     * The positions of a unit on a date (today by default) with who holds them, their current and
     * coming delegations, and what the caller may do with each.
     */
    async unitPositions(ctx: Ctx, unitId: string, at: string = ctx.today): Promise<UnitPosition[]> {
      const unit = await personnelRepo.findUnit(db, unitId);
      if (!unit) throw new NotFoundError('Unit kerja');
      const rows = await personnelRepo.listPositionsOfUnit(db, unitId, at);
      const [s, delegationRows] = await Promise.all([current(), personnelRepo.listDelegationsFrom(db, rows.map((r) => r.id), at)]);
      const records = await delegationRecords(ctx.actor, ctx.today, delegationRows);
      const manages = canManageAgency(ctx.actor, unit.agencyId);
      return rows.map((p) => ({
        id: p.id, title: p.title, kind: p.kind, eselon: p.eselon, isHead: p.isHead, superiorId: p.superiorId,
        holder: resolve(s, p.id, at),
        delegations: records.filter((d) => d.position.id === p.id),
        abilities: { canDelegate: manages && isDelegable(p.kind), canAssign: manages },
      }));
    },
  };
}

export type HolderService = ReturnType<typeof createHolderService>;
