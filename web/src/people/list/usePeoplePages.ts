import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { type CaseFilters, countQuery, listQuery } from './caseFilters';

export type CaseSummary = components['schemas']['PersonSummaryView'];
export type PeopleCount = components['schemas']['PeopleCountView'];

export const PAGE_SIZE = 25;

/**
 * The cases matching the filters, one keyset page at a time: each page asks with the opaque
 * `nextCursor` of the one before (never an offset), so the hundredth page costs what the first does
 * and a case registered meanwhile neither repeats nor hides a row.
 */
export function usePeoplePages(filters: CaseFilters, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: ['people', 'list', listQuery(filters, pageSize)],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/people', { params: { query: listQuery(filters, pageSize, pageParam) }, signal }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** How many cases match (exact up to 10,000; beyond, `atLeast`). */
export function usePeopleCount(filters: CaseFilters) {
  return useQuery({
    queryKey: ['people', 'count', countQuery(filters)],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/people/count', { params: { query: countQuery(filters) }, signal })),
  });
}
