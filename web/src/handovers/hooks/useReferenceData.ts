import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Reference lists change rarely: read once a visit. */
const ONCE = { staleTime: 10 * 60_000, gcTime: 10 * 60_000 } as const;

/** Every compound (a few dozen in practice; the API's largest page). */
export function useCompounds() {
  return useQuery({
    queryKey: ['compounds', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/compounds', { params: { query: { limit: 200 } } })),
    select: (page) => page.items,
    ...ONCE,
  });
}

/** Every country and nationality code (ISO 3166-1 plus XXA, XXX). */
export function useNationalities() {
  return useQuery({
    queryKey: ['nationalities'],
    queryFn: () => unwrap(api.GET('/api/v1/nationalities')),
    ...ONCE,
  });
}

/** The consular contacts the event may name (active ones only). */
export function useConsularContacts() {
  return useQuery({
    queryKey: ['consular-contacts', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/consular/contacts', { params: { query: { limit: 200 } } })),
    select: (page) => page.items.filter((c) => c.active),
    ...ONCE,
  });
}
