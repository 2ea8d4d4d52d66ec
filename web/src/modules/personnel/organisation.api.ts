import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  DelegateBody, DelegationRecord, EndBody, HoldingKind, UnitNode, UnitPosition,
} from '../../../../server/src/modules/personnel/personnel.schema';

export type { DelegateBody, DelegationRecord, HoldingKind, UnitNode, UnitPosition };
/** Plt, Plh, Pj or Pjs. */
export type DelegationKind = DelegationRecord['kind'];
/** The kinds of position (JPT pratama … fungsional). */
export type PositionKind = UnitPosition['kind'];

/** The kinds of delegation in the order forms offer them (Plt and Plh are the everyday ones). */
export const DELEGATION_KINDS: readonly DelegationKind[] = ['plt', 'plh', 'pj', 'pjs'];

// A record so the compiler fails here when the server adds a kind.
const POSITION_KIND_ORDER: Record<PositionKind, number> = { jpt_pratama: 1, administrator: 2, pengawas: 3, fungsional: 4, pelaksana: 5 };
/** Position kinds from the top of the hierarchy down. */
export const POSITION_KINDS = (Object.keys(POSITION_KIND_ORDER) as PositionKind[]).sort((a, b) => POSITION_KIND_ORDER[a] - POSITION_KIND_ORDER[b]);

const UNITS = (agencyId: string) => ['personnel', 'units', agencyId] as const;
const UNIT_POSITIONS = (unitId: string) => ['personnel', 'unit-positions', unitId] as const;

/** The agency's organisation tree (units with their head posts), public; disabled without an agency. */
export function useUnitTree(agencyId: string | null) {
  return useQuery({
    queryKey: UNITS(agencyId ?? ''),
    queryFn: ({ signal }) => api<UnitNode[]>(`/api/agencies/${encodeURIComponent(agencyId ?? '')}/units`, { signal }),
    enabled: Boolean(agencyId),
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The positions of one unit with who holds or acts for them today; disabled until the unit is opened. */
export function useUnitPositions(unitId: string | null, enabled = true) {
  return useQuery({
    queryKey: UNIT_POSITIONS(unitId ?? ''),
    queryFn: ({ signal }) => api<UnitPosition[]>(`/api/units/${encodeURIComponent(unitId ?? '')}/positions`, { signal }),
    enabled: enabled && Boolean(unitId),
  });
}

/** Every unit of a tree in reading order with its depth (0 = the OPD itself), for selects and lookups. */
export function flattenUnits(nodes: readonly UnitNode[] | undefined, depth = 0): { unit: UnitNode; depth: number }[] {
  return (nodes ?? []).flatMap((unit) => [{ unit, depth }, ...flattenUnits(unit.children, depth + 1)]);
}

/** Appoints a Plt/Plh/Pj/Pjs for a position; the org chart and profiles refresh afterwards. */
export function useDelegate(positionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DelegateBody) => api<DelegationRecord>(`/api/positions/${encodeURIComponent(positionId)}/delegations`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['personnel'] }),
  });
}

/** Ends a delegation on the given (exclusive) end date. */
export function useEndDelegation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, endDate }: { id: string } & EndBody) =>
      api<DelegationRecord>(`/api/delegations/${encodeURIComponent(id)}/end`, { method: 'POST', body: { endDate } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['personnel'] }),
  });
}
