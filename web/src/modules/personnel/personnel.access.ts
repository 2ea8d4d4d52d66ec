import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../lib/api';
import { useMe } from '../identity/session';
import type { PersonnelAccess } from '../../../../server/src/modules/personnel/personnel.schema';

/**
 * What the signed-in user may manage in SIMPEG, as the server's policy answers it
 * (GET /api/personnel/access): the web keeps no copy of the rules. It only hides what would be
 * refused; until the answer arrives (or when it fails) the user may manage nothing.
 */
export function usePersonnelAccess() {
  const { data: me } = useMe();
  const userId = me?.id ?? null;
  const { data, isPending, error, refetch } = useQuery({
    // Per user: a sign-out and sign-in as someone else in the same tab must not reuse the answer.
    queryKey: ['access', 'personnel', userId],
    queryFn: ({ signal }) => api<PersonnelAccess>('/api/personnel/access', { signal }),
    enabled: userId !== null,
    staleTime: 10 * 60_000,
  });
  const canManageAgency = useCallback(
    (agencyId: string | null | undefined) => {
      if (!data) return false;
      // null: every agency (BKPSDM).
      return data.manageAgencyIds === null || (Boolean(agencyId) && data.manageAgencyIds.includes(agencyId ?? ''));
    },
    [data],
  );
  return {
    /** The user's own agency (the default of agency pickers). */
    ownAgencyId: data?.ownAgencyId ?? me?.agency?.id ?? null,
    /** May reach the admin screens (import) at all. */
    canManageAny: data?.canManageAny ?? false,
    /** May change records of this agency (assignments, the agencies an assignment may move to). */
    canManageAgency,
    /** True until the server has answered (a page that only admins may use waits for it). */
    pending: isPending,
    /** Why the answer could not be had, and how to ask again. */
    error,
    retry: () => void refetch(),
  };
}
