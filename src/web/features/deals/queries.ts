import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../shared/list.js';
import type { Customer } from '../../../shared/schemas/customer.js';
import type {
  Board,
  CreateOpportunityBody,
  createDealStageBody,
  DealPartnerBody,
  DealStage,
  FxRate,
  MoveStageBody,
  Opportunity,
  OpportunityDetail,
  Pipeline,
  PipelineQuery,
  UpdateOpportunityBody,
  updateDealStageBody,
} from '../../../shared/schemas/opportunity.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

/** The list's parameters as the API takes them (several stages or states comma-separated). */
export interface OpportunityListParams {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  stage?: string;
  partnerId?: string;
  ownerId?: string;
  customerId?: string;
  quarter?: string;
  closeFrom?: string;
  closeTo?: string;
  state?: string;
  archived?: 'false' | 'true' | 'all';
}

export const dealKeys = {
  all: ['opportunities'] as const,
  lists: () => [...dealKeys.all, 'list'] as const,
  list: (p: OpportunityListParams) => [...dealKeys.lists(), p] as const,
  boards: () => [...dealKeys.all, 'board'] as const,
  board: (quarter: string) => [...dealKeys.boards(), quarter] as const,
  pipelines: () => [...dealKeys.all, 'pipeline'] as const,
  pipeline: (p: Partial<PipelineQuery>) => [...dealKeys.pipelines(), p] as const,
  detail: (id: string) => [...dealKeys.all, 'detail', id] as const,
  stages: (archived: 'false' | 'all') => ['deal-stages', archived] as const,
  rates: () => ['fx-rates'] as const,
  customers: (q: string) => ['customers', 'options', q] as const,
};

const path = (id: string, rest = '') => `/api/opportunities/${encodeURIComponent(id)}${rest}`;

export const opportunitiesListQuery = (p: OpportunityListParams) =>
  queryOptions({
    queryKey: dealKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<Opportunity>>(withQuery('/api/opportunities', { ...p }), signal),
    placeholderData: keepPreviousData,
  });

export const boardQuery = (quarter: string) =>
  queryOptions({
    queryKey: dealKeys.board(quarter),
    queryFn: ({ signal }) => api.get<Board>(withQuery('/api/opportunities/board', { quarter }), signal),
    placeholderData: keepPreviousData,
  });

export const pipelineQuery = (p: Partial<PipelineQuery>) =>
  queryOptions({
    queryKey: dealKeys.pipeline(p),
    queryFn: ({ signal }) => api.get<Pipeline>(withQuery('/api/opportunities/pipeline', { ...p }), signal),
    placeholderData: keepPreviousData,
  });

export const opportunityQuery = (id: string) =>
  queryOptions({
    queryKey: dealKeys.detail(id),
    queryFn: ({ signal }) => api.get<OpportunityDetail>(path(id), signal),
  });

/** The stages in position order (the archived ones too with `all`, for the admin page and old history entries). */
export const stagesQuery = (archived: 'false' | 'all' = 'false') =>
  queryOptions({
    queryKey: dealKeys.stages(archived),
    queryFn: ({ signal }) => api.get<{ items: DealStage[] }>(withQuery('/api/deal-stages', { archived }), signal).then((r) => [...r.items].sort((a, b) => a.position - b.position)),
    staleTime: 5 * 60_000,
  });

export const ratesQuery = () =>
  queryOptions({
    queryKey: dealKeys.rates(),
    queryFn: ({ signal }) => api.get<{ items: FxRate[] }>('/api/fx-rates', signal).then((r) => r.items),
  });

