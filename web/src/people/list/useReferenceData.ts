import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Compound = components['schemas']['CompoundView'];

/** Pages of GET /compounds fetched for the names of the compounds on screen; a handful in practice. */
const MAX_COMPOUND_PAGES = 10;

/**
 * Every compound the user may see, by id: the list items carry only `compoundId`, so their names come
 * from here. Compounds are reference data, few and rarely changed: kept for ten minutes.
 */
export function useCompounds() {
  return useQuery({
    queryKey: ['compounds', 'all'],
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) => {
      const all: Compound[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_COMPOUND_PAGES; page++) {
        const { items, nextCursor } = await unwrap(
          api.GET('/api/v1/compounds', { params: { query: { limit: 200, cursor } }, signal }),
        );
        all.push(...items);
        if (!nextCursor) break;
        cursor = nextCursor;
      }
      return new Map(all.map((c) => [c.id, c]));
    },
  });
}

/** Compounds whose name or alias matches what was typed (the API forgives typos and spacing). */
export function useCompoundSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['compounds', 'search', term],
    enabled: term.length > 0,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/compounds', { params: { query: { q: term, limit: 20 } }, signal })),
  });
}

/** The nationality codes the API knows (ISO 3166-1 alpha-3, XXA, XXX): the picker's choices. */
export function useNationalities() {
  return useQuery({
    queryKey: ['nationalities'],
    staleTime: Infinity,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/nationalities', { signal })),
  });
}

/** Active staff who may hold a case (admin, supervisor, caseworker): the "assigned to" choices. */
export function useStaffDirectory() {
  return useQuery({
    queryKey: ['users', 'directory'],
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/users/directory', { signal })),
  });
}
