import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { partner } from '../db/schema/index.js';
import { contactDueAt, isContactOverdue } from '../features/cadence/cadence.core.js';
import { listMeetings } from '../features/meetings/meetings.expand.js';
import { DEFAULT_PREFERENCES } from '../features/notifications/notifications.core.js';
import { formatDay, formatTime } from './compose.js';
import { renderHtml, renderText, type DigestSection } from './digest.render.js';
import { addDays, zurichDate } from '../../shared/days.js';
import { isLocale, type Locale } from '../../shared/i18n/locales.js';
import { tFor } from '../i18n.js';

export type Frequency = 'daily' | 'weekly';

export interface Digest {
  userId: string;
  name: string;
  email: string;
  /** The recipient's language (English when they chose none): the digest is worded in it. */
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  /** Nothing to report: the job sends no mail for an empty digest. */
  empty: boolean;
  counts: { overdueTasks: number; upcomingTasks: number; contactOverdue: number; meetings: number; importantEntries: number; teamTopics: number };
}

const DAY_MS = 86_400_000;
const LIST_MAX = 15;
const periodDays = (f: Frequency) => (f === 'daily' ? 1 : 7);

const rowsOf = async <T>(db: DbOrTx, q: SQL): Promise<T[]> => (await db.execute(q)).rows as T[];
const ms = (expr: SQL) => sql`(extract(epoch from ${expr}) * 1000)::float8`;

/**
 * The recipients and, per recipient, where their digest starts: their last digest, else one period
 * back (never more than a month: someone who turns the digest back on gets no novel).
 */
