import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Certification,
  CertificationMatrix,
  CreateCertificationBody,
  CreateUserCertificationBody,
  StarterCatalogueResult,
  UpdateCertificationBody,
  UpdateUserCertificationBody,
  UserCertification,
} from '../../../shared/schemas/certification.js';
import type { HoldingState } from '../../../shared/schemas/certification.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export interface HoldingFilters {
  userId?: string | null;
  programId?: string | null;
  state?: HoldingState | null;
}

/** A programme as the pickers need it (the programmes feature owns the rest). */
export interface ProgramOption {
  id: string;
  name: string;
  vendor: string;
}

export const certificationKeys = {
  all: ['certifications'] as const,
  catalogue: (includeArchived: boolean) => [...certificationKeys.all, 'catalogue', includeArchived] as const,
  holdings: (f: HoldingFilters) => [...certificationKeys.all, 'holdings', f] as const,
  matrix: (programId: string | null) => [...certificationKeys.all, 'matrix', programId] as const,
  programs: () => [...certificationKeys.all, 'programs'] as const,
};

/** The catalogue stays small (tens of entries): one request. */
export const catalogueQuery = (includeArchived = false) =>
  queryOptions({
    queryKey: certificationKeys.catalogue(includeArchived),
    queryFn: ({ signal }) => api.get<{ items: Certification[] }>(withQuery('/api/certifications', { includeArchived: includeArchived || undefined }), signal).then((r) => r.items),
    staleTime: 60_000,
  });

export const holdingsQuery = (f: HoldingFilters) =>
  queryOptions<UserCertification[]>({
    queryKey: certificationKeys.holdings(f),
    queryFn: ({ signal }) =>
      api.get<{ items: UserCertification[] }>(withQuery('/api/user-certifications', { userId: f.userId, programId: f.programId, state: f.state }), signal).then((r) => r.items),
    placeholderData: keepPreviousData,
  });

export const matrixQuery = (programId: string | null) =>
  queryOptions<CertificationMatrix>({
    queryKey: certificationKeys.matrix(programId),
    queryFn: ({ signal }) => api.get<CertificationMatrix>(withQuery('/api/certifications/matrix', { programId }), signal),
    placeholderData: keepPreviousData,
  });

export const programOptionsQuery = () =>
  queryOptions({
    queryKey: certificationKeys.programs(),
    queryFn: ({ signal }) => api.get<{ items: ProgramOption[] }>('/api/programs', signal).then((r) => r.items.map(({ id, name, vendor }) => ({ id, name, vendor }))),
    staleTime: 60_000,
  });

export const matrixCsvUrl = (programId: string | null) => withQuery('/api/certifications/matrix.csv', { programId });

function useInvalidate() {
  const qc = useQueryClient();
  return (entity?: { type: 'certification' | 'user_certification'; id: string }) => {
    void qc.invalidateQueries({ queryKey: certificationKeys.all });
    // The programmes' level checks count certifications.
    void qc.invalidateQueries({ queryKey: ['programs'] });
    // Partners' headers show whether their programme levels are met.
    void qc.invalidateQueries({ queryKey: ['partners', 'detail'] });
    if (entity) void qc.invalidateQueries({ queryKey: auditKeys.entity(entity.type, entity.id) });
  };
}

export function useSaveCertification() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateCertificationBody | UpdateCertificationBody }) =>
      id ? api.patch<Certification>(`/api/certifications/${encodeURIComponent(id)}`, body) : api.post<Certification>('/api/certifications', body),
    onSuccess: (c) => invalidate({ type: 'certification', id: c.id }),
    onError: () => invalidate(),
  });
}

export function useArchiveCertification() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ cert, archived }: { cert: Certification; archived: boolean }) =>
      api.post<Certification>(`/api/certifications/${encodeURIComponent(cert.id)}/${archived ? 'archive' : 'restore'}`, { version: cert.version }),
    onSettled: () => invalidate(),
  });
}

export function useAddStarterCatalogue() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.post<StarterCatalogueResult>('/api/certifications/starter', {}), onSettled: () => invalidate() });
}

export function useSaveHolding() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateUserCertificationBody | UpdateUserCertificationBody }) =>
      id ? api.patch<UserCertification>(`/api/user-certifications/${encodeURIComponent(id)}`, body) : api.post<UserCertification>('/api/user-certifications', body),
    onSuccess: (h) => invalidate({ type: 'user_certification', id: h.id }),
    onError: () => invalidate(),
  });
}

export function useArchiveHolding() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (h: UserCertification) => api.post<UserCertification>(`/api/user-certifications/${encodeURIComponent(h.id)}/archive`, { version: h.version }),
    onSettled: () => invalidate(),
  });
}
