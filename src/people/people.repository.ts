import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Keyset } from '../common/pagination';
import type { ConsentsView, NationalityClaimView } from './dto/person.view';
import type { CaseStatus } from './workflow/case-workflow';

/** A people row as stored (snake_case), with its nationalities and current consents. */
export interface PersonRow {
  id: string;
  case_number: string;
  given_name: string | null;
  family_name: string | null;
  name_native: string | null;
  aliases: string[];
  sex: string;
  date_of_birth: string | null;
  estimated_age: number | null;
  languages: string[];
  compound_id: string | null;
  recruited_via: string | null;
  trafficked_at: Date | null;
  rescued_at: Date;
  rescue_place: string | null;
  vulnerabilities: string[];
  status: CaseStatus;
  hold_return_status: CaseStatus | null;
  closed_reason: string | null;
  assigned_caseworker_id: string | null;
  document_number_enc: string | null;
  narrative_enc: string | null;
  departed_at: Date | null;
  received_home_at: Date | null;
  closed_at: Date | null;
  erased_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  nationalities: NationalityClaimView[];
  consents: ConsentsView;
}

export type PersonSummaryRow = Pick<
  PersonRow,
  | 'id'
  | 'case_number'
  | 'given_name'
  | 'family_name'
  | 'name_native'
  | 'sex'
  | 'date_of_birth'
  | 'estimated_age'
  | 'compound_id'
  | 'rescued_at'
  | 'status'
  | 'erased_at'
  | 'version'
  | 'created_at'
  | 'nationalities'
  | 'document_number_enc'
>;

export interface CaseLabelRow {
  id: string;
  case_number: string;
  nationalities: string[];
}

/**
 * The people whose ids are in `$1`, as a join rather than `p.id = ANY($1)`: under an embassy's scope
 * the planner starts from person_nationalities and re-tests each row against the whole array inside
 * the index scan, quadratic in the list (2,000 ids: 2.1 s unanalysed, 16 s analysed, against 45-85 ms).
 */
const PEOPLE_IN_LIST = 'unnest($1::uuid[]) AS listed(id) JOIN people p ON p.id = listed.id';

const DAY_MS = 86_400_000;

/** Both ends given and at most about a year apart. */
function isNarrowRange(from?: string, to?: string): boolean {
  return !!from && !!to && Date.parse(to) - Date.parse(from) <= 366 * DAY_MS;
}

/** Columns a caller may write through insert/update (never status, case number, version). */
export type PersonColumns = Partial<{
  given_name: string | null;
  family_name: string | null;
  name_native: string | null;
  aliases: string[];
  sex: string;
  date_of_birth: string | null;
  estimated_age: number | null;
  languages: string[];
  compound_id: string | null;
  recruited_via: string | null;
  trafficked_at: string | null;
  rescued_at: string;
  rescue_place: string | null;
  vulnerabilities: string[];
  document_number_enc: string | null;
  document_number_bidx: string | null;
  narrative_enc: string | null;
  name_key: string | null;
  assigned_caseworker_id: string | null;
}>;

export interface PeopleFilter {
  nationality?: string;
  status?: CaseStatus;
  compoundId?: string;
  q?: string;
  rescuedFrom?: string;
  rescuedTo?: string;
}

// Date columns come back as 'YYYY-MM-DD' text, not a Date at local midnight.
const PERSON_COLUMNS = `p.id, p.case_number, p.given_name, p.family_name, p.name_native, p.aliases, p.sex,
  to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.estimated_age, p.languages, p.compound_id,
  p.recruited_via, p.trafficked_at, p.rescued_at, p.rescue_place, p.vulnerabilities, p.status,
  p.hold_return_status, p.closed_reason, p.assigned_caseworker_id, p.document_number_enc, p.narrative_enc,
  p.departed_at, p.received_home_at, p.closed_at, p.erased_at, p.version, p.created_at, p.updated_at`;

// A list row: no narrative, no consents. The document number is there for the embassy's list, which
// shows it; staff lists leave it out (their mapper never reads it).
const SUMMARY_COLUMNS = `p.id, p.case_number, p.given_name, p.family_name, p.name_native, p.sex,
  to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.estimated_age, p.compound_id, p.rescued_at,
  p.status, p.erased_at, p.version, p.created_at, p.document_number_enc`;

