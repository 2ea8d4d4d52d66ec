import type { Db } from '../db/index.js';
import { createJobAdmin } from './events.service.js';

const SHOWN = 100;

/** The dead-letter list as console text (for `cli jobs dead`): newest first, one job per line plus its error. */
export async function reportDeadJobs(db: Db): Promise<string> {
  const page = await createJobAdmin(db).list({ status: 'dead', page: 1, pageSize: SHOWN });
  if (page.total === 0) return 'Tidak ada pekerjaan yang gagal permanen.';
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' }) : '-');
  const lines = page.items.map((job) => {
    const error = (job.lastError ?? '').split('\n')[0]!.slice(0, 200);
    return `#${job.id}  ${job.name}  ${job.attempts}/${job.maxAttempts} percobaan  gagal ${when(job.finishedAt)}\n    ${error}`;
  });
  const more = page.total > SHOWN ? `\n… dan ${page.total - SHOWN} lainnya (lihat GET /api/admin/jobs?status=dead).` : '';
  return `${page.total} pekerjaan gagal permanen:\n${lines.join('\n')}${more}\nUlangi lewat POST /api/admin/jobs/<id>/retry.`;
}
