import type { StageWithTarget } from '../../config/stage-targets';
import type { Bind } from '../access/person-scope';
import type { Vulnerability } from '../dto/person-fields';
import type { CaseStatus } from '../workflow/case-workflow';
import { overdueSinceSql, overdueSql, stageClocks } from '../workflow/stage-clocks';
import { MIN_FRAGMENT, type NameQuery } from './name-query';

export type StageTargets = Readonly<Record<StageWithTarget, number>>;

/** The list's filters, already validated. */
export interface PeopleFilter {
  /** Any of these nationalities. */
  nationality?: string[];
  /** Any of these statuses. */
  status?: CaseStatus[];
  compoundId?: string;
  /** Any of these vulnerabilities. */
  vulnerability?: Vulnerability[];
  /** Assigned to this user; `null`: to nobody. */
  assignedTo?: string | null;
  q?: NameQuery;
  rescuedFrom?: string;
  rescuedTo?: string;
  /** Only cases past their stage's target, by these targets (hours). */
  overdue?: StageTargets;
}

export type SortKey = 'createdAt' | 'rescuedAt' | 'updatedAt' | 'caseNumber' | 'overdueSince';
export type Direction = 'asc' | 'desc';

/** Keyset position: the sort value of the last row served (as text) and its id. */
export interface After {
  value: string;
  id: string;
}

export interface ListOrder {
  key: SortKey;
  direction: Direction;
  after?: After;
}

/** How each key is read from `people p`, and what its cursor value is cast to. */
const KEY_COLUMN: Record<Exclude<SortKey, 'overdueSince'>, { column: string; cast: string }> = {
  createdAt: { column: 'p.created_at', cast: 'timestamptz' },
  rescuedAt: { column: 'p.rescued_at', cast: 'timestamptz' },
  updatedAt: { column: 'p.updated_at', cast: 'timestamptz' },
  // Unique: no tie to break, and the unique index alone serves the keyset.
  caseNumber: { column: 'p.case_number', cast: 'text' },
};

/** LIKE patterns are literal: %, _ and \ match themselves. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Regular-expression patterns are literal too. */
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word shorter than MIN_FRAGMENT is a whole word of the names, tested with `%>>`. */
const isShort = (word: string) => [...word].length < MIN_FRAGMENT;

/**
 * Whether the SQL of `q` tests a short word with `%>>` (strict word similarity), whose threshold the
 * caller must set to 1 for the transaction first: a word then matches only a whole word with the
 * same trigrams.
 */
export function needsWholeWordSetting(q: NameQuery): boolean {
  return q.spellings.some((s) => s.words.some(isShort));
}

/**
 * `q` as SQL over `people p`. Every leaf is served by a trigram GIN index (`people_search_trgm` on
 * the folded names, `people_name_key_trgm` on the spelling key), so the matches are gathered by
 * bitmap scans, never by reading the table. A short word is a whole word of the names by `%>>` (see
 * needsWholeWordSetting). A spelling key is a whole word of name_key, whose words the skeleton
 * separates by single spaces, by a regular expression that is the exact test itself; the index
 * serves it from the key's trigrams. On 1,000,000 people it costs 20–45% less than `%>>` with a LIKE
 * re-check, whose trigrams padded for a word's start ("  s", " sh") have long posting lists.
 */
function nameQuerySql(q: NameQuery, bind: Bind): string {
  if (q.caseNumber) return `p.case_number = ${bind(q.caseNumber)}`;
  if (!q.spellings.length) return 'FALSE';
  const alternatives = q.spellings.flatMap((s) => {
    const words = s.words.map((w) =>
      isShort(w)
        ? `p.search_names %>> sr_fold(${bind(w)})`
        : `p.search_names LIKE '%' || sr_fold(${bind(escapeLike(w))}) || '%'`,
    );
    const keys = s.keys.map((k) => `p.name_key ~ ${bind(`(^| )${escapeRegex(k)}( |$)`)}`);
    return [words, keys].filter((all) => all.length).map((all) => `(${all.join(' AND ')})`);
  });
  return `(${[...new Set(alternatives)].join(' OR ')})`;
}

