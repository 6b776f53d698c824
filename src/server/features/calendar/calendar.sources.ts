import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partner, task } from '../../db/schema/index.js';

export type FeedScope = { kind: 'user'; userId: string } | { kind: 'partner'; partnerId: string };

/** One dated deadline, shown as an all-day event. */
export interface CalendarDeadline {
  /** Stable across renders, so calendar programs update the event instead of duplicating it. */
  uid: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  title: string;
  description?: string | null;
  /** A path in the web app, e.g. /partners/…; made absolute with the app's base URL. */
  path?: string | null;
}

/**
 * Where a feed's deadlines come from. Features with dated deadlines (tasks now; certifications and
 * contracts later) register one, and every feed shows them without the calendar knowing the feature.
 */
export interface CalendarSource {
  name: string;
  deadlines(db: DbOrTx, scope: FeedScope, now: Date): Promise<CalendarDeadline[]>;
}

export const calendarSources: CalendarSource[] = [];

/** Adds a source, or replaces the one of the same name (a module loaded twice must not show things twice). */
export function registerCalendarSource(source: CalendarSource): void {
  const i = calendarSources.findIndex((s) => s.name === source.name);
  if (i >= 0) calendarSources[i] = source;
  else calendarSources.push(source);
}

/** Open tasks with a due date: the user's own, or the partner's. */
registerCalendarSource({
  name: 'tasks',
  async deadlines(db, scope) {
    const rows = await db
      .select({ id: task.id, title: task.title, dueDate: task.dueDate, description: task.description, partnerId: task.partnerId, partnerName: partner.name })
      .from(task)
      .leftJoin(partner, eq(partner.id, task.partnerId))
      .where(
        and(
          inArray(task.status, ['open', 'in_progress']),
          isNotNull(task.dueDate),
          scope.kind === 'user' ? eq(task.assigneeId, scope.userId) : eq(task.partnerId, scope.partnerId),
        ),
      );
    return rows.map((r) => ({
      uid: `task-${r.id}@partnerhub`,
      date: r.dueDate!,
      title: r.partnerName ? `Task: ${r.title} (${r.partnerName})` : `Task: ${r.title}`,
      description: r.description,
      path: r.partnerId ? `/partners/${r.partnerId}/tasks` : '/my-work',
    }));
  },
});
