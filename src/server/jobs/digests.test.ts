import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../tests/support/app.js';
import { addTeamMember, makeActivity, makePartner, unique } from '../../../tests/support/factories.js';
import { mailMessage, meetingOccurrence, meetingOccurrenceUser, meetingTopic, notification, notificationPreference, task } from '../db/schema/index.js';
import { buildDigests } from './digests.js';
import { runDigests } from './jobs.js';

// Monday 30 November 2026, 07:30 in Zurich: the weekly digests of week 49 are due.
const NOW = new Date('2026-11-30T06:30:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

async function meeting(t: TestApp, partnerId: string, startsAt: Date, userIds: string[] = []) {
  const [o] = await t.database.db
    .insert(meetingOccurrence)
    .values({ partnerId, title: unique('Sync'), startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), status: startsAt < NOW ? 'held' : 'planned' })
    .returning();
  if (userIds.length) await t.database.db.insert(meetingOccurrenceUser).values(userIds.map((userId) => ({ occurrenceId: o!.id, userId })));
  return o!;
}
const topic = (t: TestApp, occurrenceId: string, title: string, informTeam: boolean, createdAt: Date) =>
  t.database.db.insert(meetingTopic).values({ occurrenceId, title, informTeam, createdAt });
const makeTask = (t: TestApp, values: typeof task.$inferInsert) => t.database.db.insert(task).values(values);

/** A small portfolio: Ann owns one partner and is on the team of another; Bob owns a third. */
async function portfolio(t: TestApp) {
  const ann = await makeUser(t, 'member', { name: unique('Ann') });
  const bob = await makeUser(t, 'member', { name: unique('Bob') });
  const owned = await makePartner(t, { name: unique('Owned'), ownerId: ann.id, importance: 'strategic', lastContactAt: daysAgo(40) });
  const team = await makePartner(t, { name: unique('Teamed'), importance: 'standard', lastContactAt: daysAgo(1) });
  await addTeamMember(t, team.id, ann.id, 'technical_lead');
  const bobs = await makePartner(t, { name: unique('Bobs'), ownerId: bob.id, importance: 'key', lastContactAt: daysAgo(60) });
  return { ann, bob, owned, team, bobs };
}

