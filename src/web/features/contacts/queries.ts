import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type { ContactDetail, ContactListItem, ContactSummary, CreateContactBody, ListContactsQuery, StakeholderMap, UpdateContactBody } from '../../../shared/schemas/contact.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export type ContactSort = ListContactsQuery['sort'];
export type ContactStatus = ListContactsQuery['status'];

/** The directory's filters as the address and the API take them (role is a comma list). */
export interface ContactListParams {
  page: number;
  pageSize: number;
  sort: string;
  q?: string;
  partnerId?: string;
  role?: string;
  status: ContactStatus;
  archived?: 'false' | 'true' | 'all';
}

export const contactKeys = {
  all: ['contacts'] as const,
  lists: () => [...contactKeys.all, 'list'] as const,
  list: (p: ContactListParams) => [...contactKeys.lists(), p] as const,
  stakeholders: (partnerId: string) => [...contactKeys.all, 'stakeholders', partnerId] as const,
};

export const contactsListQuery = (p: ContactListParams) =>
  queryOptions({
    queryKey: contactKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<ContactListItem>>(withQuery('/api/contacts', { ...p }), signal),
    placeholderData: keepPreviousData,
  });

export const stakeholderMapQuery = (partnerId: string) =>
  queryOptions({
    queryKey: contactKeys.stakeholders(partnerId),
    queryFn: ({ signal }) => api.get<StakeholderMap>(`/api/partners/${encodeURIComponent(partnerId)}/stakeholders`, signal),
  });

/** The vCard link takes the directory's filters, without paging (CSV and XLSX go through the export menu). */
export function vcardUrl(p: Omit<ContactListParams, 'page' | 'pageSize'>): string {
  return withQuery('/api/contacts/export.vcf', { sort: p.sort, q: p.q, partnerId: p.partnerId, role: p.role, status: p.status, archived: p.archived });
}

/** Partners for the directory's partner filter: searched by name on the server. */
export const partnerOptionsQuery = (q: string) =>
  queryOptions({
    queryKey: ['partners', 'options', q] as const,
    queryFn: ({ signal }) => api.get<Page<PartnerSummary>>(withQuery('/api/partners', { q, pageSize: 50, sort: 'name' }), signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

function useInvalidateContacts() {
  const qc = useQueryClient();
  return (c: Pick<ContactDetail, 'id'> & { partner: { id: string } }) => {
    void qc.invalidateQueries({ queryKey: contactKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.entity('contact', c.id) });
    // Search results and timeline participants show contacts' names.
    void qc.invalidateQueries({ queryKey: ['search'] });
    void qc.invalidateQueries({ queryKey: ['activities'] });
  };
}

const contactPathOf = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;

export function useCreateContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (body: CreateContactBody) => api.post<ContactDetail>('/api/contacts', body),
    onSuccess: invalidate,
  });
}

export function useUpdateContact() {
  const invalidate = useInvalidateContacts();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateContactBody & { id: string }) => api.patch<ContactDetail>(contactPathOf(id), body),
    onSuccess: invalidate,
    // A stale version means someone else saved first: load their version.
    onError: () => void qc.invalidateQueries({ queryKey: contactKeys.all }),
  });
}

export function useSetContactArchived() {
  const invalidate = useInvalidateContacts();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ contact, archived }: { contact: Pick<ContactSummary, 'id' | 'version'>; archived: boolean }) =>
      api.post<ContactDetail>(`${contactPathOf(contact.id)}/${archived ? 'archive' : 'restore'}`, { version: contact.version }),
    onSuccess: invalidate,
    onError: () => void qc.invalidateQueries({ queryKey: contactKeys.all }),
  });
}

export function useMergeContacts() {
  const invalidate = useInvalidateContacts();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ survivor, duplicateId }: { survivor: Pick<ContactSummary, 'id' | 'version'>; duplicateId: string }) =>
      api.post<ContactDetail>(`${contactPathOf(survivor.id)}/merge`, { duplicateId, version: survivor.version }),
    onSuccess: (c, { duplicateId }) => {
      invalidate(c);
      void qc.invalidateQueries({ queryKey: auditKeys.entity('contact', duplicateId) });
    },
    onError: () => void qc.invalidateQueries({ queryKey: contactKeys.all }),
  });
}

export const contactQuery = (id: string) =>
  queryOptions({
    queryKey: [...contactKeys.all, 'detail', id] as const,
    queryFn: ({ signal }) => api.get<ContactDetail>(contactPathOf(id), signal),
  });

/** One partner's name for the filter's label when it is not among the searched options. */
export const partnerOptionQuery = (id: string) =>
  queryOptions({
    queryKey: ['partners', 'options', 'one', id] as const,
    queryFn: ({ signal }) => api.get<PartnerSummary>(`/api/partners/${encodeURIComponent(id)}`, signal),
    staleTime: 60_000,
  });
