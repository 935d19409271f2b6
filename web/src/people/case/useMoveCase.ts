import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { caseKeys, ifMatch, type CaseStatus, type Person } from './caseApi';

export interface MoveRequest {
  to: CaseStatus;
  reason?: string;
  note?: string;
}

/**
 * Moves the case one step (POST /people/:id/transitions) with `If-Match` of the version on screen.
 * A 412 means someone else changed the case meanwhile: the person is read again at once, so the
 * page shows what is true now (and its next steps), and the error says so.
 */
export function useMoveCase(person: Person) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ to, reason, note }: MoveRequest) =>
      unwrap(
        api.POST('/api/v1/people/{id}/transitions', {
          params: { path: { id: person.id }, header: { 'If-Match': ifMatch(person.version) } },
          body: { to, ...(reason ? { reason } : {}), ...(note?.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(caseKeys.person(person.id), updated);
      await queryClient.invalidateQueries({
        queryKey: caseKeys.all(person.id),
        predicate: (q) => q.queryKey[2] !== 'person',
      });
    },
    onError: async (error) => {
      if (error instanceof ApiError && (error.status === 412 || error.status === 428)) {
        await queryClient.invalidateQueries({ queryKey: caseKeys.all(person.id) });
      }
    },
  });
}
