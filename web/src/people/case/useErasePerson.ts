import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { caseKeys } from './caseApi';

/** Erases the person (DELETE /people/:id, admin), then reads the record again as the API now shows it. */
export function useErasePerson(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/people/{id}', { params: { path: { id: personId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all(personId) }),
  });
}
