import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createdFeedSchema, createFeedBody, feedList, feedSchema } from '../../../shared/schemas/calendar.js';
import { uuidParam } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { msg, notFound } from '../../lib/errors.js';
import { publicAccess, signedIn } from '../../lib/policy.js';
import { meetingsPolicy } from '../meetings/index.js';
import { renderMeeting } from './calendar.render.js';
import { requestLocale } from '../../i18n.js';
import { createFeed, feedByToken, listFeeds, revokeFeed } from './calendar.service.js';

const tags = ['Calendar'];
const ICS = 'text/calendar; charset=utf-8';

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db; baseUrl: string; now?: () => Date }> = async (app, { db, baseUrl, now = () => new Date() }) => {
  // Everyone may subscribe to their own feeds: reading meetings and deadlines is open to every role.
  const own = { policy: signedIn };
  app.get('/api/calendar-feeds', { config: own, schema: { tags, summary: 'List one’s calendar feeds', response: { 200: feedList } } }, async (req) => ({
    items: await listFeeds(db, req.actor!.id),
  }));
  app.post(
    '/api/calendar-feeds',
    { config: own, schema: { tags, summary: 'Create a calendar feed (its secret URL is shown once)', body: createFeedBody, response: { 201: createdFeedSchema } } },
    async (req, reply) => reply.status(201).send(await createFeed(db, req.body, req.actor!, baseUrl)),
  );
  app.delete('/api/calendar-feeds/:id', { config: own, schema: { tags, summary: 'Revoke a calendar feed', params: uuidParam, response: { 200: feedSchema } } }, (req) =>
    revokeFeed(db, req.params.id, req.actor!),
  );

  // Calendar programs cannot sign in: the secret in the URL is the credential.
  app.get(
    '/api/calendar/:file',
    {
      config: { policy: publicAccess },
      schema: {
        tags,
        summary: 'Read a calendar feed as iCalendar (the secret URL is the credential)',
        params: z.object({ file: z.string().max(120) }),
        produces: ['text/calendar'],
      },
    },
    async (req, reply) => {
      const token = req.params.file.replace(/\.ics$/, '');
      const body = await feedByToken(db, token, now(), baseUrl);
      if (body === null) throw notFound(msg('calendar.feed'));
      return reply.header('content-type', ICS).header('cache-control', 'private, max-age=300').header('referrer-policy', 'no-referrer').send(body);
    },
  );

  app.get(
    '/api/meetings/:id/ics',
    { config: { policy: meetingsPolicy.read }, schema: { tags, summary: 'Download a meeting as iCalendar', params: uuidParam, produces: ['text/calendar'] } },
    async (req, reply) => {
      const body = await renderMeeting(db, req.params.id, { baseUrl, locale: requestLocale(req) });
      if (body === null) throw notFound(msg('meetings.what'));
      return reply.header('content-type', ICS).header('content-disposition', `attachment; filename="meeting-${req.params.id}.ics"`).send(body);
    },
  );
};
