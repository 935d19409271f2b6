import { api, unwrap } from '../../api/client';
import { caseKeys } from './caseApi';
import { usePagedList } from './usePagedList';

/** The case's history, newest first (one cache for the history widget and the header's "since"). */
export function useHistory(personId: string) {
  return usePagedList(caseKeys.history(personId), (cursor) =>
    unwrap(
      api.GET('/api/v1/people/{id}/history', {
        params: { path: { id: personId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}
