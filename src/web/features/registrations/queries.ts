import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type {
  ApproveRegistrationBody,
  ConflictList,
  CreateRegistrationBody,
  ExtendRegistrationBody,
  ListRegistrationsQuery,
  Registration,
  RegistrationStatusBody,
  RejectRegistrationBody,
  UpdateRegistrationBody,
} from '../../../shared/schemas/registration.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export type RegistrationListParams = Partial<Omit<ListRegistrationsQuery, 'status'>> & { page: number; pageSize: number; status?: string };

export const registrationKeys = {
  all: ['deal-registrations'] as const,
  lists: () => [...registrationKeys.all, 'list'] as const,
  list: (p: RegistrationListParams) => [...registrationKeys.lists(), p] as const,
  detail: (id: string) => [...registrationKeys.all, 'detail', id] as const,
  conflicts: (id: string) => [...registrationKeys.all, 'conflicts', id] as const,
};

const path = (id: string, rest = '') => `/api/deal-registrations/${encodeURIComponent(id)}${rest}`;

export const registrationsListQuery = (p: RegistrationListParams) =>
  queryOptions({
    queryKey: registrationKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<Registration>>(withQuery('/api/deal-registrations', { ...p }), signal),
    placeholderData: keepPreviousData,
  });

export const registrationQuery = (id: string) =>
  queryOptions({
    queryKey: registrationKeys.detail(id),
    queryFn: ({ signal }) => api.get<Registration>(path(id), signal),
  });

export const conflictsQuery = (id: string) =>
  queryOptions({
    queryKey: registrationKeys.conflicts(id),
    queryFn: ({ signal }) => api.get<ConflictList>(path(id, '/conflicts'), signal),
  });

function useInvalidate() {
  const qc = useQueryClient();
  return (r: Registration) => {
    qc.setQueryData(registrationKeys.detail(r.id), r);
    void qc.invalidateQueries({ queryKey: registrationKeys.lists() });
    // A decision changes what conflicts with the others.
    void qc.invalidateQueries({ queryKey: [...registrationKeys.all, 'conflicts'] });
    void qc.invalidateQueries({ queryKey: auditKeys.entity('deal_registration', r.id) });
    // Approval creates or links an opportunity.
    void qc.invalidateQueries({ queryKey: ['deals'] });
  };
}

/** A change of one registration; a 409 means someone else changed it, so their version is fetched. */
function useRegistrationWrite<B>(send: (body: B) => Promise<Registration>) {
  const invalidate = useInvalidate();
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: invalidate, onError: () => void qc.invalidateQueries({ queryKey: registrationKeys.all }) });
}

export const useCreateRegistration = () => useRegistrationWrite((body: CreateRegistrationBody) => api.post<Registration>('/api/deal-registrations', body));
export const useUpdateRegistration = () => useRegistrationWrite(({ id, ...body }: UpdateRegistrationBody & { id: string }) => api.patch<Registration>(path(id), body));
export const useArchiveRegistration = () => useRegistrationWrite(({ id, version }: { id: string; version: number }) => api.post<Registration>(path(id, '/archive'), { version }));
export const useSetRegistrationStatus = () => useRegistrationWrite(({ id, ...body }: RegistrationStatusBody & { id: string }) => api.post<Registration>(path(id, '/status'), body));
export const useApproveRegistration = () => useRegistrationWrite(({ id, ...body }: ApproveRegistrationBody & { id: string }) => api.post<Registration>(path(id, '/approve'), body));
export const useRejectRegistration = () => useRegistrationWrite(({ id, ...body }: RejectRegistrationBody & { id: string }) => api.post<Registration>(path(id, '/reject'), body));
export const useExtendRegistration = () => useRegistrationWrite(({ id, ...body }: ExtendRegistrationBody & { id: string }) => api.post<Registration>(path(id, '/extend'), body));
