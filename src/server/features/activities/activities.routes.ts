import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityPage, activitySchema, createActivityBody, listActivitiesQuery, updateActivityBody } from '../../../shared/schemas/activity.js';
import { uuidParam } from '../../../shared/schemas/common.js';
import { versionBody } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { activitiesPolicy } from './activities.policy.js';
import { createActivity, getActivity, listActivities, setArchived, updateActivity } from './activities.service.js';

const tags = ['Timeline'];

export const activitiesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: activitiesPolicy.read };
  const write = { policy: activitiesPolicy.write };

  app.get('/api/activities', { config: read, schema: { tags, summary: 'List timeline entries', querystring: listActivitiesQuery, response: { 200: activityPage } } }, (req) =>
    listActivities(db, req.query),
  );

  app.get('/api/activities/:id', { config: read, schema: { tags, summary: 'Get a timeline entry', params: uuidParam, response: { 200: activitySchema } } }, (req) =>
    getActivity(db, req.params.id),
  );

  app.post(
    '/api/activities',
    { config: write, schema: { tags, summary: 'Log a timeline entry', body: createActivityBody, response: { 201: activitySchema } } },
    async (req, reply) => reply.status(201).send(await createActivity(db, req.body, req.actor!)),
  );

  app.patch(
    '/api/activities/:id',
    { config: write, schema: { tags, summary: 'Update a timeline entry', params: uuidParam, body: updateActivityBody, response: { 200: activitySchema } } },
    (req) => updateActivity(db, req.params.id, req.body, req.actor!),
  );

  app.post(
    '/api/activities/:id/archive',
    { config: write, schema: { tags, summary: 'Archive a timeline entry', params: uuidParam, body: versionBody, response: { 200: activitySchema } } },
    (req) => setArchived(db, req.params.id, true, req.body.version, req.actor!),
  );

  app.post(
    '/api/activities/:id/restore',
    { config: write, schema: { tags, summary: 'Restore an archived timeline entry', params: uuidParam, body: versionBody, response: { 200: activitySchema } } },
    (req) => setArchived(db, req.params.id, false, req.body.version, req.actor!),
  );
};
