import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ifMatch, type CaseStatus, type Person } from './caseApi';
import { useCaseWriteEffects } from './useCaseWriteEffects';

export interface MoveRequest {
  to: CaseStatus;
  reason?: string;
  note?: string;
}

/**
 * Moves the case one step (POST /people/:id/transitions) with `If-Match` of the version on screen;
 * a stale version reloads the case (useCaseWriteEffects).
 */
export function useMoveCase(person: Person) {
  return useMutation({
    mutationFn: ({ to, reason, note }: MoveRequest) =>
      unwrap(
        api.POST('/api/v1/people/{id}/transitions', {
          params: { path: { id: person.id }, header: { 'If-Match': ifMatch(person.version) } },
          body: { to, ...(reason ? { reason } : {}), ...(note?.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    ...useCaseWriteEffects(person.id),
  });
}
