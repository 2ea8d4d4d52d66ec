import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  AddEducationBody, AddLeaveBody, AddRankBody, AddTrainingBody,
} from '../../../../server/src/modules/personnel/personnel.schema.history';
import { employeeKey, type EmployeeHistory, type EmployeeProfile } from './employees.api';

/** The body each addable section of the history takes, by its path (`POST /api/employees/:id/<section>`). */
export interface HistoryBodies {
  ranks: AddRankBody;
  education: AddEducationBody;
  training: AddTrainingBody;
  leave: AddLeaveBody;
}
/** A section of the history that administrators add records to. */
export type HistorySection = keyof HistoryBodies;

/** SD … S3. */
export type EducationLevel = EmployeeHistory['education'][number]['level'];
/** Struktural, fungsional, teknis. */
export type TrainingKind = EmployeeHistory['training'][number]['kind'];
/** Cuti tahunan, sakit, bersalin… */
export type LeaveKind = EmployeeHistory['leave'][number]['kind'];

// Records, so the compiler fails here when the server adds a value; the order is the one forms offer.
const EDUCATION_ORDER: Record<EducationLevel, number> = { SD: 1, SMP: 2, SMA: 3, D1: 4, D2: 5, D3: 6, D4: 7, S1: 8, S2: 9, S3: 10 };
const TRAINING_ORDER: Record<TrainingKind, number> = { struktural: 1, fungsional: 2, teknis: 3 };
const LEAVE_ORDER: Record<LeaveKind, number> = { tahunan: 1, sakit: 2, alasan_penting: 3, bersalin: 4, besar: 5, cltn: 6 };
const ordered = <K extends string>(order: Record<K, number>) => (Object.keys(order) as K[]).sort((a, b) => order[a] - order[b]);

/** Education levels from the lowest. */
export const EDUCATION_LEVELS = ordered(EDUCATION_ORDER);
/** Kinds of training. */
export const TRAINING_KINDS = ordered(TRAINING_ORDER);
/** Kinds of leave, the everyday ones first. */
export const LEAVE_KINDS = ordered(LEAVE_ORDER);

/**
 * Adds a record to one section of an employee's history. The server answers the whole updated
 * profile, which replaces the cached one (also under `me` when it is the user's own).
 */
export function useAddHistory<S extends HistorySection>(employeeId: string, section: S) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: HistoryBodies[S]) =>
      api<EmployeeProfile>(`/api/employees/${encodeURIComponent(employeeId)}/${section}`, { method: 'POST', body }),
    onSuccess: async (profile) => {
      const keys = [employeeKey(profile.id)];
      if (client.getQueryData<EmployeeProfile>(employeeKey('me'))?.id === profile.id) keys.push(employeeKey('me'));
      for (const key of keys) client.setQueryData(key, profile);
      // A newer rank or a higher degree changes the record that the directory and the org chart show.
      if (section === 'ranks' || section === 'education') {
        await client.invalidateQueries({
          queryKey: ['personnel'],
          predicate: (q) => !keys.some((key) => key.every((part, i) => q.queryKey[i] === part)),
        });
      }
    },
  });
}
