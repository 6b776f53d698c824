import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam } from '../../../shared/schemas/common.js';
import { listMailQuery, mailMessageSchema, mailPage } from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { exportMail, mailColumns } from './mail.export.js';
import { mailPolicy } from './mail.policy.js';
import { getMail, listMail } from './mail.service.js';

const exportMailQuery = listMailQuery.omit({ page: true, pageSize: true }).extend(exportFields);

export const mailRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['Mail'];
  const config = { policy: mailPolicy.read };
  app.get('/api/mail', { config, schema: { tags, summary: 'List sent mail', querystring: listMailQuery, response: { 200: mailPage } } }, (req) => listMail(db, req.query));
  app.get(
    '/api/mail/export',
    { config, schema: { tags, summary: 'The outbox as CSV or XLSX (its status filter and sort, the columns asked for; no paging)', querystring: exportMailQuery } },
    (req, reply) => sendExport(req, reply, 'mail', mailColumns, (q) => exportMail(db, q)),
  );
  app.get('/api/mail/:id', { config, schema: { tags, summary: 'Get a sent mail', params: uuidParam, response: { 200: mailMessageSchema } } }, (req) => getMail(db, req.params.id));
};
