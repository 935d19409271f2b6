import { ofNationalities, Params, type Range } from './report-sql';

/**
 * Timeliness: the median and 90th percentile (`percentile_cont`) of the hours between two events, per
 * metric, over the cases whose later event falls in the range; late records that make an interval
 * negative are left out. Read from `report_cases` (hours kept as float8) and, for everyone's figures, the
 * ledger of cases per (metric, month, whole hour) of migration AddIntervalHoursLedger.
 */
export const METRIC_COLUMNS = [
  { metric: 'rescue_to_notification', at: 'notified_at', hours: 'hours_to_notification' },
  { metric: 'notification_to_identity_verified', at: 'verified_at', hours: 'hours_to_verification' },
  { metric: 'rescue_to_departure', at: 'departed_at', hours: 'hours_to_departure' },
] as const;

type MetricColumns = (typeof METRIC_COLUMNS)[number];

/** Dates (`YYYY-MM-DD`), start inclusive, end exclusive; an absent end is unbounded. */
export interface DayInterval {
  from?: string;
  toExclusive?: string;
}

/** Where a range's cases are counted: whole months from the ledger, the days around them one by one. */
export interface RangeSplit {
  months: DayInterval | null;
  edges: DayInterval[];
}

const day = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const nextDay = (date: string) => iso(new Date(day(date).getTime() + 86_400_000));
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const nextMonthStart = (date: string) => {
  const d = day(monthStart(date));
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
};

const asInterval = (range: Range): DayInterval => ({
  from: range.from,
  toExclusive: range.to ? nextDay(range.to) : undefined,
});

/** Splits an inclusive range of days into the whole months inside it and the days at either end. */
export function splitRange(range: Range): RangeSplit {
  const toExclusive = range.to ? nextDay(range.to) : undefined;
  const first =
    range.from && range.from.endsWith('-01') ? range.from : range.from && nextMonthStart(range.from);
  const last = toExclusive && monthStart(toExclusive);
  if (first && last && first >= last) return { months: null, edges: [{ from: range.from, toExclusive }] };
  const edges: DayInterval[] = [];
  if (range.from && first !== range.from) edges.push({ from: range.from, toExclusive: first });
  if (toExclusive && last !== toExclusive) edges.push({ from: last, toExclusive });
  return { months: { from: first, toExclusive: last }, edges };
}

/** `column` in a day interval (timestamps against dates, in the session's UTC). */
function within(p: Params, column: string, interval: DayInterval): string {
  const bounds = [`${column} IS NOT NULL`];
  if (interval.from) bounds.push(`${column} >= ${p.bind(interval.from)}::date`);
  if (interval.toExclusive) bounds.push(`${column} < ${p.bind(interval.toExclusive)}::date`);
  return bounds.join(' AND ');
}

/** The wanted percentiles, as the literals the statements use. */
const PERCENTILES = { median: '0.5', p90: '0.9' };

/**
 * An audience limited to some nationalities (an embassy, or `?nationality=`): their cases' intervals,
 * sorted. A nationality's year is a share of everyone's, and the ledger has no nationality.
 */
export function scopedTimelinessSql(p: Params, range: Range, nationalities: string[]): string {
  const whole = asInterval(range);
  const scope = ofNationalities(p, 'f', nationalities);
  const one = ({ metric, at, hours }: MetricColumns) => `
    SELECT '${metric}' AS metric, q[1] AS median, q[2] AS p90, cases
      FROM (SELECT percentile_cont(ARRAY[${PERCENTILES.median}, ${PERCENTILES.p90}]) WITHIN GROUP (ORDER BY f.${hours}) AS q,
                   count(*)::int AS cases
              FROM report_cases f WHERE ${within(p, `f.${at}`, whole)} AND f.${hours} >= 0 AND ${scope}) x`;
  return METRIC_COLUMNS.map(one).join(' UNION ALL ');
}

/**
 * Everyone's figures without sorting every interval of the range. For each metric, in one statement
 * (one snapshot, so the ledger and the values agree):
 * 1. `hist`: cases per whole hour of the interval, from the ledger's months inside the range and from
 *    `report_cases` for the days at its ends;
 * 2. `ranks`: percentile_cont's two neighbouring ranks for each percentile, ⌊(n−1)p⌋ and ⌈(n−1)p⌉;
 * 3. `picked`: for each rank, the hour whose cumulative count passes it, then that hour's values in the
 *    range, in order, from the (hour, event time) index: the rank's exact value;
 * 4. the same interpolation as percentile_cont between the two values.
 */
export function everyoneTimelinessSql(p: Params, range: Range): string {
  const split = splitRange(range);
  const whole = asInterval(range);
  const ctes: string[] = [];
  const selects: string[] = [];
  METRIC_COLUMNS.forEach(({ metric, at, hours }, i) => {
    const t = `m${i}`;
    const counted: string[] = [];
    if (split.months) {
      counted.push(`SELECT l.hour, l.people FROM report_interval_hours l
         WHERE l.metric = '${metric}' AND ${within(p, 'l.month', split.months)}`);
    }
    if (split.edges.length) {
      counted.push(`SELECT floor(f.${hours})::int AS hour, 1 AS people FROM report_cases f
         WHERE f.${hours} >= 0 AND (${split.edges.map((e) => `(${within(p, `f.${at}`, e)})`).join(' OR ')})`);
    }
    const rank = (share: string, round: 'floor' | 'ceil') => `${round}(${share}::float8 * (n - 1))::bigint`;
    ctes.push(
      `${t}_hist AS (SELECT hour, sum(people)::bigint AS people FROM (${counted.join(' UNION ALL ')}) x
                      GROUP BY hour HAVING sum(people) <> 0)`,
      `${t}_cum AS (SELECT hour, people, sum(people) OVER (ORDER BY hour) AS upto FROM ${t}_hist)`,
      `${t}_n AS (SELECT coalesce(max(upto), 0)::bigint AS n FROM ${t}_cum)`,
      `${t}_ranks AS (SELECT DISTINCT r.rank FROM ${t}_n CROSS JOIN LATERAL unnest(ARRAY[
         ${Object.values(PERCENTILES)
           .flatMap((share) => [rank(share, 'floor'), rank(share, 'ceil')])
           .join(', ')}]) r(rank) WHERE n > 0)`,
      `${t}_picked AS (
         SELECT r.rank, v.hours FROM ${t}_ranks r
          CROSS JOIN LATERAL (SELECT c.hour, c.upto - c.people AS before FROM ${t}_cum c
                               WHERE c.upto > r.rank ORDER BY c.hour LIMIT 1) b
          CROSS JOIN LATERAL (SELECT f.${hours} AS hours FROM report_cases f
                               WHERE floor(f.${hours})::int = b.hour AND f.${hours} >= 0 AND ${within(p, `f.${at}`, whole)}
                               ORDER BY f.${hours} OFFSET r.rank - b.before LIMIT 1) v)`,
    );
    const interpolated = (
      share: string,
    ) => `(SELECT lo.hours + (${share}::float8 * (n - 1) - lo.rank) * (hi.hours - lo.hours)
        FROM ${t}_picked lo, ${t}_picked hi
       WHERE lo.rank = ${rank(share, 'floor')} AND hi.rank = ${rank(share, 'ceil')})`;
    selects.push(`SELECT '${metric}' AS metric, ${interpolated(PERCENTILES.median)} AS median,
      ${interpolated(PERCENTILES.p90)} AS p90, n::int AS cases FROM ${t}_n`);
  });
  return `WITH ${ctes.join(',\n')}\n${selects.join(' UNION ALL ')}`;
}
