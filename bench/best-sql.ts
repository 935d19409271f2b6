import { DEFAULT_STAGE_TARGET_HOURS } from '../src/config/stage-targets';
import { sqlParams } from '../src/people/access/person-scope';
import { overdueSql } from '../src/people/workflow/stage-clocks';

/**
 * The best raw SQL we know for each report's figures, written here independently of the app's
 * statements and checked against them on every run of the bench (same keys, same counts), so that a
 * report is judged against what PostgreSQL can do, not only against the app's own query. For the figures
 * of everyone (staff and donors; the thresholds are applied in the app, after counting).
 */
export interface BestSql {
  sql: string;
  params: unknown[];
}

/** The people a range of departures holds, as a condition on `p` (the whole `to` day included). */
const DEPARTED = `p.departed_at >= $1::date AND p.departed_at < $2::date + 1`;

/** Age band at a moment, written out so that PostgreSQL evaluates it inline (as sr_age_band() computes it). */
const ageBand = (at: string) => `coalesce(p.age_band_at_erasure,
  (ARRAY['unknown', '0-17', '18-24', '25-34', '35-44', '45-59', '60+'])[1 + width_bucket(
    CASE WHEN p.date_of_birth IS NOT NULL
           THEN date_part('year', age((${at} AT TIME ZONE 'UTC')::date::timestamp, p.date_of_birth::timestamp))::int
         WHEN p.estimated_age IS NOT NULL
           THEN p.estimated_age + greatest(0, floor(date_part('epoch', ${at} - p.created_at) / (365.25 * 86400))::int)
    END, ARRAY[0, 18, 25, 35, 45, 60])],
  'unknown')`;

