import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import { caseKeys, type Person } from './caseApi';

/**
 * What every write to a case (a move, an edit) does to the page afterwards. On success the answer is
 * the person now, and every other widget of the case is read again (version, history, access log all
 * moved). On 412/428 someone else changed the case meanwhile: everything is read again at once, so
 * the page shows what is true now, and the caller's error says so.
 */
export function useCaseWriteEffects(personId: string) {
  const queryClient = useQueryClient();
  return {
    onSuccess: async (updated: Person) => {
      queryClient.setQueryData(caseKeys.person(personId), updated);
      await queryClient.invalidateQueries({
        queryKey: caseKeys.all(personId),
        predicate: (q) => q.queryKey[2] !== 'person',
      });
    },
    onError: async (error: unknown) => {
      if (error instanceof ApiError && (error.status === 412 || error.status === 428)) {
        await queryClient.invalidateQueries({ queryKey: caseKeys.all(personId) });
      }
    },
  };
}
