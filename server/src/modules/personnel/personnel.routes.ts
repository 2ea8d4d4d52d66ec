import { Type } from 'typebox';
import type { App } from '../../platform/index.js';
import { AgencyParams, AgencyView, ListAgenciesQuery } from './personnel.schema.js';
import type { PersonnelService } from './personnel.service.js';

const tags = ['personnel'];

/** Routes of SIMPEG; the agency registry is public reference data. */
export function personnelRoutes(app: App, personnel: PersonnelService): void {
  app.get('/api/agencies', {
    schema: { tags, summary: 'Daftar perangkat daerah (OPD)', querystring: ListAgenciesQuery, response: { 200: Type.Array(AgencyView) } },
    config: { access: 'public' },
  }, (req) => personnel.listAgencies(req.query));

  app.get('/api/agencies/:id', {
    schema: { tags, summary: 'Satu perangkat daerah', params: AgencyParams, response: { 200: AgencyView } },
    config: { access: 'public' },
  }, (req) => personnel.getAgency(req.params.id));
}
