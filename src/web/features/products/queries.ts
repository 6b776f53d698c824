import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { productBody, productSchema } from '../../../shared/schemas/partner.js';
import { api } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export type Product = z.infer<typeof productSchema>;

export const productKeys = {
  all: ['products'] as const,
};

/** The whole catalogue: it stays small (our own products and services), so no paging. */
export const productsQuery = () =>
  queryOptions({
    queryKey: productKeys.all,
    queryFn: ({ signal }) => api.get<{ items: Product[] }>('/api/products', signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

export function useSaveProduct() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: { id?: string; version?: number } & z.output<typeof productBody>) =>
      id ? api.patch<Product>(`/api/products/${encodeURIComponent(id)}`, { ...body, version }) : api.post<Product>('/api/products', body),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: productKeys.all });
      void qc.invalidateQueries({ queryKey: auditKeys.entity('product', p.id) });
      // Partner pages show product names.
      void qc.invalidateQueries({ queryKey: ['partners', 'detail'] });
    },
    onError: () => void qc.invalidateQueries({ queryKey: productKeys.all }),
  });
}
