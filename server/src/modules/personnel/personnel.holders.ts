import { appendAudit } from '../../platform/audit/index.js';
import { inTransaction, type Db } from '../../platform/db/index.js';
import { ConflictError, FieldConflictError, FieldError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Actor, Platform } from '../../platform/index.js';
import { createSnapshot } from '../../platform/snapshot.js';
import { PERSONNEL_EVENTS, type AssignmentEvent, type DelegationEvent } from './personnel.events.js';
import { DELEGATION_LABEL, dayText, lastDayText } from './personnel.format.js';
import { canManageAgency, displayName } from './personnel.policy.js';
import { rankLabel } from './personnel.ranks.js';
import { personnelRepo, type AssignmentRow, type DelegationRow, type EmployeeRow } from './personnel.repo.js';
import type {
  AssignBody, DelegateBody, DelegationRecord, EmployeeRef, EndBody, Holding, HolderView, PositionRef, UnitPosition,
} from './personnel.schema.js';
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

/** Positions that can be delegated: the managerial ones (a functional post has no Plt). */
const DELEGABLE = new Set(['jpt_pratama', 'administrator', 'pengawas']);

const inForce = (at: string) => (i: Interval) => i.startDate <= at && (i.endDate === null || at < i.endDate);

/** The employee as holders and delegates are shown. */
export function employeeRef(e: Pick<EmployeeRow, 'id' | 'nip' | 'name' | 'titlePrefix' | 'titleSuffix' | 'rank'>): EmployeeRef {
  return { id: e.id, nip: e.nip, displayName: displayName(e), rank: e.rank, rankLabel: rankLabel(e.rank) ?? e.rank };
}

function holdingsOf(map: Map<string, Holdings>, key: string): Holdings {
  let h = map.get(key);
  if (!h) map.set(key, (h = { assignments: [], delegations: [] }));
  return h;
}

/**
 * Who holds which position, and the writes that change it (definitive assignments and Plt/Plh/Pj
 * delegations). Reads are served from an in-memory snapshot (platform/snapshot, ADR 8): a write on
 * this instance drops it at once; another instance may answer with the old holder for up to a second.
 */
