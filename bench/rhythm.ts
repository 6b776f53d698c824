// The relationship-rhythm part of `npm run bench`, on the portfolio the scale part seeded: the
// personal digests of every user, and one user's calendar feed of about 1,000 events. See bench/README.md.
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.js';
import { buildDigests } from '../src/server/jobs/digests.js';
import { fmt, log } from './lib.js';

const DIGEST_GOAL_MS = 10_000;
const FEED_GOAL_MS = 200;
const FEED_REQUESTS = 20;

export interface RhythmResult {
  backend: 'pglite' | 'postgres';
  lines: string[];
}

type Rows = Record<string, unknown>[];
const rowsOf = (r: unknown): Rows => (r as { rows: Rows }).rows;
const count = async (database: Database, q: ReturnType<typeof sql>) => Number(rowsOf(await database.db.execute(q))[0]!.n);

/**
 * Gives the portfolio a rhythm, set-based: every user owns an equal share of the partners; three
 * tasks per partner for its owner (due from ten days ago to three weeks ahead); a monthly sync
 * series with each strategic or key partner, attended by its owner, a quarter of them with minutes
 * last week (one topic for the team); and `feedUserId` attends 300 weekly series, has moved 200
 * occurrences and holds 500 tasks with due dates: about 1,000 events in one calendar feed.
 */
export async function seedRhythm(database: Database, feedUserId: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`
      with p as (select id, row_number() over (order by id) - 1 as rn from partner),
           u as (select id, row_number() over (order by id) - 1 as k, count(*) over () as n from "user" where deactivated_at is null)
      update partner set owner_id = u.id from p join u on p.rn % u.n = u.k where partner.id = p.id`);
    await tx.execute(sql`insert into notification_preference (user_id, digest) select id, 'weekly' from "user" on conflict (user_id) do update set digest = 'weekly'`);
    await tx.execute(sql`
      insert into task (title, subject_type, subject_id, partner_id, assignee_id, due_date, priority, status)
      select (array['Send the licence report','Prepare the business plan','Follow up on the deal registration','Renew the certification'])[1 + n % 4] || ' ' || n,
             'partner', p.id, p.id, p.owner_id, (current_date + ((n * 7 + p.rn) % 31 - 10)::int)::date,
             (array['low','normal','normal','high'])[1 + n % 4], case when n = 3 and p.rn % 2 = 0 then 'done' else 'open' end
      from (select id, owner_id, row_number() over (order by id) as rn from partner) p, generate_series(1, 3) n`);
    await tx.execute(sql`
      insert into meeting_series (partner_id, title, purpose, cadence, rrule, start_local, time_zone, duration_minutes)
      select id, 'Monthly sync', 'sync', 'monthly', 'FREQ=MONTHLY', (date_trunc('month', now()) + interval '9 days 10 hours')::timestamp, 'Europe/Zurich', 60
      from partner where importance in ('strategic', 'key') and archived_at is null`);
    await tx.execute(
      sql`insert into meeting_series_user (series_id, user_id) select s.id, p.owner_id from meeting_series s join partner p on p.id = s.partner_id where p.owner_id is not null`,
    );
    await tx.execute(sql`
      with s as (select id, partner_id, row_number() over (order by id) as rn from meeting_series)
      insert into meeting_occurrence (series_id, partner_id, original_start, starts_at, ends_at, status, notes)
      select id, partner_id, now() - interval '7 days', now() - interval '7 days', now() - interval '7 days' + interval '1 hour', 'held', 'Minutes'
      from s where rn % 4 = 0`);
    await tx.execute(sql`
      insert into meeting_topic (occurrence_id, kind, position, title, inform_team, created_at)
      select o.id, k, case k when 'topic' then 0 else 1 end, 'Pipeline review ' || k, k = 'topic', now() - interval '7 days'
      from meeting_occurrence o, unnest(array['topic', 'decision']) k`);
    // The feed user's 1,000 events.
    await tx.execute(sql`
      with s as (insert into meeting_series (partner_id, title, purpose, cadence, rrule, start_local, time_zone, duration_minutes)
                 select id, 'Weekly sync ' || rn, 'sync', 'weekly', 'FREQ=WEEKLY', (date_trunc('week', now()) + interval '1 day 9 hours')::timestamp, 'Europe/Zurich', 30
                 from (select id, row_number() over (order by id) as rn from partner limit 300) p
                 returning id, partner_id)
      insert into meeting_series_user (series_id, user_id) select id, ${feedUserId} from s`);
    await tx.execute(sql`
      with s as (select s.id, s.partner_id, row_number() over (order by s.id) as rn from meeting_series s join meeting_series_user u on u.series_id = s.id
                 where u.user_id = ${feedUserId} and s.cadence = 'weekly' limit 200),
           w as (select date_trunc('week', now())::timestamp + interval '1 day 9 hours' + make_interval(weeks => (rn % 8)::int) as local, id, partner_id from s)
      insert into meeting_occurrence (series_id, partner_id, original_start, starts_at, ends_at, status)
      select id, partner_id, local at time zone 'Europe/Zurich', (local + interval '1 day') at time zone 'Europe/Zurich',
             (local + interval '1 day 30 minutes') at time zone 'Europe/Zurich', 'planned' from w`);
    await tx.execute(sql`
      insert into task (title, subject_type, subject_id, partner_id, assignee_id, due_date, status)
      select 'Deadline ' || n, 'partner', p.id, p.id, ${feedUserId}, (current_date + (n % 120))::date, 'open'
      from (select id from partner order by id limit 1) p, generate_series(1, 500) n`);
  });
  if (database.kind === 'postgres') {
    for (const t of ['partner', 'task', 'meeting_series', 'meeting_series_user', 'meeting_occurrence', 'meeting_topic', 'notification_preference']) {
      await database.db.execute(sql.raw(`analyze ${t}`));
    }
  }
}

