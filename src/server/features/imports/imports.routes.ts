import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam, versionBody } from '../../../shared/schemas/common.js';
import {
  IMPORT_KINDS,
  IMPORT_MAX_BYTES,
  importCommitBody,
  importCommitResult,
  importDecisionsBody,
  importMappingBody,
  importPage,
  importRowPage,
  importSchema,
  listImportRowsQuery,
  listImportsQuery,
  type ImportKind,
} from '../../../shared/schemas/import.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { requestLocale } from '../../i18n.js';
import { AppError, fieldError, msg } from '../../lib/errors.js';
import { openStorage, receiveUpload, registerUploadRoutes, removeQuietly } from '../documents/index.js';
import { commitImport, undoImport } from './imports.commit.js';
import { formatOf } from './imports.parse.js';
import { importsPolicy } from './imports.policy.js';
import { presentError } from './imports.presenter.js';
import { createImport, getImport, listImports, listRows, setDecisions, setMapping } from './imports.service.js';

const tags = ['Imports'];
const UPLOAD_HELP =
  'multipart/form-data: the field "kind" (partners or contacts), then the file (CSV or XLSX) as the part named "file". The answer proposes a mapping from the header and judges every row with it.';

export const importsRoutes: FastifyPluginAsyncZod<{ database: Database; config: Config }> = async (app, { database, config }) => {
  const db = database.db;
  const storage = await openStorage(config.files);
  const manage = { policy: importsPolicy.manage };
  const detail = async (id: string, actor: Parameters<typeof getImport>[2]) => getImport(db, id, actor);

  app.get('/api/imports', { config: manage, schema: { tags, summary: 'List imports, newest first', querystring: listImportsQuery, response: { 200: importPage } } }, (req) =>
    listImports(db, req.query, req.actor!),
  );

  await registerUploadRoutes(app, (uploads) => {
    uploads.post(
      '/api/imports',
      {
        config: { ...manage, multipartBody: z.object({ kind: z.enum(IMPORT_KINDS), file: z.file().meta({ description: 'The file, as the last part' }) }) },
        schema: { tags, summary: 'Upload a file to import', description: UPLOAD_HELP, consumes: ['multipart/form-data'], response: { 201: importSchema } },
      },
      async (req, reply) => {
        let kind: ImportKind | undefined;
        const file = await receiveUpload(req, storage, {
          maxBytes: IMPORT_MAX_BYTES,
          fields: ['kind'],
          onFields: async (fields) => {
            if (!IMPORT_KINDS.includes(fields.kind as ImportKind)) throw fieldError('body.kind', msg('imports.kind'));
            kind = fields.kind as ImportKind;
          },
        });
        try {
          const format = await formatOf(file.path, file.fileName);
          const created = await createImport(db, { path: file.path, fileName: file.fileName, format }, kind!, req.actor!);
          return reply.status(201).send(await detail(created.id, req.actor!));
        } finally {
          await removeQuietly(file.path);
        }
      },
    );
  });

  app.get(
    '/api/imports/:id',
    { config: manage, schema: { tags, summary: 'Get an import, with its progress while it commits', params: uuidParam, response: { 200: importSchema } } },
    (req) => detail(req.params.id, req.actor!),
  );
  app.get(
    '/api/imports/:id/rows',
    {
      config: manage,
      schema: { tags, summary: 'Preview an import’s rows with their errors and duplicates', params: uuidParam, querystring: listImportRowsQuery, response: { 200: importRowPage } },
    },
    (req) => listRows(db, req.params.id, req.query, requestLocale(req)),
  );
  app.put(
    '/api/imports/:id/mapping',
    {
      config: manage,
      schema: { tags, summary: 'Map the columns to fields and judge every row again', params: uuidParam, body: importMappingBody, response: { 200: importSchema } },
    },
    async (req) => {
      await setMapping(db, req.params.id, req.body, req.actor!);
      return detail(req.params.id, req.actor!);
    },
  );
  app.patch(
    '/api/imports/:id/rows',
    { config: manage, schema: { tags, summary: 'Decide what to do with duplicates', params: uuidParam, body: importDecisionsBody, response: { 200: importSchema } } },
    async (req) => {
      await setDecisions(db, req.params.id, req.body, req.actor!);
      return detail(req.params.id, req.actor!);
    },
  );
  app.post(
    '/api/imports/:id/commit',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Commit an import (all rows or none), or try it as a dry run',
        description:
          'Writes every row to create or update through the partners’ or contacts’ rules, in one transaction. A dry run does the same and rolls it back. A commit where any row fails writes nothing and answers 400 naming the rows.',
        params: uuidParam,
        body: importCommitBody,
        response: { 200: importCommitResult },
      },
    },
    async (req) => {
      const locale = requestLocale(req);
      const out = await commitImport(db, req.params.id, { ...req.body, shareProgress: database.kind === 'postgres' }, req.actor!);
      const mapping = out.record.mapping;
      const errors = out.errors.map((e) => presentError(locale, mapping, e.row, e));
      if (!out.dryRun && errors.length) {
        throw new AppError(
          'validation_failed',
          msg('imports.commitFailed', { count: new Set(errors.map((e) => e.row)).size }),
          errors.map((e) => ({ path: `rows.${e.row}${e.field ? `.${e.field}` : ''}`, message: e.message })),
        );
      }
      return { dryRun: out.dryRun, created: out.created, updated: out.updated, skipped: out.skipped, errors, import: await detail(req.params.id, req.actor!) };
    },
  );
  app.post(
    '/api/imports/:id/undo',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Undo a committed import',
        description: 'Archives what it created and puts back what it updated, while no record it wrote was changed since; else 409 naming them.',
        params: uuidParam,
        body: versionBody,
        response: { 200: importSchema },
      },
    },
    async (req) => {
      await undoImport(db, req.params.id, req.body.version, req.actor!);
      return detail(req.params.id, req.actor!);
    },
  );
};
