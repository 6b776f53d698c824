import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../shared/roles.js';
import type { Page } from '../../../shared/list.js';
import type { z } from 'zod';
import type { CreateUserBody, listUsersQuery, User } from '../../../shared/schemas/user.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';
import { sessionKeys } from '../../lib/session.js';

/** The list's page, order, search and filters, as the shared list schema parses them. */
export type UserListParams = z.output<typeof listUsersQuery>;

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (p: UserListParams) => [...userKeys.lists(), p] as const,
};

export const usersListQuery = (p: UserListParams) =>
  queryOptions({
    queryKey: userKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<User>>(withQuery('/api/users', { ...p }), signal),
    // Keep the old page on screen while the next one loads (filters, paging, sorting).
    placeholderData: keepPreviousData,
  });

function useInvalidateUser() {
  const qc = useQueryClient();
  return (user: User) => {
    void qc.invalidateQueries({ queryKey: userKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.entity('user', user.id) });
    // An administrator may have changed their own name or role.
    void qc.invalidateQueries({ queryKey: sessionKeys.me() });
  };
}

export function useCreateUser() {
  const invalidate = useInvalidateUser();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<User>('/api/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUser();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; role?: Role; version: number }) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
    // A stale version means someone else saved first: load their version.
    onError: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useSetUserActive() {
  const invalidate = useInvalidateUser();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ user, active }: { user: User; active: boolean }) =>
      api.post<User>(`/api/users/${encodeURIComponent(user.id)}/${active ? 'reactivate' : 'deactivate'}`, { version: user.version }),
    onSuccess: invalidate,
    onError: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useSetUserPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => api.put<null>(`/api/users/${encodeURIComponent(id)}/password`, { password }),
  });
}
