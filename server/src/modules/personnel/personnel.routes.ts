import { Type } from 'typebox';
import { NotFoundError } from '../../platform/errors.js';
import type { App } from '../../platform/index.js';
import {
  AddEducationBody, AddLeaveBody, AddRankBody, AddTrainingBody, AgencyParams, AgencyView, AssignBody, AssignmentParams, CreateEmployeeBody, CreatePositionBody, CreateUnitBody, DelegateBody, DelegationRecord,
  DirectoryPage, DirectoryQuery, EmployeeParams, EmployeeProfile, EndBody, HolderQuery, HolderView, ListAgenciesQuery, PositionParams, PositionView,
  type UnitNode, UnitParams, UnitPosition, UnitTree, UnitTreeQuery, UpdateEmployeeBody, UpdatePositionBody, UpdateUnitBody,
} from './personnel.schema.js';
import type { PersonnelService } from './personnel.service.js';

const tags = ['personnel'];
const directory = { permission: 'personnel:read-directory' } as const;
/** Writes are checked per agency in the service; the route only requires some personnel right. */
const manage = { anyPermission: ['personnel:manage', 'personnel:manage-agency'] } as const;
const requestId = (req: { id: unknown }) => String(req.id);
/** A unit node as the write answers give it: no children, no head yet. */
const UnitCreated = Type.Unsafe<UnitNode>(Type.Object({
  id: Type.String({ format: 'uuid' }), name: Type.String(), shortName: Type.String(), kind: Type.String(),
  head: Type.Null(), children: Type.Array(Type.Object({}), { maxItems: 0 }),
}));

