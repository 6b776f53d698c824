import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { OnboardingStatus } from '../../../shared/rhythm.js';
import type { CancelOnboardingBody, CompleteOnboardingBody, Onboarding, OnboardingList, PartnerOnboardings, StartOnboardingBody } from '../../../shared/schemas/onboarding.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';
import { partnerKeys } from '../partners/queries.js';

export const onboardingKeys = {
  all: ['onboardings'] as const,
  list: (status: OnboardingStatus) => [...onboardingKeys.all, 'list', status] as const,
  partner: (partnerId: string) => [...onboardingKeys.all, 'partner', partnerId] as const,
};

export const partnerOnboardingQuery = (partnerId: string) =>
  queryOptions({
    queryKey: onboardingKeys.partner(partnerId),
    queryFn: ({ signal }) => api.get<PartnerOnboardings>(`/api/partners/${encodeURIComponent(partnerId)}/onboarding`, signal),
  });

export const onboardingsQuery = (status: OnboardingStatus = 'in_progress') =>
  queryOptions({
    queryKey: onboardingKeys.list(status),
    queryFn: ({ signal }) => api.get<OnboardingList>(withQuery('/api/onboardings', { status }), signal),
  });

/**
 * An onboarding changes the partner (status), its tasks and the lists: refresh all of them. Task
 * queries belong to the tasks feature; they live under the ['tasks'] and ['my-work'] keys.
 */
function useInvalidateOnboarding(partnerId: string) {
  const qc = useQueryClient();
  return (o?: Onboarding) => {
    void qc.invalidateQueries({ queryKey: onboardingKeys.all });
    void qc.invalidateQueries({ queryKey: partnerKeys.detail(partnerId) });
    void qc.invalidateQueries({ queryKey: partnerKeys.lists() });
    void qc.invalidateQueries({ queryKey: ['tasks'] });
    void qc.invalidateQueries({ queryKey: ['my-work'] });
    if (o) void qc.invalidateQueries({ queryKey: auditKeys.entity('onboarding', o.id) });
  };
}

export function useStartOnboarding(partnerId: string) {
  const invalidate = useInvalidateOnboarding(partnerId);
  return useMutation({
    mutationFn: (body: StartOnboardingBody) => api.post<Onboarding>(`/api/partners/${encodeURIComponent(partnerId)}/onboarding`, body),
    onSuccess: (o) => invalidate(o),
  });
}

export function useCompleteOnboarding(partnerId: string) {
  const invalidate = useInvalidateOnboarding(partnerId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CompleteOnboardingBody }) => api.post<Onboarding>(`/api/onboardings/${encodeURIComponent(id)}/complete`, body),
    onSettled: (o) => invalidate(o ?? undefined),
  });
}

export function useCancelOnboarding(partnerId: string) {
  const invalidate = useInvalidateOnboarding(partnerId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CancelOnboardingBody }) => api.post<Onboarding>(`/api/onboardings/${encodeURIComponent(id)}/cancel`, body),
    onSettled: (o) => invalidate(o ?? undefined),
  });
}

/** A step is a task: done through the tasks API (which completes the onboarding when it was the last), reopened by setting it open. */
export function useSetStepDone(partnerId: string) {
  const invalidate = useInvalidateOnboarding(partnerId);
  return useMutation({
    mutationFn: ({ taskId, done, version }: { taskId: string; done: boolean; version: number }) =>
      done ? api.post<unknown>('/api/tasks/complete', { ids: [taskId] }) : api.patch<unknown>(`/api/tasks/${encodeURIComponent(taskId)}`, { status: 'open', version }),
    onSettled: () => invalidate(),
  });
}