const KEY: Record<string, string> = {
  compound: `coalesce(p.compound_id::text, 'unknown')`,
  month: `to_char(p.departed_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
  sex: 'p.sex',
  ageBand: ageBand('p.departed_at'),
  status: 'p.status',
};

/** A person counts once in a total, though a dual national is in two nationality rows. */
const HAS_NATIONALITY = 'EXISTS (SELECT 1 FROM person_nationalities x WHERE x.person_id = p.id)';

/**
 * One-way counts as rows (key, count), the total keyed NULL: by nationality the cells come from the
 * join and the total from people (no DISTINCT over the join); any other dimension in one pass.
 */
function oneWay(where: string, dimension: string, withNames: boolean): string {
  if (dimension === 'nationality') {
    return `SELECT pn.nationality_code::text AS key, count(*)::int AS count
              FROM people p JOIN person_nationalities pn ON pn.person_id = p.id WHERE ${where} GROUP BY 1
            UNION ALL
            SELECT NULL, count(*)::int FROM people p WHERE ${where} AND ${HAS_NATIONALITY}`;
  }
  const counted = `SELECT ${KEY[dimension]} AS key, count(*)::int AS count FROM people p WHERE ${where}
                    GROUP BY GROUPING SETS ((1), ())`;
  // The app labels compounds by name: the same lookup, in the same statement.
  return withNames
    ? `SELECT g.key, g.count, c.name FROM (${counted}) g LEFT JOIN compounds c ON c.id::text = g.key`
    : counted;
}

/** Nationality × `columns`: cells and nationality margins from the join, the others from people. */
function crosstab(columns: string): string {
  const c = KEY[columns];
  return `SELECT pn.nationality_code::text AS r, ${c} AS c, count(*)::int AS count
            FROM people p JOIN person_nationalities pn ON pn.person_id = p.id WHERE ${DEPARTED}
           GROUP BY GROUPING SETS ((1, ${c}), (1))
          UNION ALL
          SELECT NULL, ${c}, count(*)::int FROM people p WHERE ${DEPARTED} AND ${HAS_NATIONALITY}
           GROUP BY GROUPING SETS ((${c}), ())`;
}

/**
 * Timeliness from one pass over the notifications (each person's first notification, and the first
 * identity verification after it, by a window over the person's rows), then each metric over the
 * cases in range as its own aggregate; hours as float8.
 */
const TIMELINESS = (() => {
  const figures = (metric: string, hours: string, from: string) => `
    SELECT '${metric}' AS metric, percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90, count(*)::int AS cases
      FROM (SELECT date_part('epoch', ${hours}) / 3600 AS h ${from}) x WHERE h >= 0`;
  return `
  WITH f AS MATERIALIZED (
    SELECT person_id, min(first_notified) AS notified_at,
           min(identity_verified_at) FILTER (WHERE identity_verified_at >= first_notified) AS verified_at
      FROM (SELECT person_id, identity_verified_at, min(notified_at) OVER (PARTITION BY person_id) AS first_notified
              FROM consular_notifications) n
     GROUP BY person_id)
  ${figures(
    'rescue_to_notification',
    'f.notified_at - p.rescued_at',
    'FROM f JOIN people p ON p.id = f.person_id WHERE f.notified_at >= $1::date AND f.notified_at < $2::date + 1',
  )}
  UNION ALL
  ${figures(
    'notification_to_identity_verified',
    'f.verified_at - f.notified_at',
    `FROM f WHERE f.verified_at >= $1::date AND f.verified_at < $2::date + 1
        AND EXISTS (SELECT 1 FROM people p WHERE p.id = f.person_id)`,
  )}
  UNION ALL
  ${figures('rescue_to_departure', 'p.departed_at - p.rescued_at', `FROM people p WHERE ${DEPARTED}`)}`;
})();

/** The best SQL for the report at `path` (a scenario's path under /api/v1), if it is a report. */
export function bestSqlFor(path: string): BestSql | undefined {
  const url = new URL(path, 'http://bench');
  const q = (name: string) => url.searchParams.get(name) ?? '';
  const range = [q('from'), q('to')];
  if (url.pathname === '/reports/repatriations') {
    return { sql: oneWay(DEPARTED, q('groupBy'), q('groupBy') === 'compound'), params: range };
  }
  if (url.pathname === '/reports/repatriations/crosstab' && q('rows') === 'nationality') {
    return { sql: crosstab(q('columns')), params: range };
  }
  if (url.pathname === '/reports/caseload') {
    const group = q('groupBy');
    if (group !== 'overdueStage') {
      return { sql: oneWay(`p.status <> 'closed'`, group, group === 'compound'), params: [] };
    }
    const { params, bind } = sqlParams();
    const overdue = overdueSql('p', DEFAULT_STAGE_TARGET_HOURS, bind);
    return { sql: oneWay(`p.status <> 'closed' AND ${overdue}`, 'status', false), params };
  }
  if (url.pathname === '/reports/timeliness') return { sql: TIMELINESS, params: range };
  return undefined;
}

type Row = Record<string, unknown>;

/**
 * The figures of a result, as comparable text: the app's counting statement and the best SQL must give
 * the same ones. Cross-tab margins have a null key on their other side.
 */
export function figures(rows: Row[], report: 'oneWay' | 'crosstab' | 'timeliness'): string[] {
  // Hours as numeric (the app) and as float8 (here) agree to far more than 4 decimals.
  const num = (v: unknown) => (v === null || v === undefined ? 'null' : Number(v).toFixed(4));
  const line = (row: Row): string => {
    switch (report) {
      case 'oneWay':
        return `${String(row.key)}=${num(row.count)}`;
      case 'crosstab':
        return `${String(row.r)}|${String(row.c)}=${num(row.count)}`;
      case 'timeliness':
        return `${String(row.metric)}: ${num(row.median)} ${num(row.p90)} ${num(row.cases)}`;
    }
  };
  return rows.map(line).sort();
}

export function reportShape(path: string): 'oneWay' | 'crosstab' | 'timeliness' {
  if (path.startsWith('/reports/repatriations/crosstab')) return 'crosstab';
  return path.startsWith('/reports/timeliness') ? 'timeliness' : 'oneWay';
}
