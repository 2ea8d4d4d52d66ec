import { Type } from 'typebox';
import type { App } from '../../platform/index.js';
import { AgencyParams, AgencyView, ListAgenciesQuery, PositionParams, PositionView, UnitTree, UnitTreeQuery } from './personnel.schema.js';
import type { PersonnelService } from './personnel.service.js';

const tags = ['personnel'];

/** Routes of SIMPEG; the agency registry and the org chart (without holders) are public. */
export function personnelRoutes(app: App, personnel: PersonnelService): void {
  app.get('/api/agencies', {
    schema: { tags, summary: 'Daftar perangkat daerah (OPD)', querystring: ListAgenciesQuery, response: { 200: Type.Array(AgencyView) } },
    config: { access: 'public' },
  }, (req) => personnel.listAgencies(req.query));

  app.get('/api/agencies/:id', {
    schema: { tags, summary: 'Satu perangkat daerah', params: AgencyParams, response: { 200: AgencyView } },
    config: { access: 'public' },
  }, (req) => personnel.getAgency(req.params.id));

  app.get('/api/agencies/:id/units', {
    schema: {
      tags, summary: 'Struktur organisasi perangkat daerah (unit dan jabatan kepala)',
      params: AgencyParams, querystring: UnitTreeQuery, response: { 200: UnitTree },
    },
    config: { access: 'public' },
  }, (req) => personnel.unitTree(req.params.id, req.query));

  app.get('/api/positions/:id', {
    schema: { tags, summary: 'Satu jabatan dengan unit, perangkat daerah dan rantai atasannya', params: PositionParams, response: { 200: PositionView } },
    config: { access: 'public' },
  }, (req) => personnel.getPosition(req.params.id));
}
