import { z } from 'zod';
import { listQuery, pageOf } from '../list.js';
import { DIGEST_FREQUENCIES, MAIL_STATUSES, NOTIFICATION_KINDS } from '../rhythm.js';
import { isoDateTime } from './common.js';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  /** A path inside the web app. */
  link: z.string().nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationPage = pageOf(notificationSchema);

export const listNotificationsQuery = listQuery(['createdAt'], { unread: z.enum(['true', 'false']).optional() }, '-createdAt');
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export const markedSchema = z.object({ marked: z.number().int() });

export const digestFrequency = z.enum(DIGEST_FREQUENCIES);
export const notificationPreferencesSchema = z.object({
  /** Reminders (task due or overdue, contact overdue, upcoming meeting, onboarding step) by e-mail too. */
  emailReminders: z.boolean(),
  digest: digestFrequency,
  teamDigest: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export const updateNotificationPreferencesBody = notificationPreferencesSchema.partial().strict();

/** The mailing lists one can leave with one click from a mail. */
export const UNSUBSCRIBE_LISTS = ['reminders', 'digest', 'team_digest'] as const;
export type UnsubscribeList = (typeof UNSUBSCRIBE_LISTS)[number];
export const UNSUBSCRIBE_LIST_LABELS: Record<UnsubscribeList, string> = {
  reminders: 'reminder e-mails',
  digest: 'your personal digest',
  team_digest: 'the weekly team digest',
};
export const unsubscribeQuery = z.object({ token: z.string().min(1, 'is required').max(300) });
/** A mail client's RFC 8058 one-click POST says `List-Unsubscribe=One-Click`; the confirmation page's button sends nothing. */
export const unsubscribeBody = z.object({ 'List-Unsubscribe': z.string().max(100).optional() }).optional();
export const unsubscribedSchema = z.object({ list: z.enum(UNSUBSCRIBE_LISTS), unsubscribed: z.literal(true) });

export const mailStatus = z.enum(MAIL_STATUSES);
export const mailSummarySchema = z.object({
  id: z.string(),
  to: z.string(),
  user: z.object({ id: z.string(), name: z.string() }).nullable(),
  subject: z.string(),
  status: mailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
});
export const mailMessageSchema = mailSummarySchema.extend({
  text: z.string(),
  html: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
});
export type MailSummary = z.infer<typeof mailSummarySchema>;
export type MailMessage = z.infer<typeof mailMessageSchema>;
export const mailPage = pageOf(mailSummarySchema);
export const listMailQuery = listQuery(['createdAt'], { status: mailStatus.optional() }, '-createdAt');
export type ListMailQuery = z.infer<typeof listMailQuery>;
