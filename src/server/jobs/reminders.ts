import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { partner, task, user } from '../db/schema/index.js';
import type { Mailer } from '../lib/mailer.js';
import { contactDueAt, isContactOverdue } from '../features/cadence/cadence.core.js';
import { sendMail, type NewMail } from '../features/mail/mail.service.js';
import { listMeetings } from '../features/meetings/meetings.expand.js';
import { notify, preferencesOf, type NewNotification, type StoredNotification } from '../features/notifications/notifications.core.js';
import { composeMail, escapeHtml, formatDay, formatTime, type MailSettings, type Recipient } from './compose.js';
import { tFor } from '../i18n.js';
import { isLocale, type Locale } from '../../shared/i18n/locales.js';
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
const localeOf = (value: string | null | undefined): Locale => (isLocale(value) ? value : 'en');

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
      locale: user.locale,
    })
    .from(task)
    .innerJoin(user, and(eq(user.id, task.assigneeId), isNull(user.deactivatedAt)))
    .leftJoin(partner, eq(partner.id, task.partnerId))
    .where(and(inArray(task.status, OPEN), isNotNull(task.dueDate), lte(task.dueDate, tomorrow)));
  // Worded in the assignee's language: the inbox entry and the mail read as it was stored.
  return rows.map((t) => {
    const due = t.dueDate!;
    const locale = localeOf(t.locale);
    const tr = tFor(locale);
    const day = formatDay(due, locale);
    const where = t.partnerName ? ` · ${t.partnerName}` : '';
    if (due < today) {
      // Once per task and day, for as long as it stays overdue.
      return {
        userId: t.userId!,
        kind: 'task_overdue',
        title: tr('email:reminders.taskOverdue', { title: t.title }),
        body: `${tr('email:reminders.wasDue', { day })}${where}`,
        link: partnerLink(t.partnerId, t.onboardingId ? 'onboarding' : 'tasks'),
        dedupeKey: `task_overdue:${t.id}:${today}`,
      };
    }
    const when = tr(due === today ? 'email:reminders.today' : 'email:reminders.tomorrow');
    // Keyed by the due date: moving the date brings a new reminder.
    if (t.onboardingId) {
      return {
        userId: t.userId!,
        kind: 'onboarding_step_due',
        title: tr('email:reminders.onboardingStepDue', { when, title: t.title }),
        body: `${tr('email:reminders.due', { day })}${where}`,
        link: partnerLink(t.partnerId, 'onboarding'),
        dedupeKey: `onboarding_step_due:${t.id}:${due}`,
      };
    }
    return {
      userId: t.userId!,
      kind: 'task_due',
      title: tr('email:reminders.taskDue', { when, title: t.title }),
      body: `${tr('email:reminders.due', { day })}${where}`,
      link: partnerLink(t.partnerId, 'tasks'),
      dedupeKey: `task_due:${t.id}:${due}`,
    };
  });
}

/** Partners overdue for contact, to their (active) owners, once a week per partner. */
async function cadenceReminders(db: Db, now: Date): Promise<NewNotification[]> {
  const week = zurichWeek(now);
  const rows = await db
    .select({ id: partner.id, name: partner.name, ownerId: partner.ownerId, lastContactAt: partner.lastContactAt, dueAt: contactDueAt, locale: user.locale })
    .from(partner)
    .innerJoin(user, and(eq(user.id, partner.ownerId), isNull(user.deactivatedAt)))
    .where(isContactOverdue(now));
  return rows.map((p) => {
    const locale = localeOf(p.locale);
    const tr = tFor(locale);
    return {
      userId: p.ownerId!,
      kind: 'cadence_overdue',
      title: tr('email:reminders.contactOverdue', { name: p.name }),
      body: p.lastContactAt ? tr('email:reminders.lastContact', { time: formatTime(new Date(p.lastContactAt), locale) }) : tr('email:reminders.noContact'),
      link: partnerLink(p.id),
      dedupeKey: `cadence_overdue:${p.id}:${week}`,
    };
  });
}

