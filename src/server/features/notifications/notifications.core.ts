import { createHmac } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notification, notificationPreference } from '../../db/schema/index.js';
import { safeEqual } from '../../lib/tokens.js';
import type { NotificationKind } from '../../../shared/rhythm.js';
import { UNSUBSCRIBE_LISTS, type NotificationPreferences, type UnsubscribeList } from '../../../shared/schemas/notification.js';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  link?: string | null;
  /** Unique per user: the same reminder (e.g. `task_overdue:<task>:<day>`) is stored, and mailed, once. */
  dedupeKey: string;
}

export type StoredNotification = typeof notification.$inferSelect;

/**
 * Adds notifications to inboxes; ones already there (same user and dedupe key) are skipped. Returns
 * only the new ones, so callers mail exactly those and a re-run of a job sends nothing twice.
 */
export async function notify(tx: DbOrTx, items: NewNotification[], now: Date): Promise<StoredNotification[]> {
  const out: StoredNotification[] = [];
  // Chunks keep the statement's parameter count far below PostgreSQL's 65,535.
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    const rows = await tx
      .insert(notification)
      .values(chunk.map((n) => ({ ...n, body: n.body ?? null, link: n.link ?? null, createdAt: now })))
      .onConflictDoNothing({ target: [notification.userId, notification.dedupeKey] })
      .returning();
    out.push(...rows);
  }
  return out;
}

export const DEFAULT_PREFERENCES: NotificationPreferences = { emailReminders: true, digest: 'weekly', teamDigest: true };

/** Preferences of many users at once; users who never chose get the defaults. */
export async function preferencesOf(db: DbOrTx, userIds: string[]): Promise<Map<string, NotificationPreferences>> {
  const out = new Map(userIds.map((id) => [id, { ...DEFAULT_PREFERENCES }]));
  if (!userIds.length) return out;
  const rows = await db.select().from(notificationPreference).where(inArray(notificationPreference.userId, userIds));
  for (const r of rows) out.set(r.userId, { emailReminders: r.emailReminders, digest: r.digest as NotificationPreferences['digest'], teamDigest: r.teamDigest });
  return out;
}

/** Writes a user's preferences (the whole set), creating the row on first use. */
export async function savePreferences(tx: DbOrTx, userId: string, prefs: NotificationPreferences): Promise<void> {
  await tx
    .insert(notificationPreference)
    .values({ userId, ...prefs })
    .onConflictDoUpdate({ target: notificationPreference.userId, set: { ...prefs, updatedAt: sql`now()` } });
}

// The unsubscribe token is HMAC(secret, purpose:user:list): it needs no storage and no expiry, and a
// forged or altered one fails. A separate purpose prefix keeps it apart from the CSRF tokens' HMACs.
const sign = (secret: string, userId: string, list: UnsubscribeList) => createHmac('sha256', secret).update(`unsubscribe:${userId}:${list}`).digest('base64url');

export function unsubscribeToken(secret: string, userId: string, list: UnsubscribeList): string {
  return `${Buffer.from(userId).toString('base64url')}.${list}.${sign(secret, userId, list)}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): { userId: string; list: UnsubscribeList } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [encoded, list, mac] = parts as [string, string, string];
  if (!(UNSUBSCRIBE_LISTS as readonly string[]).includes(list)) return null;
  const userId = Buffer.from(encoded, 'base64url').toString('utf8');
  if (!userId || !safeEqual(mac, sign(secret, userId, list as UnsubscribeList))) return null;
  return { userId, list: list as UnsubscribeList };
}

/** The two URLs every mail carries: the footer link (GET) and RFC 8058's one-click POST (the same URL). */
export function unsubscribeUrl(baseUrl: string, secret: string, userId: string, list: UnsubscribeList): string {
  return `${baseUrl}/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(secret, userId, list))}`;
}
