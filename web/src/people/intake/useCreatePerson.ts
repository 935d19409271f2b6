import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, unwrap } from '../../api/client';
import { newIdempotencyKey } from './idempotencyKey';
import type { CreatePersonBody } from './intakeValues';

interface Attempt {
  key: string;
  body: string;
}

/**
 * POST /people with an Idempotency-Key, so that a double tap, or a retry after the connection
 * dropped mid-request, never registers the person twice: the same body is sent again with the same
 * key, and the API answers with the person the first attempt created. A changed body is a new
 * submission and gets a new key (the old key with another body would be refused as reused).
 */
export function useCreatePerson() {
  const queryClient = useQueryClient();
  const lastAttempt = useRef<Attempt | undefined>(undefined);

  const mutation = useMutation({
    mutationFn: (body: CreatePersonBody) => {
      const serialised = JSON.stringify(body);
      if (lastAttempt.current?.body !== serialised) {
        lastAttempt.current = { key: newIdempotencyKey(), body: serialised };
      }
      return unwrap(
        api.POST('/api/v1/people', {
          body,
          headers: { 'Idempotency-Key': lastAttempt.current.key },
        }),
      );
    },
    onSuccess: async () => {
      // Done: the next intake on this page is another person, with a key of its own.
      lastAttempt.current = undefined;
      await queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
  return mutation;
}
