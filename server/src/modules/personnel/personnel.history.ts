import { appendAudit } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/index.js';
import { FieldConflictError, FieldError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { Revision } from '../../platform/snapshot.js';
import { dayText } from './personnel.format.js';
import { inScope, rankForKind } from './personnel.policy.js';
import type { ProfileService } from './personnel.profiles.js';
import { personnelRepo, type EmployeeRow } from './personnel.repo.js';
import type { EmployeeProfile } from './personnel.schema.js';
import type { AddEducationBody, AddLeaveBody, AddRankBody, AddTrainingBody } from './personnel.schema.history.js';
import { EDUCATION_LEVELS } from './personnel.tables.js';

/**
 * The records BKPSDM and agency admins add to an employee's history: promotions, education,
 * training and leave. A newer promotion or a higher degree also updates the current record.
 */
export function createHistoryService(_platform: Platform, deps: { revision: Revision; profiles: ProfileService }) {
  const { revision, profiles } = deps;

  /**
   * Runs `work` on an employee the actor manages (404 otherwise), audited, in one transaction, and
   * answers the updated profile. Every history write moves the revision: ranks and education show
   * in holder answers, the directory and signature blocks.
   */
  async function record(ctx: Ctx, employeeId: string, action: string, data: Record<string, unknown>,
    work: (tx: Db, employee: EmployeeRow) => Promise<void>): Promise<EmployeeProfile> {
    await revision.write(async (tx) => {
      const employee = inScope(ctx.actor, await personnelRepo.findEmployee(tx, employeeId), (e) => e.agencyId, 'Pegawai');
      await work(tx, employee);
      await appendAudit(tx, { actor: ctx.actor, action, entityType: 'employee', entityId: employeeId, requestId: ctx.requestId, data });
    });
    return profiles.get(ctx, employeeId);
  }

  return {
    /** Records a promotion (kenaikan pangkat); the latest TMT becomes the current rank. */
    async addRank(ctx: Ctx, employeeId: string, body: AddRankBody): Promise<EmployeeProfile> {
      return record(ctx, employeeId, 'employee.rank_added', { ...body }, async (tx, employee) => {
        const rank = rankForKind(employee.kind, body.rank);
        if (!rank) {
          throw new FieldError('body.rank', `Golongan ${body.rank} tidak ada pada jenjang ${employee.kind === 'pns' ? 'PNS' : 'PPPK'}.`, 'invalid_rank');
        }
        if (await personnelRepo.findRankAt(tx, employeeId, body.tmt)) {
          throw new FieldConflictError('body.tmt', `Sudah ada riwayat pangkat dengan TMT ${dayText(body.tmt)}.`, 'rank_tmt_taken');
        }
        await personnelRepo.insertRank(tx, { employeeId, rank, tmt: body.tmt, skNumber: body.skNumber ?? null, skDate: body.skDate ?? null });
        if (!employee.rankTmt || body.tmt >= employee.rankTmt) await personnelRepo.updateEmployee(tx, employeeId, { rank, rankTmt: body.tmt });
      });
    },

    /** Records a completed education; a higher level becomes the employee's current education. */
    async addEducation(ctx: Ctx, employeeId: string, body: AddEducationBody): Promise<EmployeeProfile> {
      return record(ctx, employeeId, 'employee.education_added', { ...body }, async (tx, employee) => {
        await personnelRepo.insertEducation(tx, {
          employeeId, level: body.level, institution: body.institution.trim(), major: body.major?.trim() || null, graduationYear: body.graduationYear,
        });
        if (EDUCATION_LEVELS.indexOf(body.level) > EDUCATION_LEVELS.indexOf(employee.educationLevel)) {
          await personnelRepo.updateEmployee(tx, employeeId, { educationLevel: body.level, educationMajor: body.major?.trim() || null });
        }
      });
    },

    /** Records a training (diklat or course). */
    async addTraining(ctx: Ctx, employeeId: string, body: AddTrainingBody): Promise<EmployeeProfile> {
      if (body.endDate && body.endDate < body.startDate) {
        throw new FieldError('body.endDate', 'Tanggal selesai tidak boleh sebelum tanggal mulai.', 'invalid_range');
      }
      return record(ctx, employeeId, 'employee.training_added', { ...body }, async (tx) => {
        await personnelRepo.insertTraining(tx, {
          employeeId, kind: body.kind, name: body.name.trim(), institution: body.institution?.trim() || null, hours: body.hours ?? null,
          startDate: body.startDate, endDate: body.endDate ?? null,
        });
      });
    },

    /** Records leave; two leaves of one person never overlap. */
    async addLeave(ctx: Ctx, employeeId: string, body: AddLeaveBody): Promise<EmployeeProfile> {
      if (body.endDate < body.startDate) {
        throw new FieldError('body.endDate', 'Hari terakhir cuti tidak boleh sebelum hari pertama.', 'invalid_range');
      }
      return record(ctx, employeeId, 'employee.leave_added', { ...body }, async (tx) => {
        const clash = await personnelRepo.findOverlappingLeave(tx, employeeId, body.startDate, body.endDate);
        if (clash) {
          throw new FieldConflictError('body.startDate', `Sudah ada cuti ${clash.kind.replace('_', ' ')} ${dayText(clash.startDate)} – ${dayText(clash.endDate)} yang bertumpang tindih.`, 'leave_overlap');
        }
        await personnelRepo.insertLeave(tx, { employeeId, kind: body.kind, startDate: body.startDate, endDate: body.endDate, note: body.note?.trim() || null });
      });
    },
  };
}
