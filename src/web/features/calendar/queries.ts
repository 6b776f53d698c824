import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeed, CreatedCalendarFeed, CreateFeedBody } from '../../../shared/schemas/calendar.js';
import { api } from '../../api.js';

export const calendarKeys = {
  all: ['calendar-feeds'] as const,
};

export const feedsQuery = () =>
  queryOptions({
    queryKey: calendarKeys.all,
    queryFn: ({ signal }) => api.get<{ items: CalendarFeed[] }>('/api/calendar-feeds', signal).then((r) => r.items),
  });

export function useCreateFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFeedBody) => api.post<CreatedCalendarFeed>('/api/calendar-feeds', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export function useRevokeFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<CalendarFeed>(`/api/calendar-feeds/${encodeURIComponent(id)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}