describe('personal digests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('hold one’s tasks, partners to contact, meetings ahead, and what happened on one’s partners since the last digest', async () => {
    const { ann, bob, owned, team, bobs } = await portfolio(t);
    // Ann's last digest went out two days ago: older news is not repeated.
    await t.database.db.insert(notification).values({ userId: ann.id, kind: 'digest', title: 'Your weekly digest', dedupeKey: 'digest:old', createdAt: daysAgo(2) });

    await makeTask(t, { title: 'Overdue: send the NDA', assigneeId: ann.id, partnerId: owned.id, dueDate: '2026-11-25' });
    await makeTask(t, { title: 'Upcoming: certification plan', assigneeId: ann.id, dueDate: '2026-12-03' });
    await makeTask(t, { title: 'Far away: business plan', assigneeId: ann.id, dueDate: '2027-02-01' });
    await makeTask(t, { title: 'Finished: kickoff', assigneeId: ann.id, dueDate: '2026-11-26', status: 'done' });
    await makeTask(t, { title: 'Bob’s own task', assigneeId: bob.id, partnerId: bobs.id, dueDate: '2026-11-27' });

    await makeActivity(t, owned.id, { overrides: { summary: 'Signed the partner agreement', important: true, occurredAt: daysAgo(1) } });
    await makeActivity(t, team.id, { overrides: { summary: 'Their CTO is leaving', important: true, occurredAt: daysAgo(1.5) } });
    await makeActivity(t, owned.id, { overrides: { summary: 'Routine call', important: false, occurredAt: daysAgo(1) } });
    await makeActivity(t, owned.id, { overrides: { summary: 'Old news before the last digest', important: true, occurredAt: daysAgo(3) } });
    await makeActivity(t, bobs.id, { overrides: { summary: 'Bob’s partner was acquired', important: true, occurredAt: daysAgo(1) } });

    const held = await meeting(t, team.id, daysAgo(1));
    await topic(t, held.id, 'New price list from January', true, daysAgo(1));
    await topic(t, held.id, 'Coffee machine', false, daysAgo(1));
    await topic(t, (await meeting(t, bobs.id, daysAgo(1))).id, 'Bob’s partner drops a product line', true, daysAgo(1));
    const ahead = await meeting(t, owned.id, new Date('2026-12-02T09:00:00Z'), [ann.id]);

    const digests = await buildDigests(t.database.db, { now: NOW, frequency: 'weekly', userIds: [ann.id, bob.id], baseUrl: 'https://ph.example.com' });
    const mine = digests.find((d) => d.userId === ann.id)!;
    expect(mine.counts).toEqual({ overdueTasks: 1, upcomingTasks: 1, contactOverdue: 1, meetings: 1, importantEntries: 2, teamTopics: 1 });
    expect(mine.email).toBe(ann.email);
    expect(mine.subject).toMatch(/^Your weekly digest · Mon, 30 Nov 2026: 1 overdue, 1 to contact, 1 meeting$/);
    for (const expected of [
      'Overdue: send the NDA',
      'Upcoming: certification plan',
      owned.name,
      `${ahead.title} with ${owned.name}`,
      'Wed 2 Dec, 10:00',
      'Signed the partner agreement',
      'Their CTO is leaving',
      'New price list from January',
      `https://ph.example.com/partners/${owned.id}/tasks`,
    ]) {
      expect(mine.text).toContain(expected);
    }
    for (const absent of ['Far away', 'Finished', 'Routine call', 'Old news', 'Coffee machine', 'Bob’s', bobs.name]) expect(mine.text).not.toContain(absent);
    expect(mine.html).toContain('<h2 style="font-size:16px;margin-top:20px">For the team to know</h2>');

    const his = digests.find((d) => d.userId === bob.id)!;
    expect(his.text).toContain('Bob’s partner was acquired');
    expect(his.text).toContain('Bob’s partner drops a product line');
    expect(his.text).toContain(bobs.name);
    for (const absent of [owned.name, team.name, 'Signed the partner agreement', 'New price list']) expect(his.text).not.toContain(absent);
  });

  it('go out by preference through the job: an inbox entry and one mail each, never twice', async () => {
    const { ann, bob, owned } = await portfolio(t);
    const quiet = await makeUser(t, 'member');
    await t.database.db.insert(notificationPreference).values([
      { userId: ann.id, digest: 'daily' },
      { userId: quiet.id, digest: 'off' },
    ]);
    await makeTask(t, { title: 'Daily digest item', assigneeId: ann.id, partnerId: owned.id, dueDate: '2026-11-30' });
    await makeTask(t, { title: 'Quiet item', assigneeId: quiet.id, dueDate: '2026-11-30' });

    const [daily] = await t.app.jobs.tick(NOW, ['digest-daily']);
    expect(daily).toMatchObject({ slot: '2026-11-30', status: 'done' });
    await t.app.jobs.tick(NOW, ['digest-weekly']);
    const mails = await t.database.db
      .select()
      .from(mailMessage)
      .where(inArray(mailMessage.userId, [ann.id, bob.id, quiet.id]));
    expect(mails.map((m) => [m.userId, m.subject.split(' · ')[0]]).sort()).toEqual(
      [
        [ann.id, 'Your daily digest'],
        [bob.id, 'Your weekly digest'],
      ].sort(),
    );
    expect(mails.find((m) => m.userId === ann.id)!.text).toContain('Daily digest item');
    expect(mails.find((m) => m.userId === ann.id)!.headers['List-Unsubscribe']).toContain('/api/unsubscribe?token=');
    const inbox = await t.database.db.select().from(notification).where(eq(notification.userId, ann.id));
    expect(inbox.map((n) => n.dedupeKey)).toEqual(['digest:daily:2026-11-30']);

    // A forced re-run of the same slot sends nothing new.
    const again = await runDigests({ db: t.database.db, mailer: null, config: t.config, secret: 's'.repeat(32) }, 'daily', '2026-11-30', NOW);
    expect(again.mailed).toBe(0);
  });
});

