import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type { Import, ImportCommitResult, ImportDecision, ImportKind, ImportRow, ImportSummary } from '../../../shared/schemas/import.js';
import { api, postForm, withQuery } from '../../api.js';

export type RowsShown = 'all' | 'errors' | 'duplicates';

export const importKeys = {
  all: ['imports'] as const,
  list: (page: number) => [...importKeys.all, 'list', page] as const,
  one: (id: string) => [...importKeys.all, 'one', id] as const,
  rows: (id: string, page: number, show: RowsShown) => [...importKeys.all, 'rows', id, page, show] as const,
};

export const importsListQuery = (page: number) =>
  queryOptions({
    queryKey: importKeys.list(page),
    queryFn: ({ signal }) => api.get<Page<ImportSummary>>(withQuery('/api/imports', { page }), signal),
    placeholderData: keepPreviousData,
  });

/** While a commit runs, the record is read every second for its progress. */
export const importQuery = (id: string, polling = false) =>
  queryOptions({
    queryKey: importKeys.one(id),
    queryFn: ({ signal }) => api.get<Import>(`/api/imports/${encodeURIComponent(id)}`, signal),
    refetchInterval: polling ? 1000 : false,
  });

export const importRowsQuery = (id: string, page: number, show: RowsShown) =>
  queryOptions({
    queryKey: importKeys.rows(id, page, show),
    queryFn: ({ signal }) => api.get<Page<ImportRow>>(withQuery(`/api/imports/${encodeURIComponent(id)}/rows`, { page, show, pageSize: 20 }), signal),
    placeholderData: keepPreviousData,
  });

/** Every answer that changes an import replaces the record shown and reloads its rows and the history. */
function useSettle() {
  const qc = useQueryClient();
  return (imp: Import) => {
    qc.setQueryData(importKeys.one(imp.id), imp);
    void qc.invalidateQueries({ queryKey: [...importKeys.all, 'rows', imp.id] });
    void qc.invalidateQueries({ queryKey: [...importKeys.all, 'list'] });
  };
}

export function useUpload() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      return postForm<Import>('/api/imports', form);
    },
    onSuccess: settle,
  });
}

export function useSetMapping() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ imp, mapping, types }: { imp: Import; mapping: (string | null)[]; types: string[] }) =>
      api.put<Import>(`/api/imports/${encodeURIComponent(imp.id)}/mapping`, { mapping, defaults: imp.kind === 'partners' && types.length ? { types } : {}, version: imp.version }),
    onSuccess: settle,
  });
}

export function useDecide() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ imp, rows, duplicates }: { imp: Import; rows?: { row: number; decision: ImportDecision }[]; duplicates?: ImportDecision }) =>
      api.patch<Import>(`/api/imports/${encodeURIComponent(imp.id)}/rows`, { rows: rows ?? [], duplicates, version: imp.version }),
    onSuccess: settle,
  });
}

export function useCommit() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ imp, dryRun }: { imp: Import; dryRun: boolean }) =>
      api.post<ImportCommitResult>(`/api/imports/${encodeURIComponent(imp.id)}/commit`, { dryRun, version: imp.version }),
    onSuccess: (r) => settle(r.import),
  });
}

export function useUndo() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.post<Import>(`/api/imports/${encodeURIComponent(id)}/undo`, { version }),
    onSuccess: settle,
  });
}
