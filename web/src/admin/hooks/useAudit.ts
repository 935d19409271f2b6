import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { auditQuery, type AuditFilters } from '../components/auditFilters';

export type AuditEntry = components['schemas']['AuditEntryView'];
export type ChainCheck = components['schemas']['AuditVerifyView'];

const PAGE_SIZE = 50;

/** GET /audit, newest first, keyset paged ("Show more" follows nextCursor). */
export function useAuditLog(filters: AuditFilters) {
  const query = auditQuery(filters);
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', query],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    // The log grows with every read: what is on screen stays as read until the filters change.
    staleTime: Infinity,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/audit', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam } } }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Every account, for the "who" filter: an administrator picks a name, the API wants an id. */
export function useActors() {
  return useQuery({
    queryKey: ['admin', 'users', 'actors'],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200 } } })),
  });
}

/** GET /audit/verify walks the whole chain: run on request, never on page load. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/audit/verify')) });
}
