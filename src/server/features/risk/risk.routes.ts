import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportFields, uuidParam, versionBody } from '../../../shared/schemas/common.js';
import {
  approveRiskAssessmentBody,
  createRiskCriterionBody,
  createRiskFindingBody,
  findingParams,
  listRiskCriteriaQuery,
  partnerRiskSchema,
  riskAssessmentSchema,
  riskCriterionList,
  riskCriterionSchema,
  riskOverview,
  riskOverviewQuery,
  riskPolicySchema,
  serviceChangeBody,
  startRiskAssessmentBody,
  starterRiskCriteriaResult,
  updateRiskAssessmentBody,
  updateRiskCriterionBody,
  updateRiskPolicyBody,
} from '../../../shared/schemas/risk.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { riskPolicy } from './risk.policy.js';
import { exportRiskOverview, riskOverviewColumns } from './risk.export.js';
import { createCriterion, listCriteria, setCriterionArchived, updateCriterion } from './risk.criteria.js';
import { getAssessment, partnerRisk, riskOverview as overview } from './risk.read.js';
import { addFinding, approveAssessment, deleteAssessment, deleteFinding, recordServiceChange, startAssessment, updateAssessment } from './risk.service.js';
import { readRiskPolicy, saveRiskPolicy } from './risk.settings.js';
import { addStarterRiskCriteria } from './risk.starter.js';

const tags = ['Supplier risk'];
const exportRiskOverviewQuery = riskOverviewQuery.extend(exportFields);

export const riskRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: riskPolicy.read };
  const write = { policy: riskPolicy.write };
  const approve = { policy: riskPolicy.approve };
  const configure = { policy: riskPolicy.configure };

  // Policy and criteria catalogue.
  app.get('/api/risk/policy', { config: read, schema: { tags, summary: 'Get the supplier risk policy', response: { 200: riskPolicySchema } } }, () => readRiskPolicy(db));
  app.put(
    '/api/risk/policy',
    { config: configure, schema: { tags, summary: 'Set the supplier risk policy', body: updateRiskPolicyBody, response: { 200: riskPolicySchema } } },
    (req) => saveRiskPolicy(db, req.body, req.actor!),
  );
  app.get(
    '/api/risk/criteria',
    { config: read, schema: { tags, summary: 'List the risk criteria', querystring: listRiskCriteriaQuery, response: { 200: riskCriterionList } } },
    async (req) => ({ items: await listCriteria(db, req.query.archived) }),
  );
  app.post(
    '/api/risk/criteria',
    { config: configure, schema: { tags, summary: 'Create a risk criterion', body: createRiskCriterionBody, response: { 201: riskCriterionSchema } } },
    async (req, reply) => reply.status(201).send(await createCriterion(db, req.body, req.actor!)),
  );
  app.post(
    '/api/risk/criteria/starter',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Add the default risk criteria',
        description: 'Adds the supplier security policy’s default criteria whose keys are not in the catalogue; calling it again adds nothing.',
        response: { 200: starterRiskCriteriaResult },
      },
    },
    (req) => addStarterRiskCriteria(db, req.actor!),
  );
  app.patch(
    '/api/risk/criteria/:id',
    { config: configure, schema: { tags, summary: 'Update a risk criterion', params: uuidParam, body: updateRiskCriterionBody, response: { 200: riskCriterionSchema } } },
    (req) => updateCriterion(db, req.params.id, req.body, req.actor!),
  );
  app.post(
    '/api/risk/criteria/:id/archive',
    { config: configure, schema: { tags, summary: 'Archive a risk criterion', params: uuidParam, body: versionBody, response: { 200: riskCriterionSchema } } },
    (req) => setCriterionArchived(db, req.params.id, true, req.body.version, req.actor!),
  );
  app.post(
    '/api/risk/criteria/:id/restore',
    { config: configure, schema: { tags, summary: 'Restore an archived risk criterion', params: uuidParam, body: versionBody, response: { 200: riskCriterionSchema } } },
    (req) => setCriterionArchived(db, req.params.id, false, req.body.version, req.actor!),
  );

  // Overview and a partner's risk.
  app.get(
    '/api/risk/overview',
    { config: read, schema: { tags, summary: 'List partners by supplier risk', querystring: riskOverviewQuery, response: { 200: riskOverview } } },
    (req) => overview(db, req.query),
  );
  app.get(
    '/api/risk/overview/export',
    {
      config: read,
      schema: { tags, summary: 'The supplier risk overview as CSV or XLSX (its filters, the columns asked for; every partner they match)', querystring: exportRiskOverviewQuery },
    },
    (req, reply) => sendExport(req, reply, 'supplier-risk', riskOverviewColumns, (q) => exportRiskOverview(db, q)),
  );
  app.get('/api/partners/:id/risk', { config: read, schema: { tags, summary: 'Get a partner’s supplier risk', params: uuidParam, response: { 200: partnerRiskSchema } } }, (req) =>
    partnerRisk(db, req.params.id),
  );
  app.post(
    '/api/partners/:id/risk/service-change',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a change of a partner’s service',
        description: 'Records a change of the service the partner provides: a risk review is due today.',
        params: uuidParam,
        body: serviceChangeBody,
        response: { 200: z.object({ riskReviewDueOn: z.string() }) },
      },
    },
    (req) => recordServiceChange(db, req.params.id, req.body.note, req.actor!),
  );

  // Assessments.
  app.post(
    '/api/partners/:id/risk-assessments',
    { config: write, schema: { tags, summary: 'Start a risk assessment of a partner', params: uuidParam, body: startRiskAssessmentBody, response: { 201: riskAssessmentSchema } } },
    async (req, reply) => reply.status(201).send(await startAssessment(db, req.params.id, req.body.reason, req.actor!)),
  );
  app.get('/api/risk-assessments/:id', { config: read, schema: { tags, summary: 'Get a risk assessment', params: uuidParam, response: { 200: riskAssessmentSchema } } }, (req) =>
    getAssessment(db, req.params.id, req.actor!),
  );
  app.patch(
    '/api/risk-assessments/:id',
    { config: write, schema: { tags, summary: 'Update a draft risk assessment', params: uuidParam, body: updateRiskAssessmentBody, response: { 200: riskAssessmentSchema } } },
    (req) => updateAssessment(db, req.params.id, req.body, req.actor!),
  );
  app.delete(
    '/api/risk-assessments/:id',
    {
      config: write,
      schema: { tags, summary: 'Delete a draft risk assessment', description: 'Deletes a draft; approved and superseded assessments are kept for good.', params: uuidParam },
    },
    async (req, reply) => {
      await deleteAssessment(db, req.params.id, req.actor!);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/risk-assessments/:id/findings',
    { config: write, schema: { tags, summary: 'Add a finding to a risk assessment', params: uuidParam, body: createRiskFindingBody, response: { 201: riskAssessmentSchema } } },
    async (req, reply) => reply.status(201).send(await addFinding(db, req.params.id, req.body, req.actor!)),
  );
  app.delete(
    '/api/risk-assessments/:id/findings/:findingId',
    { config: write, schema: { tags, summary: 'Remove a finding from a risk assessment', params: findingParams, response: { 200: riskAssessmentSchema } } },
    (req) => deleteFinding(db, req.params.id, req.params.findingId, req.actor!),
  );
  app.post(
    '/api/risk-assessments/:id/approve',
    { config: approve, schema: { tags, summary: 'Approve a risk assessment', params: uuidParam, body: approveRiskAssessmentBody, response: { 200: riskAssessmentSchema } } },
    (req) => approveAssessment(db, req.params.id, req.body.version, req.actor!),
  );
};
