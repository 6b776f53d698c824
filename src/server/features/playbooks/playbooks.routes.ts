import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam, versionBody } from '../../../shared/schemas/common.js';
import { createPlaybookBody, listPlaybooksQuery, playbookList, playbookSchema, starterPlaybooksResult, updatePlaybookBody } from '../../../shared/schemas/playbook.js';
import type { Db } from '../../db/client.js';
import { playbooksPolicy } from './playbooks.policy.js';
import { createPlaybook, getPlaybook, listPlaybooks, setPlaybookArchived, updatePlaybook } from './playbooks.service.js';
import { addStarterPlaybooks } from './playbooks.starter.js';

const tags = ['Playbooks'];

export const playbooksRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: playbooksPolicy.read };
  const manage = { policy: playbooksPolicy.manage };

  app.get(
    '/api/playbooks',
    { config: read, schema: { tags, summary: 'List onboarding playbooks', querystring: listPlaybooksQuery, response: { 200: playbookList } } },
    async (req) => ({
      items: await listPlaybooks(db, req.query),
    }),
  );

  app.get('/api/playbooks/:id', { config: read, schema: { tags, summary: 'Get a playbook', params: uuidParam, response: { 200: playbookSchema } } }, (req) =>
    getPlaybook(db, req.params.id),
  );

  app.post('/api/playbooks', { config: manage, schema: { tags, summary: 'Create a playbook', body: createPlaybookBody, response: { 201: playbookSchema } } }, async (req, reply) =>
    reply.status(201).send(await createPlaybook(db, req.body, req.actor!)),
  );

  app.post(
    '/api/playbooks/starter',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add the starter playbooks',
        description: 'Adds the starter playbooks (one per partner type) whose names are not in use; calling it again adds nothing.',
        response: { 200: starterPlaybooksResult },
      },
    },
    (req) => addStarterPlaybooks(db, req.actor!),
  );

  app.patch(
    '/api/playbooks/:id',
    { config: manage, schema: { tags, summary: 'Update a playbook', params: uuidParam, body: updatePlaybookBody, response: { 200: playbookSchema } } },
    (req) => updatePlaybook(db, req.params.id, req.body, req.actor!),
  );

  app.post(
    '/api/playbooks/:id/archive',
    { config: manage, schema: { tags, summary: 'Archive a playbook', params: uuidParam, body: versionBody, response: { 200: playbookSchema } } },
    (req) => setPlaybookArchived(db, req.params.id, true, req.body.version, req.actor!),
  );

  app.post(
    '/api/playbooks/:id/restore',
    { config: manage, schema: { tags, summary: 'Restore an archived playbook', params: uuidParam, body: versionBody, response: { 200: playbookSchema } } },
    (req) => setPlaybookArchived(db, req.params.id, false, req.body.version, req.actor!),
  );
};
