import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePlaybookBody, Playbook, StarterPlaybooksResult, UpdatePlaybookBody } from '../../../shared/schemas/playbook.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export const playbookKeys = {
  all: ['playbooks'] as const,
  list: (archived: 'false' | 'true') => [...playbookKeys.all, 'list', archived] as const,
};

/** Playbooks stay few, so the whole list is one request (archived ones on request). */
export const playbooksQuery = (archived: 'false' | 'true' = 'false') =>
  queryOptions({
    queryKey: playbookKeys.list(archived),
    queryFn: ({ signal }) => api.get<{ items: Playbook[] }>(withQuery('/api/playbooks', { archived }), signal).then((r) => r.items),
    staleTime: 60_000,
  });

function useInvalidate() {
  const qc = useQueryClient();
  return (p?: Playbook) => {
    void qc.invalidateQueries({ queryKey: playbookKeys.all });
    if (p) void qc.invalidateQueries({ queryKey: auditKeys.entity('playbook', p.id) });
  };
}

export function useSavePlaybook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreatePlaybookBody | UpdatePlaybookBody }) =>
      id ? api.patch<Playbook>(`/api/playbooks/${encodeURIComponent(id)}`, body) : api.post<Playbook>('/api/playbooks', body),
    onSuccess: (p) => invalidate(p),
    // A stale version (409) means the list is out of date: refresh it either way.
    onError: () => invalidate(),
  });
}

export function useArchivePlaybook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ playbook, archived }: { playbook: Playbook; archived: boolean }) =>
      api.post<Playbook>(`/api/playbooks/${encodeURIComponent(playbook.id)}/${archived ? 'archive' : 'restore'}`, { version: playbook.version }),
    onSettled: (p) => invalidate(p ?? undefined),
  });
}

export function useAddStarterPlaybooks() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<StarterPlaybooksResult>('/api/playbooks/starter', {}),
    onSettled: () => invalidate(),
  });
}
