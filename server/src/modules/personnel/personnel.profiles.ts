import { NotFoundError } from '../../platform/errors.js';
import type { Ctx, Platform } from '../../platform/index.js';
import type { HolderService } from './personnel.holders.js';
import { canViewHistory, isSelf } from './personnel.policy.js';
import { presentHistory, presentProfile } from './personnel.present.js';
import { personnelRepo, type EmployeeRow } from './personnel.repo.js';
import type { EmployeeHistory, EmployeeProfile } from './personnel.schema.js';

/**
 * Employee profiles: every member of staff sees the directory part of anyone's; personal data and
 * history as the policy allows. Writes elsewhere in the module answer with the profile from here.
 */
export function createProfileService(platform: Platform, deps: { holders: HolderService }) {
  const { db } = platform;
  const { holders } = deps;

  async function history(ctx: Ctx, row: EmployeeRow): Promise<EmployeeHistory> {
    const h = await personnelRepo.historyOf(db, row.id);
    const [refs, delegations] = await Promise.all([
      holders.positionRefs(h.positions.map((a) => a.positionId)),
      holders.delegationRecords(ctx.actor, ctx.today, h.delegations),
    ]);
    return presentHistory(h, refs, delegations);
  }

  async function profileOf(ctx: Ctx, row: EmployeeRow): Promise<EmployeeProfile> {
    const [agency, unit, holdings, past] = await Promise.all([
      personnelRepo.findAgency(db, row.agencyId),
      row.unitId ? personnelRepo.findUnit(db, row.unitId) : null,
      holders.positionsOf(row.id, ctx.today),
      canViewHistory(ctx.actor, row) ? history(ctx, row) : null,
    ]);
    return presentProfile(ctx.actor, row, { agency, unit, holdings, history: past });
  }

  return {
    /** One profile as the caller may see it; 404 when the id is unknown. */
    async get(ctx: Ctx, id: string): Promise<EmployeeProfile> {
      const row = await personnelRepo.findEmployee(db, id);
      if (!row) throw new NotFoundError('Pegawai');
      return profileOf(ctx, row);
    },

    /** The signed-in person's own profile; 404 when their account is not linked to an employee record. */
    async mine(ctx: Ctx): Promise<EmployeeProfile> {
      const row = ctx.actor.userId ? await personnelRepo.findEmployeeByUser(db, ctx.actor.userId) : null;
      if (!row || !isSelf(ctx.actor, row)) throw new NotFoundError('Data kepegawaian Anda');
      return profileOf(ctx, row);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
