import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type Compound = components['schemas']['CompoundView'];

/**
 * Reference data every staff page picks from: compounds, nationalities, staff, consular contacts.
 * One home, so each list has one query key and one shape in the cache whichever page asks first
 * (two pages caching different shapes under one key would break the second one opened).
 */

/** Every query about compounds starts with this: the pickers' list, searches, the register's pages, one compound. */
export const COMPOUNDS_KEY = ['compounds'] as const;

/** Pages of GET /compounds read for the pickers and for the names of compounds on screen. */
const MAX_COMPOUND_PAGES = 10;
/** Reference lists change rarely: asked once in a while, not on every page. */
const REFERENCE = { staleTime: 10 * 60_000, gcTime: 30 * 60_000 } as const;

const allCompounds = {
  queryKey: [...COMPOUNDS_KEY, 'all'],
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Compound[]> => {
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
    return all;
  },
  ...REFERENCE,
};

/**
 * After a compound is registered or edited: the pickers have it at once (the intake selects the one
 * just registered, which a picker can only show if it is among its options), then every compounds
 * query is read again, so the intake, the case page and the handover builder show what is stored.
 */
export function useCompoundSaved(): (compound: Compound) => void {
  const client = useQueryClient();
  return (compound) => {
    client.setQueryData<Compound[]>(allCompounds.queryKey, (all) =>
      all ? [compound, ...all.filter((c) => c.id !== compound.id)] : all,
    );
    void client.invalidateQueries({ queryKey: COMPOUNDS_KEY });
  };
}

/** Every compound the user may see (a few dozen in practice), for pickers. */
export function useCompounds() {
  return useQuery(allCompounds);
}

/** The same compounds by id: list items carry only `compoundId`, their names come from here. */
export function useCompoundsById() {
  return useQuery({ ...allCompounds, select: (all) => new Map(all.map((c) => [c.id, c])) });
}

/** Compounds whose name or alias matches what was typed (the API forgives typos and spacing). */
export function useCompoundSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [...COMPOUNDS_KEY, 'search', term],
    enabled: term.length > 0,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/compounds', { params: { query: { q: term, limit: 20 } }, signal })),
  });
}

/** The nationality codes the API knows (ISO 3166-1 alpha-3, XXA stateless, XXX unknown). */
export function useNationalities() {
  return useQuery({
    queryKey: ['nationalities'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/nationalities', { signal })),
    ...REFERENCE,
    staleTime: Infinity,
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

/**
 * Every cached list of consular contacts starts with this key: after a contact is added or changed,
 * invalidating it refreshes the handover builder's, the case page's and the contacts page's lists at once.
 */
export const CONSULAR_CONTACTS_KEY = ['consular-contacts'] as const;

/** The active consular contacts, all countries (a handover event may name one). */
export function useConsularContacts() {
  return useQuery({
    queryKey: [...CONSULAR_CONTACTS_KEY, 'all'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/consular/contacts', { params: { query: { limit: 200 } }, signal })),
    select: (page) => page.items.filter((c) => c.active),
    ...REFERENCE,
  });
}

/**
 * The consular contacts of the given countries (GET /consular/contacts?countryCode=), one read per
 * country, active or not: the case page offers the active ones and names any a past notification used.
 */
export function useConsularContactsOf(countryCodes: string[]) {
  const codes = [...new Set(countryCodes)].sort();
  return useQuery({
    queryKey: [...CONSULAR_CONTACTS_KEY, 'of', codes],
    enabled: codes.length > 0,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        codes.map((countryCode) =>
          unwrap(
            api.GET('/api/v1/consular/contacts', { params: { query: { countryCode, limit: 200 } }, signal }),
          ),
        ),
      );
      return pages.flatMap((p) => p.items);
    },
  });
}
