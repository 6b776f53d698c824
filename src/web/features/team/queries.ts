import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type { AddTeamMemberBody, Colleague, ColleagueDetail, TeamAssignment } from '../../../shared/schemas/team.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export const teamKeys = {
  all: ['team'] as const,
  partner: (partnerId: string) => [...teamKeys.all, 'partner', partnerId] as const,
};

export const colleagueKeys = {
  all: ['colleagues'] as const,
  list: (p: ColleagueListParams) => [...colleagueKeys.all, 'list', p] as const,
  detail: (id: string) => [...colleagueKeys.all, 'detail', id] as const,
};

export interface ColleagueListParams {
  page: number;
  pageSize: number;
  sort: 'name' | '-name' | 'email' | '-email';
  q?: string;
}

const path = (partnerId: string) => `/api/partners/${encodeURIComponent(partnerId)}/team`;

export const partnerTeamQuery = (partnerId: string) =>
  queryOptions({
    queryKey: teamKeys.partner(partnerId),
    queryFn: ({ signal }) => api.get<{ items: TeamAssignment[] }>(path(partnerId), signal).then((r) => r.items),
  });

export const colleaguesQuery = (p: ColleagueListParams) =>
  queryOptions({
    queryKey: colleagueKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<Colleague>>(withQuery('/api/colleagues', { ...p }), signal),
    placeholderData: keepPreviousData,
  });

export const colleagueQuery = (id: string) =>
  queryOptions({
    queryKey: colleagueKeys.detail(id),
    queryFn: ({ signal }) => api.get<ColleagueDetail>(`/api/colleagues/${encodeURIComponent(id)}`, signal),
  });

function useInvalidateTeam(partnerId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: teamKeys.partner(partnerId) });
    // Who is on the team decides what members may do with the partner (its `can`).
    void qc.invalidateQueries({ queryKey: ['partners', 'detail', partnerId] });
    void qc.invalidateQueries({ queryKey: colleagueKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.entity('partner', partnerId) });
  };
}

export function useAddTeamMember(partnerId: string) {
  const invalidate = useInvalidateTeam(partnerId);
  return useMutation({
    mutationFn: (body: AddTeamMemberBody) => api.post<TeamAssignment>(path(partnerId), body),
    onSuccess: invalidate,
  });
}

export function useRemoveTeamMember(partnerId: string) {
  const invalidate = useInvalidateTeam(partnerId);
  return useMutation({
    mutationFn: (assignment: TeamAssignment) => api.delete<void>(`${path(partnerId)}/${encodeURIComponent(assignment.id)}`),
    // Gone already (someone else removed it) is what was wanted: refresh either way.
    onSettled: invalidate,
  });
}
