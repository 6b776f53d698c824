import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam, versionBody } from '../../../shared/schemas/common.js';
import { contractPage, contractSchema, createContractBody, listContractsQuery, updateContractBody } from '../../../shared/schemas/contract.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { contractColumns, exportContracts } from './contracts.export.js';
import { contractsPolicy } from './contracts.policy.js';
import { createContract, getContract, listContracts, setContractArchived, updateContract } from './contracts.service.js';

const tags = ['Contracts'];
const exportContractsQuery = listContractsQuery.omit({ page: true, pageSize: true }).extend(exportFields);

export const contractsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: contractsPolicy.read };
  const write = { policy: contractsPolicy.write };

  app.get(
    '/api/contracts',
    {
      config: read,
      schema: {
        tags,
        summary: 'List contracts with their notice deadlines',
        description: 'Contracts with their current term end and notice deadline for today (Europe/Zurich); by default upcoming notice deadlines first.',
        querystring: listContractsQuery,
        response: { 200: contractPage },
      },
    },
    (req) => listContracts(db, req.query),
  );
  app.get(
    '/api/contracts/export',
    { config: read, schema: { tags, summary: 'The contract list as CSV or XLSX (its filters and sort, the columns asked for; no paging)', querystring: exportContractsQuery } },
    (req, reply) => sendExport(req, reply, 'contracts', contractColumns, (q) => exportContracts(db, q)),
  );

  app.get('/api/contracts/:id', { config: read, schema: { tags, summary: 'Get a contract', params: uuidParam, response: { 200: contractSchema } } }, (req) =>
    getContract(db, req.params.id),
  );

  app.post('/api/contracts', { config: write, schema: { tags, summary: 'Create a contract', body: createContractBody, response: { 201: contractSchema } } }, async (req, reply) =>
    reply.status(201).send(await createContract(db, req.body, req.actor!)),
  );

  app.patch(
    '/api/contracts/:id',
    { config: write, schema: { tags, summary: 'Update a contract', params: uuidParam, body: updateContractBody, response: { 200: contractSchema } } },
    (req) => updateContract(db, req.params.id, req.body, req.actor!),
  );

  app.post(
    '/api/contracts/:id/archive',
    { config: write, schema: { tags, summary: 'Archive a contract', params: uuidParam, body: versionBody, response: { 200: contractSchema } } },
    (req) => setContractArchived(db, req.params.id, true, req.body.version, req.actor!),
  );

  app.post(
    '/api/contracts/:id/restore',
    { config: write, schema: { tags, summary: 'Restore an archived contract', params: uuidParam, body: versionBody, response: { 200: contractSchema } } },
    (req) => setContractArchived(db, req.params.id, false, req.body.version, req.actor!),
  );
};
