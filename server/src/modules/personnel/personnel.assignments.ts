import { appendAudit } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/index.js';
import { ConflictError, FieldConflictError, FieldError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import { NOTIFY } from '../../platform/notify.js';
import type { Revision } from '../../platform/snapshot.js';
import { PERSONNEL_EVENTS, type AssignmentEvent, type DelegationEvent } from './personnel.events.js';
import { DELEGATION_ASSIGNED } from './personnel.notifications.js';
import { DELEGATION_LABEL, dayText, lastDayText } from './personnel.format.js';
import type { HolderService } from './personnel.holders.js';
import { displayName, inScope, isDelegable } from './personnel.policy.js';
import type { ProfileService } from './personnel.profiles.js';
import { personnelRepo, type AssignmentRow, type DelegationRow, type EmployeeRow } from './personnel.repo.js';
import type { AssignBody, DelegateBody, DelegationRecord, EmployeeProfile, EndBody } from './personnel.schema.js';

/**
 * The writes that change who holds a position: definitive assignments (with TMT) and Plt/Plh/Pj/Pjs
 * delegations. Every one locks the position, is audited and publishes its event; the holder
 * snapshot follows through the module's revision.
 */
export function createAssignmentService(platform: Platform, deps: { revision: Revision; holders: HolderService; profiles: ProfileService }) {
  const { events } = platform;
  const { revision, holders, profiles } = deps;

  /** The position, locked, with its unit; 404 when unknown or outside the actor's agencies. */
  async function lockedPosition(ctx: Ctx, tx: Db, positionId: string) {
    return inScope(ctx.actor, await personnelRepo.findPositionWithUnit(tx, positionId, true), (p) => p.unit.agencyId, 'Jabatan');
  }

  async function employee(ctx: Ctx, tx: Db, employeeId: string): Promise<EmployeeRow> {
    return inScope(ctx.actor, await personnelRepo.findEmployee(tx, employeeId), (e) => e.agencyId, 'Pegawai');
  }

  async function afterAssignment(ctx: Ctx, tx: Db, row: AssignmentRow, action: string): Promise<void> {
    const payload: AssignmentEvent = {
      assignmentId: row.id, employeeId: row.employeeId, positionId: row.positionId, startDate: row.startDate, endDate: row.endDate,
    };
    await events.publish(tx, PERSONNEL_EVENTS.assignmentChanged, payload);
    await appendAudit(tx, {
      actor: ctx.actor, action, entityType: 'assignment', entityId: row.id, requestId: ctx.requestId, data: { ...payload, skNumber: row.skNumber },
    });
  }

  async function afterDelegation(ctx: Ctx, tx: Db, row: DelegationRow, action: string): Promise<void> {
    const payload: DelegationEvent = {
      delegationId: row.id, positionId: row.positionId, employeeId: row.employeeId, kind: row.kind, startDate: row.startDate, endDate: row.endDate,
    };
    await events.publish(tx, PERSONNEL_EVENTS.delegationChanged, payload);
    await appendAudit(tx, {
      actor: ctx.actor, action, entityType: 'delegation', entityId: row.id, requestId: ctx.requestId, data: { ...payload, skNumber: row.skNumber },
    });
  }

  /** The checks of a new delegation that need no database: kind against post, Plh end date, range. */
  function checkDelegation(position: { kind: string; title: string }, body: DelegateBody): void {
    if (!isDelegable(position.kind)) {
      throw new ValidationError(`${position.title} bukan jabatan pimpinan; Plt/Plh hanya untuk jabatan pimpinan tinggi, administrator dan pengawas.`,
        undefined, 'delegation_not_managerial');
    }
    if ((body.kind === 'pj' || body.kind === 'pjs') && position.kind !== 'jpt_pratama') {
      throw new FieldError('body.kind', 'Pj dan Pjs hanya untuk jabatan pimpinan tinggi.', 'delegation_kind_invalid');
    }
    if (body.kind === 'plh' && !body.endDate) {
      throw new FieldError('body.endDate', 'Plh wajib punya tanggal berakhir: Plh menggantikan pejabat yang berhalangan sementara.', 'end_date_required');
    }
    if (body.endDate && body.endDate <= body.startDate) {
      throw new FieldError('body.endDate', 'Tanggal berakhir harus sesudah tanggal mulai.', 'invalid_range');
    }
  }

  return {
    /**
     * Makes an employee the definitive holder of a position from the TMT, and answers their profile.
     * Refuses a position someone else holds on or after that day (end that assignment first); the
     * employee's own open assignment ends where the new one starts, and their unit and agency follow.
     */
    async assign(ctx: Ctx, employeeId: string, body: AssignBody): Promise<EmployeeProfile> {
      await revision.write(async (tx) => {
        const person = await employee(ctx, tx, employeeId);
        const { position, unit } = await lockedPosition(ctx, tx, body.positionId);
        if (person.status === 'retired' || person.status === 'transferred') {
          throw new ValidationError(`${displayName(person)} sudah tidak aktif (${person.status === 'retired' ? 'pensiun' : 'pindah'}); tidak dapat diberi jabatan.`, undefined, 'employee_inactive');
        }
        if (position.validTo !== null && position.validTo <= body.startDate) {
          throw new FieldError('body.positionId', `Jabatan ${position.title} sudah dihapus per ${dayText(position.validTo)}.`, 'position_closed');
        }
        const others = (await personnelRepo.listAssignmentsFrom(tx, position.id, body.startDate)).filter((a) => a.employeeId !== person.id);
        if (others.length > 0) {
          const holder = await personnelRepo.findEmployee(tx, others[0]!.employeeId);
          throw new FieldConflictError('body.positionId', `Jabatan ${position.title} dipegang definitif oleh ${holder ? displayName(holder) : 'pegawai lain'} sejak ${dayText(others[0]!.startDate)}. ` +
            'Satu jabatan hanya boleh satu pemegang definitif: akhiri dulu penugasan itu atau tunjuk Plt/Plh.', 'position_taken', { holderId: others[0]!.employeeId });
        }
        const open = await personnelRepo.findOpenAssignmentOf(tx, person.id);
        if (open && open.positionId === position.id) {
          throw new FieldConflictError('body.positionId', `${displayName(person)} sudah memegang jabatan ${position.title}.`, 'already_assigned');
        }
        if (open && open.startDate >= body.startDate) {
          throw new FieldConflictError('body.startDate', `TMT ${dayText(body.startDate)} tidak boleh sebelum atau sama dengan TMT jabatan yang sedang dipegang (${dayText(open.startDate)}).`, 'assignment_order');
        }
        if (open) await afterAssignment(ctx, tx, await personnelRepo.endAssignment(tx, open.id, body.startDate), 'assignment.ended');
        const row = await personnelRepo.insertAssignment(tx, {
          employeeId: person.id, positionId: position.id, startDate: body.startDate,
          skNumber: body.skNumber ?? null, skDate: body.skDate ?? null, createdBy: ctx.actor.userId,
        });
        await personnelRepo.updateEmployee(tx, person.id, { unitId: unit.id, agencyId: unit.agencyId });
        await afterAssignment(ctx, tx, row, 'assignment.created');
      });
      return profiles.get(ctx, employeeId);
    },

    /** Ends a definitive assignment on a date (exclusive: the first day without the position), and answers the profile. */
    async end(ctx: Ctx, assignmentId: string, body: EndBody): Promise<EmployeeProfile> {
      const employeeId = await revision.write(async (tx) => {
        const row = await personnelRepo.findAssignment(tx, assignmentId);
        if (!row) throw new NotFoundError('Penugasan');
        await lockedPosition(ctx, tx, row.positionId);
        if (row.endDate !== null) throw new ConflictError('assignment_ended', `Penugasan ini sudah berakhir (hari terakhir ${lastDayText(row.endDate)}).`);
        if (body.endDate <= row.startDate) {
          throw new FieldError('body.endDate', `Tanggal berakhir harus sesudah TMT (${dayText(row.startDate)}).`, 'invalid_range');
        }
        await afterAssignment(ctx, tx, await personnelRepo.endAssignment(tx, row.id, body.endDate), 'assignment.ended');
        return row.employeeId;
      });
      return profiles.get(ctx, employeeId);
    },

    /**
     * Appoints a Plt, Plh, Pj or Pjs for a managerial position. A Plh needs an end date (an absence
     * always ends); Pj and Pjs are for JPT posts; never two delegations in force at once for one position.
     */
    async delegate(ctx: Ctx, positionId: string, body: DelegateBody): Promise<DelegationRecord> {
      const row = await revision.write(async (tx) => {
        const { position } = await lockedPosition(ctx, tx, positionId);
        checkDelegation(position, body);
        const endDate = body.endDate ?? null;
        const delegate = await employee(ctx, tx, body.employeeId);
        if (delegate.status !== 'active') {
          throw new FieldError('body.employeeId', `${displayName(delegate)} tidak berstatus aktif; tunjuk pegawai lain.`, 'employee_inactive');
        }
        const definitive = await personnelRepo.listAssignmentsFrom(tx, position.id, body.startDate);
        if (definitive.some((a) => a.employeeId === delegate.id)) {
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
          startDate: body.startDate, endDate, reason: body.reason.trim(), createdBy: ctx.actor.userId,
        });
        await afterDelegation(ctx, tx, inserted, 'delegation.created');
        if (delegate.userId) {
          await events.publish(tx, NOTIFY, {
            kind: DELEGATION_ASSIGNED.name, to: { userId: delegate.userId }, link: '/simpeg/saya', key: `delegation-assigned:${inserted.id}`,
            title: `Anda ditunjuk sebagai ${DELEGATION_LABEL[inserted.kind]} ${position.title}`,
            body: `Mulai ${dayText(inserted.startDate)}${inserted.endDate ? ` sampai dengan ${lastDayText(inserted.endDate)}` : ''}, SK ${inserted.skNumber}.`,
          });
        }
        return inserted;
      });
      return (await holders.delegationRecords(ctx.actor, ctx.today, [row]))[0]!;
    },

    /** Ends a delegation early (or ends an open one); it can only be shortened. */
    async endDelegation(ctx: Ctx, delegationId: string, body: EndBody): Promise<DelegationRecord> {
      const row = await revision.write(async (tx) => {
        const existing = await personnelRepo.findDelegation(tx, delegationId);
        if (!existing) throw new NotFoundError('Pelimpahan');
        await lockedPosition(ctx, tx, existing.positionId);
        if (body.endDate <= existing.startDate) {
          throw new FieldError('body.endDate', `Tanggal berakhir harus sesudah tanggal mulai (${dayText(existing.startDate)}).`, 'invalid_range');
        }
        if (existing.endDate !== null && body.endDate > existing.endDate) {
          throw new FieldError('body.endDate', `Pelimpahan ini hanya sampai dengan ${lastDayText(existing.endDate)}; untuk memperpanjang buat pelimpahan baru dengan SK baru.`, 'cannot_extend');
        }
        const updated = await personnelRepo.endDelegation(tx, existing.id, body.endDate);
        await afterDelegation(ctx, tx, updated, 'delegation.ended');
        return updated;
      });
      return (await holders.delegationRecords(ctx.actor, ctx.today, [row]))[0]!;
    },
  };
}
