import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../shared/list.js';
import type { PartnerLinkKind } from '../../../shared/partners.js';
import type { CreatePartnerBody, Partner, PartnerDetail, PartnerListItem, statusChangeSchema, UpdatePartnerBody } from '../../../shared/schemas/partner.js';
import type { Colleague, TeamAssignment } from '../../../shared/schemas/team.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export type StatusChange = z.infer<typeof statusChangeSchema>;

/** The list's filters as the API takes them (comma lists for several values). */
export interface PartnerListParams {
  page: number;
  pageSize: number;
  sort: string;
  q?: string;
  type?: string;
  status?: string;
  importance?: string;
  ownerId?: string;
  tag?: string;
  level?: string;
  country?: string;
  /** Only partners overdue for contact. */
  overdue?: 'true';
  archived?: 'false' | 'true' | 'all';
}

export const partnerKeys = {
  all: ['partners'] as const,
  lists: () => [...partnerKeys.all, 'list'] as const,
  list: (p: PartnerListParams) => [...partnerKeys.lists(), p] as const,
  details: () => [...partnerKeys.all, 'detail'] as const,
  detail: (id: string) => [...partnerKeys.details(), id] as const,
  statusHistory: (id: string) => [...partnerKeys.detail(id), 'status-history'] as const,
  colleagues: (q: string) => ['colleagues', 'options', q] as const,
  savedViews: () => ['saved-views', 'partners'] as const,
};

const path = (id: string, rest = '') => `/api/partners/${encodeURIComponent(id)}${rest}`;

export const partnersListQuery = (p: PartnerListParams) =>
  queryOptions({
    queryKey: partnerKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<PartnerListItem>>(withQuery('/api/partners', { ...p }), signal),
    placeholderData: keepPreviousData,
  });

export const partnerQuery = (id: string) =>
  queryOptions({
    queryKey: partnerKeys.detail(id),
    queryFn: ({ signal }) => api.get<PartnerDetail>(path(id), signal),
  });

export const statusHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: partnerKeys.statusHistory(id),
    queryFn: ({ signal }) => api.get<{ items: StatusChange[] }>(path(id, '/status-history'), signal).then((r) => r.items),
  });

/** Colleagues for owner pickers: the first 100 by name, or those matching what was typed. */
export const colleagueOptionsQuery = (q = '') =>
  queryOptions<Colleague[]>({
    queryKey: partnerKeys.colleagues(q),
    queryFn: ({ signal }) => api.get<Page<Colleague>>(withQuery('/api/colleagues', { q, pageSize: 100 }), signal).then((r) => r.items),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

/** Partners matching a name, for pickers (link, merge). */
export const partnerSearchQuery = (q: string, archived: 'false' | 'all' = 'false') =>
  queryOptions<PartnerListItem[]>({
    queryKey: [...partnerKeys.lists(), 'search', q, archived],
    queryFn: ({ signal }) => api.get<Page<PartnerListItem>>(withQuery('/api/partners', { q, pageSize: 20, archived }), signal).then((r) => r.items),
    placeholderData: keepPreviousData,
  });

/** How many records hang off a partner: what a merge moves. */
export const partnerFootprintQuery = (id: string) =>
  queryOptions({
    queryKey: [...partnerKeys.detail(id), 'footprint'] as const,
    queryFn: async ({ signal }) => {
      const [contacts, activities, team] = await Promise.all([
        api.get<Page<unknown>>(withQuery('/api/contacts', { partnerId: id, status: 'all', archived: 'all', pageSize: 1 }), signal),
        api.get<Page<unknown>>(withQuery('/api/activities', { partnerId: id, archived: 'all', pageSize: 1 }), signal),
        api.get<{ items: TeamAssignment[] }>(path(id, '/team'), signal),
      ]);
      return { contacts: contacts.total, activities: activities.total, team: team.items.length };
    },
  });

/** After any change to a partner: its page, every list, its history; and the other end of links. */
function useInvalidatePartner() {
  const qc = useQueryClient();
  return (partner: PartnerDetail, alsoIds: string[] = []) => {
    qc.setQueryData(partnerKeys.detail(partner.id), partner);
    void qc.invalidateQueries({ queryKey: partnerKeys.lists() });
    void qc.invalidateQueries({ queryKey: partnerKeys.statusHistory(partner.id) });
    void qc.invalidateQueries({ queryKey: auditKeys.entity('partner', partner.id) });
    for (const id of alsoIds) {
      void qc.invalidateQueries({ queryKey: partnerKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: auditKeys.entity('partner', id) });
    }
  };
}

export function useCreatePartner() {
  const invalidate = useInvalidatePartner();
  return useMutation({
    mutationFn: (body: CreatePartnerBody) => api.post<PartnerDetail>('/api/partners', body),
    onSuccess: (p) => invalidate(p),
  });
}

export function useUpdatePartner() {
  const invalidate = useInvalidatePartner();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdatePartnerBody & { id: string }) => api.patch<PartnerDetail>(path(id), body),
    onSuccess: (p) => invalidate(p),
  });
}

export function useSetArchived() {
  const invalidate = useInvalidatePartner();
  return useMutation({
    mutationFn: ({ partner, archived }: { partner: Partner; archived: boolean }) =>
      api.post<PartnerDetail>(path(partner.id, archived ? '/archive' : '/restore'), { version: partner.version }),
    onSuccess: (p) =>
      invalidate(
        p,
        p.related.map((r) => r.partner.id),
      ),
  });
}

export function useMergePartner() {
  const invalidate = useInvalidatePartner();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ survivor, duplicateId }: { survivor: Partner; duplicateId: string }) =>
      api.post<PartnerDetail>(path(survivor.id, '/merge'), { duplicateId, version: survivor.version }),
    onSuccess: (p, { duplicateId }) => {
      invalidate(p, [duplicateId, ...p.related.map((r) => r.partner.id)]);
      // Contacts, timeline and team moved: everything hanging off the survivor is new.
      void qc.invalidateQueries({ queryKey: partnerKeys.detail(p.id) });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
      void qc.invalidateQueries({ queryKey: ['activities'] });
      void qc.invalidateQueries({ queryKey: ['team'] });
    },
  });
}

export function useAddPartnerLink() {
  const invalidate = useInvalidatePartner();
  return useMutation({
    mutationFn: ({ fromId, toPartnerId, kind }: { fromId: string; toPartnerId: string; kind: PartnerLinkKind }) =>
      api.post<PartnerDetail>(path(fromId, '/links'), { toPartnerId, kind }),
    onSuccess: (p, v) => invalidate(p, [v.toPartnerId]),
  });
}

export function useRemovePartnerLink() {
  const invalidate = useInvalidatePartner();
  return useMutation({
    mutationFn: ({ partnerId, linkId }: { partnerId: string; linkId: string; otherId: string }) =>
      api.delete<PartnerDetail>(path(partnerId, `/links/${encodeURIComponent(linkId)}`)),
    onSuccess: (p, v) => invalidate(p, [v.otherId]),
  });
}
