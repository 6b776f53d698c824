import { sql } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../db/client.js';
import { formatDay, formatTime } from './compose.js';
import { renderChat, renderHtml, renderText, type DigestSection } from './digest.render.js';
import { zurichDate } from '../../shared/days.js';

export interface TeamDigest {
  subject: string;
  text: string;
  html: string;
  chat: { text: string; blocks: unknown[] };
  empty: boolean;
  counts: { teamTopics: number; importantEntries: number };
}

const LIST_MAX = 40;
interface Row {
  partner_id: string;
  partner_name: string;
  title: string;
  at_ms: number;
  total: number;
}

interface Window {
  from: Date;
  to: Date;
  /** Timeline entries by when they happened (the weekly digest) or when they were logged (the hourly chat post). */
  entriesBy: 'occurred_at' | 'created_at';
}

async function readWindow(db: DbOrTx, w: Window) {
  const from = w.from.toISOString();
  const to = w.to.toISOString();
  const entryTime = sql.raw(`a.${w.entriesBy}`);
  const [topics, entries] = await readTogether(
    db,
    () =>
      db.execute(sql`
      select p.id as partner_id, p.name as partner_name, t.title, (extract(epoch from o.starts_at) * 1000)::float8 as at_ms, (count(*) over ())::int as total
      from meeting_topic t join meeting_occurrence o on o.id = t.occurrence_id join partner p on p.id = o.partner_id
      where t.inform_team and t.created_at >= ${from}::timestamptz and t.created_at < ${to}::timestamptz
      order by t.created_at desc, t.id limit ${LIST_MAX}`),
    () =>
      db.execute(sql`
      select p.id as partner_id, p.name as partner_name, a.summary as title, (extract(epoch from a.occurred_at) * 1000)::float8 as at_ms, (count(*) over ())::int as total
      from activity a join partner p on p.id = a.partner_id
      where a.important and a.archived_at is null and ${entryTime} >= ${from}::timestamptz and ${entryTime} < ${to}::timestamptz
      order by ${entryTime} desc, a.id limit ${LIST_MAX}`),
  );
  const t = topics.rows as unknown as Row[];
  const e = entries.rows as unknown as Row[];
  const sections: DigestSection[] = [
    {
      title: 'For the team to know',
      items: t.map((r) => ({ text: r.title, meta: `${r.partner_name} · meeting of ${formatTime(new Date(r.at_ms))}`, link: `/partners/${r.partner_id}/meetings` })),
      more: Math.max(0, (t[0]?.total ?? 0) - t.length),
    },
    {
      title: 'Important timeline entries',
      items: e.map((r) => ({ text: r.title, meta: `${r.partner_name} · ${formatTime(new Date(r.at_ms))}`, link: `/partners/${r.partner_id}/timeline` })),
      more: Math.max(0, (e[0]?.total ?? 0) - e.length),
    },
  ];
  return { sections, counts: { teamTopics: t[0]?.total ?? 0, importantEntries: e[0]?.total ?? 0 } };
}

/**
 * What reached the team in the hour before the slot `2026-11-27T09` (08:00–09:00 UTC): new "inform the
 * team" topics and important timeline entries, as a chat message, or null when there were none. The
 * window comes from the slot, not the clock, so a retried run posts the same hour and no hour twice.
 */
export async function buildChatUpdate(db: DbOrTx, opts: { slot: string; baseUrl?: string }): Promise<{ text: string; blocks: unknown[] } | null> {
  const to = new Date(`${opts.slot}:00:00Z`);
  const { sections, counts } = await readWindow(db, { from: new Date(to.getTime() - 3_600_000), to, entriesBy: 'created_at' });
  if (counts.teamTopics + counts.importantEntries === 0) return null;
  return renderChat(`For the team · ${formatTime(to)}`, sections, opts.baseUrl ?? '');
}

/** The week's "inform the team" topics and important timeline entries across all partners. */
export async function buildTeamDigest(db: DbOrTx, opts: { now: Date; baseUrl?: string }): Promise<TeamDigest> {
  const baseUrl = opts.baseUrl ?? '';
  const { sections, counts } = await readWindow(db, { from: new Date(opts.now.getTime() - 7 * 86_400_000), to: opts.now, entriesBy: 'occurred_at' });
  const heading = `Team digest · week to ${formatDay(zurichDate(opts.now))}`;
  const intro = `${counts.teamTopics} topic${counts.teamTopics === 1 ? '' : 's'} for the team and ${counts.importantEntries} important timeline entr${counts.importantEntries === 1 ? 'y' : 'ies'} in the past week.`;
  return {
    subject: heading,
    text: renderText(heading, intro, sections, baseUrl),
    html: renderHtml(heading, intro, sections, baseUrl),
    chat: renderChat(heading, sections, baseUrl),
    empty: counts.teamTopics + counts.importantEntries === 0,
    counts,
  };
}

/** Posts to a Slack-compatible incoming webhook; a failure throws, so the job records and retries it. */
export async function postToChat(url: string, payload: { text: string; blocks?: unknown[] }): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(15_000) });
  if (!res.ok) {
    const body = (await res.text().catch(() => '')).slice(0, 200);
    // The URL is a secret (whoever has it may post): name only its host.
    throw new Error(`The chat webhook at ${new URL(url).host} answered HTTP ${res.status}${body ? `: ${body}` : ''}`);
  }
}
