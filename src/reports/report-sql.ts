import type { CaseloadGroup, Dimension } from './dto/report-queries.dto';

/**
 * Reports are the one read model allowed to read across features' tables (DESIGN.md §6): they only
 * count, in PostgreSQL, and never load a person into the app.
 */

/** Parameters of one statement, bound in order. */
export class Params {
  readonly values: unknown[] = [];
  bind(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A grouping: the key of each row from a departed person `d` (and `pn`, their nationality row). */
export const DIMENSION_KEY: Record<Dimension, string> = {
  nationality: 'pn.nationality_code::text',
  compound: `coalesce(d.compound_id::text, 'unknown')`,
  month: `to_char(d.departed_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
  sex: 'd.sex',
  // Age at departure; an erased record keeps the band frozen at its erasure (taken at departure).
  ageBand:
    'sr_age_band(d.date_of_birth, d.estimated_age, d.created_at, d.departed_at, d.age_band_at_erasure)',
};

/** The people the figures are about: departed in the range, of the audience's nationalities. */
export function departedSql(
  p: Params,
  range: { from?: string; to?: string },
  nationalities: string[] | null,
) {
  const where = ['p.departed_at IS NOT NULL'];
  if (range.from) where.push(`p.departed_at >= ${p.bind(range.from)}::date`);
  if (range.to) where.push(`p.departed_at < ${p.bind(range.to)}::date + 1`);
  if (nationalities) where.push(ofNationalities(p, 'p', nationalities));
  return `SELECT p.id, p.compound_id, p.sex, p.departed_at, p.date_of_birth, p.estimated_age, p.created_at,
                 p.age_band_at_erasure
            FROM people p WHERE ${where.join(' AND ')}`;
}

export const ofNationalities = (p: Params, alias: string, nationalities: string[]) =>
  `EXISTS (SELECT 1 FROM person_nationalities x WHERE x.person_id = ${alias}.id
            AND x.nationality_code = ANY(${p.bind(nationalities)}::text[]))`;

/**
 * The join that gives the nationality dimension its rows: a dual national is in each of their
 * nationalities' rows (once in the totals, counted by distinct id); an embassy sees its own rows only.
 */
export function nationalityJoin(p: Params, nationalities: string[] | null): string {
  return `JOIN person_nationalities pn ON pn.person_id = d.id${
    nationalities ? ` AND pn.nationality_code = ANY(${p.bind(nationalities)}::text[])` : ''
  }`;
}

/** Open cases (not closed) as of now, by status, nationality or compound. */
export const CASELOAD_KEY: Record<Exclude<CaseloadGroup, 'overdueStage'>, string> = {
  status: 'd.status',
  nationality: 'pn.nationality_code::text',
  compound: `coalesce(d.compound_id::text, 'unknown')`,
};
