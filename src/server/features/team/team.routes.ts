import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, idParam, uuidParam } from '../../../shared/schemas/common.js';
import {
  addTeamMemberBody,
  colleagueDetailSchema,
  colleaguePage,
  listColleaguesQuery,
  teamAssignmentParams,
  teamAssignmentSchema,
  teamSchema,
} from '../../../shared/schemas/team.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { colleagueColumns, exportColleagues } from './team.export.js';
import { teamPolicy } from './team.policy.js';
import { addTeamMember, getColleague, listColleagues, listTeam, removeTeamMember } from './team.service.js';

const exportColleaguesQuery = listColleaguesQuery.omit({ page: true, pageSize: true }).extend(exportFields);

export const teamRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['Team'];
  const read = { policy: teamPolicy.read };
  const write = { policy: teamPolicy.write };

  app.get(
    '/api/partners/:id/team',
    { config: read, schema: { tags, summary: 'List a partner’s account team', params: uuidParam, response: { 200: teamSchema } } },
    async (req) => ({
      items: await listTeam(db, req.params.id),
    }),
  );

  app.post(
    '/api/partners/:id/team',
    {
      config: write,
      schema: { tags, summary: 'Add a colleague to a partner’s account team', params: uuidParam, body: addTeamMemberBody, response: { 201: teamAssignmentSchema } },
    },
    async (req, reply) => reply.status(201).send(await addTeamMember(db, req.params.id, req.body, req.actor!)),
  );

  app.delete(
    '/api/partners/:id/team/:assignmentId',
    { config: write, schema: { tags, summary: 'Remove a colleague from a partner’s account team', params: teamAssignmentParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await removeTeamMember(db, req.params.id, req.params.assignmentId, req.actor!);
      return reply.status(204).send(null);
    },
  );

  const colleagues = { policy: teamPolicy.colleagues };
  app.get(
    '/api/colleagues',
    { config: colleagues, schema: { tags: ['Colleagues'], summary: 'List colleagues', querystring: listColleaguesQuery, response: { 200: colleaguePage } } },
    (req) => listColleagues(db, req.query),
  );
  app.get(
    '/api/colleagues/export',
    {
      config: colleagues,
      schema: { tags: ['Colleagues'], summary: 'The colleagues list as CSV or XLSX (its search and sort, the columns asked for; no paging)', querystring: exportColleaguesQuery },
    },
    (req, reply) => sendExport(req, reply, 'colleagues', colleagueColumns, (q) => exportColleagues(db, q)),
  );

  app.get(
    '/api/colleagues/:id',
    {
      config: colleagues,
      schema: { tags: ['Colleagues'], summary: 'Get a colleague with the partners they own or work on', params: idParam, response: { 200: colleagueDetailSchema } },
    },
    (req) => getColleague(db, req.params.id),
  );
};
