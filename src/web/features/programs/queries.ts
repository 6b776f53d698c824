import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProgramBody, ProgramDetail, ProgramSummary, PutLevelsBody, UpdateProgramBody } from '../../../shared/schemas/programs.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';
import { partnerKeys } from '../partners/queries.js';

export const programKeys = {
  all: ['programs'] as const,
  list: (archived: 'false' | 'true') => [...programKeys.all, 'list', archived] as const,
  detail: (id: string) => [...programKeys.all, 'detail', id] as const,
  partner: (partnerId: string) => [...programKeys.all, 'partner', partnerId] as const,
};

/** Programmes stay few (one per vendor): the whole list is one request. */
export const programsQuery = (archived: 'false' | 'true' = 'false') =>
  queryOptions({
    queryKey: programKeys.list(archived),
    queryFn: ({ signal }) => api.get<{ items: ProgramSummary[] }>(withQuery('/api/programs', { archived }), signal).then((r) => r.items),
    staleTime: 30_000,
  });

export const programQuery = (id: string) =>
  queryOptions({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) => api.get<ProgramDetail>(`/api/programs/${encodeURIComponent(id)}`, signal),
  });

export const partnerProgramsQuery = (partnerId: string) =>
  queryOptions({
    queryKey: programKeys.partner(partnerId),
    queryFn: ({ signal }) => api.get<{ items: ProgramDetail[] }>(`/api/partners/${encodeURIComponent(partnerId)}/programs`, signal).then((r) => r.items),
  });

/** Any change can move a standing shown elsewhere (the list, a partner's tab): refresh them all. */
function useInvalidate() {
  const qc = useQueryClient();
  return (p?: ProgramDetail) => {
    void qc.invalidateQueries({ queryKey: programKeys.all });
    // The partner page's header carries the levels held in its programmes.
    void qc.invalidateQueries({ queryKey: partnerKeys.details() });
    if (p) void qc.invalidateQueries({ queryKey: auditKeys.entity('partner_program', p.id) });
  };
}

export function useSaveProgram() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateProgramBody | UpdateProgramBody }) =>
      id ? api.patch<ProgramDetail>(`/api/programs/${encodeURIComponent(id)}`, body) : api.post<ProgramDetail>('/api/programs', body),
    onSuccess: (p) => invalidate(p),
    onError: () => invalidate(),
  });
}

export function useArchiveProgram() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ program, archived }: { program: ProgramDetail; archived: boolean }) =>
      api.post<ProgramDetail>(`/api/programs/${encodeURIComponent(program.id)}/${archived ? 'archive' : 'restore'}`, { version: program.version }),
    onSettled: (p) => invalidate(p ?? undefined),
  });
}

export function usePutLevels() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PutLevelsBody }) => api.put<ProgramDetail>(`/api/programs/${encodeURIComponent(id)}/levels`, body),
    onSuccess: (p) => invalidate(p),
    onError: () => invalidate(),
  });
}

export function useTickChecklistItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, evidence }: { id: string; version: number; evidence: string | null }) =>
      evidence === null
        ? api.post<ProgramDetail>(`/api/checklist-items/${encodeURIComponent(id)}/undone`, { version })
        : api.post<ProgramDetail>(`/api/checklist-items/${encodeURIComponent(id)}/done`, { version, evidence }),
    onSettled: (p) => invalidate(p ?? undefined),
  });
}
