import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';

export type User = components['schemas']['UserView'];
export type Role = User['role'];
export type CreateUserInput = components['schemas']['CreateUserDto'];
export type UpdateUserInput = components['schemas']['UpdateUserDto'];

export interface UserFilters {
  role?: Role;
  q?: string;
  disabled?: boolean;
}

const USERS_KEY = ['admin', 'users'] as const;
const PAGE_SIZE = 50;

/** GET /users with the contract's filters, keyset paged ("Show more" follows nextCursor). */
export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...USERS_KEY, 'list', filters],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: {
            query: {
              role: filters.role,
              q: filters.q?.trim() || undefined,
              disabled: filters.disabled,
              limit: PAGE_SIZE,
              cursor: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Every country the API knows (GET /nationalities), for the consular officer's countries. */
export function useNationalities() {
  return useQuery({
    queryKey: ['nationalities'],
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/nationalities')),
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/**
 * PATCH /users/:id with the version the page read (If-Match). A stale version (412) reloads the
 * list, so the next try starts from what is now stored; the error says so (common.errors).
 */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ user, changes }: { user: User; changes: UpdateUserInput }) =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id }, header: { 'If-Match': `"${user.version}"` } },
          body: changes,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 412 || error.status === 428))
        void client.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
}

export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, temporaryPassword }: { id: string; temporaryPassword: string }) =>
      unwrap(
        api.POST('/api/v1/users/{id}/password-reset', {
          params: { path: { id } },
          body: { temporaryPassword },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Two-factor off for a user who lost phone and recovery codes (POST /users/:id/mfa-reset); their sign-ins end. */
export function useResetSecondFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/users/{id}/mfa-reset', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
