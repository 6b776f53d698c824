import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiToken, createdTokenSchema } from '../../../shared/schemas/token.js';
import { api } from '../../api.js';

export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
};

export const tokensQuery = () =>
  queryOptions({
    queryKey: tokenKeys.list(),
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/api/tokens', signal).then((r) => r.items),
  });

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays: number | null }) => api.post<CreatedToken>('/api/tokens', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApiToken>(`/api/tokens/${encodeURIComponent(id)}`),
    onSuccess: (token) => {
      qc.setQueryData(tokenKeys.list(), (list: ApiToken[] | undefined) => list?.map((t) => (t.id === token.id ? token : t)));
      void qc.invalidateQueries({ queryKey: tokenKeys.all });
    },
  });
}

export type TokenStatus = 'active' | 'expired' | 'revoked';
export function tokenStatus(t: ApiToken, now = Date.now()): TokenStatus {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}
