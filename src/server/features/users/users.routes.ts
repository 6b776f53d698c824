import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUserBody, listUsersQuery, setPasswordBody, updateUserBody, userPage, userSchema, versionBody } from '../../../shared/schemas/user.js';
import { exportFields, idParam } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { exportUsers, userColumns } from './users.export.js';
import { usersPolicy } from './users.policy.js';
import { createUser, getUser, listUsers, setActive, setPassword, updateUser } from './users.service.js';
import { presentUser } from './users.presenter.js';

const tags = ['Users'];
const exportUsersQuery = listUsersQuery.omit({ page: true, pageSize: true }).extend(exportFields);

export const usersRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const config = { policy: usersPolicy.manage };

  app.get('/api/users', { config, schema: { tags, summary: 'List users', querystring: listUsersQuery, response: { 200: userPage } } }, (req) => listUsers(db, req.query));
  app.get(
    '/api/users/export',
    { config, schema: { tags, summary: 'The user list as CSV or XLSX (its filters and sort, the columns asked for; no paging)', querystring: exportUsersQuery } },
    (req, reply) => sendExport(req, reply, 'users', userColumns, (q) => exportUsers(db, q)),
  );

  app.get('/api/users/:id', { config, schema: { tags, summary: 'Get a user', params: idParam, response: { 200: userSchema } } }, async (req) =>
    presentUser(await getUser(db, req.params.id)),
  );

  app.post('/api/users', { config, schema: { tags, summary: 'Create a user', body: createUserBody, response: { 201: userSchema } } }, async (req, reply) =>
    reply.status(201).send(await createUser(db, app.auth, req.body, req.actor)),
  );

  app.patch('/api/users/:id', { config, schema: { tags, summary: 'Change a user’s name or role', params: idParam, body: updateUserBody, response: { 200: userSchema } } }, (req) =>
    updateUser(db, req.params.id, req.body, req.actor!),
  );

  app.post(
    '/api/users/:id/deactivate',
    { config, schema: { tags, summary: 'Deactivate a user (ends their sessions and tokens)', params: idParam, body: versionBody, response: { 200: userSchema } } },
    (req) => setActive(db, req.params.id, false, req.body.version, req.actor),
  );

  app.post('/api/users/:id/reactivate', { config, schema: { tags, summary: 'Reactivate a user', params: idParam, body: versionBody, response: { 200: userSchema } } }, (req) =>
    setActive(db, req.params.id, true, req.body.version, req.actor),
  );

  // An administrator sets a new password for someone who forgot theirs; their sessions end.
  app.put(
    '/api/users/:id/password',
    { config, schema: { tags, summary: 'Set a new password for a user (ends their sessions)', params: idParam, body: setPasswordBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await setPassword(db, app.auth, req.params.id, req.body.password, req.actor);
      return reply.status(204).send(null);
    },
  );
};