describe('the weekly team digest', () => {
  let t: TestApp;
  let hook: http.Server;
  const posts: { text: string; blocks: { type: string; text: { text: string } }[] }[] = [];
  let failNext = 1;
  beforeAll(async () => {
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (failNext-- > 0) return void res.writeHead(503).end('busy');
        posts.push(JSON.parse(body));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    t = await createTestApp({ CHAT_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/team` });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => hook.close(r));
  });

  it('sends the week’s "inform the team" topics and important entries to everyone who wants it, and to the chat', async () => {
    const { ann, bob, owned, bobs } = await portfolio(t);
    await t.database.db.insert(notificationPreference).values({ userId: bob.id, teamDigest: false });
    await topic(t, (await meeting(t, bobs.id, daysAgo(2))).id, 'Distributor changes its margins', true, daysAgo(2));
    await topic(t, (await meeting(t, owned.id, daysAgo(9))).id, 'Last month’s topic', true, daysAgo(9));
    await makeActivity(t, owned.id, { overrides: { summary: 'Won the joint tender', important: true, occurredAt: daysAgo(3) } });

    // The chat answers 503 first: the run fails, is recorded, and is retried after its back-off.
    const [first] = await t.app.jobs.tick(NOW, ['team-digest']);
    expect(first).toMatchObject({ status: 'failed', slot: '2026-W49' });
    expect(first!.error).toContain('HTTP 503');
    expect(first!.error).not.toContain('/hooks/team');
    const [retry] = await t.app.jobs.tick(new Date(NOW.getTime() + 5 * 60_000), ['team-digest']);
    expect(retry).toMatchObject({ status: 'done', attempt: 2 });

    expect(posts).toHaveLength(1);
    const chat = JSON.stringify(posts[0]);
    expect(posts[0]!.text).toMatch(/^Team digest/);
    expect(chat).toContain('Distributor changes its margins');
    expect(chat).toContain('Won the joint tender');
    expect(chat).not.toContain('Last month');
    expect(chat).toContain(`<http://localhost:3000/partners/${bobs.id}/meetings|Distributor changes its margins>`);

    // Mail went out once (the retry did not send it again), and not to Bob, who turned it off.
    const mails = await t.database.db
      .select()
      .from(mailMessage)
      .where(inArray(mailMessage.userId, [ann.id, bob.id]));
    expect(mails.map((m) => m.userId)).toEqual([ann.id]);
    expect(mails[0]!.text).toContain('Distributor changes its margins');
    expect(mails[0]!.text).toContain('Won the joint tender');
    expect(mails[0]!.headers['List-Unsubscribe']).toContain('/api/unsubscribe?token=');
    expect(mails[0]!.html).toContain('Unsubscribe from the weekly team digest');
  });

  it('posts new "inform the team" topics to the chat within the hour, once, and nothing for a quiet hour', async () => {
    const { owned } = await portfolio(t);
    const held = await meeting(t, owned.id, daysAgo(1));
    // Written between 08:00 and 09:00 UTC on 1 December: the slot 2026-12-01T09 covers that hour.
    await topic(t, held.id, 'Vendor announces a new partner tier', true, new Date('2026-12-01T08:20:00Z'));
    await topic(t, held.id, 'Internal seating plan', false, new Date('2026-12-01T08:25:00Z'));
    const before = posts.length;

    const [run] = await t.app.jobs.tick(new Date('2026-12-01T09:05:00Z'), ['chat-topics']);
    expect(run).toMatchObject({ status: 'done', slot: '2026-12-01T09' });
    expect(posts).toHaveLength(before + 1);
    const chat = JSON.stringify(posts.at(-1));
    expect(chat).toContain('Vendor announces a new partner tier');
    expect(chat).not.toContain('Internal seating plan');

    // The same slot again, then a quiet hour: nothing more is posted.
    await t.app.jobs.tick(new Date('2026-12-01T09:40:00Z'), ['chat-topics']);
    const [quiet] = await t.app.jobs.tick(new Date('2026-12-01T10:05:00Z'), ['chat-topics']);
    expect(quiet).toMatchObject({ status: 'done', slot: '2026-12-01T10' });
    expect(posts).toHaveLength(before + 1);
  });
});
