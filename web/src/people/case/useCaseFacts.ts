import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useStaffDirectory } from '../../reference/useReferenceData';
import { caseKeys, type HistoryEntry, type Person } from './caseApi';

/**
 * What the header shows beside the person view, read from the routes that hold it: the compound's
 * name, the assigned caseworker's name (staff directory), whether the case is overdue (the list's
 * `overdue=true` filter on this case number: the person view does not say) and since when the case
 * is in its status (the newest history entry that moved it there).
 */
export function useCaseFacts(person: Person | undefined, history: HistoryEntry[]) {
  const compound = useQuery({
    queryKey: ['compound', person?.compoundId],
    enabled: !!person?.compoundId,
    staleTime: 5 * 60_000,
    queryFn: () =>
      unwrap(api.GET('/api/v1/compounds/{id}', { params: { path: { id: person!.compoundId! } } })),
  });
  const directory = useStaffDirectory();
  const overdue = useQuery({
    queryKey: [...caseKeys.overdue(person?.id ?? ''), person?.status],
    enabled: !!person && !person.erased,
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/v1/people', { params: { query: { q: person!.caseNumber, overdue: true, limit: 5 } } }),
      );
      return page.items.find((p) => p.id === person!.id)?.overdueSince ?? null;
    },
  });
  const entered = person ? history.find((h) => h.toStatus === person.status) : undefined;
  return {
    compoundName: compound.data?.name,
    caseworkerName:
      directory.data?.items.find((u) => u.id === person?.assignedCaseworkerId)?.displayName ?? undefined,
    overdueSince: overdue.data ?? undefined,
    statusSince: entered?.at,
  };
}
