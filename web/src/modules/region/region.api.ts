import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { DistrictView, RegencyView, VillageView } from '../../../../server/src/modules/region/region.schema';

export type { DistrictView, RegencyView, VillageView };

/** The configured regency with its district and village counts. */
export function useRegency() {
  return useQuery({ queryKey: ['regions', 'regency'], queryFn: () => api<RegencyView>('/api/regions'), staleTime: 60 * 60_000 });
}

/** The regency's districts (kecamatan) with their village counts. */
export function useDistricts() {
  return useQuery({ queryKey: ['regions', 'districts'], queryFn: () => api<DistrictView[]>('/api/regions/districts'), staleTime: 60 * 60_000 });
}

/** The villages (desa and kelurahan) of one district. */
export function useVillages(districtCode: string) {
  return useQuery({
    queryKey: ['regions', 'districts', districtCode, 'villages'],
    queryFn: () => api<VillageView[]>(`/api/regions/districts/${encodeURIComponent(districtCode)}/villages`),
    staleTime: 60 * 60_000,
    placeholderData: keepPreviousData,
  });
}
