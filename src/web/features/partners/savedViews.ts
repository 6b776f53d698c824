import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.js';
import { partnerKeys } from './queries.js';

export interface SavedView {
  id: string;
  resource: 'partners' | 'contacts';
  name: string;
  query: Record<string, unknown>;
  columns: string[];
}

export const savedViewsQuery = () =>
  queryOptions({
    queryKey: partnerKeys.savedViews(),
    queryFn: ({ signal }) => api.get<{ items: SavedView[] }>('/api/saved-views?resource=partners', signal).then((r) => r.items),
  });

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: Record<string, string>; columns: string[] }) => api.post<SavedView>('/api/saved-views', { resource: 'partners', ...body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: partnerKeys.savedViews() }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) => api.delete<null>(`/api/saved-views/${encodeURIComponent(view.id)}`),
    onSettled: () => void qc.invalidateQueries({ queryKey: partnerKeys.savedViews() }),
  });
}

/** The view's address parameters: its filters and sort, plus its columns when it chose some. */
export function viewSearch(view: SavedView): URLSearchParams {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(view.query)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') next.set(k, String(v));
    else if (Array.isArray(v)) next.set(k, v.map(String).join(','));
  }
  if (view.columns.length) next.set('cols', view.columns.join(','));
  return next;
}

/** Same filters, sort and columns, whatever the order of parameters and the page. */
export function sameView(a: URLSearchParams, b: URLSearchParams): boolean {
  const norm = (s: URLSearchParams) =>
    [...s.entries()]
      .filter(([k, v]) => k !== 'page' && v !== '')
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
  return norm(a) === norm(b);
}
