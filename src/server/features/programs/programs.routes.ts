import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam, versionBody } from '../../../shared/schemas/common.js';
import { zurichDate } from '../../../shared/days.js';
import {
  checklistDoneBody,
  createProgramBody,
  listProgramsQuery,
  programDetailList,
  programDetailSchema,
  programList,
  putLevelsBody,
  updateProgramBody,
} from '../../../shared/schemas/programs.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { exportPrograms, programColumns } from './programs.export.js';
import { programsPolicy } from './programs.policy.js';
import { createProgram, getProgram, listPrograms, partnerPrograms, putLevels, setChecklistDone, setProgramArchived, updateProgram } from './programs.service.js';

const tags = ['Programs'];
const exportProgramsQuery = listProgramsQuery.extend(exportFields);

export const programsRoutes: FastifyPluginAsyncZod<{ db: Db; now?: () => Date }> = async (app, { db, now = () => new Date() }) => {
  const read = { policy: programsPolicy.read };
  const manage = { policy: programsPolicy.manage };
  const today = () => zurichDate(now());

  app.get('/api/programs', { config: read, schema: { tags, summary: 'List partner programmes', querystring: listProgramsQuery, response: { 200: programList } } }, async (req) => ({
    items: await listPrograms(db, req.query, today()),
  }));

  app.get(
    '/api/programs/export',
    { config: read, schema: { tags, summary: 'The partner programmes list as CSV or XLSX (in use, archived or all; the columns asked for)', querystring: exportProgramsQuery } },
    (req, reply) => sendExport(req, reply, 'programmes', programColumns, (q) => exportPrograms(db, q, today())),
  );

  app.get(
    '/api/programs/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a programme with its levels and where we stand',
        description: 'The programme, its ladder and where we stand today: every level met or not with its gaps, the held level’s forecast, the next level.',
        params: uuidParam,
        response: { 200: programDetailSchema },
      },
    },
    (req) => getProgram(db, req.params.id, today()),
  );

  app.get(
    '/api/partners/:id/programs',
    { config: read, schema: { tags, summary: 'List the programmes of a partner', params: uuidParam, response: { 200: programDetailList } } },
    async (req) => ({
      items: await partnerPrograms(db, req.params.id, today()),
    }),
  );

  app.post(
    '/api/programs',
    { config: manage, schema: { tags, summary: 'Create a partner programme', body: createProgramBody, response: { 201: programDetailSchema } } },
    async (req, reply) => reply.status(201).send(await createProgram(db, req.body, req.actor!, today())),
  );

  app.patch(
    '/api/programs/:id',
    { config: manage, schema: { tags, summary: 'Update a partner programme', params: uuidParam, body: updateProgramBody, response: { 200: programDetailSchema } } },
    (req) => updateProgram(db, req.params.id, req.body, req.actor!, today()),
  );

  app.post(
    '/api/programs/:id/archive',
    { config: manage, schema: { tags, summary: 'Archive a partner programme', params: uuidParam, body: versionBody, response: { 200: programDetailSchema } } },
    (req) => setProgramArchived(db, req.params.id, true, req.body.version, req.actor!, today()),
  );

  app.post(
    '/api/programs/:id/restore',
    { config: manage, schema: { tags, summary: 'Restore an archived partner programme', params: uuidParam, body: versionBody, response: { 200: programDetailSchema } } },
    (req) => setProgramArchived(db, req.params.id, false, req.body.version, req.actor!, today()),
  );

  app.put(
    '/api/programs/:id/levels',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Replace a programme’s levels and requirements',
        description: 'Replaces the ladder (levels in rank order, requirements, checklist items). Give ids of existing levels and items to keep them and their ticks.',
        params: uuidParam,
        body: putLevelsBody,
        response: { 200: programDetailSchema },
      },
    },
    (req) => putLevels(db, req.params.id, req.body, req.actor!, today()),
  );

  app.post(
    '/api/checklist-items/:id/done',
    { config: manage, schema: { tags, summary: 'Tick a programme checklist item', params: uuidParam, body: checklistDoneBody, response: { 200: programDetailSchema } } },
    (req) => setChecklistDone(db, req.params.id, req.body, req.actor!, today()),
  );

  app.post(
    '/api/checklist-items/:id/undone',
    { config: manage, schema: { tags, summary: 'Untick a programme checklist item', params: uuidParam, body: versionBody, response: { 200: programDetailSchema } } },
    (req) => setChecklistDone(db, req.params.id, { version: req.body.version, evidence: null }, req.actor!, today()),
  );
};
