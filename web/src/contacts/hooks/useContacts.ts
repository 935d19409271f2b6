import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { CONSULAR_CONTACTS_KEY } from '../../reference/useReferenceData';

export type Contact = components['schemas']['ContactView'];
export type CreateContactInput = components['schemas']['CreateContactDto'];
export type UpdateContactInput = components['schemas']['UpdateContactDto'];

/** Active, inactive or both: the API has no such filter, the page keeps it (contacts are a few dozen). */
export type ContactState = 'active' | 'inactive' | 'all';

export interface ContactFilters {
  countryCode?: string;
  state: ContactState;
}

/** The API's largest page: a whole country's contacts, and usually every contact, in one read. */
const PAGE_SIZE = 200;

/** GET /consular/contacts, for one country or all, keyset paged ("Show more" follows nextCursor). */
export function useContactList(countryCode: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...CONSULAR_CONTACTS_KEY, 'list', countryCode ?? null],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/consular/contacts', {
          params: { query: { countryCode, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * After any change every list of contacts is read again, this page's and the reference lists the
 * case page's notify form and the handover builder pick from, so the change is offered at once.
 */
function useRefreshContacts() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: CONSULAR_CONTACTS_KEY });
}

export function useCreateContact() {
  const refresh = useRefreshContacts();
  return useMutation({
    mutationFn: (body: CreateContactInput) => unwrap(api.POST('/api/v1/consular/contacts', { body })),
    onSuccess: () => void refresh(),
  });
}

/** GET /consular/contacts/:id: the contact as stored now, read again after a 412. */
export function fetchContact(id: string): Promise<Contact> {
  return unwrap(api.GET('/api/v1/consular/contacts/{id}', { params: { path: { id } } }));
}

/**
 * PATCH /consular/contacts/:id with If-Match of the version the form was filled from. A 412 (someone
 * saved meanwhile) reloads the lists too, so the page shows what is stored now.
 */
export function useUpdateContact() {
  const refresh = useRefreshContacts();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateContactInput }) =>
      unwrap(
        api.PATCH('/api/v1/consular/contacts/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: changes,
        }),
      ),
    // Not awaited: the dialog closes at once, the lists catch up behind it.
    onSettled: () => void refresh(),
  });
}