/** The filters as SQL conditions over `people p` (the access scope is the caller's to add). */
export function filterConditions(filter: PeopleFilter, bind: Bind): string[] {
  const where: string[] = [];
  if (filter.nationality?.length) {
    where.push(`EXISTS (SELECT 1 FROM person_nationalities pn
                         WHERE pn.person_id = p.id AND pn.nationality_code = ANY(${bind(filter.nationality)}::bpchar[]))`);
  }
  if (filter.status?.length) where.push(`p.status = ANY(${bind(filter.status)}::text[])`);
  if (filter.compoundId) where.push(`p.compound_id = ${bind(filter.compoundId)}::uuid`);
  if (filter.vulnerability?.length) {
    where.push(`p.vulnerabilities && ${bind(filter.vulnerability)}::text[]`);
  }
  if (filter.assignedTo === null) where.push('p.assigned_caseworker_id IS NULL');
  else if (filter.assignedTo) where.push(`p.assigned_caseworker_id = ${bind(filter.assignedTo)}::uuid`);
  if (filter.q) where.push(nameQuerySql(filter.q, bind));
  if (filter.rescuedFrom) where.push(`p.rescued_at >= ${bind(filter.rescuedFrom)}::date`);
  if (filter.rescuedTo) where.push(`p.rescued_at < ${bind(filter.rescuedTo)}::date + 1`);
  if (filter.overdue) where.push(overdueSql('p', filter.overdue, bind));
  return where;
}

const DAY_MS = 86_400_000;

/** Both ends given and at most about a year apart. */
function isNarrowRange(from?: string, to?: string): boolean {
  return !!from && !!to && Date.parse(to) - Date.parse(from) <= 366 * DAY_MS;
}

/** Only a single nationality and nothing else narrows the list. */
function onlyOneNationality(f: PeopleFilter): boolean {
  return (
    f.nationality?.length === 1 &&
    !f.status?.length &&
    !f.compoundId &&
    !f.vulnerability?.length &&
    f.assignedTo === undefined &&
    !f.q &&
    !f.rescuedFrom &&
    !f.rescuedTo &&
    !f.overdue
  );
}

/**
 * A keyset page of people in the order asked: `limit` rows (the caller asks one more than it shows)
 * of `columns` over `people p`, and `overdue_since` (null unless the filter asks for overdue cases).
 * `scope` is the access rule's condition over `p`. The shape follows the filters and the order, so
 * that each walks an index that fits it:
 * - overdue cases by when they became overdue: each stage's clock index walked from one end, merged;
 * - the default order with one nationality alone: walk person_nationalities, which carries the key;
 * - a narrow rescue-date range in another order than rescuedAt: take the few matches by their own
 *   index, then sort them (old cases sit deep in any other order);
 * - anything else: walk the order's index (or the status, compound or assignee index that carries
 *   the default order), or gather the matches of `q` from the trigram indexes and sort them, as the
 *   planner finds cheaper.
 * Ties in the sort value are broken by id, so equal values never skip or repeat across pages.
 */
export function listSql(
  filter: PeopleFilter,
  order: ListOrder,
  limit: number,
  scope: string,
  columns: string,
  bind: Bind,
): string {
  const scoped = scope === 'TRUE' ? [] : [scope];
  if (order.key === 'overdueSince') return overdueFirst(filter, order, limit, scoped, columns, bind);

  const desc = order.direction === 'desc';
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'DESC' : 'ASC';
  const { column, cast } = KEY_COLUMN[order.key];
  const where = [...scoped];
  let from = 'people p';
  // The case number is unique: it needs no tie-break, and its unique index alone gives the order.
  let orderBy = order.key === 'caseNumber' ? `${column} ${dir}` : `${column} ${dir}, p.id ${dir}`;
  let keyset = (a: After) =>
    order.key === 'caseNumber'
      ? `${column} ${cmp} ${bind(a.value)}::text`
      : `(${column}, p.id) ${cmp} (${bind(a.value)}::${cast}, ${bind(a.id)}::uuid)`;
  if (order.key === 'createdAt' && onlyOneNationality(filter)) {
    from = 'person_nationalities pnf JOIN people p ON p.id = pnf.person_id';
    where.push(`pnf.nationality_code = ${bind(filter.nationality![0])}`);
    orderBy = `pnf.person_created_at ${dir}, pnf.person_id ${dir}`;
    keyset = (a) =>
      `(pnf.person_created_at, pnf.person_id) ${cmp} (${bind(a.value)}::timestamptz, ${bind(a.id)}::uuid)`;
  } else {
    where.push(...filterConditions(filter, bind));
  }
  if (order.after) where.push(keyset(order.after));
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const overdueSince = filter.overdue ? overdueSinceSql('p', filter.overdue, bind) : 'NULL::timestamptz';
  const select = `${columns}, ${overdueSince} AS overdue_since`;

  if (isNarrowRange(filter.rescuedFrom, filter.rescuedTo) && order.key !== 'rescuedAt') {
    return `WITH matched AS MATERIALIZED (SELECT p.* FROM people p ${whereSql})
            SELECT ${select} FROM matched p ORDER BY ${orderBy} LIMIT ${bind(limit)}`;
  }
  return `SELECT ${select} FROM ${from} ${whereSql} ORDER BY ${orderBy} LIMIT ${bind(limit)}`;
}

