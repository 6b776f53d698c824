import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type { Contract, CreateContractBody, UpdateContractBody } from '../../../shared/schemas/contract.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export interface ContractListParams {
  page: number;
  pageSize: number;
  sort?: string;
  partnerId?: string;
  status?: string;
  type?: string;
  noticeBefore?: string;
  archived?: 'false' | 'true' | 'all';
  q?: string;
}

export const contractKeys = {
  all: ['contracts'] as const,
  lists: () => [...contractKeys.all, 'list'] as const,
  list: (p: ContractListParams) => [...contractKeys.lists(), p] as const,
  detail: (id: string) => [...contractKeys.all, 'detail', id] as const,
};

const path = (id: string, rest = '') => `/api/contracts/${encodeURIComponent(id)}${rest}`;

export const contractsListQuery = (p: ContractListParams) =>
  queryOptions({
    queryKey: contractKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<Contract>>(withQuery('/api/contracts', { ...p }), signal),
    placeholderData: keepPreviousData,
  });

export const contractQuery = (id: string) =>
  queryOptions({
    queryKey: contractKeys.detail(id),
    queryFn: ({ signal }) => api.get<Contract>(path(id), signal),
  });

function useInvalidateContracts() {
  const qc = useQueryClient();
  return (c: Contract) => {
    qc.setQueryData(contractKeys.detail(c.id), c);
    void qc.invalidateQueries({ queryKey: contractKeys.lists() });
    void qc.invalidateQueries({ queryKey: auditKeys.entity('contract', c.id) });
    // The risk tab checks the clauses of active contracts.
    void qc.invalidateQueries({ queryKey: ['risk'] });
  };
}

export function useCreateContract() {
  const invalidate = useInvalidateContracts();
  return useMutation({
    mutationFn: (body: CreateContractBody) => api.post<Contract>('/api/contracts', body),
    onSuccess: invalidate,
  });
}

export function useUpdateContract() {
  const invalidate = useInvalidateContracts();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateContractBody & { id: string }) => api.patch<Contract>(path(id), body),
    onSuccess: invalidate,
    // A 409 means someone else changed it: show their version.
    onError: () => void qc.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

export function useSetContractArchived() {
  const invalidate = useInvalidateContracts();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) => api.post<Contract>(path(id, archived ? '/archive' : '/restore'), { version }),
    onSuccess: invalidate,
  });
}
