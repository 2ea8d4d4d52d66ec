import { useMe } from '../identity/session';

/**
 * What the signed-in user may manage in SIMPEG, mirroring the server's personnel.policy: BKPSDM
 * (`personnel:manage`) every agency, an agency admin (`personnel:manage-agency`) their own. The
 * server stays the authority; this only hides buttons that would be refused.
 */
export function usePersonnelAccess() {
  const { data: me } = useMe();
  const permissions = new Set(me?.permissions ?? []);
  const all = permissions.has('personnel:manage');
  const ownAgencyId = me?.agency?.id ?? null;
  const agencyOnly = permissions.has('personnel:manage-agency') && ownAgencyId !== null;
  return {
    /** The user's own agency (the default of agency pickers). */
    ownAgencyId,
    /** May reach the admin screens (import) at all. */
    canManageAny: all || agencyOnly,
    /** May change records of this agency (delegations, assignments). */
    canManageAgency: (agencyId: string | null | undefined) => all || (agencyOnly && agencyId === ownAgencyId),
  };
}
