import type { mailMessage } from '../../db/schema/index.js';
import type { MailStatus } from '../../../shared/rhythm.js';
import type { MailMessage, MailSummary } from '../../../shared/schemas/notification.js';

type Row = typeof mailMessage.$inferSelect;

export const presentMailSummary = (m: Row, userName: string | null): MailSummary => ({
  id: m.id,
  to: m.toAddress,
  user: m.userId ? { id: m.userId, name: userName ?? '' } : null,
  subject: m.subject,
  status: m.status as MailStatus,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

export const presentMail = (m: Row, userName: string | null): MailMessage => ({
  ...presentMailSummary(m, userName),
  text: m.text,
  html: m.html,
  headers: m.headers,
});
