import type { tFor } from '../../i18n.js';
import type { ListNotificationsQuery, Notification } from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import { allPages, type ExportColumn } from '../../lib/table-export.js';
import { listNotifications } from './notifications.service.js';

/** The inbox's columns, in the reader's language; a notification's link is a path in the web app, written out whole so it opens from a spreadsheet. */
export function notificationColumns(t: ReturnType<typeof tFor>, baseUrl: string): ExportColumn<Notification>[] {
  const day = (iso: string | null) => (iso ? new Date(iso) : null);
  const base = baseUrl.replace(/\/+$/, '');
  return [
    { key: 'kind', header: t('notifications:column.kind'), value: (n) => t(`notifications:kind.${n.kind}`) },
    { key: 'title', header: t('notifications:column.title'), value: (n) => n.title },
    { key: 'body', header: t('notifications:column.body'), value: (n) => n.body ?? '' },
    { key: 'createdAt', header: t('notifications:column.createdAt'), value: (n) => day(n.createdAt) },
    { key: 'readAt', header: t('notifications:column.readAt'), value: (n) => day(n.readAt) },
    { key: 'link', header: t('notifications:column.link'), value: (n) => (n.link ? `${base}${n.link}` : '') },
  ];
}

/** Every notification of one's own inbox that the filter matches, in its order, read through the inbox's own query a page at a time. */
export async function* exportNotifications(db: Db, userId: string, q: Omit<ListNotificationsQuery, 'page' | 'pageSize'>): AsyncGenerator<Notification> {
  for await (const page of allPages((page, pageSize) => listNotifications(db, userId, { ...q, page, pageSize }))) yield* page;
}
