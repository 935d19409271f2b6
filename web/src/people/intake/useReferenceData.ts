import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Reference lists change rarely: asked once a visit, kept while the form is open. */
const REFERENCE = { staleTime: 60 * 60_000, gcTime: 60 * 60_000 };

/** Every nationality the API knows (GET /nationalities): ISO countries, XXA stateless, XXX unknown. */
export function useNationalities() {
  return useQuery({
    queryKey: ['nationalities'],
    queryFn: () => unwrap(api.GET('/api/v1/nationalities')),
    ...REFERENCE,
  });
}

/**
 * The compounds a person may have been held in (GET /compounds), one page of the most a caseworker
 * would scroll through; a longer list is searched by typing in the picker (it filters these).
 */
export const COMPOUND_PAGE = 200;

export function useCompounds() {
  return useQuery({
    queryKey: ['compounds', 'picker'],
    queryFn: () => unwrap(api.GET('/api/v1/compounds', { params: { query: { limit: COMPOUND_PAGE } } })),
    ...REFERENCE,
  });
}