/** Customers matching a name or domain, for the form's picker. */
export const customerOptionsQuery = (q: string) =>
  queryOptions<Customer[]>({
    queryKey: dealKeys.customers(q),
    queryFn: ({ signal }) => api.get<Page<Customer>>(withQuery('/api/customers', { q, pageSize: 20 }), signal).then((r) => r.items),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** After any change of a deal: its page, every list, board and pipeline, its history, and the partner pages' figures. */
function useDealChanged() {
  const qc = useQueryClient();
  return (o?: { id: string }) => {
    if (o) void qc.invalidateQueries({ queryKey: dealKeys.detail(o.id) });
    if (o) void qc.invalidateQueries({ queryKey: auditKeys.entity('opportunity', o.id) });
    void qc.invalidateQueries({ queryKey: dealKeys.lists() });
    void qc.invalidateQueries({ queryKey: dealKeys.boards() });
    void qc.invalidateQueries({ queryKey: dealKeys.pipelines() });
    // The partner header's pipeline figures.
    void qc.invalidateQueries({ queryKey: ['partners', 'detail'] });
  };
}

export function useCreateOpportunity() {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: (body: CreateOpportunityBody) => api.post<OpportunityDetail>('/api/opportunities', body),
    onSuccess: (o) => changed(o),
  });
}

export function useUpdateOpportunity() {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateOpportunityBody & { id: string }) => api.patch<OpportunityDetail>(path(id), body),
    onSuccess: (o) => changed(o),
    // A 409 means someone else changed it: show their version.
    onError: (_e, v) => changed(v),
  });
}

export function useMoveStage() {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveStageBody & { id: string }) => api.post<OpportunityDetail>(path(id, '/stage'), body),
    onSettled: (_o, _e, v) => changed(v),
  });
}

export function useSetOpportunityArchived() {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) =>
      api.post<OpportunityDetail>(path(id, archived ? '/archive' : '/restore'), { version }),
    onSettled: (_o, _e, v) => changed(v),
  });
}

/** The deal's partners: add one with a role, change a role, remove one (the deal keeps at least one). */
export function useDealPartners() {
  const changed = useDealChanged();
  const settled = { onSettled: (_r: unknown, _e: unknown, v: { id: string }) => changed(v) };
  const add = useMutation({
    mutationFn: ({ id, ...body }: DealPartnerBody & { id: string }) => api.post<OpportunityDetail>(path(id, '/partners'), body),
    ...settled,
  });
  const change = useMutation({
    mutationFn: ({ id, partnerId, role }: DealPartnerBody & { id: string }) => api.patch<OpportunityDetail>(path(id, `/partners/${encodeURIComponent(partnerId)}`), { role }),
    ...settled,
  });
  const remove = useMutation({
    mutationFn: ({ id, partnerId }: { id: string; partnerId: string }) => api.delete<OpportunityDetail>(path(id, `/partners/${encodeURIComponent(partnerId)}`)),
    ...settled,
  });
  return { add, change, remove };
}

function useStagesChanged() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['deal-stages'] });
    void qc.invalidateQueries({ queryKey: dealKeys.all });
  };
}

export function useSaveStage() {
  const changed = useStagesChanged();
  return useMutation({
    mutationFn: (v: { create: z.input<typeof createDealStageBody> } | { key: string; update: z.input<typeof updateDealStageBody> }) =>
      'create' in v ? api.post<DealStage>('/api/deal-stages', v.create) : api.patch<DealStage>(`/api/deal-stages/${encodeURIComponent(v.key)}`, v.update),
    onSettled: changed,
  });
}

export function useSetStageArchived() {
  const changed = useStagesChanged();
  return useMutation({
    mutationFn: ({ key, version, archived }: { key: string; version: number; archived: boolean }) =>
      api.post<DealStage>(`/api/deal-stages/${encodeURIComponent(key)}/${archived ? 'archive' : 'restore'}`, { version }),
    onSettled: changed,
  });
}

export function useSaveRate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ month, currency, rateToChf }: { month: string; currency: string; rateToChf: string }) =>
      api.put<FxRate>(`/api/fx-rates/${encodeURIComponent(month)}/${encodeURIComponent(currency)}`, { rateToChf }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: dealKeys.rates() });
      void qc.invalidateQueries({ queryKey: dealKeys.pipelines() });
    },
  });
}
