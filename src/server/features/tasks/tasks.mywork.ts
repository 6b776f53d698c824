import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { task } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import { OPEN_TASK_STATUSES, type MyWork, type MyWorkGroup } from '../../../shared/schemas/task.js';
import { overduePartnersOwnedBy } from '../cadence/index.js';
import { dayIn, weekEndOf } from '../../../shared/days.js';
import { presentTask, taskNames } from './tasks.presenter.js';

/** Open tasks one page of "My work" shows; more is a sign to use the task list's filters. */
export const MY_WORK_LIMIT = 500;

/** Which group a due date falls in, seen from `today` (Europe/Zurich) in a Monday–Sunday week. */
export function groupOf(dueDate: string | null, today: string, weekEnds: string): MyWorkGroup {
  if (dueDate === null) return 'later';
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'today';
  return dueDate <= weekEnds ? 'thisWeek' : 'later';
}

/**
 * The signed-in user's open tasks grouped overdue / today / this week / later, and the partners they
 * own that are overdue for contact. `now` is a parameter so tests can freeze the clock.
 */
export async function myWork(db: DbOrTx, actor: Pick<Actor, 'id'>, now: Date = new Date()): Promise<MyWork> {
  const today = dayIn(now);
  const weekEnds = weekEndOf(today);
  const rows = await db
    .select({ t: task, ...taskNames })
    .from(task)
    .where(and(eq(task.assigneeId, actor.id), inArray(task.status, [...OPEN_TASK_STATUSES])))
    .orderBy(
      sql`"task".due_date asc nulls last`,
      sql`case "task".priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`,
      asc(task.createdAt),
      asc(task.id),
    )
    .limit(MY_WORK_LIMIT + 1);
  const groups: MyWork['groups'] = { overdue: [], today: [], thisWeek: [], later: [] };
  for (const { t, ...x } of rows.slice(0, MY_WORK_LIMIT)) groups[groupOf(t.dueDate, today, weekEnds)].push(presentTask(t, x, today));
  return { today, weekEnds, groups, truncated: rows.length > MY_WORK_LIMIT, overduePartners: await overduePartnersOwnedBy(db, actor.id, now) };
}
