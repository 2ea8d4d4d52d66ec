import type { App } from '../../../platform/index.js';
import { PersonnelStatistics, StatisticsQuery } from './statistics.schema.js';
import type { StatisticsService } from './statistics.service.js';

const tags = ['personnel'];

/** The public headcount statistics of the ASN (counts only; the old Portal Data published them). */
export function statisticsRoutes(app: App, statistics: StatisticsService): void {
  app.get('/api/personnel/statistics', {
    schema: {
      tags, summary: 'Statistik jumlah ASN menurut jenis, perangkat daerah, golongan, jenis kelamin, pendidikan, usia dan jenis jabatan',
      querystring: StatisticsQuery, response: { 200: PersonnelStatistics },
    },
    config: { access: 'public' },
  }, (req) => statistics.statistics(req.query));
}
