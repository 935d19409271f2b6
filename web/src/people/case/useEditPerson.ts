import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ifMatch, type Person } from './caseApi';
import type { UpdatePersonBody } from './editDetails';
import { useCaseWriteEffects } from './useCaseWriteEffects';

/**
 * Saves the edited details (PATCH /people/:id) with `If-Match` of the version the form was filled
 * from, not of the person on screen now: a read in the background while the form is open must not
 * let the edit overwrite someone else's change unseen. A stale version reloads the case
 * (useCaseWriteEffects) and the edits stay in the form.
 */
export function useEditPerson(person: Person) {
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdatePersonBody; version: number }) =>
      unwrap(
        api.PATCH('/api/v1/people/{id}', {
          params: { path: { id: person.id }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    ...useCaseWriteEffects(person.id),
  });
}
