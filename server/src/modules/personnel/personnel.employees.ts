import { appendAudit, type AuditEntry } from '../../platform/audit/index.js';
import { inTransaction } from '../../platform/db/index.js';
import type { EventType } from '../../platform/events/index.js';
import { FieldConflictError, FieldError, NotFoundError } from '../../platform/errors.js';
import type { Actor, Platform } from '../../platform/index.js';
import { employeeEvent, PERSONNEL_EVENTS, type EmployeeEvent } from './personnel.events.js';
import { employeeRef, type HolderService } from './personnel.holders.js';
import type { Directory } from './personnel.directory.js';
import { crossCheck, validateEmployeeNumber } from './personnel.nip.js';
import { canManageAgency, canViewHistory, canViewPersonal, displayName, isSelf, rankForKind } from './personnel.policy.js';
import { rankLabel } from './personnel.ranks.js';
import { personnelRepo, type EmployeeRow, type NewEmployee } from './personnel.repo.js';
import type {
  CreateEmployeeBody, DirectoryPage, DirectoryQuery, EmployeeHistory, EmployeeRef, EmployeeProfile, EmployeeSummary, UpdateEmployeeBody,
} from './personnel.schema.js';


/** The NIP problems of a new or changed record, as field details for a 400. */
function checkNumber(nip: string, kind: EmployeeRow['kind']): string {
  const result = validateEmployeeNumber(nip, kind);
  if (!result.ok) throw new FieldError('body.nip', result.problems.join(' '), 'invalid_nip');
  return result.value.number;
}

function checkRank(kind: EmployeeRow['kind'], rank: string): string {
  const canonical = rankForKind(kind, rank);
  if (!canonical) {
    throw new FieldError('body.rank', 
      kind === 'pns' ? `Golongan ${rank} bukan golongan PNS (I/a sampai IV/e).` : `Golongan ${rank} bukan golongan PPPK (I sampai XVII).`, 'invalid_rank');
  }
  return canonical;
}