export async function benchRhythm(ctx: {
  backend: 'pglite' | 'postgres';
  database: Database;
  appUrl: string;
  auth: Record<string, string>;
  feedUserId: string;
}): Promise<RhythmResult> {
  const { backend, database } = ctx;
  const lines: string[] = [];
  const seedStart = performance.now();
  await seedRhythm(database, ctx.feedUserId);
  const users = await count(database, sql`select count(*) as n from "user" where deactivated_at is null`);
  const tasks = await count(database, sql`select count(*) as n from task`);
  const series = await count(database, sql`select count(*) as n from meeting_series`);
  log(`${backend}: rhythm seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${tasks} tasks, ${series} meeting series)`);

  // Digests: what the weekly job builds for everyone, twice (the second run has warm caches).
  const digestMs: number[] = [];
  let digests = 0;
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    const built = await buildDigests(database.db, { now: new Date(), frequency: 'weekly' });
    digestMs.push(performance.now() - start);
    digests = built.length;
  }
  const worst = Math.max(...digestMs);
  lines.push(
    `| weekly digests for ${users} users (${tasks} tasks, ${series} meeting series) | ${digests} built | ${digestMs.map(fmt).join(' ms, ')} ms | ${worst < DIGEST_GOAL_MS ? 'goal met' : 'goal missed'} (< ${DIGEST_GOAL_MS / 1000} s) |`,
  );

  // The calendar feed: created as the feed user would, then fetched as a calendar app does.
  const created = await fetch(`${ctx.appUrl}/api/calendar-feeds`, {
    method: 'POST',
    headers: { ...ctx.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ scope: 'user' }),
  });
  if (!created.ok) throw new Error(`POST /api/calendar-feeds answered ${created.status}: ${await created.text()}`);
  const feedUrl = new URL(((await created.json()) as { url: string }).url);
  const target = `${ctx.appUrl}${feedUrl.pathname}`;
  const feedMs: number[] = [];
  let events = 0;
  let bytes = 0;
  for (let i = 0; i < FEED_REQUESTS + 2; i++) {
    const start = performance.now();
    const res = await fetch(target);
    const body = await res.text();
    const ms = performance.now() - start;
    if (!res.ok) throw new Error(`GET ${feedUrl.pathname} answered ${res.status}`);
    if (i >= 2) feedMs.push(ms); // two warm-up requests
    events = body.split('BEGIN:VEVENT').length - 1;
    bytes = body.length;
  }
  feedMs.sort((a, b) => a - b);
  const p50 = feedMs[Math.floor(feedMs.length / 2)]!;
  const p95 = feedMs[Math.ceil(feedMs.length * 0.95) - 1]!;
  lines.push(
    `| calendar feed of one user (${events} events, ${(bytes / 1024).toFixed(0)} KiB), ${FEED_REQUESTS} requests one after another | p50 ${fmt(p50)} ms | p95 ${fmt(p95)} ms | ${p95 < FEED_GOAL_MS ? 'goal met' : 'goal missed'} (< ${FEED_GOAL_MS} ms) |`,
  );
  return { backend, lines };
}
