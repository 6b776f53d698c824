import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam, versionBody } from '../../../shared/schemas/common.js';
import {
  approveRegistrationBody,
  conflictList,
  createRegistrationBody,
  extendRegistrationBody,
  listRegistrationsQuery,
  registrationPage,
  registrationSchema,
  registrationStatusBody,
  rejectRegistrationBody,
  updateRegistrationBody,
} from '../../../shared/schemas/registration.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { checkedRegistration, findConflicts } from './registrations.conflicts.js';
import { approveRegistration, extendRegistration, rejectRegistration } from './registrations.decide.js';
import { exportRegistrations, registrationColumns } from './registrations.export.js';
import { registrationsPolicy } from './registrations.policy.js';
import { getRegistration, listRegistrations } from './registrations.read.js';
import { archiveRegistration, createRegistration, setRegistrationStatus, updateRegistration } from './registrations.service.js';

const tags = ['Deal registrations'];
const exportQuery = listRegistrationsQuery.omit({ page: true, pageSize: true }).extend(exportFields);

export const registrationsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: registrationsPolicy.read };
  const write = { policy: registrationsPolicy.write };
  const decide = { policy: registrationsPolicy.decide };
  const one = { params: uuidParam, response: { 200: registrationSchema } };

  app.get(
    '/api/deal-registrations',
    {
      config: read,
      schema: {
        tags,
        summary: 'List deal registrations, outbound and inbound',
        description: 'Filters: direction, status, partner, customer or partner text (q), approved ones whose protection ends on or before a day (protectedBefore).',
        querystring: listRegistrationsQuery,
        response: { 200: registrationPage },
      },
    },
    (req) => listRegistrations(db, req.query, req.actor!),
  );
  app.get(
    '/api/deal-registrations/export',
    { config: read, schema: { tags, summary: 'The registration list as CSV or XLSX (its filters and sort, the columns asked for; no paging)', querystring: exportQuery } },
    (req, reply) => sendExport(req, reply, 'deal-registrations', registrationColumns, (q) => exportRegistrations(db, q, req.actor!)),
  );
  app.get('/api/deal-registrations/:id', { config: read, schema: { tags, summary: 'Get a deal registration', ...one } }, (req) => getRegistration(db, req.params.id, req.actor!));
  app.get(
    '/api/deal-registrations/:id/conflicts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Competing registrations and open opportunities for the same customer and a common product',
        description:
          'Active registrations of the same direction and open opportunities whose customer has the same registrable domain or a similar name (legal forms ignored, typos tolerated), with at least one product in common; oldest first.',
        params: uuidParam,
        response: { 200: conflictList },
      },
    },
    async (req) => findConflicts(db, await checkedRegistration(db, req.params.id)),
  );

  app.post(
    '/api/deal-registrations',
    { config: write, schema: { tags, summary: 'Record a deal registration', body: createRegistrationBody, response: { 201: registrationSchema } } },
    async (req, reply) => reply.status(201).send(await createRegistration(db, req.body, req.actor!)),
  );
  app.patch('/api/deal-registrations/:id', { config: write, schema: { tags, summary: 'Update a deal registration', body: updateRegistrationBody, ...one } }, (req) =>
    updateRegistration(db, req.params.id, req.body, req.actor!),
  );
  app.post('/api/deal-registrations/:id/archive', { config: write, schema: { tags, summary: 'Archive a deal registration', body: versionBody, ...one } }, (req) =>
    archiveRegistration(db, req.params.id, req.body.version, req.actor!),
  );
  app.post(
    '/api/deal-registrations/:id/status',
    {
      config: write,
      schema: { tags, summary: 'Change the status as the vendor portal shows it (outbound), submit a draft or mark an approved one won', body: registrationStatusBody, ...one },
    },
    (req) => setRegistrationStatus(db, req.params.id, req.body, req.actor!),
  );
  app.post('/api/deal-registrations/:id/extend', { config: write, schema: { tags, summary: 'Extend the protection once', body: extendRegistrationBody, ...one } }, (req) =>
    extendRegistration(db, req.params.id, req.body, req.actor!),
  );
  app.post(
    '/api/deal-registrations/:id/approve',
    {
      config: decide,
      schema: {
        tags,
        summary: 'Approve an inbound registration (creates or links the opportunity, the partner as sourced)',
        description: 'A reason is required when an earlier-filed active registration conflicts. 409 when another registration for the customer and a product is approved.',
        body: approveRegistrationBody,
        ...one,
      },
    },
    (req) => approveRegistration(db, req.params.id, req.body, req.actor!),
  );
  app.post(
    '/api/deal-registrations/:id/reject',
    { config: decide, schema: { tags, summary: 'Reject an inbound registration with the reason the partner is told', body: rejectRegistrationBody, ...one } },
    (req) => rejectRegistration(db, req.params.id, req.body, req.actor!),
  );
};
