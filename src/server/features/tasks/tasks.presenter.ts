import { sql } from 'drizzle-orm';
import type { task, taskComment } from '../../db/schema/index.js';
import type { Task, TaskComment } from '../../../shared/schemas/task.js';
import type { TaskPriority, TaskSource, TaskStatus, TaskSubject } from '../../../shared/rhythm.js';

type Row = typeof task.$inferSelect;
type CommentRow = typeof taskComment.$inferSelect;

/**
 * Names of what a task refers to, as subqueries of the query that reads the tasks: a page of tasks is
 * one statement, never one per task. Columns are qualified by hand ("task".…): inside a subquery an
 * unqualified name would bind to the subquery's own table (task_comment has an `id` too).
 */
export const taskNames = {
  partnerName: sql<string | null>`(select p.name from partner p where p.id = "task".partner_id)`,
  subjectName: sql<string | null>`case "task".subject_type
    when 'partner' then (select p.name from partner p where p.id = "task".subject_id)
    when 'contact' then (select c.first_name || ' ' || c.last_name from contact c where c.id = "task".subject_id)
    when 'meeting' then (select coalesce(o.title, s.title, 'Meeting') || ', ' || to_char(o.starts_at at time zone o.time_zone, 'DD.MM.YYYY')
      from meeting_occurrence o left join meeting_series s on s.id = o.series_id where o.id = "task".subject_id)
    when 'onboarding' then (select ob.playbook_name from onboarding ob where ob.id = "task".subject_id)
    when 'risk_assessment' then (select to_char(ra.created_at at time zone 'Europe/Zurich', 'DD.MM.YYYY') from risk_assessment ra where ra.id = "task".subject_id)
    when 'contract' then (select ct.title from contract ct where ct.id = "task".subject_id)
    when 'opportunity' then (select op.title from opportunity op where op.id = "task".subject_id) end`,
  assigneeName: sql<string | null>`(select u.name from "user" u where u.id = "task".assignee_id)`,
  completedByName: sql<string | null>`(select u.name from "user" u where u.id = "task".completed_by)`,
  createdByName: sql<string | null>`(select u.name from "user" u where u.id = "task".created_by)`,
  commentCount: sql<number>`(select count(*) from task_comment tc where tc.task_id = "task".id)`.mapWith(Number),
};

export interface TaskNames {
  partnerName: string | null;
  subjectName: string | null;
  assigneeName: string | null;
  completedByName: string | null;
  createdByName: string | null;
  commentCount: number;
}

const ref = (id: string | null, name: string | null, fallback = 'former user') => (id ? { id, name: name ?? fallback } : null);
export const isOpen = (status: string) => status === 'open' || status === 'in_progress';

/** `today` is the day in Europe/Zurich at the caller's clock: a task due before it and still open is overdue. */
export const presentTask = (t: Row, x: TaskNames, today: string): Task => ({
  id: t.id,
  title: t.title,
  description: t.description,
  subject: t.subjectType && t.subjectId ? { type: t.subjectType as TaskSubject, id: t.subjectId, name: x.subjectName ?? 'Removed record' } : null,
  partner: ref(t.partnerId, x.partnerName, 'Removed partner'),
  assignee: ref(t.assigneeId, x.assigneeName),
  dueDate: t.dueDate,
  priority: t.priority as TaskPriority,
  status: t.status as TaskStatus,
  source: t.source as TaskSource,
  overdue: isOpen(t.status) && t.dueDate !== null && t.dueDate < today,
  meetingOccurrenceId: t.meetingOccurrenceId,
  onboardingId: t.onboardingId,
  completedAt: t.completedAt?.toISOString() ?? null,
  completedBy: ref(t.completedBy, x.completedByName),
  createdBy: ref(t.createdBy, x.createdByName),
  commentCount: x.commentCount,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  version: t.version,
});

export const presentComment = (c: CommentRow, authorName: string | null): TaskComment => ({
  id: c.id,
  body: c.body,
  author: ref(c.authorId, authorName),
  createdAt: c.createdAt.toISOString(),
});

/** What the audit trail keeps of a task: its business fields, no timestamps of its own. */
export function auditableTask(t: Row) {
  const { version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = t;
  return { ...rest, completedAt: t.completedAt?.toISOString() ?? null };
}
