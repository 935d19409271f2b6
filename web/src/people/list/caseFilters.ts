import type { operations } from '../../api/schema';
import { CASE_STATUSES, type CaseStatusValue, VULNERABILITIES, type VulnerabilityValue } from '../caseValues';

/** The query of GET /people as the contract types it (API.md "People (intake)", "Caseworker's day"). */
export type PeopleListQuery = NonNullable<operations['PeopleController_list']['parameters']['query']>;
export type PeopleCountQuery = NonNullable<operations['PeopleController_count']['parameters']['query']>;
export type SortValue = NonNullable<PeopleListQuery['sort']>;
export type OrderValue = NonNullable<PeopleListQuery['order']>;

export const SORTS: SortValue[] = ['rescuedAt', 'updatedAt', 'caseNumber'];

/** What the case list shows, as the page holds it; every field maps to one URL parameter. */
export interface CaseFilters {
  q: string;
  nationality: string[];
  status: CaseStatusValue[];
  vulnerability: VulnerabilityValue[];
  compoundId: string;
  /** `me`, `none` or a user's id; '' for anyone. */
  assignedTo: string;
  rescuedFrom: string;
  rescuedTo: string;
  overdue: boolean;
  /** '' = the API's default order (newest created first; overdue lists oldest overdue first). */
  sort: SortValue | '';
  order: OrderValue | '';
}

export const NO_FILTERS: CaseFilters = {
  q: '',
  nationality: [],
  status: [],
  vulnerability: [],
  compoundId: '',
  assignedTo: '',
  rescuedFrom: '',
  rescuedTo: '',
  overdue: false,
  sort: '',
  order: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALPHA3 = /^[A-Z]{3}$/;

/** `a,b` or a repeated parameter, as the API itself reads it; unknown values are dropped. */
function list<T extends string>(params: URLSearchParams, name: string, allowed: (v: string) => boolean): T[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v && allowed(v));
  return [...new Set(values)] as T[];
}

/**
 * The filters in a URL's query string (a bookmark, a link from My work, the Back button). Values
 * the API would refuse are ignored rather than sent: an old or hand-edited bookmark still opens a
 * list instead of an error.
 */
export function filtersFromSearch(params: URLSearchParams): CaseFilters {
  const one = (name: string) => params.get(name)?.trim() ?? '';
  const date = (name: string) => (DATE.test(one(name)) ? one(name) : '');
  const sort = one('sort') as SortValue;
  const order = one('order');
  return {
    q: one('q'),
    nationality: list(params, 'nationality', (v) => ALPHA3.test(v)),
    status: list(params, 'status', (v) => (CASE_STATUSES as string[]).includes(v)),
    vulnerability: list(params, 'vulnerability', (v) => (VULNERABILITIES as string[]).includes(v)),
    compoundId: one('compoundId'),
    assignedTo: one('assignedTo'),
    rescuedFrom: date('rescuedFrom'),
    rescuedTo: date('rescuedTo'),
    overdue: one('overdue') === 'true',
    sort: SORTS.includes(sort) ? sort : '',
    order: order === 'asc' || order === 'desc' ? order : '',
  };
}

/** The query string for these filters: only what is set, lists comma-separated, in a stable order. */
export function searchFromFilters(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters) as [
    keyof CaseFilters,
    CaseFilters[keyof CaseFilters],
  ][]) {
    if (Array.isArray(value)) {
      if (value.length) params.set(name, value.join(','));
    } else if (typeof value === 'boolean') {
      if (value) params.set(name, 'true');
    } else if (value) {
      params.set(name, value);
    }
  }
  return params;
}

/** The filters of GET /people/count (the list's, without its order). */
export function countQuery(filters: CaseFilters): PeopleCountQuery {
  const query: PeopleCountQuery = {};
  if (filters.q) query.q = filters.q;
  if (filters.nationality.length) query.nationality = filters.nationality;
  if (filters.status.length) query.status = filters.status;
  if (filters.vulnerability.length) query.vulnerability = filters.vulnerability;
  if (filters.compoundId) query.compoundId = filters.compoundId;
  if (filters.assignedTo) query.assignedTo = filters.assignedTo;
  if (filters.rescuedFrom) query.rescuedFrom = filters.rescuedFrom;
  if (filters.rescuedTo) query.rescuedTo = filters.rescuedTo;
  if (filters.overdue) query.overdue = true;
  return query;
}

/** The query of one page of GET /people: the filters, the order, the page size and the cursor. */
export function listQuery(filters: CaseFilters, limit: number, cursor?: string): PeopleListQuery {
  const query: PeopleListQuery = { ...countQuery(filters), limit };
  if (filters.sort) query.sort = filters.sort;
  if (filters.order) query.order = filters.order;
  if (cursor) query.cursor = cursor;
  return query;
}

/** True when anything narrows or reorders the list (the "clear filters" action is then offered). */
export function hasFilters(filters: CaseFilters): boolean {
  return searchFromFilters(filters).size > 0;
}
