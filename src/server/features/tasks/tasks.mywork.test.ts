import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actor } from '../../../../tests/support/actors.js';
import { makePartner, unique } from '../../../../tests/support/factories.js';
import { task } from '../../db/schema/index.js';
import type { User } from '../../../shared/schemas/user.js';
import { dayIn, weekEndOf } from '../../../shared/days.js';
import { groupOf, myWork } from './tasks.mywork.js';

let t: TestApp;
let me: User;

beforeAll(async () => {
  t = await createTestApp();
  me = await makeUser(t, 'member');
});
afterAll(() => t.close());

const DAY = 86_400_000;
async function makeTask(values: Partial<typeof task.$inferInsert>) {
  const [row] = await t.database.db
    .insert(task)
    .values({ title: unique('Task'), assigneeId: me.id, ...values })
    .returning();
  return row!;
}
const titles = (tasks: { title: string }[]) => tasks.map((x) => x.title);

describe('my work', () => {
  it('counts days and weeks in Europe/Zurich, not UTC', () => {
    // 23:30 UTC on Wednesday is already Thursday in Zurich (CET, UTC+1).
    expect(dayIn(new Date('2026-03-25T23:30:00Z'))).toBe('2026-03-26');
    // 22:30 UTC on Saturday in summer time (CEST, UTC+2) is Sunday.
    expect(dayIn(new Date('2026-06-27T22:30:00Z'))).toBe('2026-06-28');
    expect(weekEndOf('2026-03-23')).toBe('2026-03-29'); // Monday → its Sunday
    expect(weekEndOf('2026-03-29')).toBe('2026-03-29'); // Sunday ends its own week
    expect(weekEndOf('2026-12-30')).toBe('2027-01-03'); // across the year's end
    expect(groupOf('2026-03-25', '2026-03-26', '2026-03-29')).toBe('overdue');
    expect(groupOf('2026-03-26', '2026-03-26', '2026-03-29')).toBe('today');
    expect(groupOf('2026-03-29', '2026-03-26', '2026-03-29')).toBe('thisWeek');
    expect(groupOf('2026-03-30', '2026-03-26', '2026-03-29')).toBe('later');
    expect(groupOf(null, '2026-03-26', '2026-03-29')).toBe('later');
  });

  it('groups my open tasks overdue / today / this week / later on a frozen clock, and lists my partners overdue for contact', async () => {
    // Thursday 00:30 in Zurich, still Wednesday in UTC.
    const now = new Date('2026-03-25T23:30:00Z');
    const yesterday = await makeTask({ dueDate: '2026-03-25', priority: 'low' });
    const longAgo = await makeTask({ dueDate: '2026-01-05' });
    const today = await makeTask({ dueDate: '2026-03-26', status: 'in_progress' });
    const friday = await makeTask({ dueDate: '2026-03-27' });
    const sunday = await makeTask({ dueDate: '2026-03-29', priority: 'urgent' });
    const nextMonday = await makeTask({ dueDate: '2026-03-30' });
    const someday = await makeTask({ dueDate: null });
    // Not mine, or not open: not on my list.
    await makeTask({ dueDate: '2026-03-25', status: 'done' });
    await makeTask({ dueDate: '2026-03-26', status: 'cancelled' });
    await makeTask({ dueDate: '2026-03-26', assigneeId: (await makeUser(t, 'member')).id });

    const overdueStrategic = await makePartner(t, { ownerId: me.id, importance: 'strategic', lastContactAt: new Date(now.getTime() - 20 * DAY) });
    await makePartner(t, { ownerId: me.id, importance: 'strategic', lastContactAt: new Date(now.getTime() - 5 * DAY) });
    await makePartner(t, { importance: 'strategic', lastContactAt: new Date(now.getTime() - 60 * DAY) });

    const work = await myWork(t.database.db, me, now);
    expect(work.today).toBe('2026-03-26');
    expect(work.weekEnds).toBe('2026-03-29');
    expect(titles(work.groups.overdue)).toEqual([longAgo.title, yesterday.title]);
    expect(work.groups.overdue.every((x) => x.overdue)).toBe(true);
    expect(titles(work.groups.today)).toEqual([today.title]);
    expect(work.groups.today[0]!.overdue).toBe(false);
    expect(titles(work.groups.thisWeek)).toEqual([friday.title, sunday.title]);
    expect(titles(work.groups.later)).toEqual([nextMonday.title, someday.title]);
    expect(work.truncated).toBe(false);
    expect(work.overduePartners).toEqual([
      {
        id: overdueStrategic.id,
        name: overdueStrategic.name,
        importance: 'strategic',
        lastContactAt: new Date(now.getTime() - 20 * DAY).toISOString(),
        contactDueAt: new Date(now.getTime() - 6 * DAY).toISOString(),
        contactIntervalDays: 14,
      },
    ]);

    // On Sunday the week ends today: Monday's task is later.
    const sundayWork = await myWork(t.database.db, me, new Date('2026-03-29T10:00:00Z'));
    expect(titles(sundayWork.groups.today)).toEqual([sunday.title]);
    expect(titles(sundayWork.groups.thisWeek)).toEqual([]);
    expect(titles(sundayWork.groups.later)).toEqual([nextMonday.title, someday.title]);
  });

  it('answers GET /api/my-work for the signed-in user only', async () => {
    const other = await actor(t, 'viewer');
    const mine = await makeTask({ assigneeId: other.id, dueDate: '2020-01-01' });
    const res = await other.get('/api/my-work');
    expect(res.statusCode, res.body).toBe(200);
    expect(titles(res.json().groups.overdue)).toEqual([mine.title]);
    expect(res.json().groups.later).toEqual([]);
  });
});
