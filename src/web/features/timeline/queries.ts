import { infiniteQueryOptions, keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type { ActivityKind } from '../../../shared/partners.js';
import type { Activity, CreateActivityBody, UpdateActivityBody } from '../../../shared/schemas/activity.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export const TIMELINE_PAGE_SIZE = 20;

export interface TimelineFilters {
  kind?: ActivityKind[];
  important?: boolean;
  contactId?: string;
  from?: string;
  to?: string;
  q?: string;
  archived?: 'false' | 'all';
}

export const activityKeys = {
  all: ['activities'] as const,
  timeline: (partnerId: string, f: TimelineFilters) => [...activityKeys.all, 'timeline', partnerId, f] as const,
};

/** A partner's timeline, newest first, a page at a time. */
export const timelineQuery = (partnerId: string, f: TimelineFilters) =>
  infiniteQueryOptions({
    queryKey: activityKeys.timeline(partnerId, f),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Activity>>(
        withQuery('/api/activities', {
          partnerId,
          kind: f.kind?.join(','),
          important: f.important ? 'true' : undefined,
          contactId: f.contactId,
          from: f.from,
          to: f.to,
          q: f.q,
          archived: f.archived,
          sort: '-occurredAt',
          page: pageParam,
          pageSize: TIMELINE_PAGE_SIZE,
        }),
        signal,
      ),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    placeholderData: keepPreviousData,
  });

function useInvalidateTimeline() {
  const qc = useQueryClient();
  return (a: Activity) => {
    void qc.invalidateQueries({ queryKey: activityKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.entity('activity', a.id) });
    // "Last contact" of the partner and of its people derives from the timeline.
    void qc.invalidateQueries({ queryKey: ['partners'] });
    void qc.invalidateQueries({ queryKey: ['contacts'] });
    void qc.invalidateQueries({ queryKey: ['search'] });
  };
}

export function useCreateActivity() {
  const invalidate = useInvalidateTimeline();
  return useMutation({
    mutationFn: (body: CreateActivityBody) => api.post<Activity>('/api/activities', body),
    onSuccess: invalidate,
  });
}

export function useUpdateActivity() {
  const invalidate = useInvalidateTimeline();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateActivityBody & { id: string }) => api.patch<Activity>(`/api/activities/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
    onError: () => void qc.invalidateQueries({ queryKey: activityKeys.all }),
  });
}

export function useSetActivityArchived() {
  const invalidate = useInvalidateTimeline();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ activity, archived }: { activity: Activity; archived: boolean }) =>
      api.post<Activity>(`/api/activities/${encodeURIComponent(activity.id)}/${archived ? 'archive' : 'restore'}`, { version: activity.version }),
    onSuccess: invalidate,
    onError: () => void qc.invalidateQueries({ queryKey: activityKeys.all }),
  });
}
