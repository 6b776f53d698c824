import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam, versionBody } from '../../../shared/schemas/common.js';
import {
  boardQuery,
  boardSchema,
  changePartnerRoleBody,
  createDealStageBody,
  createOpportunityBody,
  dealPartnerBody,
  dealStageSchema,
  fxRateBody,
  fxRateParams,
  fxRateSchema,
  listDealStagesQuery,
  listFxRatesQuery,
  listOpportunitiesQuery,
  moveStageBody,
  opportunityDetailSchema,
  opportunityPage,
  partnerParams,
  pipelineQuery,
  pipelineSchema,
  stageKeyParam,
  updateDealStageBody,
  updateOpportunityBody,
} from '../../../shared/schemas/opportunity.js';
import type { Db } from '../../db/client.js';
import { requestLocale, tFor } from '../../i18n.js';
import { chooseColumns, sendTable } from '../../lib/table-export.js';
import { createDealStage, listDealStages, setDealStageArchived, updateDealStage } from './deal-stages.js';
import { deleteFxRate, listFxRates, putFxRate } from './fx-rates.js';
import { boardOf } from './opportunities.board.js';
import { exportOpportunities, opportunityColumns } from './opportunities.export.js';
import { pipelineOf } from './opportunities.pipeline.js';
import { opportunitiesPolicy } from './opportunities.policy.js';
import { getOpportunity, listOpportunities } from './opportunities.read.js';
import { changeOpportunityPartners, createOpportunity, moveOpportunityStage, setOpportunityArchived, updateOpportunity } from './opportunities.service.js';

const tags = ['Opportunities'];
const exportQuery = listOpportunitiesQuery.omit({ page: true, pageSize: true }).extend(exportFields);

