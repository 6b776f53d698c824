import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery } from '../../../shared/schemas/audit.js';
import type { Db } from '../../db/client.js';
import { signedIn } from '../../lib/policy.js';
import { listAudit } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    { config: { policy: signedIn }, schema: { tags: ['Audit'], summary: 'List audit records', querystring: auditQuery, response: { 200: auditPage } } },
    (req) => listAudit(db, req.query, req.actor!),
  );
};
