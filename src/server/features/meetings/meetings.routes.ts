import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFields, uuidParam, versionBody } from '../../../shared/schemas/common.js';
import {
  createMeetingBody,
  createSeriesBody,
  meetingDetailSchema,
  meetingList,
  meetingsQuery,
  occurrenceActionBody,
  quarterlyReport,
  quarterQuery,
  seriesSchema,
  updateMeetingBody,
  updateSeriesBody,
} from '../../../shared/schemas/meeting.js';
import type { Db } from '../../db/client.js';
import { sendExport } from '../../lib/table-export.js';
import { meetingColumns } from './meetings.export.js';
import { meetingsPolicy } from './meetings.policy.js';
import { updateMeeting } from './meetings.minutes.js';
import { archiveSeries, createSeries, getSeries, listSeries, updateSeries } from './meetings.series.js';
import { actOnOccurrence, createMeeting, getMeeting, listAllMeetings, listPartnerMeetings, quarterlyReport as buildQuarterly } from './meetings.service.js';

const tags = ['Meetings'];
const exportMeetingsQuery = meetingsQuery.extend(exportFields);

export const meetingsRoutes: FastifyPluginAsyncZod<{ db: Db; now?: () => Date }> = async (app, { db, now = () => new Date() }) => {
  const read = { policy: meetingsPolicy.read };
  const write = { policy: meetingsPolicy.write };

  app.get(
    '/api/partners/:id/meeting-series',
    {
      config: read,
      schema: {
        tags,
        summary: 'List a partner’s meeting series',
        params: uuidParam,
        querystring: z.object({ archived: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(seriesSchema) }) },
      },
    },
    async (req) => ({ items: await listSeries(db, req.params.id, now(), req.query.archived === 'true') }),
  );
  app.post(
    '/api/partners/:id/meeting-series',
    { config: write, schema: { tags, summary: 'Create a meeting series for a partner', params: uuidParam, body: createSeriesBody, response: { 201: seriesSchema } } },
    async (req, reply) => reply.status(201).send(await createSeries(db, req.params.id, req.body, req.actor!, now())),
  );
  app.get('/api/meeting-series/:id', { config: read, schema: { tags, summary: 'Get a meeting series', params: uuidParam, response: { 200: seriesSchema } } }, (req) =>
    getSeries(db, req.params.id, now()),
  );
  app.patch(
    '/api/meeting-series/:id',
    { config: write, schema: { tags, summary: 'Update a meeting series', params: uuidParam, body: updateSeriesBody, response: { 200: seriesSchema } } },
    (req) => updateSeries(db, req.params.id, req.body, req.actor!, now()),
  );
  app.post(
    '/api/meeting-series/:id/archive',
    { config: write, schema: { tags, summary: 'Archive a meeting series', params: uuidParam, body: versionBody, response: { 200: seriesSchema } } },
    (req) => archiveSeries(db, req.params.id, req.body.version, req.actor!, now()),
  );
  app.post(
    '/api/meeting-series/:id/occurrences',
    {
      config: write,
      schema: { tags, summary: 'Open, move, skip or restore an occurrence of a series', params: uuidParam, body: occurrenceActionBody, response: { 200: meetingDetailSchema } },
    },
    (req) => actOnOccurrence(db, req.params.id, req.body, req.actor!),
  );

  app.get(
    '/api/partners/:id/meetings',
    { config: read, schema: { tags, summary: 'List a partner’s meetings', params: uuidParam, querystring: meetingsQuery, response: { 200: meetingList } } },
    async (req) => ({
      items: await listPartnerMeetings(db, req.params.id, req.query),
    }),
  );
  app.post(
    '/api/partners/:id/meetings',
    { config: write, schema: { tags, summary: 'Record a meeting with a partner', params: uuidParam, body: createMeetingBody, response: { 201: meetingDetailSchema } } },
    async (req, reply) => reply.status(201).send(await createMeeting(db, req.params.id, req.body, req.actor!)),
  );
  app.get('/api/meetings', { config: read, schema: { tags, summary: 'List meetings', querystring: meetingsQuery, response: { 200: meetingList } } }, async (req) => ({
    items: await listAllMeetings(db, req.query, req.actor!),
  }));
  app.get(
    '/api/meetings/export',
    { config: read, schema: { tags, summary: 'The meetings list as CSV or XLSX (its window and whose, the columns asked for)', querystring: exportMeetingsQuery } },
    // The meetings are read before the answer starts, so a window the list refuses is a 400 here too.
    (req, reply) => sendExport(req, reply, 'meetings', meetingColumns, (q) => listAllMeetings(db, q, req.actor!)),
  );
  app.get(
    '/api/meetings/quarterly',
    { config: read, schema: { tags, summary: 'Get the quarterly meeting report', querystring: quarterQuery, response: { 200: quarterlyReport } } },
    (req) => buildQuarterly(db, req.query.quarter, now()),
  );
  app.get('/api/meetings/:id', { config: read, schema: { tags, summary: 'Get a meeting', params: uuidParam, response: { 200: meetingDetailSchema } } }, (req) =>
    getMeeting(db, req.params.id),
  );
  app.patch(
    '/api/meetings/:id',
    { config: write, schema: { tags, summary: 'Update a meeting', params: uuidParam, body: updateMeetingBody, response: { 200: meetingDetailSchema } } },
    (req) => updateMeeting(db, req.params.id, req.body, req.actor!, now()),
  );
};
