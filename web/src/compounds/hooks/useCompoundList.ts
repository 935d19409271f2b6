import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useAddressState } from '../../shell/useAddressState';
import { COMPOUND_STATUSES, type CompoundStatus } from '../../reference/compounds/compoundForm';
import { COMPOUNDS_KEY } from '../../reference/useReferenceData';

export interface CompoundFilters {
  q: string;
  countryCode: string;
  status: CompoundStatus | '';
}

const PAGE_SIZE = 50;

function parse(search: URLSearchParams): CompoundFilters {
  const status = search.get('status') as CompoundStatus | null;
  return {
    q: search.get('q') ?? '',
    countryCode: /^[A-Z]{3}$/.test(search.get('country') ?? '') ? search.get('country')! : '',
    status: status && COMPOUND_STATUSES.includes(status) ? status : '',
  };
}

function serialise(filters: CompoundFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.q) out.set('q', filters.q);
  if (filters.countryCode) out.set('country', filters.countryCode);
  if (filters.status) out.set('status', filters.status);
  return out;
}

/** The register's filters, kept in the address (a search can be bookmarked or sent to a colleague). */
export function useCompoundFilters() {
  // parse and serialise are module functions: the same on every render, as useAddressState needs.
  return useAddressState(parse, serialise);
}

/**
 * GET /compounds with the filters. Without a search: newest first, keyset paged ("Show more" follows
 * nextCursor). With one: the best matches in one page, as the API answers a search (nextCursor null).
 */
export function useCompoundList(filters: CompoundFilters) {
  const q = filters.q.trim();
  return useInfiniteQuery({
    queryKey: [...COMPOUNDS_KEY, 'list', { ...filters, q }],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/compounds', {
          params: {
            query: {
              q: q || undefined,
              countryCode: filters.countryCode || undefined,
              status: filters.status || undefined,
              limit: PAGE_SIZE,
              cursor: pageParam,
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
