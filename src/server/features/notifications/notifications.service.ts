import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notification, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import { offsetOf, orderBy } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import type { Page } from '../../../shared/list.js';
import type { ListNotificationsQuery, Notification, NotificationPreferences, UnsubscribeList } from '../../../shared/schemas/notification.js';
import { preferencesOf, savePreferences, verifyUnsubscribeToken } from './notifications.core.js';
import { presentNotification } from './notifications.presenter.js';

/** One's own inbox, newest first; `unread=true` for what is still to look at. */
export async function listNotifications(db: Db, userId: string, q: ListNotificationsQuery): Promise<Page<Notification>> {
  const where = and(
    eq(notification.userId, userId),
    q.unread === 'true' ? isNull(notification.readAt) : q.unread === 'false' ? sql`${notification.readAt} is not null` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notification)
      .where(where)
      .orderBy(...orderBy(q.sort, { createdAt: notification.createdAt }, notification.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(notification).where(where),
  ]);
  return { items: rows.map(presentNotification), page: q.page, pageSize: q.pageSize, total: total?.n ?? 0 };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)));
  return row?.n ?? 0;
}

/** Marks one of one's own notifications read; someone else's is "not found", not "forbidden". */
export async function markRead(db: Db, userId: string, id: string): Promise<Notification> {
  const [row] = await db
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, now())` })
    .where(and(eq(notification.id, id), eq(notification.userId, userId)))
    .returning();
  if (!row) throw notFound(msg('notifications.what'));
  return presentNotification(row);
}

export async function markAllRead(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(notification)
    .set({ readAt: sql`now()` })
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return rows.length;
}

export async function getPreferences(db: Db, userId: string): Promise<NotificationPreferences> {
  return (await preferencesOf(db, [userId])).get(userId)!;
}

export async function updatePreferences(db: Db, changes: Partial<NotificationPreferences>, actor: Pick<Actor, 'id' | 'name'>): Promise<NotificationPreferences> {
  return db.transaction(async (tx) => {
    const before = (await preferencesOf(tx, [actor.id])).get(actor.id)!;
    const after = { ...before, ...changes };
    await savePreferences(tx, actor.id, after);
    await recordAudit(tx, { actor, entityType: 'user', entityId: actor.id, action: 'notification_preferences', before, after });
    return after;
  });
}

const OFF: Record<UnsubscribeList, Partial<NotificationPreferences>> = {
  reminders: { emailReminders: false },
  digest: { digest: 'off' },
  team_digest: { teamDigest: false },
};

/**
 * Who an unsubscribe link is for and from which list, without changing anything: the GET of the
 * link only asks for confirmation (a mail scanner that follows links must not unsubscribe anyone).
 */
export async function checkUnsubscribe(db: Db, secret: string, token: string): Promise<{ who: { id: string; name: string }; list: UnsubscribeList }> {
  const parsed = verifyUnsubscribeToken(secret, token);
  if (!parsed) throw fieldError('querystring.token', msg('notifications.badUnsubscribeLink'), 'bad_request');
  const [who] = await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.id, parsed.userId));
  if (!who) throw new AppError('bad_request', msg('notifications.accountGone'));
  return { who, list: parsed.list };
}

/** Unsubscribes from a mail's list (a POST: the page's button or RFC 8058 one-click); no sign-in needed. */
export async function unsubscribe(db: Db, secret: string, token: string): Promise<UnsubscribeList> {
  const { who, list } = await checkUnsubscribe(db, secret, token);
  await updatePreferences(db, OFF[list], who);
  return list;
}
