import type { notification } from '../../db/schema/index.js';
import type { NotificationKind } from '../../../shared/rhythm.js';
import type { Notification } from '../../../shared/schemas/notification.js';

export const presentNotification = (n: typeof notification.$inferSelect): Notification => ({
  id: n.id,
  kind: n.kind as NotificationKind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});
