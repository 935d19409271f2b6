import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { caseKeys } from './caseApi';

/** The person as the API shows them to the caller (an audited read), with `allowedTransitions`. */
export function usePerson(id: string) {
  return useQuery({
    queryKey: caseKeys.person(id),
    queryFn: () => unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id } } })),
  });
}
