import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  AssignBody, DirectoryPage, DirectoryQuery, EmployeeHistory, EmployeeProfile, EmployeeSummary, Holding,
} from '../../../../server/src/modules/personnel/personnel.schema';

export type { AssignBody, DirectoryPage, DirectoryQuery, EmployeeHistory, EmployeeProfile, EmployeeSummary, Holding };
/** PNS or PPPK. */
export type EmployeeKind = EmployeeSummary['kind'];
/** Aktif, cuti, pensiun, pindah. */
export type EmployeeStatus = EmployeeSummary['status'];

// Records so the compiler fails here when the server adds a value.
const STATUS_ORDER: Record<EmployeeStatus, number> = { active: 1, leave: 2, retired: 3, transferred: 4 };
/** Employment statuses in the order filters list them. */
export const EMPLOYEE_STATUSES = (Object.keys(STATUS_ORDER) as EmployeeStatus[]).sort((a, b) => STATUS_ORDER[a] - STATUS_ORDER[b]);
const KIND_ORDER: Record<EmployeeKind, number> = { pns: 1, pppk: 2 };
/** PNS then PPPK. */
export const EMPLOYEE_KINDS = (Object.keys(KIND_ORDER) as EmployeeKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);

/** Rows per page of the directory. */
export const DIRECTORY_PAGE_SIZE = 20;

/** One page of the employee directory, filtered and searched on the server. */
export function useDirectory(query: DirectoryQuery) {
  return useQuery({
    queryKey: ['personnel', 'directory', query],
    queryFn: ({ signal }) => api<DirectoryPage>('/api/employees', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Employees matching a name or NIP, for pickers (a few rows; nothing is fetched for an empty search). */
export function useEmployeeSearch(q: string, agencyId?: string | null) {
  return useQuery({
    queryKey: ['personnel', 'directory', 'pick', q, agencyId ?? ''],
    queryFn: ({ signal }) => api<DirectoryPage>('/api/employees', { query: { q, agencyId, status: 'active', pageSize: 10 }, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** The cache key of a profile (`me`: the signed-in user's own). */
export const employeeKey = (id: string | 'me') => ['personnel', 'employee', id] as const;

/** An employee's profile; `me` asks for the signed-in user's own. */
export function useEmployee(id: string | 'me') {
  return useQuery({
    queryKey: employeeKey(id),
    queryFn: ({ signal }) => api<EmployeeProfile>(`/api/employees/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Appoints the employee to a position (definitive); answers the refreshed profile. */
export function useAssign(employeeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignBody) => api<EmployeeProfile>(`/api/employees/${encodeURIComponent(employeeId)}/assignments`, { method: 'POST', body }),
    onSuccess: async (profile) => {
      client.setQueryData(employeeKey(profile.id), profile);
      await client.invalidateQueries({ queryKey: ['personnel'], predicate: (q) => q.queryKey[2] !== profile.id });
    },
  });
}
