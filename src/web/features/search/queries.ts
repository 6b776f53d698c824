import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SearchResult } from '../../../shared/schemas/search.js';
import { api, withQuery } from '../../api.js';

export const searchKeys = {
  all: ['search'] as const,
  query: (q: string, limit: number) => [...searchKeys.all, q, limit] as const,
};

export const searchQuery = (q: string, limit = 15) =>
  queryOptions({
    queryKey: searchKeys.query(q, limit),
    queryFn: async ({ signal }): Promise<SearchResult[]> => (await api.get<{ items: SearchResult[] }>(withQuery('/api/search', { q, limit }), signal)).items,
    // The previous answer stays while the next word is typed.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
