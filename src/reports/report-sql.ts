import type { Dimension } from './dto/report-queries.dto';

/**
 * Reports count from their read model (`report_departures`, `report_cases`, `report_caseload`; see
 * migration ReportReadModel), which the database keeps current in the transaction of every write that
 * moves a figure. They only count, in PostgreSQL, and never load a person into the app.
 */

/** Parameters of one statement, bound in order. */
export class Params {
  readonly values: unknown[] = [];
  bind(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A grouping: the key of each row of `report_departures d`. */
export const DIMENSION_KEY: Record<Dimension, string> = {
  nationality: 'd.nationality',
  compound: `coalesce(d.compound_id::text, 'unknown')`,
  month: `to_char(d.departed_on, 'YYYY-MM')`,
  sex: 'd.sex',
  // Age at departure, computed when the person departed (frozen at erasure for an erased record).
  ageBand: 'd.age_band',
};

/** A report's range: inclusive days (`YYYY-MM-DD`, UTC), the whole `to` day included; absent = unbounded. */
export interface Range {
  from?: string;
  to?: string;
}

/** Departure days (UTC) in the range, the whole `to` day included. */
export function departedIn(p: Params, range: Range): string[] {
  const where: string[] = [];
  if (range.from) where.push(`d.departed_on >= ${p.bind(range.from)}::date`);
  if (range.to) where.push(`d.departed_on <= ${p.bind(range.to)}::date`);
  return where;
}

/**
 * Where and how to count departures, so that each person counts once in a figure about people and a
 * dual national once in each of their nationalities' cells:
 * - an audience limited to some nationalities (an embassy) counts the distinct people holding one of
 *   them in `report_departures`, and sees only those nationalities' cells;
 * - the figures of everyone by nationality and month only come from the day ledger
 *   (`report_departure_days`: a few dozen rows a day however many people left);
 * - any other grouping counts `report_departures`: without the nationality dimension the one `first`
 *   row of each person; with it (as `natKey`), every nationality row in the cells and the `first` rows
 *   in the figures grouped without it (the total, the other dimension's margins). People with no
 *   nationality are not in a nationality breakdown, nor in its total.
 */
export function departureCounting(
  p: Params,
  nationalities: string[] | null,
  dimensions: Dimension[],
): { from: string; where: string[]; count: string } {
  if (nationalities) {
    return {
      from: 'report_departures d',
      where: [`d.nationality = ANY(${p.bind(nationalities)}::text[])`],
      count: 'count(DISTINCT d.person_id)::int',
    };
  }
  const perDay = dimensions.every((d) => d === 'nationality' || d === 'month');
  const from = perDay ? 'report_departure_days d' : 'report_departures d';
  const rows = perDay ? 'sum(d.people)' : 'count(*)';
  const firsts = perDay ? 'sum(d.firsts)' : 'count(*) FILTER (WHERE d.first)';
  if (!dimensions.includes('nationality')) return { from, where: [], count: `${firsts}::int` };
  return {
    from,
    where: ['d.nationality IS NOT NULL'],
    count: `(CASE WHEN GROUPING(${DIMENSION_KEY.nationality}) = 1 THEN ${firsts} ELSE ${rows} END)::int`,
  };
}

/** Cases of `report_cases` or `report_caseload` (as `alias`) holding one of the audience's nationalities. */
export const ofNationalities = (p: Params, alias: string, nationalities: string[]) =>
  `${alias}.nationalities && ${p.bind(nationalities)}::text[]`;
