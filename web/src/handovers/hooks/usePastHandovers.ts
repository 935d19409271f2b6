import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

const PAGE = 20;

/** Past handover events, newest first, a page at a time (keyset: "show more" follows the cursor). */
export function usePastHandovers() {
  return useInfiniteQuery({
    queryKey: ['handovers', 'list'],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/handovers', { params: { query: { limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