const NATIONALITIES = `coalesce((SELECT json_agg(json_build_object('code', pn.nationality_code, 'verified', pn.verified)
  ORDER BY pn.nationality_code) FROM person_nationalities pn WHERE pn.person_id = p.id), '[]') AS nationalities`;

// Current consent = the latest row per type; a type never recorded is not granted.
const CONSENTS = `(SELECT json_build_object(
    'services', coalesce(bool_or(c.granted) FILTER (WHERE c.type = 'services'), false),
    'consularNotification', coalesce(bool_or(c.granted) FILTER (WHERE c.type = 'consular_notification'), false),
    'shareWithPartners', coalesce(bool_or(c.granted) FILTER (WHERE c.type = 'share_with_partners'), false),
    'research', coalesce(bool_or(c.granted) FILTER (WHERE c.type = 'research'), false))
  FROM (SELECT DISTINCT ON (type) type, granted FROM consents
         WHERE person_id = p.id ORDER BY type, recorded_at DESC, id DESC) c) AS consents`;

@Injectable()
export class PeopleRepository {
  /** Next case number of the year, e.g. 2026-000123. The counter row lock orders concurrent intakes. */
  async nextCaseNumber(m: EntityManager, year: number): Promise<string> {
    const [{ last_value }] = (await m.query(
      `INSERT INTO case_number_counters AS c (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = c.last_value + 1 RETURNING last_value`,
      [year],
    )) as { last_value: number }[];
    return `${year}-${String(last_value).padStart(6, '0')}`;
  }

  async insert(
    m: EntityManager,
    id: string,
    caseNumber: string,
    createdBy: string,
    columns: PersonColumns,
    nationalities: NationalityClaimView[],
  ): Promise<void> {
    const names = Object.keys(columns);
    const values = Object.values(columns);
    await m.query(
      `INSERT INTO people (id, case_number, created_by, ${names.join(', ')})
       VALUES ($1, $2, $3, ${names.map((_, i) => `$${i + 4}`).join(', ')})`,
      [id, caseNumber, createdBy, ...values],
    );
    await this.replaceNationalities(m, id, nationalities);
  }

  async replaceNationalities(
    m: EntityManager,
    personId: string,
    nationalities: NationalityClaimView[],
  ): Promise<void> {
    await m.query('DELETE FROM person_nationalities WHERE person_id = $1', [personId]);
    await m.query(
      `INSERT INTO person_nationalities (person_id, nationality_code, verified, person_created_at)
       SELECT $1, code, verified, (SELECT created_at FROM people WHERE id = $1)
         FROM unnest($2::text[], $3::boolean[]) AS n(code, verified)`,
      [personId, nationalities.map((n) => n.code), nationalities.map((n) => n.verified)],
    );
  }

  /** A record already known to be in the caller's scope (re-read after a write). */
  async find(m: EntityManager, id: string, lock = false): Promise<PersonRow | undefined> {
    return this.findWhere(m, id, 'TRUE', [id], lock);
  }

  /** The person `$1` if it also meets `condition` (the access scope, written by PersonAccess). */
  async findWhere(
    m: EntityManager,
    id: string,
    condition: string,
    params: unknown[],
    lock = false,
  ): Promise<PersonRow | undefined> {
    const [row] = (await m.query(
      `SELECT ${PERSON_COLUMNS}, ${NATIONALITIES}, ${CONSENTS} FROM people p WHERE p.id = $1 AND ${condition}
       ${lock ? 'FOR UPDATE OF p' : ''}`,
      params,
    )) as PersonRow[];
    return row;
  }

