import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { DuplicateCandidate, DuplicateCriteria } from './duplicateCriteria';

/** Long enough not to ask at every keystroke over a weak connection, short enough to feel live. */
export const DUPLICATE_SEARCH_DELAY_MS = 400;

export interface DuplicateSearch {
  /** The criteria the candidates on screen were found with. */
  criteria: DuplicateCriteria | undefined;
  candidates: DuplicateCandidate[];
  /** True while what is typed has not been searched yet: creating now could make a duplicate. */
  checking: boolean;
  error: unknown;
  retry: () => void;
}

/**
 * Existing people who may be the one being registered, asked of GET /people/duplicates as the
 * caseworker types (debounced). A search overtaken by newer typing is cancelled: TanStack Query
 * aborts the request of a query no longer watched, through the signal handed to the client.
 */
export function useDuplicateCandidates(criteria: DuplicateCriteria | undefined): DuplicateSearch {
  const [settled] = useDebouncedValue(criteria, DUPLICATE_SEARCH_DELAY_MS);
  const typing = JSON.stringify(criteria) !== JSON.stringify(settled);
  const query = useQuery({
    queryKey: ['people', 'duplicates', settled],
    enabled: settled !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/people/duplicates', { params: { query: settled }, signal })),
    // The last answer stays on screen while the next is on its way, so the list does not flicker.
    placeholderData: keepPreviousData,
    // Someone may have been registered on another device a moment ago: always ask again.
    staleTime: 0,
    retry: false,
  });
  if (criteria === undefined) {
    return { criteria: undefined, candidates: [], checking: false, error: null, retry: () => undefined };
  }
  return {
    criteria: settled,
    candidates: query.data?.items ?? [],
    checking: typing || query.isFetching,
    error: query.error,
    retry: () => void query.refetch(),
  };
}
