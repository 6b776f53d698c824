import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { partner, task, user } from '../db/schema/index.js';
import type { Mailer } from '../lib/mailer.js';
import { contactDueAt, isContactOverdue } from '../features/cadence/cadence.core.js';
import { sendMail, type NewMail } from '../features/mail/mail.service.js';
import { listMeetings } from '../features/meetings/meetings.expand.js';
import { notify, preferencesOf, type NewNotification, type StoredNotification } from '../features/notifications/notifications.core.js';
import { composeMail, escapeHtml, formatDay, formatTime, type MailSettings } from './compose.js';
import { addDays, zurichDate } from '../../shared/days.js';
import { zurichWeek } from './slots.js';
import { reminderSources } from './reminder-sources.js';
import '../features/sources.js';

export interface ReminderDeps extends MailSettings {
  db: Db;
  mailer: Mailer | null;
}

const OPEN = ['open', 'in_progress'];
const partnerLink = (id: string | null, tab?: string) => (id ? `/partners/${id}${tab ? `/${tab}` : ''}` : '/my-work');

/** Tasks due today or tomorrow, overdue, and onboarding steps due, of active assignees. */
async function taskReminders(db: Db, today: string): Promise<NewNotification[]> {
  const tomorrow = addDays(today, 1);
  const rows = await db
    .select({
      id: task.id,
      title: task.title,
      dueDate: task.dueDate,
      userId: task.assigneeId,
      partnerId: task.partnerId,
      partnerName: partner.name,
      onboardingId: task.onboardingId,
    })
    .from(task)
    .innerJoin(user, and(eq(user.id, task.assigneeId), isNull(user.deactivatedAt)))
    .leftJoin(partner, eq(partner.id, task.partnerId))
    .where(and(inArray(task.status, OPEN), isNotNull(task.dueDate), lte(task.dueDate, tomorrow)));
  return rows.map((t) => {
    const due = t.dueDate!;
    const where = t.partnerName ? ` · ${t.partnerName}` : '';
    if (due < today) {
      // Once per task and day, for as long as it stays overdue.
      return {
        userId: t.userId!,
        kind: 'task_overdue',
        title: `Overdue: ${t.title}`,
        body: `Was due ${formatDay(due)}${where}`,
        link: partnerLink(t.partnerId, t.onboardingId ? 'onboarding' : 'tasks'),
        dedupeKey: `task_overdue:${t.id}:${today}`,
      };
    }
    const when = due === today ? 'today' : 'tomorrow';
    // Keyed by the due date: moving the date brings a new reminder.
    if (t.onboardingId) {
      return {
        userId: t.userId!,
        kind: 'onboarding_step_due',
        title: `Onboarding step due ${when}: ${t.title}`,
        body: `Due ${formatDay(due)}${where}`,
        link: partnerLink(t.partnerId, 'onboarding'),
        dedupeKey: `onboarding_step_due:${t.id}:${due}`,
      };
    }
    return {
      userId: t.userId!,
      kind: 'task_due',
      title: `Due ${when}: ${t.title}`,
      body: `Due ${formatDay(due)}${where}`,
      link: partnerLink(t.partnerId, 'tasks'),
      dedupeKey: `task_due:${t.id}:${due}`,
    };
  });
}

/** Partners overdue for contact, to their (active) owners, once a week per partner. */
async function cadenceReminders(db: Db, now: Date): Promise<NewNotification[]> {
  const week = zurichWeek(now);
  const rows = await db
    .select({ id: partner.id, name: partner.name, ownerId: partner.ownerId, lastContactAt: partner.lastContactAt, dueAt: contactDueAt })
    .from(partner)
    .innerJoin(user, and(eq(user.id, partner.ownerId), isNull(user.deactivatedAt)))
    .where(isContactOverdue(now));
  return rows.map((p) => ({
    userId: p.ownerId!,
    kind: 'cadence_overdue',
    title: `Overdue for contact: ${p.name}`,
    body: p.lastContactAt ? `Last contact ${formatTime(new Date(p.lastContactAt))}` : 'No contact recorded yet',
    link: partnerLink(p.id),
    dedupeKey: `cadence_overdue:${p.id}:${week}`,
  }));
}

/** Meetings starting in the next 24 hours, to each attending colleague. */
async function meetingReminders(db: Db, now: Date, active: Set<string>): Promise<NewNotification[]> {
  const meetings = await listMeetings(db, { from: now, to: new Date(now.getTime() + 24 * 3_600_000) });
  return meetings
    .filter((m) => m.startsAt.getTime() >= now.getTime())
    .flatMap((m) =>
      m.userIds
        .filter((id) => active.has(id))
        .map((userId) => ({
          userId,
          kind: 'meeting_upcoming' as const,
          title: `${m.title} with ${m.partnerName}`,
          body: `${formatTime(m.startsAt)}${m.location ? ` · ${m.location}` : ''}`,
          link: partnerLink(m.partnerId, 'meetings'),
          dedupeKey: `meeting_upcoming:${m.seriesId ?? m.occurrenceId}:${m.startsAt.toISOString()}`,
        })),
    );
}

/** One mail per user with every reminder that is new in this run. */
function reminderMail(s: MailSettings, to: { id: string; email: string }, items: StoredNotification[]): NewMail {
  const subject = items.length === 1 ? items[0]!.title : `${items.length} reminders: ${items[0]!.title} and more`;
  const abs = (link: string | null) => (link ? `${s.baseUrl}${link}` : `${s.baseUrl}/inbox`);
  const text = ['Partnerhub reminders', '', ...items.map((n) => `- ${n.title}${n.body ? ` (${n.body})` : ''}\n  ${abs(n.link)}`), '', `Your inbox: ${s.baseUrl}/inbox`].join('\n');
  const html = `<h1 style="font-size:20px">Reminders</h1><ul>${items
    .map((n) => `<li><a href="${escapeHtml(abs(n.link))}">${escapeHtml(n.title)}</a>${n.body ? `<br><span style="color:#495057">${escapeHtml(n.body)}</span>` : ''}</li>`)
    .join('')}</ul><p><a href="${escapeHtml(s.baseUrl)}/inbox">Open your inbox</a></p>`;
  return composeMail(s, to, 'reminders', { subject, text, html });
}

/**
 * The hourly reminders. Dedupe keys make a re-run (a retry, a second instance, the next hour) add
 * and mail nothing that is already in the inbox.
 */
export async function runReminders(deps: ReminderDeps, now: Date): Promise<Record<string, number>> {
  const { db } = deps;
  const users = await db.select({ id: user.id, email: user.email }).from(user).where(isNull(user.deactivatedAt));
  const active = new Set(users.map((u) => u.id));
  const today = zurichDate(now);
  const candidates = [...(await taskReminders(db, today)), ...(await cadenceReminders(db, now)), ...(await meetingReminders(db, now, active))];
  for (const source of reminderSources) {
    for (const { alert: _facts, ...n } of await source.candidates(db, now, { today, active })) if (active.has(n.userId)) candidates.push(n);
  }
  const created = await notify(db, candidates, now);

  const byUser = new Map<string, StoredNotification[]>();
  for (const n of created) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  const prefs = await preferencesOf(db, [...byUser.keys()]);
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const mails = [...byUser].filter(([id]) => prefs.get(id)?.emailReminders && emails.has(id)).map(([id, items]) => reminderMail(deps, { id, email: emails.get(id)! }, items));
  const mail = await sendMail(db, deps.mailer, mails, now);
  return { candidates: candidates.length, notified: created.length, mailed: mails.length, mailFailed: mail.failed };
}
