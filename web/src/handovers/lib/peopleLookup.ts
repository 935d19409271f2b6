import { api, unwrap } from '../../api/client';
import type { PersonSummary } from './types';

/** The filters the builder picks people by (GET /people's own). */
export interface PeopleFilters {
  compoundId?: string;
  status?: PersonSummary['status'][];
  nationality?: string[];
}

/** One event holds at most this many people (API.md "Handovers"). */
export const MAX_PEOPLE_PER_EVENT = 2000;
/** The API's largest page: 273 people are two requests. */
const PAGE = 200;
/** Pasted numbers are looked up a few at a time: quick, without flooding a weak connection. */
const PARALLEL_LOOKUPS = 4;

const query = (filters: PeopleFilters) => ({
  compoundId: filters.compoundId || undefined,
  status: filters.status?.length ? filters.status : undefined,
  nationality: filters.nationality?.length ? filters.nationality : undefined,
});

export async function countMatching(filters: PeopleFilters) {
  return unwrap(api.GET('/api/v1/people/count', { params: { query: query(filters) } }));
}

/** Everyone matching the filters, page after page (keyset), in case-number order. */
export async function fetchAllMatching(filters: PeopleFilters): Promise<PersonSummary[]> {
  const people: PersonSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET('/api/v1/people', {
        params: { query: { ...query(filters), sort: 'caseNumber', order: 'asc', limit: PAGE, cursor } },
      }),
    );
    people.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && people.length < MAX_PEOPLE_PER_EVENT);
  return people;
}

/**
 * The people of these case numbers, and the numbers no one has (or that are outside what the
 * caller may see: the API does not tell the two apart). The list route finds one case number per
 * request (`q` matches a case number exactly), so they are asked a few at a time.
 */
export async function lookupCaseNumbers(
  numbers: readonly string[],
): Promise<{ found: PersonSummary[]; missing: string[] }> {
  const results = new Map<string, PersonSummary | undefined>();
  let next = 0;
  const worker = async () => {
    while (next < numbers.length) {
      const number = numbers[next++];
      const page = await unwrap(api.GET('/api/v1/people', { params: { query: { q: number, limit: 2 } } }));
      results.set(
        number,
        page.items.find((p) => p.caseNumber === number),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_LOOKUPS, numbers.length) }, worker));
  const found = numbers.flatMap((n) => results.get(n) ?? []);
  const missing = numbers.filter((n) => !results.get(n));
  return { found, missing };
}
