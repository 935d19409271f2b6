import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type EmbassyCase = components['schemas']['ConsularCaseView'];
export type CaseStatus = EmbassyCase['status'];
export type TravelDocumentInput = components['schemas']['TravelDocumentDto'];

const PAGE_SIZE = 25;

/** Everything the embassy's pages read sits under one key, so an action refreshes list and case at once. */
export const EMBASSY_KEY = ['consular', 'cases'] as const;

/**
 * The embassy's own nationals (API.md "Consular coordination"): the API alone decides who is in
 * scope, so the page shows what it answers and nothing more. Keyset paged: "Show more" follows
 * `nextCursor`.
 */
export function useEmbassyCases(status: CaseStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...EMBASSY_KEY, 'list', status ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/consular/cases', {
          params: { query: { status, limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** One case in the minimal view; a case outside the embassy's scope is a 404 like a missing one. */
export function useEmbassyCase(id: string | undefined) {
  return useQuery({
    queryKey: [...EMBASSY_KEY, 'one', id],
    enabled: id !== undefined,
    queryFn: () => unwrap(api.GET('/api/v1/consular/cases/{id}', { params: { path: { id: id! } } })),
  });
}

export type EmbassyAction =
  | { kind: 'acknowledge'; note?: string }
  | { kind: 'verifyIdentity'; note?: string }
  | { kind: 'travelDocument'; document: TravelDocumentInput };

function send(id: string, action: EmbassyAction): Promise<EmbassyCase> {
  const path = { path: { id } };
  switch (action.kind) {
    case 'acknowledge':
      return unwrap(
        api.POST('/api/v1/consular/cases/{id}/acknowledge', { params: path, body: { note: action.note } }),
      );
    case 'verifyIdentity':
      return unwrap(
        api.POST('/api/v1/consular/cases/{id}/identity-verification', {
          params: path,
          body: { verified: true, note: action.note },
        }),
      );
    case 'travelDocument':
      return unwrap(
        api.POST('/api/v1/consular/cases/{id}/travel-document', { params: path, body: action.document }),
      );
  }
}

/**
 * The embassy's three acts on a case. They append a fact (no If-Match, API.md "Concurrency"); each
 * answers the case as it now stands, which replaces the one on screen, and the list is read again.
 */
export function useEmbassyAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: EmbassyAction) => send(id, action),
    onSuccess: async (updated) => {
      client.setQueryData([...EMBASSY_KEY, 'one', id], updated);
      await client.invalidateQueries({ queryKey: [...EMBASSY_KEY, 'list'] });
    },
  });
}
