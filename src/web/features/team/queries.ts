import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type { Partner } from '../../../shared/schemas/partner.js';
import type { AddTeamMemberBody, Colleague, ColleagueDetail, TeamAssignment } from '../../../shared/schemas/team.js';
import { api, withQuery } from '../../api.js';
import { useMe } from '../../components/session.js';
import { canEditPartner, can } from '../../lib/access.js';
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

/**
 * Whether the signed-in person may change this partner's contacts, team and timeline. Members need
 * the team to know; until it has loaded they see no write buttons rather than buttons that fail.
 */
export function usePartnerAccess(partner: Pick<Partner, 'id' | 'owner'>) {
  const me = useMe();
  const needsTeam = me.user.role === 'member' && partner.owner?.id !== me.user.id;
  const team = useQuery({ ...partnerTeamQuery(partner.id), enabled: needsTeam });
  const teamUserIds = (team.data ?? []).map((a) => a.user.id);
  return {
    canEdit: canEditPartner(me.user, partner, teamUserIds),
    canManage: can.managePartners(me.user.role),
  };
}

function useInvalidateTeam(partnerId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: teamKeys.partner(partnerId) });
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
