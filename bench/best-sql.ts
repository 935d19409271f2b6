import { DEFAULT_STAGE_TARGET_HOURS } from '../src/config/stage-targets';
import { sqlParams, type Bind } from '../src/people/access/person-scope';
import { decodeListCursor } from '../src/people/list/list-cursor';
import type { Direction, SortKey } from '../src/people/list/list-sql';
import { MIN_FRAGMENT, parseNameQuery } from '../src/people/list/name-query';
import { COUNT_CAP } from '../src/people/people.service';
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
  /** How its answer is compared with the app's; a report's shape follows from its path. */
  shape?: AnswerShape;
}

/**
 * Reports: their figures; `page`: the ids of a list page in order (the look-ahead row included);
 * `count`: a count.
 */
export type AnswerShape = 'oneWay' | 'crosstab' | 'timeliness' | 'page' | 'count';

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
export function figures(rows: Row[], report: AnswerShape): string[] {
  // A page is its people in their order; a count, one number.
  if (report === 'page') return rows.map((row) => String(row.id));
  if (report === 'count') return rows.map((row) => String(row.count));
  // Hours as numeric (the app) and as float8 (here) agree to far more than 4 decimals.
  const num = (v: unknown) => (v === null || v === undefined ? 'null' : Number(v).toFixed(4));
  const line = (row: Row): string => {
    switch (report) {
      case 'oneWay':
        return `${String(row.key)}=${num(row.count)}`;
      case 'crosstab':
        return `${String(row.r)}|${String(row.c)}=${num(row.count)}`;
      default:
        return `${String(row.metric)}: ${num(row.median)} ${num(row.p90)} ${num(row.cases)}`;
    }
  };
  return rows.map(line).sort();
}

export function reportShape(path: string): 'oneWay' | 'crosstab' | 'timeliness' {
  if (path.startsWith('/reports/repatriations/crosstab')) return 'crosstab';
  return path.startsWith('/reports/timeliness') ? 'timeliness' : 'oneWay';
}

/**
 * A caseworker's list row as one would select it by hand: what the page shows, and the person's
 * nationalities.
 */
const PAGE_COLUMNS = `p.id, p.case_number, p.given_name, p.family_name, p.name_native, p.sex,
  to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.estimated_age, p.compound_id, p.rescued_at,
  p.status, p.erased_at, p.version, p.created_at, p.updated_at, p.vulnerabilities, p.assigned_caseworker_id,
  coalesce((SELECT json_agg(json_build_object('code', pn.nationality_code, 'verified', pn.verified)
                    ORDER BY pn.nationality_code)
              FROM person_nationalities pn WHERE pn.person_id = p.id), '[]') AS nationalities`;

/** The sorts the caseworker scenarios use, and what a cursor's value is cast to. */
const SORT_COLUMN: Partial<Record<SortKey, { column: string; cast: string }>> = {
  createdAt: { column: 'p.created_at', cast: 'timestamptz' },
  updatedAt: { column: 'p.updated_at', cast: 'timestamptz' },
  caseNumber: { column: 'p.case_number', cast: 'text' },
};

const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');
const regexLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `q` over `people p`, from the same inputs the app reads it into (parseNameQuery: the words as
 * typed and their spelling keys), written as one statement that needs no setting: a word anywhere in
 * the folded names by LIKE, a key as a whole word of name_key by a regular expression. Both are served
 * by the same trigram indexes (people_search_trgm, people_name_key_trgm) as the app's `%>>`.
 */