function recipients(now: Date, frequency: Frequency, userIds?: string[]): SQL {
  const periodStart = new Date(now.getTime() - periodDays(frequency) * DAY_MS).toISOString();
  const cap = new Date(now.getTime() - 31 * DAY_MS).toISOString();
  const who = userIds
    ? userIds.length
      ? sql`u.id in (${sql.join(
          userIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql`false`
    : sql`coalesce(np.digest, ${DEFAULT_PREFERENCES.digest}) = ${frequency}`;
  return sql`us as (
    select u.id, u.name, u.email, u.locale,
      greatest(coalesce((select max(n.created_at) from notification n where n.user_id = u.id and n.kind = 'digest'), ${periodStart}::timestamptz), ${cap}::timestamptz) as since
    from "user" u left join notification_preference np on np.user_id = u.id
    where u.deactivated_at is null and ${who}
  ),
  mine as (
    select p.owner_id as user_id, p.id as partner_id from partner p join us on us.id = p.owner_id where p.archived_at is null
    union
    select ta.user_id, ta.partner_id from team_assignment ta join us on us.id = ta.user_id join partner p on p.id = ta.partner_id and p.archived_at is null
  )`;
}

interface UserRow {
  id: string;
  name: string;
  email: string;
  locale: string | null;
}
interface TaskRow {
  user_id: string;
  id: string;
  title: string;
  due: string;
  partner_id: string | null;
  partner_name: string | null;
  n: number;
  total: number;
}
interface PartnerRow {
  user_id: string;
  id: string;
  name: string;
  due_ms: number | null;
  n: number;
  total: number;
}
interface EntryRow {
  user_id: string;
  partner_id: string;
  partner_name: string;
  title: string;
  at_ms: number;
  n: number;
  total: number;
}

const group = <T extends { user_id: string }>(rows: T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.user_id, [...(m.get(r.user_id) ?? []), r]);
  return m;
};
const more = (rows: { total: number }[]) => Math.max(0, (rows[0]?.total ?? 0) - rows.length);

/**
 * Each recipient's digest: their overdue and upcoming tasks, the partners they own that are overdue
 * for contact, their meetings ahead, and the important timeline entries and "inform the team" topics
 * on partners they own or are on the team of since their last digest. A handful of set-based queries
 * for all recipients together (never one per user). With `userIds` it builds for exactly those users;
 * without, for every active user whose preference is `frequency`.
 */
export async function buildDigests(db: DbOrTx, opts: { now: Date; frequency: Frequency; userIds?: string[]; baseUrl?: string }): Promise<Digest[]> {
  const { now, frequency } = opts;
  const baseUrl = opts.baseUrl ?? '';
  const at = now.toISOString();
  const today = zurichDate(now);
  const horizon = addDays(today, 7);
  const us = recipients(now, frequency, opts.userIds);

  const users = await rowsOf<UserRow>(db, sql`with ${us} select id, name, email, locale from us order by name, id`);
  if (!users.length) return [];
  const [tasks, partners, entries, topics, meetings] = await Promise.all([
    rowsOf<TaskRow>(
      db,
      sql`with ${us} select * from (
        select t.assignee_id as user_id, t.id, t.title, to_char(t.due_date, 'YYYY-MM-DD') as due, t.partner_id, p.name as partner_name,
          (row_number() over w)::int as n, (count(*) over (partition by t.assignee_id, t.due_date < ${today}::date))::int as total
        from task t join us on us.id = t.assignee_id left join partner p on p.id = t.partner_id
        where t.status in ('open', 'in_progress') and t.due_date is not null and t.due_date < ${horizon}::date
        window w as (partition by t.assignee_id, t.due_date < ${today}::date order by t.due_date, t.title, t.id)
      ) x where n <= ${LIST_MAX} order by user_id, due, n`,
    ),
    rowsOf<PartnerRow>(
      db,
      sql`with ${us} select * from (
        select ${partner.ownerId} as user_id, ${partner.id} as id, ${partner.name} as name, ${ms(contactDueAt)} as due_ms,
          (row_number() over (partition by ${partner.ownerId} order by ${contactDueAt}, ${partner.name}))::int as n, (count(*) over (partition by ${partner.ownerId}))::int as total
        from partner join us on us.id = ${partner.ownerId}
        where ${isContactOverdue(now)}
      ) x where n <= ${LIST_MAX} order by user_id, n`,
    ),
    rowsOf<EntryRow>(
      db,
      sql`with ${us} select * from (
        select m.user_id, p.id as partner_id, p.name as partner_name, a.summary as title, ${ms(sql`a.occurred_at`)} as at_ms,
          (row_number() over (partition by m.user_id order by a.occurred_at desc, a.id))::int as n, (count(*) over (partition by m.user_id))::int as total
        from mine m join us on us.id = m.user_id join activity a on a.partner_id = m.partner_id join partner p on p.id = m.partner_id
        where a.important and a.archived_at is null and a.occurred_at >= us.since and a.occurred_at < ${at}::timestamptz
      ) x where n <= ${LIST_MAX} order by user_id, n`,
    ),
    rowsOf<EntryRow>(
      db,
      sql`with ${us} select * from (
        select m.user_id, p.id as partner_id, p.name as partner_name, t.title, ${ms(sql`o.starts_at`)} as at_ms,
          (row_number() over (partition by m.user_id order by t.created_at desc, t.id))::int as n, (count(*) over (partition by m.user_id))::int as total
        from meeting_topic t join meeting_occurrence o on o.id = t.occurrence_id join mine m on m.partner_id = o.partner_id
          join us on us.id = m.user_id join partner p on p.id = m.partner_id
        where t.inform_team and t.created_at >= us.since and t.created_at < ${at}::timestamptz
      ) x where n <= ${LIST_MAX} order by user_id, n`,
    ),
    listMeetings(db, { from: now, to: new Date(now.getTime() + periodDays(frequency) * DAY_MS) }),
  ]);

  const wanted = new Set(users.map((u) => u.id));
  const meetingsByUser = new Map<string, typeof meetings>();
  for (const m of meetings) for (const id of m.userIds) if (wanted.has(id)) meetingsByUser.set(id, [...(meetingsByUser.get(id) ?? []), m]);
  const tasksBy = group(tasks);
  const partnersBy = group(partners);
  const entriesBy = group(entries);
  const topicsBy = group(topics);

  return users.map((u) => {
    const mine = tasksBy.get(u.id) ?? [];
    const overdue = mine.filter((t) => t.due < today);
    const upcoming = mine.filter((t) => t.due >= today);
    const contact = partnersBy.get(u.id) ?? [];
    const ahead = meetingsByUser.get(u.id) ?? [];
    const important = entriesBy.get(u.id) ?? [];
    const informed = topicsBy.get(u.id) ?? [];
    const locale: Locale = isLocale(u.locale) ? u.locale : 'en';
    const t = tFor(locale);
    const day = (d: string) => formatDay(d, locale);
    const time = (d: Date) => formatTime(d, locale);
    const sections: DigestSection[] = [
      {
        title: t('email:digest.overdueTasks'),
        items: overdue.map((r) => ({
          text: r.title,
          meta: `${t('email:digest.due', { day: day(r.due) })}${r.partner_name ? ` · ${r.partner_name}` : ''}`,
          link: r.partner_id ? `/partners/${r.partner_id}/tasks` : '/my-work',
        })),
        more: more(overdue),
      },
      {
        title: t('email:digest.upcomingTasks'),
        items: upcoming.map((r) => ({
          text: r.title,
          meta: `${t('email:digest.due', { day: day(r.due) })}${r.partner_name ? ` · ${r.partner_name}` : ''}`,
          link: r.partner_id ? `/partners/${r.partner_id}/tasks` : '/my-work',
        })),
        more: more(upcoming),
      },
      {
        title: t('email:digest.contactOverdue'),
        items: contact.map((p) => ({ text: p.name, meta: p.due_ms ? t('email:digest.contactWasDue', { time: time(new Date(p.due_ms)) }) : null, link: `/partners/${p.id}` })),
        more: more(contact),
      },
      {
        title: t('email:digest.meetings'),
        items: ahead
          .slice(0, LIST_MAX)
          .map((m) => ({ text: t('email:digest.meeting', { title: m.title, partner: m.partnerName }), meta: time(m.startsAt), link: `/partners/${m.partnerId}/meetings` })),
        more: Math.max(0, ahead.length - LIST_MAX),
      },
      {
        title: t('email:digest.important'),
        items: important.map((e) => ({ text: e.title, meta: `${e.partner_name} · ${time(new Date(e.at_ms))}`, link: `/partners/${e.partner_id}/timeline` })),
        more: more(important),
      },
      {
        title: t('email:digest.teamTopics'),
        items: informed.map((e) => ({
          text: e.title,
          meta: `${e.partner_name} · ${t('email:digest.meetingOf', { time: time(new Date(e.at_ms)) })}`,
          link: `/partners/${e.partner_id}/meetings`,
        })),
        more: more(informed),
      },
    ];
    const counts = {
      overdueTasks: overdue[0]?.total ?? 0,
      upcomingTasks: upcoming[0]?.total ?? 0,
      contactOverdue: contact[0]?.total ?? 0,
      meetings: ahead.length,
      importantEntries: important[0]?.total ?? 0,
      teamTopics: informed[0]?.total ?? 0,
    };
    const empty = Object.values(counts).every((n) => n === 0);
    const label = t(frequency === 'daily' ? 'email:digest.daily' : 'email:digest.weekly');
    const headline = [
      counts.overdueTasks && t('email:digest.overdueCount', { count: counts.overdueTasks }),
      counts.contactOverdue && t('email:digest.toContactCount', { count: counts.contactOverdue }),
      counts.meetings && t('email:digest.meetingCount', { count: counts.meetings }),
    ]
      .filter(Boolean)
      .join(', ');
    const subject = `${label} · ${day(today)}${headline ? `: ${headline}` : ''}`;
    const intro = t(frequency === 'daily' ? 'email:digest.introDaily' : 'email:digest.introWeekly', { name: u.name });
    return {
      userId: u.id,
      name: u.name,
      email: u.email,
      locale,
      subject,
      text: renderText(label, intro, sections, baseUrl, locale),
      html: renderHtml(label, intro, sections, baseUrl, locale),
      empty,
      counts,
    };
  });
}
