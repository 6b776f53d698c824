import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportFields, uuidParam } from '../../../shared/schemas/common.js';
import {
  listNotificationsQuery,
  markedSchema,
  notificationPage,
  notificationPreferencesSchema,
  notificationSchema,
  unreadCountSchema,
  unsubscribedSchema,
  unsubscribeBody,
  unsubscribeQuery,
  UNSUBSCRIBE_LIST_LABELS,
  updateNotificationPreferencesBody,
} from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import { AppError, msg } from '../../lib/errors.js';
import { sendExport } from '../../lib/table-export.js';
import { exportNotifications, notificationColumns } from './notifications.export.js';
import { notificationsPolicy } from './notifications.policy.js';
import { checkUnsubscribe, getPreferences, listNotifications, markAllRead, markRead, unreadCount, unsubscribe, updatePreferences } from './notifications.service.js';
import { confirmUnsubscribePage, unsubscribedPage } from './notifications.pages.js';

const exportNotificationsQuery = listNotificationsQuery.omit({ page: true, pageSize: true }).extend(exportFields);

export const notificationsRoutes: FastifyPluginAsyncZod<{ db: Db; secret: string; baseUrl: string }> = async (app, { db, secret, baseUrl }) => {
  const tags = ['Notifications'];
  const own = { policy: notificationsPolicy.own };

  app.get(
    '/api/notifications',
    { config: own, schema: { tags, summary: 'List one’s notifications', querystring: listNotificationsQuery, response: { 200: notificationPage } } },
    (req) => listNotifications(db, req.actor!.id, req.query),
  );
  // One's own inbox only, as the list: the actor's id scopes the query, whatever the request asks.
  app.get(
    '/api/notifications/export',
    { config: own, schema: { tags, summary: 'One’s inbox as CSV or XLSX (its unread filter and sort, the columns asked for; no paging)', querystring: exportNotificationsQuery } },
    (req, reply) =>
      sendExport(
        req,
        reply,
        'notifications',
        (t) => notificationColumns(t, baseUrl),
        (q) => exportNotifications(db, req.actor!.id, q),
      ),
  );
  app.get('/api/notifications/unread-count', { config: own, schema: { tags, summary: 'Count one’s unread notifications', response: { 200: unreadCountSchema } } }, async (req) => ({
    unread: await unreadCount(db, req.actor!.id),
  }));
  app.post(
    '/api/notifications/:id/read',
    { config: own, schema: { tags, summary: 'Mark a notification as read', params: uuidParam, response: { 200: notificationSchema } } },
    (req) => markRead(db, req.actor!.id, req.params.id),
  );
  app.post('/api/notifications/read-all', { config: own, schema: { tags, summary: 'Mark all of one’s notifications as read', response: { 200: markedSchema } } }, async (req) => ({
    marked: await markAllRead(db, req.actor!.id),
  }));

  app.get(
    '/api/me/notification-preferences',
    { config: own, schema: { tags, summary: 'Get one’s notification preferences', response: { 200: notificationPreferencesSchema } } },
    (req) => getPreferences(db, req.actor!.id),
  );
  app.put(
    '/api/me/notification-preferences',
    { config: own, schema: { tags, summary: 'Set one’s notification preferences', body: updateNotificationPreferencesBody, response: { 200: notificationPreferencesSchema } } },
    (req) => updatePreferences(db, req.body, req.actor!),
  );

  // The confirmation page's button posts a form; RFC 8058 one-click posts "List-Unsubscribe=One-Click"
  // as a form, urlencoded or (as the RFC prefers) multipart. Only these routes parse either: the
  // parsers live in a scope of their own, so no other route of this plugin receives a form.
  await app.register(async (scope) => {
    const unsubscribeScope = scope.withTypeProvider<ZodTypeProvider>();
    unsubscribeScope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    // The form's fields become the body before validation. Read here rather than by the plugin's
    // attachFieldsToBody, whose parse errors (a body that is not the multipart its header claims)
    // reached the error handler as unknown errors: a 500 for the client's mistake.
    await unsubscribeScope.register(multipart, { limits: { fieldNameSize: 100, fieldSize: 100, fields: 5, files: 0, parts: 5 } });
    unsubscribeScope.addHook('preValidation', async (req) => {
      if (!req.isMultipart()) return;
      const fields: Record<string, string> = {};
      try {
        for await (const part of req.parts()) if (part.type === 'field') fields[part.fieldname] = String(part.value);
      } catch {
        throw new AppError('bad_request', msg('notifications.unreadableForm'), [{ path: 'body', message: msg('notifications.notAForm') }]);
      }
      req.body = fields;
    });
    const pub = { policy: notificationsPolicy.unsubscribe };
    const sendPage = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
    unsubscribeScope.get(
      '/api/unsubscribe',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Show the unsubscribe confirmation page',
          description: 'The link in every mail: a page asking to confirm, with a button that POSTs to the same URL. It changes nothing (mail scanners follow links).',
          querystring: unsubscribeQuery,
          response: { 200: z.string() },
        },
      },
      async (req, reply) => {
        const { list } = await checkUnsubscribe(db, secret, req.query.token);
        return sendPage(reply, confirmUnsubscribePage(UNSUBSCRIBE_LIST_LABELS[list], req.query.token, baseUrl));
      },
    );
    unsubscribeScope.post(
      '/api/unsubscribe',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Unsubscribe from a mail list',
          description: "Unsubscribes. RFC 8058 one-click (body List-Unsubscribe=One-Click) is answered with JSON; the confirmation page's button with a page.",
          querystring: unsubscribeQuery,
          body: unsubscribeBody,
          consumes: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'],
          response: { 200: z.union([unsubscribedSchema, z.string()]) },
        },
      },
      async (req, reply) => {
        const list = await unsubscribe(db, secret, req.query.token);
        if (req.body?.['List-Unsubscribe'] === 'One-Click') return { list, unsubscribed: true as const };
        return sendPage(reply, unsubscribedPage(UNSUBSCRIBE_LIST_LABELS[list], baseUrl));
      },
    );
  });
};