/**
 * Routes of SIMPEG. The agency registry and the org chart (without holders) are public; the
 * directory, profiles and holders are for staff; writes need a personnel right and are scoped per agency.
 */
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

  app.post('/api/agencies/:id/units', {
    schema: { tags, summary: 'Tambah unit kerja', params: AgencyParams, body: CreateUnitBody, response: { 201: UnitCreated } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await personnel.createUnit(req.actor, req.params.id, req.body, requestId(req))));

  app.patch('/api/units/:id', {
    schema: { tags, summary: 'Ubah atau pindahkan unit kerja', params: UnitParams, body: UpdateUnitBody, response: { 200: UnitCreated } },
    config: { access: manage },
  }, (req) => personnel.updateUnit(req.actor, req.params.id, req.body, requestId(req)));

  app.get('/api/units/:id/positions', {
    schema: {
      tags, summary: 'Jabatan dalam satu unit beserta pemegangnya hari ini', params: UnitParams, querystring: HolderQuery,
      response: { 200: Type.Array(UnitPosition) },
    },
    config: { access: directory },
  }, (req) => personnel.unitPositions(req.params.id, req.query.at));

  app.post('/api/units/:id/positions', {
    schema: { tags, summary: 'Tambah jabatan pada unit', params: UnitParams, body: CreatePositionBody, response: { 201: PositionView } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await personnel.createPosition(req.actor, req.params.id, req.body, requestId(req))));

  app.get('/api/positions/:id', {
    schema: { tags, summary: 'Satu jabatan dengan unit, perangkat daerah dan rantai atasannya', params: PositionParams, response: { 200: PositionView } },
    config: { access: 'public' },
  }, (req) => personnel.getPosition(req.params.id));

  app.patch('/api/positions/:id', {
    schema: { tags, summary: 'Ubah jabatan (nama, eselon, atasan)', params: PositionParams, body: UpdatePositionBody, response: { 200: PositionView } },
    config: { access: manage },
  }, (req) => personnel.updatePosition(req.actor, req.params.id, req.body, requestId(req)));

  app.get('/api/positions/:id/holder', {
    schema: {
      tags, summary: 'Siapa yang menjabat pada tanggal tertentu (definitif atau Plt/Plh/Pj)', params: PositionParams, querystring: HolderQuery,
      response: { 200: HolderView },
    },
    config: { access: directory },
  }, async (req) => {
    const holder = await personnel.currentHolder(req.params.id, req.query.at);
    if (!holder) throw new NotFoundError('Jabatan');
    return holder;
  });

  app.post('/api/positions/:id/delegations', {
    schema: { tags, summary: 'Tunjuk Plt, Plh, Pj atau Pjs', params: PositionParams, body: DelegateBody, response: { 201: DelegationRecord } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await personnel.delegate(req.actor, req.params.id, req.body, requestId(req))));

  app.post('/api/delegations/:id/end', {
    schema: { tags, summary: 'Akhiri pelimpahan (Plt/Plh)', params: AssignmentParams, body: EndBody, response: { 200: DelegationRecord } },
    config: { access: manage },
  }, (req) => personnel.endDelegation(req.actor, req.params.id, req.body, requestId(req)));

  app.get('/api/employees', {
    schema: { tags, summary: 'Direktori pegawai', querystring: DirectoryQuery, response: { 200: DirectoryPage } },
    config: { access: directory },
  }, (req) => personnel.directory(req.query));

  app.get('/api/employees/me', {
    schema: { tags, summary: 'Profil kepegawaian saya', response: { 200: EmployeeProfile } },
    config: { access: 'authenticated' },
  }, (req) => personnel.myProfile(req.actor));

  app.get('/api/employees/:id', {
    schema: { tags, summary: 'Profil pegawai (data pribadi dan riwayat sesuai hak)', params: EmployeeParams, response: { 200: EmployeeProfile } },
    config: { access: directory },
  }, (req) => personnel.getProfile(req.actor, req.params.id));

  app.post('/api/employees', {
    schema: { tags, summary: 'Tambah pegawai', body: CreateEmployeeBody, response: { 201: EmployeeProfile } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await personnel.createEmployee(req.actor, req.body, requestId(req))));

  app.patch('/api/employees/:id', {
    schema: { tags, summary: 'Ubah data pegawai', params: EmployeeParams, body: UpdateEmployeeBody, response: { 200: EmployeeProfile } },
    config: { access: manage },
  }, (req) => personnel.updateEmployee(req.actor, req.params.id, req.body, requestId(req)));

  app.post('/api/employees/:id/assignments', {
    schema: { tags, summary: 'Angkat pegawai dalam jabatan definitif (TMT)', params: EmployeeParams, body: AssignBody, response: { 201: EmployeeProfile } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await personnel.assignPosition(req.actor, req.params.id, req.body, requestId(req))));

  const sections = [
    ['ranks', 'Tambah riwayat pangkat (kenaikan pangkat)', AddRankBody, personnel.history.addRank],
    ['education', 'Tambah riwayat pendidikan', AddEducationBody, personnel.history.addEducation],
    ['training', 'Tambah riwayat diklat atau kursus', AddTrainingBody, personnel.history.addTraining],
    ['leave', 'Tambah riwayat cuti', AddLeaveBody, personnel.history.addLeave],
  ] as const;
  for (const [section, summary, body, add] of sections) {
    app.post(`/api/employees/:id/${section}`, {
      schema: { tags, summary, params: EmployeeParams, body, response: { 201: EmployeeProfile } },
      config: { access: manage },
    }, async (req, reply) => reply.code(201).send(
      await personnel.addHistory(add as (actor: typeof req.actor, id: string, body: unknown, requestId: string | null) => Promise<unknown>,
        req.actor, req.params.id, req.body, requestId(req)),
    ));
  }

  app.post('/api/assignments/:id/end', {
    schema: { tags, summary: 'Akhiri jabatan definitif', params: AssignmentParams, body: EndBody, response: { 200: EmployeeProfile } },
    config: { access: manage },
  }, (req) => personnel.endAssignmentOf(req.actor, req.params.id, req.body, requestId(req)));
}
