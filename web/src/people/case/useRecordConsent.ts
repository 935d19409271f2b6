import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { caseKeys, type ConsentType } from './caseApi';

/**
 * Records one consent given or withdrawn (POST /people/:id/consents: appends a fact, no If-Match).
 * It bumps the person's version, so the person is read again before any move is sent.
 */
export function useRecordConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, granted }: { type: ConsentType; granted: boolean }) =>
      unwrap(
        api.POST('/api/v1/people/{id}/consents', {
          params: { path: { id: personId } },
          body: { type, granted },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all(personId) }),
  });
}