/** Employees: the directory every member of staff reads, profiles, and the records BKPSDM keeps. */
export function createEmployeeService(platform: Platform, holders: HolderService, directory: Directory, onChanged: () => void) {
  const { db, events } = platform;

  /** The employee when the actor may manage their agency; 404 otherwise (existence does not leak). */
  async function managed(actor: Actor, id: string): Promise<EmployeeRow> {
    const row = await personnelRepo.findEmployee(db, id);
    if (!row || !canManageAgency(actor, row.agencyId)) throw new NotFoundError('Pegawai');
    return row;
  }

  /** A unit must belong to the agency it is given with. */
  async function checkUnit(agencyId: string, unitId: string | null | undefined): Promise<void> {
    if (!unitId) return;
    const unit = await personnelRepo.findUnit(db, unitId);
    if (!unit || unit.agencyId !== agencyId) {
      throw new FieldError('body.unitId', 'Unit kerja tidak ditemukan di perangkat daerah yang dipilih.', 'unit_outside_agency');
    }
  }

  async function history(row: EmployeeRow): Promise<EmployeeHistory> {
    const h = await personnelRepo.historyOf(db, row.id);
    const refs = await holders.positionRefs(h.positions.map((a) => a.positionId));
    return {
      ranks: h.ranks.map((r) => ({ id: r.id, rank: r.rank, rankLabel: rankLabel(r.rank) ?? r.rank, tmt: r.tmt, skNumber: r.skNumber, skDate: r.skDate })),
      positions: h.positions.map((a) => ({
        id: a.id, position: refs.get(a.positionId)!, startDate: a.startDate, endDate: a.endDate, skNumber: a.skNumber, skDate: a.skDate,
      })),
      delegations: await holders.presentDelegations(h.delegations),
      education: h.education.map((e) => ({ id: e.id, level: e.level, institution: e.institution, major: e.major, graduationYear: e.graduationYear })),
      training: h.training.map((t) => ({
        id: t.id, kind: t.kind, name: t.name, institution: t.institution, hours: t.hours, startDate: t.startDate, endDate: t.endDate,
      })),
      leave: h.leave.map((l) => ({ id: l.id, kind: l.kind, startDate: l.startDate, endDate: l.endDate, note: l.note })),
    };
  }

  /** The profile as this actor may see it. */
  async function present(actor: Actor, row: EmployeeRow): Promise<EmployeeProfile> {
    const [agency, unit, holdings] = await Promise.all([
      personnelRepo.findAgency(db, row.agencyId),
      row.unitId ? personnelRepo.findUnit(db, row.unitId) : null,
      holders.positionsOf(row.id),
    ]);
    const definitive = holdings.find((h) => h.as === 'definitive');
    const personalAllowed = canViewPersonal(actor, row);
    const historyAllowed = canViewHistory(actor, row);
    const mismatches = crossCheck(row.nip, { birthDate: row.birthDate, gender: row.gender, tmtCpns: row.kind === 'pns' ? row.tmtCpns : null });
    return {
      id: row.id, nip: row.nip, kind: row.kind, name: row.name, titlePrefix: row.titlePrefix, titleSuffix: row.titleSuffix,
      displayName: displayName(row), rank: row.rank, rankLabel: rankLabel(row.rank) ?? row.rank, status: row.status, email: row.email,
      agency: { id: row.agencyId, shortName: agency?.shortName ?? '' },
      unit: unit ? { id: unit.id, name: unit.name } : null,
      position: definitive ? { id: definitive.position.id, title: definitive.position.title, kind: definitive.position.kind } : null,
      educationLevel: row.educationLevel, educationMajor: row.educationMajor, rankTmt: row.rankTmt, tmtCpns: row.tmtCpns,
      holdings,
      nipMismatches: historyAllowed ? (Object.keys(mismatches) as (keyof typeof mismatches)[]).filter((k) => mismatches[k]) : [],
      personal: personalAllowed
        ? { gender: row.gender, birthDate: row.birthDate, birthPlace: row.birthPlace, nik: row.nik, address: row.address, phone: row.phone }
        : null,
      history: historyAllowed ? await history(row) : null,
      abilities: { canEdit: canManageAgency(actor, row.agencyId), canViewPersonal: personalAllowed, canViewHistory: historyAllowed },
    };
  }

  async function publishEmployee(tx: typeof db, event: EventType<EmployeeEvent>, row: EmployeeRow, actor: Actor): Promise<void> {
    await events.publish(tx, event, employeeEvent(row, actor));
  }

  return {
    /** Every employee of an agency or a unit (for other modules: recipients, pickers), by name. */
    employeesOf: (scope: { agencyId?: string; unitId?: string }): Promise<EmployeeSummary[]> => directory.list(scope),

    /** What identity needs to link a new account to an employee record by NIP; null when the NIP is unknown. */
    async accountLinkFor(nip: string): Promise<{ id: string; agencyId: string; userId: string | null; displayName: string } | null> {
      const row = await personnelRepo.findEmployeeByNip(db, nip.replace(/\s+/g, ''));
      return row ? { id: row.id, agencyId: row.agencyId, userId: row.userId, displayName: displayName(row) } : null;
    },

    /**
     * Links a sign-in account to an employee record, so the person sees their own full profile. Only
     * an unlinked record takes a link (409 `nip_linked` otherwise: two admins linking the same NIP at
     * once cannot overwrite each other); identity decides who may link. Audited.
     */
    async linkAccount(employeeId: string, userId: string, by: AuditEntry['actor'], requestId: string | null = null): Promise<void> {
      await inTransaction(db, async (tx) => {
        const linked = await personnelRepo.linkUser(tx, employeeId, userId);
        if (!linked) {
          throw new FieldConflictError('body.nip', 'Pegawai dengan NIP ini sudah punya akun; satu pegawai satu akun.', 'nip_linked');
        }
        await personnelRepo.bumpRevision(tx);
        await appendAudit(tx, { actor: by, action: 'employee.account_linked', entityType: 'employee', entityId: employeeId, requestId, data: { userId, nip: linked.nip } });
      });
      onChanged();
    },

    /** The employee record linked to a sign-in account, as other records show people; null when none. */
    async employeeOfUser(userId: string): Promise<EmployeeRef | null> {
      const row = await personnelRepo.findEmployeeByUser(db, userId);
      return row ? employeeRef(row) : null;
    },

    /** The directory: name, position, unit and agency of employees matching the filters, by name. */
    directory: (query: DirectoryQuery): Promise<DirectoryPage> => directory.search(query),

    /** One profile; every member of staff sees the directory part, the rest by policy. */
    async getProfile(actor: Actor, id: string): Promise<EmployeeProfile> {
      const row = await personnelRepo.findEmployee(db, id);
      if (!row) throw new NotFoundError('Pegawai');
      return present(actor, row);
    },

    /** The signed-in person's own profile; 404 when their account is not linked to an employee record. */
    async myProfile(actor: Actor): Promise<EmployeeProfile> {
      const row = actor.userId ? await personnelRepo.findEmployeeByUser(db, actor.userId) : null;
      if (!row || !isSelf(actor, row)) throw new NotFoundError('Data kepegawaian Anda');
      return present(actor, row);
    },

    /** Adds an employee: the NIP (or NI PPPK) is validated, the rank must be on the kind's ladder. */
    async createEmployee(actor: Actor, body: CreateEmployeeBody, requestId: string | null = null): Promise<EmployeeProfile> {
      if (!canManageAgency(actor, body.agencyId)) throw new NotFoundError('Perangkat daerah');
      const nip = checkNumber(body.nip, body.kind);
      const rank = checkRank(body.kind, body.rank);
      if (!(await personnelRepo.findAgency(db, body.agencyId))) throw new NotFoundError('Perangkat daerah');
      await checkUnit(body.agencyId, body.unitId);
      const row = await inTransaction(db, async (tx) => {
        if (await personnelRepo.findEmployeeByNip(tx, nip)) {
          throw new FieldConflictError('body.nip', `NIP ${nip} sudah terdaftar.`, 'nip_taken');
        }
        const values: NewEmployee = {
          nip, kind: body.kind, name: body.name.trim(), titlePrefix: body.titlePrefix?.trim() || null, titleSuffix: body.titleSuffix?.trim() || null,
          gender: body.gender, birthDate: body.birthDate, birthPlace: body.birthPlace ?? null, nik: body.nik ?? null,
          address: body.address ?? null, phone: body.phone ?? null, email: body.email?.toLowerCase() ?? null,
          rank, rankTmt: body.rankTmt ?? null, status: body.status ?? 'active', educationLevel: body.educationLevel,
          educationMajor: body.educationMajor ?? null, agencyId: body.agencyId, unitId: body.unitId ?? null, tmtCpns: body.tmtCpns ?? null,
        };
        const inserted = await personnelRepo.insertEmployee(tx, values);
        if (inserted.rankTmt) await personnelRepo.insertRank(tx, { employeeId: inserted.id, rank, tmt: inserted.rankTmt });
        await personnelRepo.bumpRevision(tx);
        await publishEmployee(tx, PERSONNEL_EVENTS.employeeCreated, inserted, actor);
        await appendAudit(tx, { actor, action: 'employee.created', entityType: 'employee', entityId: inserted.id, requestId, data: { nip, agencyId: inserted.agencyId } });
        return inserted;
      });
      onChanged();
      return present(actor, row);
    },

    /** Changes an employee's record; moving them to another agency needs the right to manage both. */
    async updateEmployee(actor: Actor, id: string, body: UpdateEmployeeBody, requestId: string | null = null): Promise<EmployeeProfile> {
      const existing = await managed(actor, id);
      const agencyId = body.agencyId ?? existing.agencyId;
      if (!canManageAgency(actor, agencyId)) throw new NotFoundError('Perangkat daerah');
      if (body.agencyId && !(await personnelRepo.findAgency(db, body.agencyId))) throw new NotFoundError('Perangkat daerah');
      const set: Partial<NewEmployee> = {};
      for (const [key, value] of Object.entries(body) as [keyof UpdateEmployeeBody, unknown][]) {
        if (value !== undefined) (set as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() || null : value;
      }
      if (body.name !== undefined) set.name = body.name.trim();
      if (body.email) set.email = body.email.toLowerCase();
      if (body.rank !== undefined) set.rank = checkRank(existing.kind, body.rank);
      // A move to another agency without a unit drops the old agency's unit.
      if (body.agencyId && body.agencyId !== existing.agencyId && body.unitId === undefined) set.unitId = null;
      await checkUnit(agencyId, set.unitId === undefined ? existing.unitId : set.unitId);
      const row = await inTransaction(db, async (tx) => {
        const updated = await personnelRepo.updateEmployee(tx, id, set);
        if (set.rank && set.rank !== existing.rank && updated.rankTmt) {
          await personnelRepo.insertRank(tx, { employeeId: id, rank: set.rank, tmt: updated.rankTmt });
        }
        if (updated.status !== existing.status) await publishEmployee(tx, PERSONNEL_EVENTS.employeeStatusChanged, updated, actor);
        // Names and ranks show in holder answers and the directory.
        await personnelRepo.bumpRevision(tx);
        await appendAudit(tx, { actor, action: 'employee.updated', entityType: 'employee', entityId: id, requestId, data: { fields: Object.keys(set).sort() } });
        return updated;
      });
      onChanged();
      return present(actor, row);
    },
  };
}

export type EmployeeService = ReturnType<typeof createEmployeeService>;
