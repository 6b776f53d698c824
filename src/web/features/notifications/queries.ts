import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type { Notification, NotificationPreferences } from '../../../shared/schemas/notification.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (p: { unread: boolean; page: number }) => [...notificationKeys.all, 'list', p] as const,
  unread: () => [...notificationKeys.all, 'unread-count'] as const,
  preferences: () => ['notification-preferences'] as const,
};

export const PAGE_SIZE = 25;

export const notificationsQuery = (p: { unread: boolean; page: number }) =>
  queryOptions({
    queryKey: notificationKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<Notification>>(withQuery('/api/notifications', { unread: p.unread ? 'true' : undefined, page: p.page, pageSize: PAGE_SIZE }), signal),
    placeholderData: keepPreviousData,
  });

/** Polled: reminders arrive from the scheduler, not from anything this browser does. */
export const unreadCountQuery = () =>
  queryOptions({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => api.get<{ unread: number }>('/api/notifications/unread-count', signal).then((r) => r.unread),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/api/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export const preferencesQuery = () =>
  queryOptions({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => api.get<NotificationPreferences>('/api/me/notification-preferences', signal),
  });

export function useUpdatePreferences(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<NotificationPreferences>) => api.put<NotificationPreferences>('/api/me/notification-preferences', body),
    // A switch or radio shows its new state at once; a refused change puts the old one back.
    onMutate: async (body) => {
      await qc.cancelQueries({ queryKey: notificationKeys.preferences() });
      const before = qc.getQueryData<NotificationPreferences>(notificationKeys.preferences());
      if (before) qc.setQueryData(notificationKeys.preferences(), { ...before, ...body });
      return { before };
    },
    onError: (_e, _body, context) => {
      if (context?.before) qc.setQueryData(notificationKeys.preferences(), context.before);
    },
    onSuccess: (prefs) => {
      qc.setQueryData(notificationKeys.preferences(), prefs);
      void qc.invalidateQueries({ queryKey: auditKeys.entity('user', userId) });
    },
  });
}
