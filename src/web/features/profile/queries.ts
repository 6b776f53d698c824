import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserSession } from '../../../shared/schemas/session.js';
import { api, setCsrfToken } from '../../api.js';
import { auditKeys } from '../audit/queries.js';
import { meQuery, sessionKeys, type Me } from '../../lib/session.js';

export function useUpdateMyName() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => api.patch<Me>('/api/me', body),
    onSuccess: (me) => {
      qc.setQueryData(sessionKeys.me(), me);
      void qc.invalidateQueries({ queryKey: auditKeys.entity('user', me.user.id) });
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/api/auth/change-password', { ...body, revokeOtherSessions: true }),
    // Revoking the other sessions starts a new one for this browser: its CSRF token changes too.
    onSuccess: async () => {
      setCsrfToken(null);
      await qc.fetchQuery({ ...meQuery(), staleTime: 0 });
      void qc.invalidateQueries({ queryKey: mySessionKeys.all });
    },
  });
}

export const mySessionKeys = {
  all: ['my-sessions'] as const,
  list: () => [...mySessionKeys.all, 'list'] as const,
};

/** The browsers signed in as me (never their session tokens). */
export const mySessionsQuery = () =>
  queryOptions({
    queryKey: mySessionKeys.list(),
    queryFn: ({ signal }) => api.get<{ items: UserSession[] }>('/api/me/sessions', signal).then((r) => r.items),
  });

export function useRevokeSession(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: (_nothing, id) => {
      qc.setQueryData(mySessionKeys.list(), (list: UserSession[] | undefined) => list?.filter((s) => s.id !== id));
      void qc.invalidateQueries({ queryKey: mySessionKeys.all });
      void qc.invalidateQueries({ queryKey: auditKeys.entity('user', userId) });
    },
  });
}