export const opportunitiesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: opportunitiesPolicy.read };
  const write = { policy: opportunitiesPolicy.write };
  const detail = { 200: opportunityDetailSchema };

  app.get('/api/opportunities', { config: read, schema: { tags, summary: 'List opportunities', querystring: listOpportunitiesQuery, response: { 200: opportunityPage } } }, (req) =>
    listOpportunities(db, req.query, req.actor!),
  );
  app.get(
    '/api/opportunities/export',
    { config: read, schema: { tags, summary: 'The opportunity list as CSV or XLSX (its filters and sort, the columns asked for; no paging)', querystring: exportQuery } },
    async (req, reply) => {
      const { format, columns, lang: _lang, ...q } = req.query;
      const chosen = chooseColumns(opportunityColumns(tFor(requestLocale(req))), columns);
      return sendTable(reply, 'opportunities', format, exportOpportunities(db, q, req.actor!), chosen);
    },
  );
  app.get(
    '/api/opportunities/board',
    {
      config: read,
      schema: {
        tags,
        summary: 'The board of a quarter: open deals expected to close in it by stage, won and lost deals closed in it',
        querystring: boardQuery,
        response: { 200: boardSchema },
      },
    },
    (req) => boardOf(db, req.actor!, req.query),
  );
  app.get(
    '/api/opportunities/pipeline',
    {
      config: read,
      schema: {
        tags,
        summary: 'Weighted and unweighted open pipeline and won value per partner, owner or quarter',
        description: 'Per currency, and in CHF with each amount converted at the rate of its month; CHF figures are null and the months named when a rate is missing.',
        querystring: pipelineQuery,
        response: { 200: pipelineSchema },
      },
    },
    (req) => pipelineOf(db, req.query),
  );
  app.get('/api/opportunities/:id', { config: read, schema: { tags, summary: 'Get an opportunity with its stage history', params: uuidParam, response: detail } }, (req) =>
    getOpportunity(db, req.params.id, req.actor!),
  );
  app.post(
    '/api/opportunities',
    { config: write, schema: { tags, summary: 'Create an opportunity', body: createOpportunityBody, response: { 201: opportunityDetailSchema } } },
    async (req, reply) => reply.status(201).send(await createOpportunity(db, req.body, req.actor!)),
  );
  app.patch(
    '/api/opportunities/:id',
    { config: write, schema: { tags, summary: 'Update an opportunity', params: uuidParam, body: updateOpportunityBody, response: detail } },
    (req) => updateOpportunity(db, req.params.id, req.body, req.actor!),
  );
  app.post(
    '/api/opportunities/:id/stage',
    { config: write, schema: { tags, summary: 'Move an opportunity to another stage', params: uuidParam, body: moveStageBody, response: detail } },
    (req) => moveOpportunityStage(db, req.params.id, req.body, req.actor!),
  );
  app.post(
    '/api/opportunities/:id/archive',
    { config: write, schema: { tags, summary: 'Archive an opportunity', params: uuidParam, body: versionBody, response: detail } },
    (req) => setOpportunityArchived(db, req.params.id, true, req.body.version, req.actor!),
  );
  app.post(
    '/api/opportunities/:id/restore',
    { config: write, schema: { tags, summary: 'Restore an archived opportunity', params: uuidParam, body: versionBody, response: detail } },
    (req) => setOpportunityArchived(db, req.params.id, false, req.body.version, req.actor!),
  );
  app.post(
    '/api/opportunities/:id/partners',
    { config: write, schema: { tags, summary: 'Add a partner to an opportunity', params: uuidParam, body: dealPartnerBody, response: detail } },
    (req) => changeOpportunityPartners(db, req.params.id, { op: 'add', ...req.body }, req.actor!),
  );
  app.patch(
    '/api/opportunities/:id/partners/:partnerId',
    { config: write, schema: { tags, summary: 'Change a partner’s role in an opportunity', params: partnerParams, body: changePartnerRoleBody, response: detail } },
    (req) => changeOpportunityPartners(db, req.params.id, { op: 'role', partnerId: req.params.partnerId, role: req.body.role }, req.actor!),
  );
  app.delete(
    '/api/opportunities/:id/partners/:partnerId',
    { config: write, schema: { tags, summary: 'Remove a partner from an opportunity (never the last)', params: partnerParams, response: detail } },
    (req) => changeOpportunityPartners(db, req.params.id, { op: 'remove', partnerId: req.params.partnerId }, req.actor!),
  );

  // Stages: everyone reads them (the board, the forms); the administrator edits.
  const stageTags = ['Deal stages'];
  const admin = { policy: opportunitiesPolicy.stagesAdmin };
  app.get(
    '/api/deal-stages',
    {
      config: read,
      schema: { tags: stageTags, summary: 'List the deal stages', querystring: listDealStagesQuery, response: { 200: z.object({ items: z.array(dealStageSchema) }) } },
    },
    async (req) => ({ items: await listDealStages(db, req.query.archived) }),
  );
  app.post(
    '/api/deal-stages',
    { config: admin, schema: { tags: stageTags, summary: 'Add a deal stage', body: createDealStageBody, response: { 201: dealStageSchema } } },
    async (req, reply) => reply.status(201).send(await createDealStage(db, req.body, req.actor!)),
  );
  app.patch(
    '/api/deal-stages/:key',
    {
      config: admin,
      schema: { tags: stageTags, summary: 'Rename, re-weigh or reorder a deal stage', params: stageKeyParam, body: updateDealStageBody, response: { 200: dealStageSchema } },
    },
    (req) => updateDealStage(db, req.params.key, req.body, req.actor!),
  );
  app.post(
    '/api/deal-stages/:key/archive',
    {
      config: admin,
      schema: { tags: stageTags, summary: 'Archive a deal stage no open opportunity uses', params: stageKeyParam, body: versionBody, response: { 200: dealStageSchema } },
    },
    (req) => setDealStageArchived(db, req.params.key, true, req.body.version, req.actor!),
  );
  app.post(
    '/api/deal-stages/:key/restore',
    { config: admin, schema: { tags: stageTags, summary: 'Restore an archived deal stage', params: stageKeyParam, body: versionBody, response: { 200: dealStageSchema } } },
    (req) => setDealStageArchived(db, req.params.key, false, req.body.version, req.actor!),
  );

  // Exchange rates to CHF per month: the administrator keeps them; Partner Managers and finance read them.
  const rateTags = ['Exchange rates'];
  app.get(
    '/api/fx-rates',
    {
      config: { policy: opportunitiesPolicy.ratesRead },
      schema: { tags: rateTags, summary: 'List the monthly exchange rates to CHF', querystring: listFxRatesQuery, response: { 200: z.object({ items: z.array(fxRateSchema) }) } },
    },
    async (req) => ({ items: await listFxRates(db, req.query) }),
  );
  app.put(
    '/api/fx-rates/:month/:currency',
    {
      config: { policy: opportunitiesPolicy.ratesWrite },
      schema: { tags: rateTags, summary: 'Set the rate to CHF of a currency for a month', params: fxRateParams, body: fxRateBody, response: { 200: fxRateSchema } },
    },
    (req) => putFxRate(db, req.params.month, req.params.currency, req.body.rateToChf, req.actor!),
  );
  app.delete(
    '/api/fx-rates/:month/:currency',
    { config: { policy: opportunitiesPolicy.ratesWrite }, schema: { tags: rateTags, summary: 'Remove a month’s rate', params: fxRateParams } },
    async (req, reply) => {
      await deleteFxRate(db, req.params.month, req.params.currency, req.actor!);
      return reply.status(204).send();
    },
  );
};
