import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { type Compound, COMPOUNDS_KEY, useCompoundSaved } from '../useReferenceData';
import type { CompoundChanges, CreateCompoundBody } from './compoundForm';

const oneKey = (id: string) => [...COMPOUNDS_KEY, 'one', id];

function readCompound(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/compounds/{id}', { params: { path: { id } }, signal }));
}

/** GET /compounds/:id: the version an edit starts from (a list may be older than the record). */
export function useCompound(id: string | undefined) {
  return useQuery({
    queryKey: oneKey(id ?? ''),
    enabled: id !== undefined,
    // An edit must start from what is stored now, not from a copy kept since the last visit.
    staleTime: 0,
    queryFn: ({ signal }) => readCompound(id!, signal),
  });
}

/** The compound as stored now, read again whatever the cache holds (after a 412). */
export function useReloadCompound(): (id: string) => Promise<Compound> {
  const client = useQueryClient();
  return (id) => client.fetchQuery({ queryKey: oneKey(id), queryFn: () => readCompound(id), staleTime: 0 });
}

/** POST /compounds; the pickers and lists see the new compound at once. */
export function useCreateCompound() {
  const saved = useCompoundSaved();
  return useMutation({
    mutationFn: (body: CreateCompoundBody) => unwrap(api.POST('/api/v1/compounds', { body })),
    onSuccess: saved,
  });
}

/**
 * PATCH /compounds/:id with If-Match of the version the form was filled from. A 412 means someone
 * saved meanwhile: the caller reads the compound again and says so (see CompoundEdit).
 */
export function useUpdateCompound() {
  const saved = useCompoundSaved();
  return useMutation({
    mutationFn: ({ base, changes }: { base: Compound; changes: CompoundChanges }) =>
      unwrap(
        api.PATCH('/api/v1/compounds/{id}', {
          params: { path: { id: base.id }, header: { 'If-Match': `"${base.version}"` } },
          body: changes,
        }),
      ),
    onSuccess: saved,
  });
}