export function createHolderService(platform: Platform, deps: { onWrite: () => void }) {
  const { db, events } = platform;
  /** Today in the region's time zone: TMTs and delegations start at local midnight. */
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

  const snapshot = createSnapshot({ load, readRevision: () => personnelRepo.revision(db) });
  const current = () => snapshot.get();
  /** After a write here: this snapshot and whatever else the module caches (the directory). */
  const invalidate = () => {
    snapshot.invalidate();
    deps.onWrite();
  };

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

  async function positionRefs(ids: string[]): Promise<Map<string, PositionRef>> {
    const rows = await personnelRepo.listPositionRefs(db, [...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, {
      id: r.id, title: r.title, kind: r.kind, eselon: r.eselon,
      unit: { id: r.unitId, name: r.unitName }, agency: { id: r.agencyId, shortName: r.agencyShortName },
    }]));
  }

  /** Delegation rows as the API shows them. */
  async function presentDelegations(rows: DelegationRow[]): Promise<DelegationRecord[]> {
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
    return rows.map((r) => ({
      id: r.id, kind: r.kind, position: refs.get(r.positionId)!, employee: (s.people.get(r.employeeId) ?? extra.get(r.employeeId))!,
      skNumber: r.skNumber, skDate: r.skDate, startDate: r.startDate, endDate: r.endDate, reason: r.reason,
    }));
  }

  /** The position, locked, with its agency; 404 when unknown or outside the actor's agencies. */
  async function positionInScope(tx: Db, actor: Actor, positionId: string) {
    const position = await personnelRepo.lockPosition(tx, positionId);
    const unit = position ? await personnelRepo.findUnit(tx, position.unitId) : null;
    if (!position || !unit || !canManageAgency(actor, unit.agencyId)) throw new NotFoundError('Jabatan');
    return { position, unit };
  }

  async function employeeInScope(tx: Db, actor: Actor, employeeId: string): Promise<EmployeeRow> {
    const employee = await personnelRepo.findEmployee(tx, employeeId);
    if (!employee || !canManageAgency(actor, employee.agencyId)) throw new NotFoundError('Pegawai');
    return employee;
  }

  async function afterAssignment(tx: Db, actor: Actor, row: AssignmentRow, action: string, requestId: string | null): Promise<void> {
    await personnelRepo.bumpRevision(tx);
    const payload: AssignmentEvent = {
      assignmentId: row.id, employeeId: row.employeeId, positionId: row.positionId, startDate: row.startDate, endDate: row.endDate,
    };
    await events.publish(tx, PERSONNEL_EVENTS.assignmentChanged, payload);
    await appendAudit(tx, { actor, action, entityType: 'assignment', entityId: row.id, requestId, data: { ...payload, skNumber: row.skNumber } });
  }

  async function afterDelegation(tx: Db, actor: Actor, row: DelegationRow, action: string, requestId: string | null): Promise<void> {
    await personnelRepo.bumpRevision(tx);
    const payload: DelegationEvent = {
      delegationId: row.id, positionId: row.positionId, employeeId: row.employeeId, kind: row.kind, startDate: row.startDate, endDate: row.endDate,
    };
    await events.publish(tx, PERSONNEL_EVENTS.delegationChanged, payload);
    await appendAudit(tx, { actor, action, entityType: 'delegation', entityId: row.id, requestId, data: { ...payload, skNumber: row.skNumber } });
  }

  return {
    invalidateHolders: () => snapshot.invalidate(),

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

    presentDelegations,
    positionRefs,

    /** The positions of a unit on a date with who holds them and their current and coming delegations. */
    async unitPositions(unitId: string, at: string = platform.today()): Promise<UnitPosition[]> {
      if (!(await personnelRepo.findUnit(db, unitId))) throw new NotFoundError('Unit kerja');
      const rows = await personnelRepo.listPositionsOfUnit(db, unitId, at);
      const [s, delegationRows] = await Promise.all([current(), personnelRepo.listDelegationsFrom(db, rows.map((r) => r.id), at)]);
      const records = await presentDelegations(delegationRows);
      return rows.map((p) => ({
        id: p.id, title: p.title, kind: p.kind, eselon: p.eselon, isHead: p.isHead, superiorId: p.superiorId,
        holder: resolve(s, p.id, at),
        delegations: records.filter((d) => d.position.id === p.id),
      }));
    },

    /**
     * Makes an employee the definitive holder of a position from the TMT. Refuses a position someone
     * else holds on or after that day (end that assignment first); the employee's own open assignment
     * ends where the new one starts, and their unit and agency follow the position.
     */
    async assign(actor: Actor, employeeId: string, body: AssignBody, requestId: string | null = null): Promise<void> {
      await inTransaction(db, async (tx) => {
        const employee = await employeeInScope(tx, actor, employeeId);
        const { position, unit } = await positionInScope(tx, actor, body.positionId);
        if (employee.status === 'retired' || employee.status === 'transferred') {
          throw new ValidationError(`${displayName(employee)} sudah tidak aktif (${employee.status === 'retired' ? 'pensiun' : 'pindah'}); tidak dapat diberi jabatan.`, undefined, 'employee_inactive');
        }
        if (position.validTo !== null && position.validTo <= body.startDate) {
          throw new FieldError('body.positionId', `Jabatan ${position.title} sudah dihapus per ${dayText(position.validTo)}.`, 'position_closed');
        }
        const others = (await personnelRepo.listAssignmentsFrom(tx, position.id, body.startDate)).filter((a) => a.employeeId !== employee.id);
        if (others.length > 0) {
          const holder = await personnelRepo.findEmployee(tx, others[0]!.employeeId);
          throw new FieldConflictError('body.positionId', `Jabatan ${position.title} dipegang definitif oleh ${holder ? displayName(holder) : 'pegawai lain'} sejak ${dayText(others[0]!.startDate)}. ` +
            'Satu jabatan hanya boleh satu pemegang definitif: akhiri dulu penugasan itu atau tunjuk Plt/Plh.', 'position_taken', { holderId: others[0]!.employeeId });
        }
        const open = await personnelRepo.findOpenAssignmentOf(tx, employee.id);
        if (open && open.positionId === position.id) {
          throw new FieldConflictError('body.positionId', `${displayName(employee)} sudah memegang jabatan ${position.title}.`, 'already_assigned');
        }
        if (open && open.startDate >= body.startDate) {
          throw new FieldConflictError('body.startDate', `TMT ${dayText(body.startDate)} tidak boleh sebelum atau sama dengan TMT jabatan yang sedang dipegang (${dayText(open.startDate)}).`, 'assignment_order');
        }
        if (open) await afterAssignment(tx, actor, await personnelRepo.endAssignment(tx, open.id, body.startDate), 'assignment.ended', requestId);
        const row = await personnelRepo.insertAssignment(tx, {
          employeeId: employee.id, positionId: position.id, startDate: body.startDate,
          skNumber: body.skNumber ?? null, skDate: body.skDate ?? null, createdBy: actor.userId,
        });
        await personnelRepo.updateEmployee(tx, employee.id, { unitId: unit.id, agencyId: unit.agencyId });
        await afterAssignment(tx, actor, row, 'assignment.created', requestId);
      });
      invalidate();
    },

    /** Ends a definitive assignment on a date (exclusive: the first day without the position). */
    async endAssignment(actor: Actor, assignmentId: string, body: EndBody, requestId: string | null = null): Promise<{ employeeId: string }> {
      const employeeId = await inTransaction(db, async (tx) => {
        const row = await personnelRepo.findAssignment(tx, assignmentId);
        if (!row) throw new NotFoundError('Penugasan');
        await positionInScope(tx, actor, row.positionId);
        if (row.endDate !== null) throw new ConflictError('assignment_ended', `Penugasan ini sudah berakhir (hari terakhir ${lastDayText(row.endDate)}).`);
        if (body.endDate <= row.startDate) {
          throw new FieldError('body.endDate', `Tanggal berakhir harus sesudah TMT (${dayText(row.startDate)}).`, 'invalid_range');
        }
        await afterAssignment(tx, actor, await personnelRepo.endAssignment(tx, row.id, body.endDate), 'assignment.ended', requestId);
        return row.employeeId;
      });
      invalidate();
      return { employeeId };
    },

    /**
     * Appoints a Plt, Plh, Pj or Pjs for a managerial position. A Plh needs an end date (an absence
     * always ends); Pj and Pjs are for JPT posts; never two delegations in force at once for one position.
     */
    async delegate(actor: Actor, positionId: string, body: DelegateBody, requestId: string | null = null): Promise<DelegationRecord> {
      const row = await inTransaction(db, async (tx) => {
        const { position } = await positionInScope(tx, actor, positionId);
        const endDate = body.endDate ?? null;
        if (!DELEGABLE.has(position.kind)) {
          throw new ValidationError(`${position.title} bukan jabatan pimpinan; Plt/Plh hanya untuk jabatan pimpinan tinggi, administrator dan pengawas.`,
            undefined, 'delegation_not_managerial');
        }
        if ((body.kind === 'pj' || body.kind === 'pjs') && position.kind !== 'jpt_pratama') {
          throw new FieldError('body.kind', 'Pj dan Pjs hanya untuk jabatan pimpinan tinggi.', 'delegation_kind_invalid');
        }
        if (body.kind === 'plh' && endDate === null) {
          throw new FieldError('body.endDate', 'Plh wajib punya tanggal berakhir: Plh menggantikan pejabat yang berhalangan sementara.', 'end_date_required');
        }
        if (endDate !== null && endDate <= body.startDate) {
          throw new FieldError('body.endDate', 'Tanggal berakhir harus sesudah tanggal mulai.', 'invalid_range');
        }
        const delegate = await employeeInScope(tx, actor, body.employeeId);
        if (delegate.status !== 'active') {
          throw new FieldError('body.employeeId', `${displayName(delegate)} tidak berstatus aktif; tunjuk pegawai lain.`, 'employee_inactive');
        }
        const holders = await personnelRepo.listAssignmentsFrom(tx, position.id, body.startDate);
        if (holders.some((a) => a.employeeId === delegate.id)) {
          throw new FieldError('body.employeeId', `${displayName(delegate)} adalah pemegang definitif jabatan ini; tidak dapat sekaligus menjadi Plt/Plh.`, 'delegate_is_holder');
        }
        const [clash] = await personnelRepo.listOverlappingDelegations(tx, position.id, body.startDate, endDate);
        if (clash) {
          const other = await personnelRepo.findEmployee(tx, clash.employeeId);
          throw new FieldConflictError('body.startDate', `Sudah ada ${DELEGATION_LABEL[clash.kind]} ${other ? displayName(other) : ''} untuk ${position.title} ` +
            `mulai ${dayText(clash.startDate)}${clash.endDate ? ` sampai dengan ${lastDayText(clash.endDate)}` : ' tanpa batas waktu'}; ` +
            'masa tugas tidak boleh tumpang tindih.', 'delegation_overlap', { delegationId: clash.id });
        }
        const inserted = await personnelRepo.insertDelegation(tx, {
          positionId: position.id, employeeId: delegate.id, kind: body.kind, skNumber: body.skNumber.trim(), skDate: body.skDate ?? null,
          startDate: body.startDate, endDate, reason: body.reason.trim(), createdBy: actor.userId,
        });
        await afterDelegation(tx, actor, inserted, 'delegation.created', requestId);
        return inserted;
      });
      invalidate();
      return (await presentDelegations([row]))[0]!;
    },

    /** Ends a delegation early (or ends an open one); it can only be shortened. */
    async endDelegation(actor: Actor, delegationId: string, body: EndBody, requestId: string | null = null): Promise<DelegationRecord> {
      const row = await inTransaction(db, async (tx) => {
        const existing = await personnelRepo.findDelegation(tx, delegationId);
        if (!existing) throw new NotFoundError('Pelimpahan');
        await positionInScope(tx, actor, existing.positionId);
        if (body.endDate <= existing.startDate) {
          throw new FieldError('body.endDate', `Tanggal berakhir harus sesudah tanggal mulai (${dayText(existing.startDate)}).`, 'invalid_range');
        }
        if (existing.endDate !== null && body.endDate > existing.endDate) {
          throw new FieldError('body.endDate', `Pelimpahan ini hanya sampai dengan ${lastDayText(existing.endDate)}; untuk memperpanjang buat pelimpahan baru dengan SK baru.`, 'cannot_extend');
        }
        const updated = await personnelRepo.endDelegation(tx, existing.id, body.endDate);
        await afterDelegation(tx, actor, updated, 'delegation.ended', requestId);
        return updated;
      });
      invalidate();
      return (await presentDelegations([row]))[0]!;
    },
  };
}

export type HolderService = ReturnType<typeof createHolderService>;
