import { and, count, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { mailMessage, user } from '../../db/schema/index.js';
import { msg, notFound } from '../../lib/errors.js';
import type { Mailer } from '../../lib/mailer.js';
import { offsetOf, orderBy } from '../../lib/pagination.js';
import type { Page } from '../../../shared/list.js';
import type { ListMailQuery, MailMessage, MailSummary } from '../../../shared/schemas/notification.js';
import { presentMail, presentMailSummary } from './mail.presenter.js';

/** Failed mail is retried by the mail job until this many attempts; then it stays failed for an admin to see. */
export const MAIL_MAX_ATTEMPTS = 5;

export interface NewMail {
  to: string;
  userId?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
}

type Row = typeof mailMessage.$inferSelect;

/** Tries one stored message over SMTP and records the outcome; never throws (the row says what happened). */
async function attempt(db: DbOrTx, mailer: Mailer, row: Row, now: Date): Promise<boolean> {
  try {
    await mailer.send({ to: row.toAddress, subject: row.subject, text: row.text, html: row.html, headers: row.headers });
    await db
      .update(mailMessage)
      .set({ status: 'sent', attempts: row.attempts + 1, lastError: null, sentAt: now })
      .where(eq(mailMessage.id, row.id));
    return true;
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
    await db
      .update(mailMessage)
      .set({ status: 'failed', attempts: row.attempts + 1, lastError: message })
      .where(eq(mailMessage.id, row.id));
    return false;
  }
}

/**
 * Records every message, then sends it when SMTP is configured. Without SMTP it stays in the
 * outbox, where an administrator can read it. A failed send stays `failed` for the mail job to retry.
 */
export async function sendMail(db: DbOrTx, mailer: Mailer | null, mails: NewMail[], now: Date): Promise<{ sent: number; failed: number; outbox: number }> {
  const result = { sent: 0, failed: 0, outbox: 0 };
  if (!mails.length) return result;
  const rows = await db
    .insert(mailMessage)
    .values(
      mails.map((m) => ({
        toAddress: m.to,
        userId: m.userId ?? null,
        subject: m.subject,
        text: m.text,
        html: m.html ?? null,
        headers: m.headers ?? {},
        status: mailer ? 'queued' : 'outbox',
        createdAt: now,
      })),
    )
    .returning();
  if (!mailer) return { ...result, outbox: rows.length };
  for (const row of rows) {
    if (await attempt(db, mailer, row, now)) result.sent++;
    else result.failed++;
  }
  return result;
}

/** Sends again what failed (and what a crash left queued), oldest first; used by the mail job. */
export async function retryMail(db: DbOrTx, mailer: Mailer | null, now: Date, limit = 500): Promise<{ retried: number; sent: number; stillFailing: number }> {
  if (!mailer) return { retried: 0, sent: 0, stillFailing: 0 };
  // A message queued more than a few minutes ago was interrupted mid-send (a crash or a restart).
  const stale = new Date(now.getTime() - 10 * 60_000);
  const rows = await db
    .select()
    .from(mailMessage)
    .where(
      and(
        lt(mailMessage.attempts, MAIL_MAX_ATTEMPTS),
        sql`(${mailMessage.status} = 'failed' or (${mailMessage.status} = 'queued' and ${mailMessage.createdAt} < ${stale.toISOString()}::timestamptz))`,
      ),
    )
    .orderBy(mailMessage.createdAt)
    .limit(limit);
  let sent = 0;
  for (const row of rows) if (await attempt(db, mailer, row, now)) sent++;
  return { retried: rows.length, sent, stillFailing: rows.length - sent };
}

export async function listMail(db: Db, q: ListMailQuery): Promise<Page<MailSummary>> {
  const where = q.status ? eq(mailMessage.status, q.status) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: mailMessage, userName: user.name })
      .from(mailMessage)
      .leftJoin(user, eq(user.id, mailMessage.userId))
      .where(where)
      .orderBy(...orderBy(q.sort, { createdAt: mailMessage.createdAt }, mailMessage.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(mailMessage).where(where),
  ]);
  return { items: rows.map((r) => presentMailSummary(r.row, r.userName)), page: q.page, pageSize: q.pageSize, total: total?.n ?? 0 };
}

export async function getMail(db: Db, id: string): Promise<MailMessage> {
  const [r] = await db.select({ row: mailMessage, userName: user.name }).from(mailMessage).leftJoin(user, eq(user.id, mailMessage.userId)).where(eq(mailMessage.id, id));
  if (!r) throw notFound(msg('mail.what'));
  return presentMail(r.row, r.userName);
}

/** For tests and the Outbox: the messages sent to these users. */
export async function mailTo(db: DbOrTx, userIds: string[]): Promise<Row[]> {
  return userIds.length ? db.select().from(mailMessage).where(inArray(mailMessage.userId, userIds)).orderBy(mailMessage.createdAt) : [];
}
