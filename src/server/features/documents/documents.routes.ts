import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam, versionBody } from '../../../shared/schemas/common.js';
import { documentList, documentSchema, downloadQuery, listDocumentsQuery, newVersionFields, uploadDocumentFields } from '../../../shared/schemas/document.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { contentDisposition } from './documents.content.js';
import { documentsPolicy } from './documents.policy.js';
import { addVersion, checkNewDocument, checkNewVersion, createDocument, getDocument, listDocuments, openDownload, setDocumentArchived } from './documents.service.js';
import { receiveUpload, registerUploadRoutes } from './documents.upload.js';
import { openStorage, sweepSpool, type Storage } from './storage.js';

const tags = ['Documents'];
const file = z.file().meta({ description: 'The file, as the last part' });
const UPLOAD_HELP =
  'multipart/form-data: the fields first, then the file as the part named "file". The declared type must be allowed and agree with the content; larger than the limit → 413, HTML, SVG and scripts → 415.';

export const documentsRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config; storage?: Storage }> = async (app, { db, config, storage: given }) => {
  const storage = given ?? (await openStorage(config.files));
  void sweepSpool(storage).then((n) => {
    if (n) app.log.info(`Removed ${n} unfinished upload(s) left in ${storage.spoolDir}`);
  });
  const { maxBytes } = config.files;
  const read = { policy: documentsPolicy.read };
  const write = { policy: documentsPolicy.write };
  const upload = (fields: z.ZodObject) => ({ ...write, multipartBody: fields.extend({ file }) });

  app.get(
    '/api/documents',
    {
      config: read,
      schema: {
        tags,
        summary: 'List documents of a record or partner',
        description: 'The documents of one record (subjectType and subjectId), or every document of a partner the caller may see (partnerId).',
        querystring: listDocumentsQuery,
        response: { 200: documentList },
      },
    },
    (req) => listDocuments(db, req.query, req.actor!, maxBytes),
  );

  app.get('/api/documents/:id', { config: read, schema: { tags, summary: 'Get a document with its versions', params: uuidParam, response: { 200: documentSchema } } }, (req) =>
    getDocument(db, req.params.id, req.actor!),
  );

  await registerUploadRoutes(app, (uploads) => {
    uploads.post(
      '/api/documents',
      {
        config: upload(uploadDocumentFields),
        schema: {
          tags,
          summary: 'Upload a document',
          description: `Uploads a document (fields subjectType, subjectId, optional title). ${UPLOAD_HELP}`,
          consumes: ['multipart/form-data'],
          response: { 201: documentSchema },
        },
      },
      async (req, reply) => {
        let prepared: Awaited<ReturnType<typeof checkNewDocument>> | undefined;
        const file = await receiveUpload(req, storage, {
          maxBytes,
          fields: ['subjectType', 'subjectId', 'title'],
          onFields: async (fields) => {
            prepared = await checkNewDocument(db, fields, req.actor!);
          },
        });
        return reply.status(201).send(await createDocument(db, storage, prepared!, file, req.actor!));
      },
    );

    uploads.post(
      '/api/documents/:id/versions',
      {
        config: upload(newVersionFields),
        schema: {
          tags,
          summary: 'Upload a new version of a document',
          description: `Uploads a new version (optional field version: the document's version, to refuse a stale upload). ${UPLOAD_HELP}`,
          consumes: ['multipart/form-data'],
          params: uuidParam,
          response: { 201: documentSchema },
        },
      },
      async (req, reply) => {
        let expected: number | undefined;
        const file = await receiveUpload(req, storage, {
          maxBytes,
          fields: ['version'],
          onFields: async (fields) => {
            expected = (await checkNewVersion(db, req.params.id, fields, req.actor!)).expected;
          },
        });
        return reply.status(201).send(await addVersion(db, storage, req.params.id, expected, file, req.actor!));
      },
    );
  });

  app.post(
    '/api/documents/:id/archive',
    { config: write, schema: { tags, summary: 'Archive a document', params: uuidParam, body: versionBody, response: { 200: documentSchema } } },
    (req) => setDocumentArchived(db, req.params.id, true, req.body.version, req.actor!),
  );

  app.post(
    '/api/documents/:id/restore',
    { config: write, schema: { tags, summary: 'Restore an archived document', params: uuidParam, body: versionBody, response: { 200: documentSchema } } },
    (req) => setDocumentArchived(db, req.params.id, false, req.body.version, req.actor!),
  );

  app.get(
    '/api/documents/:id/download',
    {
      config: read,
      schema: {
        tags,
        summary: 'Download a document’s file',
        description: 'The file of a version (the current one by default), always as an attachment unless inline=1 and it is a PDF or a raster image.',
        params: uuidParam,
        querystring: downloadQuery,
      },
    },
    async (req, reply) => {
      const inline = req.query.inline === '1' || req.query.inline === 'true';
      const etag = (sha: string) => `"${sha}"`;
      const { version, body } = await openDownload(db, storage, req.params.id, req.query.version, inline, req.actor!);
      // A named version never changes: the browser may keep it. The current one is revalidated (its ETag is its hash).
      reply
        .header('Cache-Control', req.query.version ? 'private, max-age=31536000, immutable' : 'private, no-cache')
        .header('ETag', etag(version.sha256))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "sandbox; default-src 'none'")
        .header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', version.fileName));
      if (req.headers['if-none-match'] === etag(version.sha256)) {
        body.destroy();
        return reply.status(304).send();
      }
      return reply.type(version.contentType).header('Content-Length', String(version.sizeBytes)).send(body);
    },
  );
};
