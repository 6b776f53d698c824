import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.js';
import { partnerKeys } from './queries.js';

export interface SavedView {
  id: string;
  resource: SavedViewResource;
  name: string;
  query: Record<string, unknown>;
  columns: string[];
}

/** The lists whose views can be saved (the server's list of resources). */
export type SavedViewResource = 'partners' | 'contacts' | 'opportunities';

const viewsKey = (resource: SavedViewResource) => (resource === 'partners' ? partnerKeys.savedViews() : (['saved-views', resource] as const));

export const savedViewsQuery = (resource: SavedViewResource = 'partners') =>
  queryOptions({
    queryKey: viewsKey(resource),
    queryFn: ({ signal }) => api.get<{ items: SavedView[] }>(`/api/saved-views?resource=${resource}`, signal).then((r) => r.items),
  });

export function useSaveView(resource: SavedViewResource = 'partners') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: Record<string, string>; columns: string[] }) => api.post<SavedView>('/api/saved-views', { resource, ...body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: viewsKey(resource) }),
  });
}

export function useDeleteView(resource: SavedViewResource = 'partners') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) => api.delete<null>(`/api/saved-views/${encodeURIComponent(view.id)}`),
    onSettled: () => void qc.invalidateQueries({ queryKey: viewsKey(resource) }),
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