/** Meetings starting in the next 24 hours, to each attending colleague. */
async function meetingReminders(db: Db, now: Date, active: Map<string, Locale>): Promise<NewNotification[]> {
  const meetings = await listMeetings(db, { from: now, to: new Date(now.getTime() + 24 * 3_600_000) });
  return meetings
    .filter((m) => m.startsAt.getTime() >= now.getTime())
    .flatMap((m) =>
      m.userIds
        .filter((id) => active.has(id))
        .map((userId) => ({
          userId,
          kind: 'meeting_upcoming' as const,
          title: tFor(active.get(userId)!)('email:reminders.meeting', { title: m.title, partner: m.partnerName }),
          body: `${formatTime(m.startsAt, active.get(userId))}${m.location ? ` · ${m.location}` : ''}`,
          link: partnerLink(m.partnerId, 'meetings'),
          dedupeKey: `meeting_upcoming:${m.seriesId ?? m.occurrenceId}:${m.startsAt.toISOString()}`,
        })),
    );
}

/** One mail per user with every reminder that is new in this run. */
function reminderMail(s: MailSettings, to: Recipient, items: StoredNotification[]): NewMail {
  const t = tFor(to.locale ?? 'en');
  const subject = items.length === 1 ? items[0]!.title : t('email:reminders.subjectMany', { count: items.length, first: items[0]!.title });
  const abs = (link: string | null) => (link ? `${s.baseUrl}${link}` : `${s.baseUrl}/inbox`);
  const text = [
    t('email:reminders.textHeading'),
    '',
    ...items.map((n) => `- ${n.title}${n.body ? ` (${n.body})` : ''}\n  ${abs(n.link)}`),
    '',
    t('email:reminders.inbox', { url: `${s.baseUrl}/inbox` }),
  ].join('\n');
  const html = `<h1 style="font-size:20px">${escapeHtml(t('email:reminders.heading'))}</h1><ul>${items
    .map((n) => `<li><a href="${escapeHtml(abs(n.link))}">${escapeHtml(n.title)}</a>${n.body ? `<br><span style="color:#495057">${escapeHtml(n.body)}</span>` : ''}</li>`)
    .join('')}</ul><p><a href="${escapeHtml(s.baseUrl)}/inbox">${escapeHtml(t('email:reminders.openInbox'))}</a></p>`;
  return composeMail(s, to, 'reminders', { subject, text, html });
}

/**
 * The hourly reminders. Dedupe keys make a re-run (a retry, a second instance, the next hour) add
 * and mail nothing that is already in the inbox.
 */
export async function runReminders(deps: ReminderDeps, now: Date): Promise<Record<string, number>> {
  const { db } = deps;
  const users = await db.select({ id: user.id, email: user.email, locale: user.locale }).from(user).where(isNull(user.deactivatedAt));
  const locales = new Map(users.map((u) => [u.id, localeOf(u.locale)]));
  const active = new Set(locales.keys());
  const today = zurichDate(now);
  const candidates = [...(await taskReminders(db, today)), ...(await cadenceReminders(db, now)), ...(await meetingReminders(db, now, locales))];
  for (const source of reminderSources) {
    for (const { alert: _facts, ...n } of await source.candidates(db, now, { today, active, localeOf: (id) => locales.get(id) ?? 'en' }))
      if (active.has(n.userId)) candidates.push(n);
  }
  const created = await notify(db, candidates, now);

  const byUser = new Map<string, StoredNotification[]>();
  for (const n of created) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  const prefs = await preferencesOf(db, [...byUser.keys()]);
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const mails = [...byUser]
    .filter(([id]) => prefs.get(id)?.emailReminders && emails.has(id))
    .map(([id, items]) => reminderMail(deps, { id, email: emails.get(id)!, locale: locales.get(id) }, items));
  const mail = await sendMail(db, deps.mailer, mails, now);
  return { candidates: candidates.length, notified: created.length, mailed: mails.length, mailFailed: mail.failed };
}
