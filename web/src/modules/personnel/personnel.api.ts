import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { AgencyView, ListAgenciesQuery } from '../../../../server/src/modules/personnel/personnel.schema';

export type { AgencyView };
/** A kind of perangkat daerah (dinas, badan, kecamatan…). */
export type AgencyKind = AgencyView['kind'];

// A record (not an array) so the compiler fails here when the server adds a kind.
const KIND_ORDER: Record<AgencyKind, number> = { sekretariat: 1, inspektorat: 2, badan: 3, dinas: 4, satuan: 5, rsud: 6, kecamatan: 7 };

/** The kinds in the order the filter lists them. */
export const AGENCY_KINDS = (Object.keys(KIND_ORDER) as AgencyKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);

/** Agencies in force today, filtered on the server by kind and by a search on name or short name. */
export function useAgencies(filter: Pick<ListAgenciesQuery, 'kind' | 'q'> = {}) {
  return useQuery({
    queryKey: ['agencies', filter.kind ?? '', filter.q ?? ''],
    queryFn: ({ signal }) => api<AgencyView[]>('/api/agencies', { query: { kind: filter.kind, q: filter.q }, signal }),
    placeholderData: keepPreviousData,
  });
}
