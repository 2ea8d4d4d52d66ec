import { appendAudit } from '../../platform/audit/index.js';
import { pgErrorCode, type Db } from '../../platform/db/index.js';
import type { EventType } from '../../platform/events/index.js';
import { FieldConflictError, FieldError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { employeeEvent, PERSONNEL_EVENTS, type EmployeeEvent } from './personnel.events.js';
import { validateEmployeeNumber } from './personnel.nip.js';
import { displayName, inScope, rankForKind } from './personnel.policy.js';
import { employeeRef } from './personnel.present.js';
import type { ProfileService } from './personnel.profiles.js';
import { personnelRepo, type EmployeeRow, type NewEmployee } from './personnel.repo.js';
import type { CreateEmployeeBody, EmployeeProfile, EmployeeRef, UpdateEmployeeBody } from './personnel.schema.js';

/** What identity needs to link an account to an employee record by NIP. */
export interface AccountLink {
  id: string;
  agencyId: string;
  userId: string | null;
  displayName: string;
}

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

/** The records BKPSDM and agency admins keep on employees, and the link between a record and its sign-in account. */
export function createEmployeeService(platform: Platform, deps: { revision: Revision; profiles: ProfileService }) {
  const { db, events } = platform;
  const { revision, profiles } = deps;

  /** A unit must belong to the agency it is given with. */
  async function checkUnit(agencyId: string, unitId: string | null | undefined): Promise<void> {
    if (!unitId) return;
    const unit = await personnelRepo.findUnit(db, unitId);
    if (!unit || unit.agencyId !== agencyId) {
      throw new FieldError('body.unitId', 'Unit kerja tidak ditemukan di perangkat daerah yang dipilih.', 'unit_outside_agency');
    }
  }

  async function publishEmployee(ctx: Ctx, tx: Db, event: EventType<EmployeeEvent>, row: EmployeeRow): Promise<void> {
    await events.publish(tx, event, employeeEvent(row, ctx.actor));
  }

  /** The fields of an update as stored: text trimmed (empty → null), email lower-case, rank canonical. */
  function changes(existing: EmployeeRow, body: UpdateEmployeeBody): Partial<NewEmployee> {
    const set: Partial<NewEmployee> = {};
    for (const [key, value] of Object.entries(body) as [keyof UpdateEmployeeBody, unknown][]) {
      if (value !== undefined) (set as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() || null : value;
    }
    if (body.name !== undefined) set.name = body.name.trim();
    if (body.email) set.email = body.email.toLowerCase();
    if (body.rank !== undefined) set.rank = checkRank(existing.kind, body.rank);
    // A move to another agency without a unit drops the old agency's unit.
    if (body.agencyId && body.agencyId !== existing.agencyId && body.unitId === undefined) set.unitId = null;
    return set;
  }

  return {
    /** What identity needs to link an account to an employee record by NIP; null when the NIP is unknown. */
    async accountLinkFor(nip: string): Promise<AccountLink | null> {
      const row = await personnelRepo.findEmployeeByNip(db, nip.replace(/\s+/g, ''));
      return row ? { id: row.id, agencyId: row.agencyId, userId: row.userId, displayName: displayName(row) } : null;
    },

    /**
     * Links a sign-in account to an employee record, so the person sees their own full profile. Only
     * an unlinked record takes a link (409 `nip_linked` otherwise: two admins linking the same NIP at
     * once cannot overwrite each other); identity decides who may link. Audited.
     */
    async linkAccount(ctx: Ctx, employeeId: string, userId: string): Promise<void> {
      await revision.write(async (tx) => {
        const linked = await personnelRepo.linkUser(tx, employeeId, userId).catch((err: unknown) => {
          // Another request linked this account to another record meanwhile (one account, one employee).
          if (pgErrorCode(err) === '23505') throw new FieldConflictError('body.nip', 'Akun ini sudah tertaut ke data pegawai lain. Lepaskan tautan itu dulu.', 'account_linked');
          throw err;
        });
        if (!linked) {
          throw new FieldConflictError('body.nip', 'Pegawai dengan NIP ini sudah punya akun; satu pegawai satu akun.', 'nip_linked');
        }
        await appendAudit(tx, {
          actor: ctx.actor, action: 'employee.account_linked', entityType: 'employee', entityId: employeeId, requestId: ctx.requestId,
          data: { userId, nip: linked.nip },
        });
      });
    },

    /** Unlinks an account from its employee record (audited); null when it was linked to none. */
    async unlinkAccount(ctx: Ctx, userId: string): Promise<{ employeeId: string } | null> {
      return revision.write(async (tx) => {
        const unlinked = await personnelRepo.unlinkUser(tx, userId);
        if (!unlinked) return null;
        await appendAudit(tx, {
          actor: ctx.actor, action: 'employee.account_unlinked', entityType: 'employee', entityId: unlinked.id, requestId: ctx.requestId,
          data: { userId, nip: unlinked.nip },
        });
        return { employeeId: unlinked.id };
      });
    },

    /** The employee records linked to these sign-in accounts, as other records show people, by user id. */
    async employeesOfUsers(userIds: string[]): Promise<Map<string, EmployeeRef>> {
      const rows = await personnelRepo.findEmployeesByUsers(db, userIds);
      return new Map(rows.map((row) => [row.userId!, employeeRef(row)]));
    },

    /** Adds an employee: the NIP (or NI PPPK) is validated, the rank must be on the kind's ladder. */
    async create(ctx: Ctx, body: CreateEmployeeBody): Promise<EmployeeProfile> {
      inScope(ctx.actor, await personnelRepo.findAgency(db, body.agencyId), (a) => a.id, 'Perangkat daerah');
      const nip = checkNumber(body.nip, body.kind);
      const rank = checkRank(body.kind, body.rank);
      await checkUnit(body.agencyId, body.unitId);
      const row = await revision.write(async (tx) => {
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
        await publishEmployee(ctx, tx, PERSONNEL_EVENTS.employeeCreated, inserted);
        await appendAudit(tx, {
          actor: ctx.actor, action: 'employee.created', entityType: 'employee', entityId: inserted.id, requestId: ctx.requestId,
          data: { nip, agencyId: inserted.agencyId },
        });
        return inserted;
      });
      return profiles.get(ctx, row.id);
    },

    /** Changes an employee's record; moving them to another agency needs the right to manage both. */
    async update(ctx: Ctx, id: string, body: UpdateEmployeeBody): Promise<EmployeeProfile> {
      const existing = inScope(ctx.actor, await personnelRepo.findEmployee(db, id), (e) => e.agencyId, 'Pegawai');
      const agencyId = body.agencyId ?? existing.agencyId;
      inScope(ctx.actor, await personnelRepo.findAgency(db, agencyId), (a) => a.id, 'Perangkat daerah');
      const set = changes(existing, body);
      await checkUnit(agencyId, set.unitId === undefined ? existing.unitId : set.unitId);
      await revision.write(async (tx) => {
        const updated = await personnelRepo.updateEmployee(tx, id, set);
        if (set.rank && set.rank !== existing.rank && updated.rankTmt) {
          await personnelRepo.insertRank(tx, { employeeId: id, rank: set.rank, tmt: updated.rankTmt });
        }
        if (updated.status !== existing.status) await publishEmployee(ctx, tx, PERSONNEL_EVENTS.employeeStatusChanged, updated);
        await appendAudit(tx, {
          actor: ctx.actor, action: 'employee.updated', entityType: 'employee', entityId: id, requestId: ctx.requestId,
          data: { fields: Object.keys(set).sort() },
        });
      });
      return profiles.get(ctx, id);
    },
  };
}

export type EmployeeService = ReturnType<typeof createEmployeeService>;
