import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../platform/db/index.js';

/** The breakdowns one pass over the staff produces; `total` is the grand total. */
export type Dimension = 'kind' | 'agency' | 'rank' | 'gender' | 'education' | 'age' | 'position' | 'total';

/** One group of the headcount: its dimension, its key (null for the total) and how many people. */
export interface HeadcountRow extends Record<string, unknown> {
  dim: Dimension;
  key: string | null;
  /** Agency short name and order, only on `agency` rows. */
  label: string | null;
  sort: number | null;
  count: number;
}

/** SQL of the personnel statistics: counts only, never a name. */
export const statisticsRepo = {
  /**
   * Headcount of employees in service (active or on leave) on `at`, grouped every way at once with
   * GROUPING SETS: one scan instead of seven. Age is in whole years on `at`; the position kind is
   * that of the definitive assignment in force on `at` (`none` without one).
   */
  headcounts(db: Db, filter: { at: string; agencyId?: string | undefined }): Promise<HeadcountRow[]> {
    const inAgency = filter.agencyId ? sql`AND e.agency_id = ${filter.agencyId}` : sql``;
    return queryRows<HeadcountRow>(db, sql`
      WITH staff AS (
        SELECT e.kind, e.agency_id::text AS agency_id, ag.short_name AS agency_label, ag.sort_order AS agency_sort,
               e.rank, e.gender, e.education_level,
               date_part('year', age(${filter.at}::date, e.birth_date))::int AS age,
               coalesce(cur.kind, 'none') AS position_kind
        FROM employees e
        JOIN agencies ag ON ag.id = e.agency_id
        LEFT JOIN LATERAL (
          SELECT p.kind FROM assignments a JOIN positions p ON p.id = a.position_id
          WHERE a.employee_id = e.id AND a.start_date <= ${filter.at}::date AND (a.end_date IS NULL OR a.end_date > ${filter.at}::date)
          ORDER BY a.start_date DESC LIMIT 1
        ) cur ON true
        WHERE e.status IN ('active', 'leave') ${inAgency}
      )
      SELECT CASE
               WHEN grouping(kind) = 0 THEN 'kind'
               WHEN grouping(agency_id) = 0 THEN 'agency'
               WHEN grouping(rank) = 0 THEN 'rank'
               WHEN grouping(gender) = 0 THEN 'gender'
               WHEN grouping(education_level) = 0 THEN 'education'
               WHEN grouping(age) = 0 THEN 'age'
               WHEN grouping(position_kind) = 0 THEN 'position'
               ELSE 'total'
             END AS dim,
             coalesce(kind, agency_id, rank, gender, education_level, age::text, position_kind) AS key,
             agency_label AS label, agency_sort AS sort, count(*)::int AS count
      FROM staff
      GROUP BY GROUPING SETS (
        (kind), (agency_id, agency_label, agency_sort), (rank), (gender), (education_level), (age), (position_kind), ()
      )
    `);
  },
};
