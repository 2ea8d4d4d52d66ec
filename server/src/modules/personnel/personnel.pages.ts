import type { Platform } from '../../platform/index.js';
import type { PageMeta } from '../../platform/pages/index.js';
import { lastDayText } from './personnel.format.js';
import type { AgencyView, ListAgenciesQuery } from './personnel.schema.js';

/** The web app's address of an agency (its org chart in SIMPEG), as shared in links. */
export const AGENCY_PAGE = '/simpeg/opd/:id';

/** The path of one agency's page. */
export function agencyPagePath(id: string): string {
  return AGENCY_PAGE.replace(':id', id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What kind of body the agency is, said the way a citizen would read it. */
const KIND_TEXT: Record<AgencyView['kind'], string> = {
  sekretariat: 'sekretariat perangkat daerah',
  inspektorat: 'inspektorat daerah, pengawas internal pemerintah daerah',
  badan: 'badan daerah',
  dinas: 'dinas daerah',
  satuan: 'satuan perangkat daerah',
  rsud: 'rumah sakit umum daerah',
  kecamatan: 'perangkat daerah kewilayahan (kecamatan)',
};

/** An agency's shareable metadata: only what the public registry (`GET /api/agencies/:id`) shows anyway. */
export function agencyPage(agency: AgencyView, publicUrl: string): PageMeta {
  const path = agencyPagePath(agency.id);
  const url = `${publicUrl}${path}`;
  const formerly = agency.validTo ? `Nama lama, berlaku sampai ${lastDayText(agency.validTo)}. ` : '';
  const named = agency.shortName && agency.shortName !== agency.name ? `${agency.name} (${agency.shortName})` : agency.name;
  const description = `${formerly}${named}: ${KIND_TEXT[agency.kind]}. Struktur organisasi, jabatan, dan pejabatnya di SIMPEG.`;
  return {
    title: agency.name,
    description,
    canonicalPath: path,
    type: 'website',
    jsonLd: {
      '@type': 'GovernmentOrganization',
      '@id': url,
      url,
      name: agency.name,
      alternateName: agency.shortName,
      identifier: agency.code,
      description,
      ...(agency.districtCode ? { areaServed: { '@type': 'AdministrativeArea', name: agency.name, identifier: agency.districtCode } } : {}),
    },
  };
}

/**
 * Registers SIMPEG's public pages: every agency, current or former (the registry is public
 * reference data), and the current ones in the sitemap. Ids that are not UUIDs name no agency.
 */
export function registerAgencyPages(
  platform: Platform,
  agencies: { find(id: string): Promise<AgencyView | null>; list(query: ListAgenciesQuery): Promise<AgencyView[]> },
): void {
  const { publicUrl } = platform.config;
  platform.pages.page(AGENCY_PAGE, async ({ id = '' }) => {
    if (!UUID.test(id)) return null;
    const agency = await agencies.find(id.toLowerCase());
    return agency ? agencyPage(agency, publicUrl) : null;
  });
  platform.pages.sitemap(async function* agencySitemap() {
    // A few dozen rows, already cached by the registry; validFrom is when the current name took effect.
    for (const agency of await agencies.list({ at: platform.today() })) {
      yield { path: agencyPagePath(agency.id), lastModified: agency.validFrom };
    }
  });
}