  /** Of the ids in `$1`, those meeting `condition`. */
  async idsWhere(m: EntityManager, condition: string, params: unknown[]): Promise<string[]> {
    const rows = (await m.query(`SELECT p.id FROM ${PEOPLE_IN_LIST} WHERE ${condition}`, params)) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  /** Of the ids in `$1`, those meeting `condition`, with their case numbers and nationality codes. */
  async labelsWhere(m: EntityManager, condition: string, params: unknown[]): Promise<CaseLabelRow[]> {
    return (await m.query(
      `SELECT p.id, p.case_number,
              ARRAY(SELECT pn.nationality_code::text FROM person_nationalities pn
                     WHERE pn.person_id = p.id ORDER BY pn.nationality_code) AS nationalities
         FROM ${PEOPLE_IN_LIST} WHERE ${condition}`,
      params,
    )) as CaseLabelRow[];
  }

  /**
   * Optimistic write: applies the columns only if the row is still at `version`, and bumps it.
   * Returns the new version, or undefined when someone else changed the row first.
   */
  async update(
    m: EntityManager,
    id: string,
    version: number,
    columns: PersonColumns & Record<string, unknown>,
  ): Promise<number | undefined> {
    const names = Object.keys(columns);
    const [rows] = (await m.query(
      `UPDATE people SET ${names.map((n, i) => `${n} = $${i + 3}`).join(', ')}${names.length ? ',' : ''}
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING version`,
      [id, version, ...Object.values(columns)],
    )) as [{ version: number }[], number];
    return rows[0]?.version;
  }

  /** Appending a fact (consent, notification) changes the record: its version moves on. */
  async bumpVersion(m: EntityManager, id: string): Promise<number> {
    const [rows] = (await m.query(
      'UPDATE people SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version',
      [id],
    )) as [{ version: number }[], number];
    return rows[0].version;
  }

  /**
   * Newest first, keyset-paged on (created_at, id): a later page costs what the first does. The shape of
   * the query follows the filters, so that each walks an index that fits it (bench/ measures each):
   * - nationality alone: walk person_nationalities in list order (it carries the sort key);
   * - a narrow rescue-date range (≤ 1 year): take the few matches by their own index, then sort them;
   * - anything else: walk people in list order (by status or compound index when filtered).
   */
  async list(
    m: EntityManager,
    filter: PeopleFilter,
    limit: number,
    after: Keyset | undefined,
    scope: (bind: (value: unknown) => string) => string,
  ): Promise<PersonSummaryRow[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const scoped = scope(p);
    if (scoped !== 'TRUE') where.push(scoped);
    const onlyNationality =
      filter.nationality &&
      !filter.status &&
      !filter.compoundId &&
      !filter.q &&
      !filter.rescuedFrom &&
      !filter.rescuedTo;
    let from = 'people p';
    let order = 'p.created_at DESC, p.id DESC';
    let key = '(p.created_at, p.id)';
    if (onlyNationality) {
      from = 'person_nationalities pnf JOIN people p ON p.id = pnf.person_id';
      where.push(`pnf.nationality_code = ${p(filter.nationality)}`);
      order = 'pnf.person_created_at DESC, pnf.person_id DESC';
      key = '(pnf.person_created_at, pnf.person_id)';
    } else if (filter.nationality) {
      where.push(`EXISTS (SELECT 1 FROM person_nationalities pn
                           WHERE pn.person_id = p.id AND pn.nationality_code = ${p(filter.nationality)})`);
    }
    if (after) where.push(`${key} < (${p(after.at)}::timestamptz, ${p(after.id)}::uuid)`);
    if (filter.status) where.push(`p.status = ${p(filter.status)}`);
    if (filter.compoundId) where.push(`p.compound_id = ${p(filter.compoundId)}`);
    if (filter.q) where.push(`p.search_names LIKE '%' || sr_fold(${p(filter.q)}) || '%'`);
    if (filter.rescuedFrom) where.push(`p.rescued_at >= ${p(filter.rescuedFrom)}::date`);
    if (filter.rescuedTo) where.push(`p.rescued_at < ${p(filter.rescuedTo)}::date + 1`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';

    if (isNarrowRange(filter.rescuedFrom, filter.rescuedTo)) {
      // Old cases sit deep in created-at order: walking that index would pass over most of the table.
      return (await m.query(
        `WITH matched AS MATERIALIZED (SELECT p.* FROM people p ${whereSql})
         SELECT ${SUMMARY_COLUMNS}, ${NATIONALITIES} FROM matched p
          ORDER BY p.created_at DESC, p.id DESC LIMIT ${p(limit + 1)}`,
        params,
      )) as PersonSummaryRow[];
    }
    return (await m.query(
      `SELECT ${SUMMARY_COLUMNS}, ${NATIONALITIES} FROM ${from} ${whereSql}
        ORDER BY ${order} LIMIT ${p(limit + 1)}`,
      params,
    )) as PersonSummaryRow[];
  }
}
