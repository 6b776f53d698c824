import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateRiskCriterionBody,
  CreateRiskFindingBody,
  PartnerRisk,
  RiskAssessment,
  RiskCriterion,
  RiskOverviewItem,
  RiskPolicy,
  UpdateRiskAssessmentBody,
  UpdateRiskCriterionBody,
  UpdateRiskPolicyBody,
} from '../../../shared/schemas/risk.js';
import type { RiskReason } from '../../../shared/compliance.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';
import { partnerKeys } from '../partners/queries.js';

export const riskKeys = {
  all: ['risk'] as const,
  partner: (id: string) => [...riskKeys.all, 'partner', id] as const,
  assessment: (id: string) => [...riskKeys.all, 'assessment', id] as const,
  overview: (filters: Record<string, string | undefined>) => [...riskKeys.all, 'overview', filters] as const,
  policy: () => [...riskKeys.all, 'policy'] as const,
  criteria: (archived: string) => [...riskKeys.all, 'criteria', archived] as const,
};

const enc = encodeURIComponent;

export const partnerRiskQuery = (partnerId: string) =>
  queryOptions({ queryKey: riskKeys.partner(partnerId), queryFn: ({ signal }) => api.get<PartnerRisk>(`/api/partners/${enc(partnerId)}/risk`, signal) });

export const assessmentQuery = (id: string) =>
  queryOptions({ queryKey: riskKeys.assessment(id), queryFn: ({ signal }) => api.get<RiskAssessment>(`/api/risk-assessments/${enc(id)}`, signal) });

export const riskOverviewQuery = (filters: { rating?: string; overdue?: string; q?: string }) =>
  queryOptions({
    queryKey: riskKeys.overview(filters),
    queryFn: ({ signal }) => api.get<{ items: RiskOverviewItem[]; truncated: boolean }>(withQuery('/api/risk/overview', filters), signal),
  });

export const riskPolicyQuery = () => queryOptions({ queryKey: riskKeys.policy(), queryFn: ({ signal }) => api.get<RiskPolicy>('/api/risk/policy', signal), staleTime: 60_000 });

export const riskCriteriaQuery = (archived: 'false' | 'true' | 'all' = 'false') =>
  queryOptions({
    queryKey: riskKeys.criteria(archived),
    queryFn: ({ signal }) => api.get<{ items: RiskCriterion[] }>(withQuery('/api/risk/criteria', { archived }), signal).then((r) => r.items),
    staleTime: 60_000,
  });

/** Everything risk-related of the partner, and the partner itself (its header shows the review flag). */
function useInvalidatePartner(partnerId: string) {
  const qc = useQueryClient();
  return (a?: { id: string }) => {
    void qc.invalidateQueries({ queryKey: riskKeys.all });
    void qc.invalidateQueries({ queryKey: partnerKeys.all });
    void qc.invalidateQueries({ queryKey: ['tasks'] });
    if (a) void qc.invalidateQueries({ queryKey: auditKeys.entity('risk_assessment', a.id) });
    void qc.invalidateQueries({ queryKey: auditKeys.entity('partner', partnerId) });
  };
}

export function useStartAssessment(partnerId: string) {
  const invalidate = useInvalidatePartner(partnerId);
  return useMutation({
    mutationFn: (reason?: RiskReason) => api.post<RiskAssessment>(`/api/partners/${enc(partnerId)}/risk-assessments`, reason ? { reason } : {}),
    onSettled: (a) => invalidate(a ?? undefined),
  });
}

export function useUpdateAssessment(partnerId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidatePartner(partnerId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRiskAssessmentBody }) => api.patch<RiskAssessment>(`/api/risk-assessments/${enc(id)}`, body),
    // The answer is the new state: no refetch needed for the form, which keeps typing smooth.
    onSuccess: (a) => qc.setQueryData(riskKeys.assessment(a.id), a),
    onError: () => invalidate(),
  });
}

export function useApproveAssessment(partnerId: string) {
  const invalidate = useInvalidatePartner(partnerId);
  return useMutation({
    mutationFn: (a: Pick<RiskAssessment, 'id' | 'version'>) => api.post<RiskAssessment>(`/api/risk-assessments/${enc(a.id)}/approve`, { version: a.version }),
    onSettled: (a) => invalidate(a ?? undefined),
  });
}

export function useDeleteAssessment(partnerId: string) {
  const invalidate = useInvalidatePartner(partnerId);
  return useMutation({ mutationFn: (id: string) => api.delete<void>(`/api/risk-assessments/${enc(id)}`), onSettled: () => invalidate() });
}

export function useAddFinding(partnerId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidatePartner(partnerId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateRiskFindingBody }) => api.post<RiskAssessment>(`/api/risk-assessments/${enc(id)}/findings`, body),
    onSuccess: (a) => qc.setQueryData(riskKeys.assessment(a.id), a),
    onSettled: (a) => invalidate(a ?? undefined),
  });
}

export function useRemoveFinding(partnerId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidatePartner(partnerId);
  return useMutation({
    mutationFn: ({ id, findingId }: { id: string; findingId: string }) => api.delete<RiskAssessment>(`/api/risk-assessments/${enc(id)}/findings/${enc(findingId)}`),
    onSuccess: (a) => qc.setQueryData(riskKeys.assessment(a.id), a),
    onSettled: (a) => invalidate(a ?? undefined),
  });
}

export function useServiceChange(partnerId: string) {
  const invalidate = useInvalidatePartner(partnerId);
  return useMutation({
    mutationFn: (note: string) => api.post<{ riskReviewDueOn: string }>(`/api/partners/${enc(partnerId)}/risk/service-change`, { note }),
    onSettled: () => invalidate(),
  });
}

export function useSaveRiskPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRiskPolicyBody) => api.put<RiskPolicy>('/api/risk/policy', body),
    onSettled: () => void qc.invalidateQueries({ queryKey: riskKeys.all }),
  });
}

export function useSaveCriterion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateRiskCriterionBody | UpdateRiskCriterionBody }) =>
      id ? api.patch<RiskCriterion>(`/api/risk/criteria/${enc(id)}`, body) : api.post<RiskCriterion>('/api/risk/criteria', body),
    onSettled: () => void qc.invalidateQueries({ queryKey: riskKeys.all }),
  });
}

export function useArchiveCriterion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ c, archived }: { c: RiskCriterion; archived: boolean }) =>
      api.post<RiskCriterion>(`/api/risk/criteria/${enc(c.id)}/${archived ? 'archive' : 'restore'}`, { version: c.version }),
    onSettled: () => void qc.invalidateQueries({ queryKey: riskKeys.all }),
  });
}

export function useAddStarterCriteria() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ created: RiskCriterion[]; skipped: string[] }>('/api/risk/criteria/starter', {}),
    onSettled: () => void qc.invalidateQueries({ queryKey: riskKeys.all }),
  });
}