function nameCondition(q: string, bind: Bind): string {
  const parsed = parseNameQuery(q);
  if (parsed.caseNumber) return `p.case_number = ${bind(parsed.caseNumber)}`;
  const alternatives = parsed.spellings.map((s) => {
    if (s.words.some((w) => [...w].length < MIN_FRAGMENT)) {
      // A short word is a whole word of the names, which a regular expression over words of letters
      // would decide differently next to punctuation: the caseworker scenarios do not need it.
      throw new Error(`best SQL for q: words of fewer than ${MIN_FRAGMENT} letters are not written here`);
    }
    const words = s.words.map((w) => `p.search_names LIKE '%' || sr_fold(${bind(likeLiteral(w))}) || '%'`);
    const keys = s.keys.map((k) => `p.name_key ~ ${bind(`(^| )${regexLiteral(k)}( |$)`)}`);
    // Every word as typed, or every spelling key: two ways to match, as in the app.
    return [words, keys].filter((all) => all.length).map((all) => `(${all.join(' AND ')})`);
  });
  const all = [...new Set(alternatives.flat())];
  return all.length ? `(${all.join(' OR ')})` : 'FALSE';
}

/**
 * The best raw SQL for a page of a caseworker's list at `path` (under /api/v1): `q` alone in the
 * default order, or no filter in a sorted order, with the cursor's keyset. The same rows in the same
 * order as the app's page, one more than shown (whether there is a next page).
 */
export function bestPeoplePage(path: string): BestSql {
  const url = new URL(path, 'http://bench');
  const { params, bind } = sqlParams();
  const get = (name: string) => url.searchParams.get(name) ?? undefined;
  const known = new Set(['q', 'sort', 'order', 'limit', 'cursor']);
  const other = [...url.searchParams.keys()].find((k) => !known.has(k));
  if (url.pathname !== '/people' || other) throw new Error(`best SQL: no page written for ${path}`);
  const key = (get('sort') ?? 'createdAt') as SortKey;
  const direction = (get('order') ?? 'desc') as Direction;
  const sort = SORT_COLUMN[key];
  if (!sort) throw new Error(`best SQL: no page written for sort=${key}`);
  const after = decodeListCursor(get('cursor'), key, direction);
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  const cmp = direction === 'desc' ? '<' : '>';
  const unique = key === 'caseNumber';
  const where: string[] = [];
  const q = get('q');
  if (q) where.push(nameCondition(q, bind));
  if (after) {
    where.push(
      unique
        ? `${sort.column} ${cmp} ${bind(after.value)}::text`
        : `(${sort.column}, p.id) ${cmp} (${bind(after.value)}::${sort.cast}, ${bind(after.id)}::uuid)`,
    );
  }
  const limit = bind(Number(get('limit') ?? 50) + 1);
  const sql = `SELECT ${PAGE_COLUMNS} FROM people p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                ORDER BY ${sort.column} ${dir}${unique ? '' : `, p.id ${dir}`} LIMIT ${limit}`;
  return { sql, params, shape: 'page' };
}

/**
 * The best raw SQL for `GET /people/count` at `path`: no filter, one nationality, or `q`, counted no
 * further than the cap (+1, to tell "more"). One nationality alone counts its index entries: a
 * person holds a nationality once (the primary key), so each entry is one person.
 */
export function bestPeopleCount(path: string): BestSql {
  const url = new URL(path, 'http://bench');
  const { params, bind } = sqlParams();
  const nationality = url.searchParams.get('nationality');
  const q = url.searchParams.get('q');
  const other = [...url.searchParams.keys()].find((k) => k !== 'nationality' && k !== 'q');
  if (url.pathname !== '/people/count' || other || (nationality && (q || nationality.includes(',')))) {
    throw new Error(`best SQL: no count written for ${path}`);
  }
  const cap = bind(COUNT_CAP + 1);
  const matches = nationality
    ? `SELECT 1 FROM person_nationalities WHERE nationality_code = ${bind(nationality)} LIMIT ${cap}`
    : `SELECT 1 FROM people p ${q ? `WHERE ${nameCondition(q, bind)}` : ''} LIMIT ${cap}`;
  return { sql: `SELECT count(*)::int AS count FROM (${matches}) capped`, params, shape: 'count' };
}
