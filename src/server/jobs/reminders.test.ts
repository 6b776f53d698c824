import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../tests/support/app.js';
import { makePartner, unique } from '../../../tests/support/factories.js';
import { mailMessage, meetingSeries, meetingSeriesUser, notification, notificationPreference, onboarding, task, user } from '../db/schema/index.js';
import { runReminders } from './reminders.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Friday 27 November 2026, 09:30 in Zurich.
const NOW = new Date('2026-11-27T08:30:00Z');
const deps = () => ({ db: t.database.db, mailer: null, baseUrl: t.config.baseUrl, secret: 'test-secret-test-secret-test-secret' });

async function makeTask(values: Partial<typeof task.$inferInsert> & { title: string }) {
  const [row] = await t.database.db.insert(task).values(values).returning();
  return row!;
}
const inbox = (userId: string) => t.database.db.select().from(notification).where(eq(notification.userId, userId)).orderBy(notification.title);

describe('reminders', () => {
  it('remind assignees of tasks due today, tomorrow and overdue, onboarding steps, and owners of partners overdue for contact', async () => {
    const ann = await makeUser(t, 'member', { name: 'Ann Assignee' });
    const p = await makePartner(t, { name: unique('Contoso'), ownerId: ann.id, importance: 'strategic', lastContactAt: new Date('2026-11-01T10:00:00Z') });
    const fresh = await makePartner(t, { ownerId: ann.id, importance: 'standard', lastContactAt: new Date('2026-11-20T10:00:00Z') });
    const [ob] = await t.database.db.insert(onboarding).values({ partnerId: p.id, playbookName: 'Reseller onboarding', startedOn: '2026-11-20' }).returning();
    const today = await makeTask({ title: 'Send NDA', assigneeId: ann.id, partnerId: p.id, dueDate: '2026-11-27' });
    const tomorrow = await makeTask({ title: 'Book kickoff', assigneeId: ann.id, dueDate: '2026-11-28' });
    const late = await makeTask({ title: 'Answer risk questionnaire', assigneeId: ann.id, partnerId: p.id, dueDate: '2026-11-20', priority: 'high' });
    const step = await makeTask({ title: 'Portal access', assigneeId: ann.id, partnerId: p.id, dueDate: '2026-11-27', onboardingId: ob!.id, source: 'playbook' });
    // Not reminded: later, done, unassigned, fresh partner.
    await makeTask({ title: 'Plan next year', assigneeId: ann.id, dueDate: '2026-12-15' });
    await makeTask({ title: 'Already done', assigneeId: ann.id, dueDate: '2026-11-27', status: 'done' });
    await makeTask({ title: 'Nobody’s', dueDate: '2026-11-27' });

    await runReminders(deps(), NOW);
    const got = await inbox(ann.id);
    expect(got.map((n) => [n.kind, n.title, n.link])).toEqual(
      [
        ['task_due', 'Due today: Send NDA', `/partners/${p.id}/tasks`],
        ['task_due', 'Due tomorrow: Book kickoff', '/my-work'],
        ['onboarding_step_due', 'Onboarding step due today: Portal access', `/partners/${p.id}/onboarding`],
        ['task_overdue', 'Overdue: Answer risk questionnaire', `/partners/${p.id}/tasks`],
        ['cadence_overdue', `Overdue for contact: ${p.name}`, `/partners/${p.id}`],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
    expect(got.map((n) => n.dedupeKey).sort()).toEqual(
      [
        `task_due:${today.id}:2026-11-27`,
        `task_due:${tomorrow.id}:2026-11-28`,
        `onboarding_step_due:${step.id}:2026-11-27`,
        `task_overdue:${late.id}:2026-11-27`,
        `cadence_overdue:${p.id}:2026-W48`,
      ].sort(),
    );
    expect(got.find((n) => n.kind === 'task_overdue')!.body).toContain('Fri, 20 Nov 2026');
    expect(got.some((n) => n.link === `/partners/${fresh.id}`)).toBe(false);
  });

  it('are harmless to re-run: the same reminder is neither stored nor mailed twice; overdue comes back daily, contact weekly', async () => {
    const bo = await makeUser(t, 'member');
    const p = await makePartner(t, { ownerId: bo.id, importance: 'key', lastContactAt: new Date('2026-09-01T10:00:00Z') });
    const late = await makeTask({ title: 'Renew certification', assigneeId: bo.id, dueDate: '2026-11-25' });

    const first = await runReminders(deps(), NOW);
    expect(first.notified).toBeGreaterThanOrEqual(2);
    expect(await inbox(bo.id)).toHaveLength(2);
    const mailsBefore = await t.database.db.select().from(mailMessage).where(eq(mailMessage.userId, bo.id));
    expect(mailsBefore).toHaveLength(1);

    // Again in the same hour, and an hour later: nothing new for Bo.
    await runReminders(deps(), NOW);
    await runReminders(deps(), new Date(NOW.getTime() + 3_600_000));
    expect(await inbox(bo.id)).toHaveLength(2);
    expect(await t.database.db.select().from(mailMessage).where(eq(mailMessage.userId, bo.id))).toHaveLength(1);

    // The next day the task is still overdue (one more); the partner is reminded again only next week.
    await runReminders(deps(), new Date('2026-11-28T08:30:00Z'));
    expect((await inbox(bo.id)).map((n) => n.dedupeKey).sort()).toEqual(
      [`cadence_overdue:${p.id}:2026-W48`, `task_overdue:${late.id}:2026-11-27`, `task_overdue:${late.id}:2026-11-28`].sort(),
    );
    await runReminders(deps(), new Date('2026-11-30T08:30:00Z'));
    expect(
      (await inbox(bo.id))
        .filter((n) => n.kind === 'cadence_overdue')
        .map((n) => n.dedupeKey)
        .sort(),
    ).toEqual([`cadence_overdue:${p.id}:2026-W48`, `cadence_overdue:${p.id}:2026-W49`]);
  });

  it('remind attendees of a meeting starting within 24 hours, once per occurrence', async () => {
    const dee = await makeUser(t, 'member');
    const absent = await makeUser(t, 'member');
    const p = await makePartner(t, { name: unique('Fabrikam'), lastContactAt: new Date('2026-11-26T10:00:00Z') });
    // Weekly on Fridays at 14:00 Zurich: the 27 November occurrence is 13:00Z, within 24 h of NOW.
    const [series] = await t.database.db
      .insert(meetingSeries)
      .values({ partnerId: p.id, title: 'Weekly sync', cadence: 'weekly', rrule: 'FREQ=WEEKLY', startLocal: '2026-11-06T14:00:00', location: 'Room 3' })
      .returning();
    await t.database.db.insert(meetingSeriesUser).values({ seriesId: series!.id, userId: dee.id });

    await runReminders(deps(), NOW);
    await runReminders(deps(), new Date(NOW.getTime() + 2 * 3_600_000));
    const got = (await inbox(dee.id)).filter((n) => n.kind === 'meeting_upcoming');
    expect(got.map((n) => [n.title, n.body, n.link, n.dedupeKey])).toEqual([
      [`Weekly sync with ${p.name}`, 'Fri 27 Nov, 14:00 · Room 3', `/partners/${p.id}/meetings`, `meeting_upcoming:${series!.id}:2026-11-27T13:00:00.000Z`],
    ]);
    expect(await inbox(absent.id)).toEqual([]);
  });

  it('mail only those who want reminder e-mails, and skip deactivated colleagues', async () => {
    const quiet = await makeUser(t, 'member');
    const gone = await makeUser(t, 'member');
    await t.database.db.insert(notificationPreference).values({ userId: quiet.id, emailReminders: false });
    await t.database.db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, gone.id));
    await makeTask({ title: 'Quiet task', assigneeId: quiet.id, dueDate: '2026-11-27' });
    await makeTask({ title: 'Orphaned task', assigneeId: gone.id, dueDate: '2026-11-27' });

    await runReminders(deps(), NOW);
    expect((await inbox(quiet.id)).map((n) => n.title)).toEqual(['Due today: Quiet task']);
    expect(await inbox(gone.id)).toEqual([]);
    expect(
      await t.database.db
        .select()
        .from(mailMessage)
        .where(inArray(mailMessage.userId, [quiet.id, gone.id])),
    ).toEqual([]);
  });

  it('mail one message per person with every new reminder, in the outbox without SMTP', async () => {
    const cy = await makeUser(t, 'member', { name: 'Cy' });
    await makeTask({ title: 'First thing', assigneeId: cy.id, dueDate: '2026-11-27' });
    await makeTask({ title: 'Second thing', assigneeId: cy.id, dueDate: '2026-11-28' });
    await runReminders(deps(), NOW);
    const [mail, ...rest] = await t.database.db
      .select()
      .from(mailMessage)
      .where(and(eq(mailMessage.userId, cy.id)));
    expect(rest).toEqual([]);
    expect(mail).toMatchObject({ toAddress: cy.email, status: 'outbox', subject: expect.stringMatching(/^2 reminders: /) });
    expect(mail!.text).toContain('Due today: First thing');
    expect(mail!.text).toContain('Due tomorrow: Second thing');
    expect(mail!.headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=.+>$/);
  });
});
