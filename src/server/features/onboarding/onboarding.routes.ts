import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam } from '../../../shared/schemas/common.js';
import {
  cancelOnboardingBody,
  completeOnboardingBody,
  listOnboardingsQuery,
  onboardingListSchema,
  onboardingSchema,
  partnerOnboardingsSchema,
  startOnboardingBody,
} from '../../../shared/schemas/onboarding.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { onOnboardingStepsChanged } from '../tasks/index.js';
import { afterOnboardingTasksChanged } from './onboarding.hooks.js';
import { onboardingColumns } from './onboarding.export.js';
import { onboardingPolicy } from './onboarding.policy.js';
import { getOnboarding, listOnboardings, partnerOnboardings } from './onboarding.read.js';
import { cancelOnboarding, overrideComplete, startOnboarding } from './onboarding.service.js';

const tags = ['Onboarding'];
const exportOnboardingsQuery = listOnboardingsQuery.extend(exportFields);

export const onboardingRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // An onboarding follows its step tasks: the tasks feature tells it when they change.
  onOnboardingStepsChanged(afterOnboardingTasksChanged);
  const read = { policy: onboardingPolicy.read };
  const write = { policy: onboardingPolicy.write };
  const override = { policy: onboardingPolicy.override };

  app.get(
    '/api/partners/:id/onboarding',
    { config: read, schema: { tags, summary: 'List a partner’s onboardings', params: uuidParam, response: { 200: partnerOnboardingsSchema } } },
    (req) => partnerOnboardings(db, req.params.id, new Date()),
  );

  app.post(
    '/api/partners/:id/onboarding',
    {
      config: write,
      schema: {
        tags,
        summary: 'Start onboarding a partner with a playbook',
        description: 'Starts onboarding the partner with a playbook: each step becomes a task for the colleague holding its role; a prospect moves to onboarding.',
        params: uuidParam,
        body: startOnboardingBody,
        response: { 201: onboardingSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await startOnboarding(db, req.params.id, req.body, req.actor!, new Date())),
  );

  app.get('/api/onboardings', { config: read, schema: { tags, summary: 'List onboardings', querystring: listOnboardingsQuery, response: { 200: onboardingListSchema } } }, (req) =>
    listOnboardings(db, req.query, new Date()),
  );

  app.get(
    '/api/onboardings/export',
    { config: read, schema: { tags, summary: 'The onboardings list as CSV or XLSX (its status, the columns asked for)', querystring: exportOnboardingsQuery } },
    (req, reply) => sendExport(req, reply, 'onboardings', onboardingColumns, async (q) => (await listOnboardings(db, q, new Date())).items),
  );

  app.get('/api/onboardings/:id', { config: read, schema: { tags, summary: 'Get an onboarding with its steps', params: uuidParam, response: { 200: onboardingSchema } } }, (req) =>
    getOnboarding(db, req.params.id, new Date()),
  );

  app.post(
    '/api/onboardings/:id/complete',
    {
      config: override,
      schema: {
        tags,
        summary: 'Complete an onboarding early',
        description: 'Completes the onboarding before every step is done, with a reason; the partner becomes active and open steps stay open.',
        params: uuidParam,
        body: completeOnboardingBody,
        response: { 200: onboardingSchema },
      },
    },
    (req) => overrideComplete(db, req.params.id, req.body, req.actor!, new Date()),
  );

  app.post(
    '/api/onboardings/:id/cancel',
    {
      config: write,
      schema: {
        tags,
        summary: 'Cancel an onboarding',
        description: 'Stops the onboarding and cancels its open steps.',
        params: uuidParam,
        body: cancelOnboardingBody,
        response: { 200: onboardingSchema },
      },
    },
    (req) => cancelOnboarding(db, req.params.id, req.body, req.actor!, new Date()),
  );
};
