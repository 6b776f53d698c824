import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api.js';
import { auditKeys } from '../audit/queries.js';
import { meQuery, sessionKeys, type Me } from '../session/queries.js';

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
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post('/api/auth/change-password', { ...body, revokeOtherSessions: true }),
    // Revoking the other sessions starts a new one for this browser: its CSRF token changes too.
    onSuccess: async () => {
      setCsrfToken(null);
      await qc.fetchQuery({ ...meQuery(), staleTime: 0 });
    },
  });
}
