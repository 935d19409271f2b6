import { DEFAULT_STAGE_TARGET_HOURS } from '../../src/config/stage-targets';
import { sqlParams } from '../../src/people/access/person-scope';
import { overdueSql } from '../../src/people/workflow/stage-clocks';
import { API, type SignedIn, type TestApp } from './app';

/**
 * The exact figures of the reports computed straight from the source tables (people, their
 * nationalities, consents, consular notifications), written independently of the reports' read model,
 * and the same figures read through the API as the admin (threshold 0). A spec that has written people
 * through any path compares the two: a write path the read model missed shows as a difference.
 */
type Figures = Record<string, number | null>;

const DIMENSIONS: Record<string, string> = {
  compound: `coalesce(p.compound_id::text, 'unknown')`,
  month: `to_char(p.departed_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
  sex: 'p.sex',
  ageBand:
    'sr_age_band(p.date_of_birth, p.estimated_age, p.created_at, p.departed_at, p.age_band_at_erasure)',
};
const HAS_NATIONALITY = 'EXISTS (SELECT 1 FROM person_nationalities x WHERE x.person_id = p.id)';

async function keyed(t: TestApp, sql: string, params: unknown[] = []): Promise<Figures> {
  const rows = (await t.db.query(sql, params)) as { key: string | null; count: number }[];
  return Object.fromEntries(rows.map((r) => [r.key ?? 'TOTAL', Number(r.count)]));
}

/** From the source tables: every report the admin can read, as `report/grouping → {key: count}`. */
export async function figuresFromSource(t: TestApp): Promise<Record<string, Figures>> {
  const out: Record<string, Figures> = {};
  const departed = 'p.departed_at IS NOT NULL';
  out['repatriations/nationality'] = await keyed(
    t,
    `SELECT pn.nationality_code::text AS key, count(*)::int AS count
       FROM people p JOIN person_nationalities pn ON pn.person_id = p.id WHERE ${departed} GROUP BY 1
     UNION ALL SELECT NULL, count(*)::int FROM people p WHERE ${departed} AND ${HAS_NATIONALITY}`,
  );
  for (const [name, key] of Object.entries(DIMENSIONS)) {
    out[`repatriations/${name}`] = await keyed(
      t,
      `SELECT ${key} AS key, count(*)::int AS count FROM people p WHERE ${departed}
        GROUP BY GROUPING SETS ((1), ())`,
    );
  }
  const open = `p.status <> 'closed'`;
  out['caseload/status'] = await keyed(
    t,
    `SELECT p.status AS key, count(*)::int AS count FROM people p WHERE ${open} GROUP BY GROUPING SETS ((1), ())`,
  );
  out['caseload/compound'] = await keyed(
    t,
    `SELECT ${DIMENSIONS.compound} AS key, count(*)::int AS count FROM people p WHERE ${open}
      GROUP BY GROUPING SETS ((1), ())`,
  );
  out['caseload/nationality'] = await keyed(
    t,
    `SELECT pn.nationality_code::text AS key, count(*)::int AS count
       FROM people p JOIN person_nationalities pn ON pn.person_id = p.id WHERE ${open} GROUP BY 1
     UNION ALL SELECT NULL, count(*)::int FROM people p WHERE ${open} AND ${HAS_NATIONALITY}`,
  );
  const { params, bind } = sqlParams();
  out['caseload/overdueStage'] = await keyed(
    t,
    `SELECT p.status AS key, count(*)::int AS count FROM people p
      WHERE ${overdueSql('p', DEFAULT_STAGE_TARGET_HOURS, bind)} GROUP BY GROUPING SETS ((1), ())`,
    params,
  );
  const hours = (later: string, earlier: string) => `extract(epoch FROM ${later} - ${earlier}) / 3600`;
  const timeliness = (from: string, later: string, earlier: string) =>
    `SELECT count(*)::int AS cases, percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS median
       FROM (SELECT ${hours(later, earlier)} AS h ${from}) x WHERE h >= 0`;
  const firstNotice = `(SELECT n.person_id, min(n.notified_at) AS notified_at FROM consular_notifications n GROUP BY 1)`;
  const verified = `(SELECT min(v.identity_verified_at) FROM consular_notifications v
                      WHERE v.person_id = f.person_id AND v.identity_verified_at >= f.notified_at)`;
  for (const [metric, sql] of Object.entries({
    rescue_to_notification: timeliness(
      `FROM ${firstNotice} f JOIN people p ON p.id = f.person_id`,
      'f.notified_at',
      'p.rescued_at',
    ),
    notification_to_identity_verified: timeliness(
      `FROM ${firstNotice} f WHERE ${verified} IS NOT NULL`,
      verified,
      'f.notified_at',
    ),
    rescue_to_departure: timeliness(`FROM people p WHERE ${departed}`, 'p.departed_at', 'p.rescued_at'),
  })) {
    const [row] = (await t.db.query(sql)) as { cases: number; median: number | null }[];
    out[`timeliness/${metric}`] = {
      cases: Number(row.cases),
      median: row.median === null ? null : Math.round(Number(row.median) * 10) / 10,
    };
  }
  return out;
}

/** The same figures through the API, as an exact audience sees them, over all time. */
export async function figuresFromApi(t: TestApp, admin: SignedIn): Promise<Record<string, Figures>> {
  const out: Record<string, Figures> = {};
  const get = async (path: string) => {
    const res = await t.http().get(`${API}/reports/${path}`).set(admin.auth);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as {
      rows: { key: string; count: number | null; metric?: string }[];
      total: number;
    };
  };
  const asFigures = (body: { rows: { key: string; count: number | null }[]; total: number }) => ({
    ...Object.fromEntries(body.rows.map((r) => [r.key, r.count])),
    TOTAL: body.total,
  });
  for (const d of ['nationality', ...Object.keys(DIMENSIONS)]) {
    out[`repatriations/${d}`] = asFigures(await get(`repatriations?groupBy=${d}`));
  }
  for (const g of ['status', 'compound', 'nationality', 'overdueStage']) {
    out[`caseload/${g}`] = asFigures(await get(`caseload?groupBy=${g}`));
  }
  const timeliness = (await get('timeliness')) as unknown as {
    metrics: { metric: string; cases: number; medianHours: number | null }[];
  };
  for (const m of timeliness.metrics) {
    out[`timeliness/${m.metric}`] = {
      cases: m.cases,
      median: m.medianHours,
    };
  }
  return out;
}
