import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { registerCalendarSource } from '../../lib/calendar-sources.js';
import { partner, task } from '../../db/schema/index.js';
import { tFor } from '../../i18n.js';

export { calendarSources, registerCalendarSource, type CalendarDeadline, type CalendarSource, type FeedScope } from '../../lib/calendar-sources.js';

/** Open tasks with a due date: the user's own, or the partner's. */
registerCalendarSource({
  name: 'tasks',
  async deadlines(db, scope, _now, locale) {
    const t = tFor(locale ?? 'en');
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
      title: r.partnerName ? t('ics:taskOf', { title: r.title, partner: r.partnerName }) : t('ics:task', { title: r.title }),
      description: r.description,
      path: r.partnerId ? `/partners/${r.partnerId}/tasks` : '/my-work',
    }));
  },
});
