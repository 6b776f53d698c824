import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam, versionBody } from '../../../shared/schemas/common.js';
import { LOCALES } from '../../../shared/i18n/locales.js';
import {
  agreementPage,
  agreementSchema,
  createAgreementBody,
  createStatementBody,
  listAgreementsQuery,
  listStatementsQuery,
  payStatementBody,
  recomputeResultSchema,
  statementDetailSchema,
  statementPage,
  unpaidSchema,
  updateAgreementBody,
} from '../../../shared/schemas/kickback.js';
import type { Db } from '../../db/client.js';
import { requestLocale, tFor } from '../../i18n.js';
import { exportDay, sendExport, tableStream } from '../../lib/table-export.js';
import { createAgreement, getAgreement, listAgreements, recomputeAgreementNow, setAgreementArchived, updateAgreement } from './agreements.service.js';
import { kickbacksPolicy } from './kickbacks.policy.js';
import { exportStatements, lineColumns, statementColumns } from './statements.export.js';
import { statementPdf } from './statements.pdf.js';
import { approveStatement, createStatement, getStatement, listStatements, payStatement, unpaidCommissions } from './statements.service.js';

const tags = ['Kickbacks'];
const read = { policy: kickbacksPolicy.read };
const manage = { policy: kickbacksPolicy.manage };
const payout = { policy: kickbacksPolicy.payout };
const exportStatementsQuery = listStatementsQuery.omit({ page: true, pageSize: true }).extend(exportFields);
const langQuery = z.object({ lang: z.enum(LOCALES).optional() });

export const kickbacksRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // ---- agreements --------------------------------------------------------------------------
  app.get(
    '/api/kickback-agreements',
    { config: read, schema: { tags, summary: 'List kickback agreements', querystring: listAgreementsQuery, response: { 200: agreementPage } } },
    (req) => listAgreements(db, req.query, req.actor!, requestLocale(req)),
  );
  app.get('/api/kickback-agreements/:id', { config: read, schema: { tags, summary: 'Get a kickback agreement', params: uuidParam, response: { 200: agreementSchema } } }, (req) =>
    getAgreement(db, req.params.id, req.actor!, requestLocale(req)),
  );
  app.post(
    '/api/kickback-agreements',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a kickback agreement with a consultant or reseller',
        description:
          "One kind: first_year_pct (rateBp), mrr_pct_months (rateBp, months), flat_per_deal (flatMinor), tiered (tiers from 0 ascending, tierMode). Basis 'won' computes lines as deals are won; 'invoice_paid' earns when invoices are paid, which arrive with issue 15: nothing is computed for it yet.",
        body: createAgreementBody,
        response: { 201: agreementSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createAgreement(db, req.body, req.actor!, requestLocale(req))),
  );
  app.patch(
    '/api/kickback-agreements/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a kickback agreement (its lines follow by differences dated today)',
        params: uuidParam,
        body: updateAgreementBody,
        response: { 200: agreementSchema },
      },
    },
    (req) => updateAgreement(db, req.params.id, req.body, req.actor!, requestLocale(req)),
  );
  app.post(
    '/api/kickback-agreements/:id/archive',
    {
      config: manage,
      schema: { tags, summary: 'Archive a kickback agreement (it earns nothing new; its lines stay)', params: uuidParam, body: versionBody, response: { 200: agreementSchema } },
    },
    (req) => setAgreementArchived(db, req.params.id, true, req.body.version, req.actor!, requestLocale(req)),
  );
  app.post(
    '/api/kickback-agreements/:id/restore',
    { config: manage, schema: { tags, summary: 'Restore an archived kickback agreement', params: uuidParam, body: versionBody, response: { 200: agreementSchema } } },
    (req) => setAgreementArchived(db, req.params.id, false, req.body.version, req.actor!, requestLocale(req)),
  );
  app.post(
    '/api/kickback-agreements/:id/recompute',
    {
      config: manage,
      schema: { tags, summary: 'Recompute every deal of an agreement (idempotent: a second run adds no line)', params: uuidParam, response: { 200: recomputeResultSchema } },
    },
    (req) => recomputeAgreementNow(db, req.params.id, req.actor!, requestLocale(req)),
  );

  // ---- statements --------------------------------------------------------------------------
  app.get(
    '/api/commission-statements',
    { config: read, schema: { tags, summary: 'List commission statements', querystring: listStatementsQuery, response: { 200: statementPage } } },
    (req) => listStatements(db, req.query, req.actor!),
  );
  app.get(
    '/api/commission-statements/export',
    { config: read, schema: { tags, summary: 'The statements list as CSV or XLSX (its filters and sort; no paging)', querystring: exportStatementsQuery } },
    (req, reply) => sendExport(req, reply, 'commission-statements', statementColumns, (q) => exportStatements(db, q, req.actor!)),
  );
  app.get(
    '/api/commission-statements/unpaid',
    {
      config: read,
      schema: { tags, summary: 'Unpaid commissions per partner and currency: due and approved statements, and lines no statement holds yet', response: { 200: unpaidSchema } },
    },
    () => unpaidCommissions(db),
  );
  app.get(
    '/api/commission-statements/:id',
    { config: read, schema: { tags, summary: 'Get a commission statement with its lines and total', params: uuidParam, response: { 200: statementDetailSchema } } },
    (req) => getStatement(db, req.params.id, req.actor!),
  );
  app.get(
    '/api/commission-statements/:id/pdf',
    { config: read, schema: { tags, summary: "A commission statement as PDF, in the reader's language (?lang=de|en)", params: uuidParam, querystring: langQuery } },
    async (req, reply) => {
      const s = await getStatement(db, req.params.id, req.actor!);
      const pdf = await statementPdf(s, requestLocale(req));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="commission-statement-${s.periodStart}-${s.currency}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  app.get(
    '/api/commission-statements/:id/csv',
    { config: read, schema: { tags, summary: "A commission statement's lines as CSV, in the reader's language (?lang=de|en)", params: uuidParam, querystring: langQuery } },
    async (req, reply) => {
      const s = await getStatement(db, req.params.id, req.actor!);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="commission-statement-${s.periodStart}-${s.currency}-${exportDay()}.csv"`)
        .header('cache-control', 'no-store')
        .send(tableStream('csv', s.lines, lineColumns(tFor(requestLocale(req)))));
    },
  );
  app.post(
    '/api/commission-statements',
    {
      config: manage,
      schema: {
        tags,
        summary: "Draw up a partner's statement for a period (a quarter by default) and currency",
        description:
          'It takes every line of the partner in that currency earned up to the period end that no statement holds yet. 409 when the period has one; 400 when no line waits.',
        body: createStatementBody,
        response: { 201: statementDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createStatement(db, req.body, req.actor!)),
  );
  app.post(
    '/api/commission-statements/:id/approve',
    { config: payout, schema: { tags, summary: 'Approve a due statement for payment (finance)', params: uuidParam, body: versionBody, response: { 200: statementDetailSchema } } },
    (req) => approveStatement(db, req.params.id, req.body.version, req.actor!),
  );
  app.post(
    '/api/commission-statements/:id/pay',
    {
      config: payout,
      schema: { tags, summary: 'Record the payment of an approved statement (finance)', params: uuidParam, body: payStatementBody, response: { 200: statementDetailSchema } },
    },
    (req) => payStatement(db, req.params.id, req.body, req.actor!),
  );
};
