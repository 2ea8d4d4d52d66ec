import { Type } from 'typebox';
import { NotFoundError } from '../../platform/errors.js';
import type { App } from '../../platform/index.js';
import {
  AgencyParams, AgencyView, AssignBody, AssignmentParams, CreateEmployeeBody, CreatePositionBody, CreateUnitBody, DelegateBody, DelegationRecord,
  DirectoryPage, DirectoryQuery, EmployeeParams, EmployeeProfile, EndBody, HolderQuery, HolderView, ListAgenciesQuery, PersonnelAccess, PositionParams, PositionView,
  type UnitNode, UnitParams, UnitPosition, UnitTree, UnitTreeQuery, UpdateEmployeeBody, UpdatePositionBody, UpdateUnitBody,
} from './personnel.schema.js';
import { AddEducationBody, AddLeaveBody, AddRankBody, AddTrainingBody } from './personnel.schema.history.js';
import type { PersonnelService } from './personnel.service.js';

const tags = ['personnel'];
const directory = { permission: 'personnel:read-directory' } as const;
/** Writes are checked per agency in the service; the route only requires some personnel right. */
const manage = { anyPermission: ['personnel:manage', 'personnel:manage-agency'] } as const;
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
  const { agencies, organisation, holders, assignments, directory: employeeDirectory, profiles, employees, history } = personnel;

  app.get('/api/agencies', {
    schema: { tags, summary: 'Daftar perangkat daerah (OPD)', querystring: ListAgenciesQuery, response: { 200: Type.Array(AgencyView) } },
    config: { access: 'public' },
  }, (req) => agencies.list({ ...req.query, at: req.query.at ?? req.ctx.today }));

  app.get('/api/agencies/:id', {
    schema: { tags, summary: 'Satu perangkat daerah', params: AgencyParams, response: { 200: AgencyView } },
    config: { access: 'public' },
  }, (req) => agencies.get(req.params.id));

  app.get('/api/personnel/access', {
    schema: { tags, summary: 'Perangkat daerah yang datanya boleh saya kelola di SIMPEG', response: { 200: PersonnelAccess } },
    config: { access: 'authenticated' },
  }, (req) => agencies.access(req.ctx));

  app.get('/api/agencies/:id/units', {
    schema: {
      tags, summary: 'Struktur organisasi perangkat daerah (unit dan jabatan kepala)',
      params: AgencyParams, querystring: UnitTreeQuery, response: { 200: UnitTree },
    },
    config: { access: 'public' },
  }, (req) => organisation.unitTree(req.params.id, { at: req.query.at ?? req.ctx.today }));

  app.post('/api/agencies/:id/units', {
    schema: { tags, summary: 'Tambah unit kerja', params: AgencyParams, body: CreateUnitBody, response: { 201: UnitCreated } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await organisation.createUnit(req.ctx, req.params.id, req.body)));

  app.patch('/api/units/:id', {
    schema: { tags, summary: 'Ubah atau pindahkan unit kerja', params: UnitParams, body: UpdateUnitBody, response: { 200: UnitCreated } },
    config: { access: manage },
  }, (req) => organisation.updateUnit(req.ctx, req.params.id, req.body));

  app.get('/api/units/:id/positions', {
    schema: {
      tags, summary: 'Jabatan dalam satu unit beserta pemegangnya hari ini', params: UnitParams, querystring: HolderQuery,
      response: { 200: Type.Array(UnitPosition) },
    },
    config: { access: directory },
  }, (req) => holders.unitPositions(req.ctx, req.params.id, req.query.at));

  app.post('/api/units/:id/positions', {
    schema: { tags, summary: 'Tambah jabatan pada unit', params: UnitParams, body: CreatePositionBody, response: { 201: PositionView } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await organisation.createPosition(req.ctx, req.params.id, req.body)));

  app.get('/api/positions/:id', {
    schema: { tags, summary: 'Satu jabatan dengan unit, perangkat daerah dan rantai atasannya', params: PositionParams, response: { 200: PositionView } },
    config: { access: 'public' },
  }, (req) => organisation.getPosition(req.params.id));

  app.patch('/api/positions/:id', {
    schema: { tags, summary: 'Ubah jabatan (nama, eselon, atasan)', params: PositionParams, body: UpdatePositionBody, response: { 200: PositionView } },
    config: { access: manage },
  }, (req) => organisation.updatePosition(req.ctx, req.params.id, req.body));

  app.get('/api/positions/:id/holder', {
    schema: {
      tags, summary: 'Siapa yang menjabat pada tanggal tertentu (definitif atau Plt/Plh/Pj)', params: PositionParams, querystring: HolderQuery,
      response: { 200: HolderView },
    },
    config: { access: directory },
  }, async (req) => {
    const holder = await holders.currentHolder(req.params.id, req.query.at ?? req.ctx.today);
    if (!holder) throw new NotFoundError('Jabatan');
    return holder;
  });

  app.post('/api/positions/:id/delegations', {
    schema: { tags, summary: 'Tunjuk Plt, Plh, Pj atau Pjs', params: PositionParams, body: DelegateBody, response: { 201: DelegationRecord } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await assignments.delegate(req.ctx, req.params.id, req.body)));

  app.post('/api/delegations/:id/end', {
    schema: { tags, summary: 'Akhiri pelimpahan (Plt/Plh)', params: AssignmentParams, body: EndBody, response: { 200: DelegationRecord } },
    config: { access: manage },
  }, (req) => assignments.endDelegation(req.ctx, req.params.id, req.body));

  app.get('/api/employees', {
    schema: { tags, summary: 'Direktori pegawai', querystring: DirectoryQuery, response: { 200: DirectoryPage } },
    config: { access: directory },
  }, (req) => employeeDirectory.search(req.query));

  app.get('/api/employees/me', {
    schema: { tags, summary: 'Profil kepegawaian saya', response: { 200: EmployeeProfile } },
    config: { access: 'authenticated' },
  }, (req) => profiles.mine(req.ctx));

  app.get('/api/employees/:id', {
    schema: { tags, summary: 'Profil pegawai (data pribadi dan riwayat sesuai hak)', params: EmployeeParams, response: { 200: EmployeeProfile } },
    config: { access: directory },
  }, (req) => profiles.get(req.ctx, req.params.id));

  app.post('/api/employees', {
    schema: { tags, summary: 'Tambah pegawai', body: CreateEmployeeBody, response: { 201: EmployeeProfile } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await employees.create(req.ctx, req.body)));

  app.patch('/api/employees/:id', {
    schema: { tags, summary: 'Ubah data pegawai', params: EmployeeParams, body: UpdateEmployeeBody, response: { 200: EmployeeProfile } },
    config: { access: manage },
  }, (req) => employees.update(req.ctx, req.params.id, req.body));

  app.post('/api/employees/:id/assignments', {
    schema: { tags, summary: 'Angkat pegawai dalam jabatan definitif (TMT)', params: EmployeeParams, body: AssignBody, response: { 201: EmployeeProfile } },
    config: { access: manage },
  }, async (req, reply) => reply.code(201).send(await assignments.assign(req.ctx, req.params.id, req.body)));

  const sections = [
    ['ranks', 'Tambah riwayat pangkat (kenaikan pangkat)', AddRankBody, history.addRank],
    ['education', 'Tambah riwayat pendidikan', AddEducationBody, history.addEducation],
    ['training', 'Tambah riwayat diklat atau kursus', AddTrainingBody, history.addTraining],
    ['leave', 'Tambah riwayat cuti', AddLeaveBody, history.addLeave],
  ] as const;
  for (const [section, summary, body, add] of sections) {
    app.post(`/api/employees/:id/${section}`, {
      schema: { tags, summary, params: EmployeeParams, body, response: { 201: EmployeeProfile } },
      config: { access: manage },
    }, async (req, reply) => reply.code(201).send(await (add as (ctx: typeof req.ctx, id: string, body: unknown) => Promise<EmployeeProfile>)(req.ctx, req.params.id, req.body)));
  }

  app.post('/api/assignments/:id/end', {
    schema: { tags, summary: 'Akhiri jabatan definitif', params: AssignmentParams, body: EndBody, response: { 200: EmployeeProfile } },
    config: { access: manage },
  }, (req) => assignments.end(req.ctx, req.params.id, req.body));
}
