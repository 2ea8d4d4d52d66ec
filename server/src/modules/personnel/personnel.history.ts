import { appendAudit } from '../../platform/audit/index.js';
import { inTransaction, type Db } from '../../platform/db/index.js';
import { FieldConflictError, FieldError, NotFoundError } from '../../platform/errors.js';
import type { Actor, Platform } from '../../platform/index.js';
import { dayText } from './personnel.format.js';
import { canManageAgency, rankForKind } from './personnel.policy.js';
import { compareRanks } from './personnel.ranks.js';
import { personnelRepo, type EmployeeRow } from './personnel.repo.js';
import type { AddEducationBody, AddLeaveBody, AddRankBody, AddTrainingBody } from './personnel.schema.js';
import { EDUCATION_LEVELS } from './personnel.tables.js';


/**
 * The records BKPSDM and agency admins add to an employee's history: promotions, education,
 * training and leave. A newer promotion or a higher degree also updates the current record.
 */
export function createHistoryService(platform: Platform) {
  const { db } = platform;

  /** Runs `work` on an employee the actor manages (404 otherwise), audited, in one transaction. */
  async function record(actor: Actor, employeeId: string, action: string, data: Record<string, unknown>, requestId: string | null,
    work: (tx: Db, employee: EmployeeRow) => Promise<void>): Promise<void> {
    await inTransaction(db, async (tx) => {
      const employee = await personnelRepo.findEmployee(tx, employeeId);
      if (!employee || !canManageAgency(actor, employee.agencyId)) throw new NotFoundError('Pegawai');
      await work(tx, employee);
      await appendAudit(tx, { actor, action, entityType: 'employee', entityId: employeeId, requestId, data });
    });
  }

  return {
    /** Records a promotion (kenaikan pangkat); the latest TMT becomes the current rank. */
    async addRank(actor: Actor, employeeId: string, body: AddRankBody, requestId: string | null = null): Promise<{ rankChanged: boolean }> {
      let rankChanged = false;
      await record(actor, employeeId, 'employee.rank_added', { ...body }, requestId, async (tx, employee) => {
        const rank = rankForKind(employee.kind, body.rank);
        if (!rank) {
          throw new FieldError('body.rank', `Golongan ${body.rank} tidak ada pada jenjang ${employee.kind === 'pns' ? 'PNS' : 'PPPK'}.`, 'invalid_rank');
        }
        if (await personnelRepo.findRankAt(tx, employeeId, body.tmt)) {
          throw new FieldConflictError('body.tmt', `Sudah ada riwayat pangkat dengan TMT ${dayText(body.tmt)}.`, 'rank_tmt_taken');
        }
        await personnelRepo.insertRank(tx, { employeeId, rank, tmt: body.tmt, skNumber: body.skNumber ?? null, skDate: body.skDate ?? null });
        if (!employee.rankTmt || body.tmt >= employee.rankTmt) {
          await personnelRepo.updateEmployee(tx, employeeId, { rank, rankTmt: body.tmt });
          rankChanged = compareRanks(rank, employee.rank) !== 0;
          // Rank labels show in holder answers and signature blocks.
          await personnelRepo.bumpRevision(tx);
        }
      });
      return { rankChanged };
    },

    /** Records a completed education; a higher level becomes the employee's current education. */
    async addEducation(actor: Actor, employeeId: string, body: AddEducationBody, requestId: string | null = null): Promise<void> {
      await record(actor, employeeId, 'employee.education_added', { ...body }, requestId, async (tx, employee) => {
        await personnelRepo.insertEducation(tx, {
          employeeId, level: body.level, institution: body.institution.trim(), major: body.major?.trim() || null, graduationYear: body.graduationYear,
        });
        if (EDUCATION_LEVELS.indexOf(body.level) > EDUCATION_LEVELS.indexOf(employee.educationLevel)) {
          await personnelRepo.updateEmployee(tx, employeeId, { educationLevel: body.level, educationMajor: body.major?.trim() || null });
        }
      });
    },

    /** Records a training (diklat or course). */
    async addTraining(actor: Actor, employeeId: string, body: AddTrainingBody, requestId: string | null = null): Promise<void> {
      if (body.endDate && body.endDate < body.startDate) {
        throw new FieldError('body.endDate', 'Tanggal selesai tidak boleh sebelum tanggal mulai.', 'invalid_range');
      }
      await record(actor, employeeId, 'employee.training_added', { ...body }, requestId, async (tx) => {
        await personnelRepo.insertTraining(tx, {
          employeeId, kind: body.kind, name: body.name.trim(), institution: body.institution?.trim() || null, hours: body.hours ?? null,
          startDate: body.startDate, endDate: body.endDate ?? null,
        });
      });
    },

    /** Records leave; two leaves of one person never overlap. */
    async addLeave(actor: Actor, employeeId: string, body: AddLeaveBody, requestId: string | null = null): Promise<void> {
      if (body.endDate < body.startDate) {
        throw new FieldError('body.endDate', 'Hari terakhir cuti tidak boleh sebelum hari pertama.', 'invalid_range');
      }
      await record(actor, employeeId, 'employee.leave_added', { ...body }, requestId, async (tx) => {
        const clash = await personnelRepo.findOverlappingLeave(tx, employeeId, body.startDate, body.endDate);
        if (clash) {
          throw new FieldConflictError('body.startDate', `Sudah ada cuti ${clash.kind.replace('_', ' ')} ${dayText(clash.startDate)} – ${dayText(clash.endDate)} yang bertumpang tindih.`, 'leave_overlap');
        }
        await personnelRepo.insertLeave(tx, { employeeId, kind: body.kind, startDate: body.startDate, endDate: body.endDate, note: body.note?.trim() || null });
      });
    },
  };
}
