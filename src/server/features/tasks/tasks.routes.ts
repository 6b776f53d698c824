import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam } from '../../../shared/schemas/common.js';
import {
  completeTasksBody,
  createTaskBody,
  listTasksQuery,
  myWorkResponse,
  taskCommentBody,
  taskCommentList,
  taskCommentSchema,
  taskDetailItemSchema,
  taskList,
  taskPage,
  updateTaskBody,
  type TaskDetail,
} from '../../../shared/schemas/task.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import { sendExport } from '../../lib/table-export.js';
import { withTaskCan } from './tasks.can.js';
import { exportMyWork, exportTasks, myWorkColumns, taskColumns } from './tasks.export.js';
import { myWork } from './tasks.mywork.js';
import { tasksPolicy } from './tasks.policy.js';
import { addComment, completeTasks, createTask, getTask, listComments, listTasks, updateTask } from './tasks.service.js';

const tags = ['Tasks'];
const exportTasksQuery = listTasksQuery.omit({ page: true, pageSize: true }).extend(exportFields);
const exportMyWorkQuery = z.object(exportFields);

export const tasksRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: tasksPolicy.read };
  const write = { policy: tasksPolicy.write };
  const one = async (actor: Actor, t: TaskDetail) => (await withTaskCan(db, actor, [t]))[0]!;

  app.get('/api/tasks', { config: read, schema: { tags, summary: 'List tasks', querystring: listTasksQuery, response: { 200: taskPage } } }, async (req) => {
    const page = await listTasks(db, req.query, req.actor!);
    return { ...page, items: await withTaskCan(db, req.actor!, page.items) };
  });

  app.get(
    '/api/tasks/export',
    { config: read, schema: { tags, summary: 'The task list as CSV or XLSX (its filters and sort, the columns asked for; no paging)', querystring: exportTasksQuery } },
    (req, reply) => sendExport(req, reply, 'tasks', taskColumns, (q) => exportTasks(db, q, req.actor!)),
  );

  app.post('/api/tasks', { config: write, schema: { tags, summary: 'Create a task', body: createTaskBody, response: { 201: taskDetailItemSchema } } }, async (req, reply) =>
    reply.status(201).send(await one(req.actor!, await createTask(db, req.body, req.actor!))),
  );

  app.post(
    '/api/tasks/complete',
    { config: write, schema: { tags, summary: 'Complete several tasks at once', body: completeTasksBody, response: { 200: taskList } } },
    async (req) => ({
      items: await withTaskCan(db, req.actor!, (await completeTasks(db, req.body.ids, req.actor!)).items),
    }),
  );

  app.get('/api/tasks/:id', { config: read, schema: { tags, summary: 'Get a task', params: uuidParam, response: { 200: taskDetailItemSchema } } }, async (req) =>
    one(req.actor!, await getTask(db, req.params.id)),
  );

  app.patch(
    '/api/tasks/:id',
    { config: write, schema: { tags, summary: 'Update a task', params: uuidParam, body: updateTaskBody, response: { 200: taskDetailItemSchema } } },
    async (req) => one(req.actor!, await updateTask(db, req.params.id, req.body, req.actor!)),
  );

  app.get('/api/tasks/:id/comments', { config: read, schema: { tags, summary: 'List a task’s comments', params: uuidParam, response: { 200: taskCommentList } } }, (req) =>
    listComments(db, req.params.id),
  );

  app.post(
    '/api/tasks/:id/comments',
    { config: write, schema: { tags, summary: 'Comment on a task', params: uuidParam, body: taskCommentBody, response: { 201: taskCommentSchema } } },
    async (req, reply) => reply.status(201).send(await addComment(db, req.params.id, req.body.body, req.actor!)),
  );

  app.get(
    '/api/my-work',
    { config: read, schema: { tags, summary: 'Get one’s open tasks by due date and partners overdue for contact', response: { 200: myWorkResponse } } },
    async (req) => {
      const work = await myWork(db, req.actor!);
      const g = work.groups;
      const [overdue, today, thisWeek, later] = await Promise.all([g.overdue, g.today, g.thisWeek, g.later].map((items) => withTaskCan(db, req.actor!, items)));
      return { ...work, groups: { overdue: overdue!, today: today!, thisWeek: thisWeek!, later: later! } };
    },
  );

  app.get(
    '/api/my-work/export',
    { config: read, schema: { tags, summary: 'One’s open tasks as My work shows them, as CSV or XLSX (the columns asked for; no cap)', querystring: exportMyWorkQuery } },
    (req, reply) => sendExport(req, reply, 'my-work', myWorkColumns, () => exportMyWork(db, req.actor!)),
  );
};