/**
 * Overdue cases by when they became overdue: within a stage that is the order of entry into it, so
 * each stage's clock index (status, status_since, id) is walked from one end for at most `limit`
 * rows, and the stages' runs are merged. A page costs the same wherever it starts.
 */
function overdueFirst(
  filter: PeopleFilter,
  order: ListOrder,
  limit: number,
  scoped: string[],
  columns: string,
  bind: Bind,
): string {
  // Only the stages the status filter keeps (each stage binds its target: none may go unused).
  const targets = Object.fromEntries(
    Object.entries(filter.overdue!).filter(
      ([stage]) => !filter.status?.length || filter.status.includes(stage as CaseStatus),
    ),
  ) as StageTargets;
  // No stage kept (statuses without a clock, e.g. `identified`): nothing is overdue. Answered before
  // anything else is bound, since PostgreSQL refuses a statement with a parameter it never reads.
  if (!Object.keys(targets).length) {
    return `SELECT ${columns}, NULL::timestamptz AS overdue_since FROM people p WHERE ${['FALSE', ...scoped].join(' AND ')}`;
  }
  const desc = order.direction === 'desc';
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'DESC' : 'ASC';
  // The stage clocks below are the overdue test and the status filter, branch by branch.
  const others = filterConditions({ ...filter, overdue: undefined, status: undefined }, bind);
  const common = [...scoped, ...others];
  const limitSql = bind(limit);
  const after = order.after && { value: bind(order.after.value), id: bind(order.after.id) };
  const branches = stageClocks('p', targets, bind).map((s) => {
    const where = [
      `p.status = '${s.stage}'`,
      `p.status_since < now() - ${s.target}${s.extra}`,
      ...common,
      ...(after
        ? [`(p.status_since, p.id) ${cmp} (${after.value}::timestamptz - ${s.target}, ${after.id}::uuid)`]
        : []),
    ];
    return `(SELECT p.id, p.status_since + ${s.target} AS overdue_since FROM people p
                WHERE ${where.join(' AND ')} ORDER BY p.status_since ${dir}, p.id ${dir} LIMIT ${limitSql})`;
  });
  return `WITH due AS (${branches.join(' UNION ALL ')})
          SELECT ${columns}, due.overdue_since FROM due JOIN people p ON p.id = due.id
           ORDER BY due.overdue_since ${dir}, p.id ${dir} LIMIT ${limitSql}`;
}

/**
 * How many people match, counted no further than `cap` + 1: a broad filter over a million people
 * then costs what reading that many index entries does, not a count of the whole table.
 * One nationality alone, for a caller who sees everyone, counts that nationality's index entries
 * without visiting people: a person holds a nationality once (the primary key), so each entry is
 * one person. Testing each person for the nationality instead probes person_nationalities once per
 * person (the 4,000 people of a small nationality among 1,000,000: 30 ms against 1 ms).
 */
export function countSql(filter: PeopleFilter, scope: string, cap: number, bind: Bind): string {
  if (scope === 'TRUE' && onlyOneNationality(filter)) {
    return `SELECT count(*)::int AS count FROM (
              SELECT 1 FROM person_nationalities pnf WHERE pnf.nationality_code = ${bind(filter.nationality![0])}
               LIMIT ${bind(cap + 1)}) capped`;
  }
  const where = [...(scope === 'TRUE' ? [] : [scope]), ...filterConditions(filter, bind)];
  return `SELECT count(*)::int AS count FROM (
            SELECT 1 FROM people p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
             LIMIT ${bind(cap + 1)}) capped`;
}
