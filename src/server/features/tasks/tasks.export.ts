import type { tFor } from '../../i18n.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import { allPages, dayCell, type ExportColumn } from '../../lib/table-export.js';
import { dayIn, weekEndOf } from '../../../shared/days.js';
import { OPEN_TASK_STATUSES, type ListTasksQuery, type MyWorkGroup, type Task } from '../../../shared/schemas/task.js';
import { groupOf } from './tasks.mywork.js';
import { listTasks } from './tasks.service.js';

type T = ReturnType<typeof tFor>;
/** A task as an export row: with its My work group when the export is of My work. */
export type ExportTask = Task & { group?: MyWorkGroup };

/** A calendar day as a date cell (midnight UTC, so a spreadsheet shows the day itself). */
const instant = (iso: string | null) => (iso ? new Date(iso) : null);

/** A task list's columns in the reader's language, with the words the task form and drawer use. */
export function taskColumns(t: T): ExportColumn<ExportTask>[] {
  return [
    { key: 'title', header: t('tasks:form.title'), value: (x) => x.title },
    { key: 'status', header: t('tasks:form.status'), value: (x) => t(`tasks:status.${x.status}`) },
    { key: 'priority', header: t('tasks:form.priority'), value: (x) => t(`tasks:priority.${x.priority}`) },
    { key: 'dueDate', header: t('tasks:form.dueDate'), value: (x) => dayCell(x.dueDate) },
    { key: 'assignee', header: t('tasks:form.assignee'), value: (x) => x.assignee?.name ?? '' },
    { key: 'partner', header: t('tasks:drawer.partner'), value: (x) => x.partner?.name ?? '' },
    {
      key: 'subject',
      header: t('tasks:column.subject'),
      value: (x) => (x.subject ? t('tasks:subjectLine', { subject: t(`tasks:subject.${x.subject.type}`), name: x.subject.name }) : ''),
    },
    { key: 'description', header: t('tasks:form.description'), value: (x) => x.description ?? '' },
    { key: 'comments', header: t('tasks:comments.title'), value: (x) => x.commentCount },
    { key: 'createdAt', header: t('tasks:drawer.created'), value: (x) => instant(x.createdAt) },
    { key: 'createdBy', header: t('tasks:column.createdBy'), value: (x) => x.createdBy?.name ?? '' },
    { key: 'completedAt', header: t('tasks:drawer.completed'), value: (x) => instant(x.completedAt) },
  ];
}

/** My work's columns: which of its sections a task is in first, then the task list's. */
export function myWorkColumns(t: T): ExportColumn<ExportTask>[] {
  return [{ key: 'group', header: t('tasks:column.group'), value: (x) => (x.group ? t(`tasks:myWork.group.${x.group}`) : '') }, ...taskColumns(t)];
}

/** Every task the list's filters match, in its order, read through the list's own query a page at a time. */
export async function* exportTasks(db: Db, q: Omit<ListTasksQuery, 'page' | 'pageSize'>, actor: Actor, now = new Date()): AsyncGenerator<ExportTask> {
  for await (const page of allPages((page, pageSize) => listTasks(db, { ...q, page, pageSize }, actor, now))) yield* page;
}

/**
 * What My work shows: the caller's own open tasks, soonest due first, each with its section
 * (overdue, today, this week, later). Unlike the page it has no cap of 500.
 */
export async function* exportMyWork(db: Db, actor: Actor, now = new Date()): AsyncGenerator<ExportTask> {
  const today = dayIn(now);
  const weekEnds = weekEndOf(today);
  const q = { assigneeId: actor.id, status: [...OPEN_TASK_STATUSES], sort: 'dueDate' };
  for await (const x of exportTasks(db, q, actor, now)) yield { ...x, group: groupOf(x.dueDate, today, weekEnds) };
}
