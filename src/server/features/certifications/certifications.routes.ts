import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam, versionBody } from '../../../shared/schemas/common.js';
import {
  certificationList,
  certificationSchema,
  createCertificationBody,
  createUserCertificationBody,
  listCertificationsQuery,
  listUserCertificationsQuery,
  matrixQuery,
  matrixSchema,
  starterCatalogueResult,
  updateCertificationBody,
  updateUserCertificationBody,
  userCertificationList,
  userCertificationSchema,
} from '../../../shared/schemas/certification.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { certificationColumns, exportCertifications, exportHoldings, holdingColumns } from './certifications.export.js';
import { archiveHolding, createHolding, getHolding, listHoldings, updateHolding } from './certifications.holdings.js';
import { certificationMatrix, matrixCsv, matrixFileName } from './certifications.matrix.js';
import { certificationsPolicy } from './certifications.policy.js';
import { createCertification, getCertification, listCertifications, setCertificationArchived, updateCertification } from './certifications.service.js';
import { addStarterCatalogue } from './certifications.starter.js';

const tags = ['Certifications'];
const exportCertificationsQuery = listCertificationsQuery.extend(exportFields);
const exportHoldingsQuery = listUserCertificationsQuery.extend(exportFields);

export const certificationsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: certificationsPolicy.read };
  const manage = { policy: certificationsPolicy.manage };
  const record = { policy: certificationsPolicy.record };

  // The catalogue.
  app.get(
    '/api/certifications',
    { config: read, schema: { tags, summary: 'The certification catalogue of every programme', querystring: listCertificationsQuery, response: { 200: certificationList } } },
    async (req) => ({
      items: await listCertifications(db, req.query),
    }),
  );

  app.get(
    '/api/certifications/export',
    { config: read, schema: { tags, summary: 'The certification catalogue as CSV or XLSX (its filters, the columns asked for)', querystring: exportCertificationsQuery } },
    (req, reply) => sendExport(req, reply, 'certification-catalogue', certificationColumns, (q) => exportCertifications(db, q)),
  );

  app.post(
    '/api/certifications',
    { config: manage, schema: { tags, summary: 'Add a certification to the catalogue', body: createCertificationBody, response: { 201: certificationSchema } } },
    async (req, reply) => reply.status(201).send(await createCertification(db, req.body, req.actor!)),
  );

  app.post(
    '/api/certifications/starter',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add the starter programmes and certifications',
        description: 'Adds the starter programmes (AWS, CNCF, Red Hat, Microsoft) and certifications whose names are not in use; calling it again adds nothing.',
        response: { 200: starterCatalogueResult },
      },
    },
    (req) => addStarterCatalogue(db, req.actor!),
  );

  app.get(
    '/api/certifications/matrix',
    { config: read, schema: { tags, summary: 'Colleagues × certifications with effective expiry and state', querystring: matrixQuery, response: { 200: matrixSchema } } },
    (req) => certificationMatrix(db, req.query, new Date()),
  );

  app.get(
    '/api/certifications/matrix.csv',
    { config: read, schema: { tags, summary: 'The matrix as CSV: a row per colleague, a column per certification', querystring: matrixQuery } },
    async (req, reply) => {
      const m = await certificationMatrix(db, req.query, new Date());
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${matrixFileName(m)}"`)
        .send(matrixCsv(m));
    },
  );

  app.get(
    '/api/certifications/:id',
    { config: read, schema: { tags, summary: 'Get a catalogue certification', params: uuidParam, response: { 200: certificationSchema } } },
    (req) => getCertification(db, req.params.id),
  );

  app.patch(
    '/api/certifications/:id',
    { config: manage, schema: { tags, summary: 'Update a catalogue certification', params: uuidParam, body: updateCertificationBody, response: { 200: certificationSchema } } },
    (req) => updateCertification(db, req.params.id, req.body, req.actor!),
  );

  app.post(
    '/api/certifications/:id/archive',
    { config: manage, schema: { tags, summary: 'Archive a catalogue certification', params: uuidParam, body: versionBody, response: { 200: certificationSchema } } },
    (req) => setCertificationArchived(db, req.params.id, true, req.body.version, req.actor!),
  );

  app.post(
    '/api/certifications/:id/restore',
    { config: manage, schema: { tags, summary: 'Restore an archived catalogue certification', params: uuidParam, body: versionBody, response: { 200: certificationSchema } } },
    (req) => setCertificationArchived(db, req.params.id, false, req.body.version, req.actor!),
  );

  // Colleagues' certifications and planned exams.
  app.get(
    '/api/user-certifications',
    { config: read, schema: { tags, summary: 'List colleagues’ certifications', querystring: listUserCertificationsQuery, response: { 200: userCertificationList } } },
    async (req) => ({
      items: await listHoldings(db, req.query, new Date()),
    }),
  );

  app.get(
    '/api/user-certifications/export',
    {
      config: read,
      schema: { tags, summary: 'Colleagues’ certifications as CSV or XLSX (the list’s filters, the columns asked for)', querystring: exportHoldingsQuery },
    },
    (req, reply) => sendExport(req, reply, 'colleague-certifications', holdingColumns, (q) => exportHoldings(db, q, new Date())),
  );

  app.post(
    '/api/user-certifications',
    { config: record, schema: { tags, summary: 'Record a colleague’s certification', body: createUserCertificationBody, response: { 201: userCertificationSchema } } },
    async (req, reply) => reply.status(201).send(await createHolding(db, req.body, req.actor!, new Date())),
  );

  app.get(
    '/api/user-certifications/:id',
    { config: read, schema: { tags, summary: 'Get a colleague’s certification', params: uuidParam, response: { 200: userCertificationSchema } } },
    (req) => getHolding(db, req.params.id, new Date()),
  );

  app.patch(
    '/api/user-certifications/:id',
    {
      config: record,
      schema: { tags, summary: 'Update a colleague’s certification', params: uuidParam, body: updateUserCertificationBody, response: { 200: userCertificationSchema } },
    },
    (req) => updateHolding(db, req.params.id, req.body, req.actor!, new Date()),
  );

  app.post(
    '/api/user-certifications/:id/archive',
    { config: record, schema: { tags, summary: 'Archive a colleague’s certification', params: uuidParam, body: versionBody, response: { 200: userCertificationSchema } } },
    (req) => archiveHolding(db, req.params.id, req.body.version, req.actor!, new Date()),
  );
};
