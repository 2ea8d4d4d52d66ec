import type { App } from '../http/types.js';
import { JobPage, JobParams, JobView, ListJobsQuery } from './events.schema.js';
import type { JobAdmin } from './events.service.js';

const tags = ['platform'];
const access = { permission: 'jobs:manage' };

/** Operator routes for the job queue: the dead-letter list and retrying a dead job. */
export function eventRoutes(app: App, jobs: JobAdmin): void {
  app.get('/api/admin/jobs', {
    schema: { tags, summary: 'Daftar pekerjaan latar belakang (antrean dan yang gagal permanen)', querystring: ListJobsQuery, response: { 200: JobPage } },
    config: { access },
  }, (req) => jobs.list(req.query));

  app.post('/api/admin/jobs/:id/retry', {
    schema: { tags, summary: 'Ulangi pekerjaan yang gagal permanen', params: JobParams, response: { 200: JobView } },
    config: { access },
  }, (req) => jobs.retry(req.actor, req.params.id, String(req.id)));
}
