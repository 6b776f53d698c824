import { z } from 'zod';
import { csvList, listQuery, pageOf } from '../list.js';
import { IMPORTANCE } from '../partners.js';
import { TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES, TASK_SUBJECTS } from '../rhythm.js';
import { NAME_MAX, TEXT_MAX, version } from './common.js';

export const TASK_TITLE_MAX = NAME_MAX;
export const COMMENT_MAX = 5_000;
/** Tasks one bulk action may complete. */
export const BULK_MAX = 100;
/** Open tasks that are still open: the ones "My work" and reminders care about. */
export const OPEN_TASK_STATUSES = ['open', 'in_progress'] as const;

export const taskStatus = z.enum(TASK_STATUSES);
export const taskPriority = z.enum(TASK_PRIORITIES);
export const taskSubjectType = z.enum(TASK_SUBJECTS);

/** A calendar day, as the `date` columns hold it. */
export const isoDate = z.iso.date({ error: 'must be a date such as 2026-11-30' });

const title = z.string().trim().min(1, 'is required').max(TASK_TITLE_MAX, `must be at most ${TASK_TITLE_MAX} characters`);
const description = z.string().trim().max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`).nullable();
const userId = z.string().min(1).max(64);

/** What the task hangs off; its partner is derived from it. */
export const taskSubjectBody = z.object({ type: taskSubjectType, id: z.uuid() }).strict();

export const createTaskBody = z
  .object({
    title,
    description: description.optional(),
    subject: taskSubjectBody.nullable().optional(),
    /** Left out: the creator. Null: nobody yet. */
    assigneeId: userId.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    priority: taskPriority.default('normal'),
    status: taskStatus.default('open'),
  })
  .strict();
export type CreateTaskBody = z.input<typeof createTaskBody>;

export const updateTaskBody = z
  .object({
    title: title.optional(),
    description: description.optional(),
    subject: taskSubjectBody.nullable().optional(),
    assigneeId: userId.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    priority: taskPriority.optional(),
    status: taskStatus.optional(),
    version,
  })
  .strict();
export type UpdateTaskBody = z.input<typeof updateTaskBody>;

export const completeTasksBody = z
  .object({
    ids: z
      .array(z.uuid())
      .min(1, 'needs at least one task')
      .max(BULK_MAX)
      .transform((v) => [...new Set(v)]),
  })
  .strict();
export type CompleteTasksBody = z.input<typeof completeTasksBody>;

export const taskCommentBody = z.object({ body: z.string().trim().min(1, 'is required').max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`) }).strict();
export type TaskCommentBody = z.input<typeof taskCommentBody>;

const ref = z.object({ id: z.string(), name: z.string() });

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  /** The linked record with a name to show; null for a personal to-do. */
  subject: z.object({ type: taskSubjectType, id: z.string(), name: z.string() }).nullable(),
  partner: ref.nullable(),
  assignee: ref.nullable(),
  dueDate: z.string().nullable(),
  priority: taskPriority,
  status: taskStatus,
  source: z.enum(TASK_SOURCES),
  /** Open and due before today in Europe/Zurich. */
  overdue: z.boolean(),
  meetingOccurrenceId: z.string().nullable(),
  onboardingId: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: ref.nullable(),
  createdBy: ref.nullable(),
  commentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskCommentSchema = z.object({ id: z.string(), body: z.string(), author: ref.nullable(), createdAt: z.string() });
export type TaskComment = z.infer<typeof taskCommentSchema>;
export const taskCommentList = z.object({ items: z.array(taskCommentSchema) });

export const taskDetailSchema = taskSchema.extend({ comments: z.array(taskCommentSchema) });
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const TASK_SORTS = ['dueDate', 'priority', 'status', 'createdAt', 'title'] as const;

export const listTasksQuery = listQuery(
  TASK_SORTS,
  {
    /** A user id, `me` for the caller, or `none` for unassigned tasks. */
    assigneeId: userId.optional(),
    partnerId: z.uuid().optional(),
    status: csvList(taskStatus),
    /** Due strictly before / after this day. */
    dueBefore: isoDate.optional(),
    dueAfter: isoDate.optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    subjectType: taskSubjectType.optional(),
    subjectId: z.uuid().optional(),
    onboardingId: z.uuid().optional(),
  },
  'dueDate',
);
export type ListTasksQuery = z.infer<typeof listTasksQuery>;
/** What the signed-in caller may do with a task, by the server's task rule. */
export const taskCanSchema = z.object({
  /** Change, complete or reopen it. */
  edit: z.boolean(),
  comment: z.boolean(),
});
export type TaskCan = z.infer<typeof taskCanSchema>;
/** A task as lists answer it: with what the caller may do with it. */
export const taskItemSchema = taskSchema.extend({ can: taskCanSchema });
export type TaskItem = z.infer<typeof taskItemSchema>;
export const taskDetailItemSchema = taskDetailSchema.extend({ can: taskCanSchema });
export type TaskDetailItem = z.infer<typeof taskDetailItemSchema>;
export const taskPage = pageOf(taskItemSchema);
export const taskList = z.object({ items: z.array(taskItemSchema) });

export const overduePartnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  importance: z.enum(IMPORTANCE),
  lastContactAt: z.string().nullable(),
  contactDueAt: z.string(),
  contactIntervalDays: z.number().int(),
});
export type OverduePartner = z.infer<typeof overduePartnerSchema>;

export const MY_WORK_GROUPS = ['overdue', 'today', 'thisWeek', 'later'] as const;
export type MyWorkGroup = (typeof MY_WORK_GROUPS)[number];

export const myWorkSchema = z.object({
  /** Today in Europe/Zurich, and the Sunday that ends this week. */
  today: z.string(),
  weekEnds: z.string(),
  groups: z.object({ overdue: z.array(taskSchema), today: z.array(taskSchema), thisWeek: z.array(taskSchema), later: z.array(taskSchema) }),
  /** More open tasks than the page holds. */
  truncated: z.boolean(),
  overduePartners: z.array(overduePartnerSchema),
});
export type MyWork = z.infer<typeof myWorkSchema>;
export const myWorkResponse = myWorkSchema.extend({
  groups: z.object({ overdue: z.array(taskItemSchema), today: z.array(taskItemSchema), thisWeek: z.array(taskItemSchema), later: z.array(taskItemSchema) }),
});
export type MyWorkResponse = z.infer<typeof myWorkResponse>;
