import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A keyset-paged list of the contract (`{ items, nextCursor }`, newest first): the pages read so
 * far, flattened, and `more()` for the next one. Each page is one audited read, so pages are only
 * fetched when asked for.
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<PageOf<T>>,
  enabled = true,
) {
  const query = useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return {
    items: query.data?.pages.flatMap((p) => p.items) ?? [],
    isPending: query.isPending,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    more: () => void query.fetchNextPage(),
  };
}
