import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../../shared/schemas/common.js';
import {
  listNotificationsQuery,
  markedSchema,
  notificationPage,
  notificationPreferencesSchema,
  notificationSchema,
  unreadCountSchema,
  unsubscribedSchema,
  unsubscribeQuery,
  UNSUBSCRIBE_LIST_LABELS,
  updateNotificationPreferencesBody,
} from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import { notificationsPolicy } from './notifications.policy.js';
import { getPreferences, listNotifications, markAllRead, markRead, unreadCount, unsubscribe, updatePreferences } from './notifications.service.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a click on a mail's unsubscribe link opens: plain HTML, no web app, no sign-in. */
const confirmationPage = (what: string, baseUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Unsubscribed · Partnerhub</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}a{color:#1864ab}</style></head>
<body><main><h1>You are unsubscribed</h1><p>You will no longer get ${escapeHtml(what)} by e-mail.</p>
<p>Changed your mind? Choose what you get under <a href="${escapeHtml(baseUrl)}/profile">Profile → Notifications</a>.</p></main></body></html>`;

export const notificationsRoutes: FastifyPluginAsyncZod<{ db: Db; secret: string; baseUrl: string }> = async (app, { db, secret, baseUrl }) => {
  const tags = ['Notifications'];
  const own = { policy: notificationsPolicy.own };

  app.get('/api/notifications', { config: own, schema: { tags, querystring: listNotificationsQuery, response: { 200: notificationPage } } }, (req) =>
    listNotifications(db, req.actor!.id, req.query),
  );
  app.get('/api/notifications/unread-count', { config: own, schema: { tags, response: { 200: unreadCountSchema } } }, async (req) => ({
    unread: await unreadCount(db, req.actor!.id),
  }));
  app.post('/api/notifications/:id/read', { config: own, schema: { tags, params: uuidParam, response: { 200: notificationSchema } } }, (req) =>
    markRead(db, req.actor!.id, req.params.id),
  );
  app.post('/api/notifications/read-all', { config: own, schema: { tags, response: { 200: markedSchema } } }, async (req) => ({
    marked: await markAllRead(db, req.actor!.id),
  }));

  app.get('/api/me/notification-preferences', { config: own, schema: { tags, response: { 200: notificationPreferencesSchema } } }, (req) => getPreferences(db, req.actor!.id));
  app.put(
    '/api/me/notification-preferences',
    { config: own, schema: { tags, body: updateNotificationPreferencesBody, response: { 200: notificationPreferencesSchema } } },
    (req) => updatePreferences(db, req.actor!, req.body),
  );

  // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" as a form to the List-Unsubscribe URL.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const pub = { policy: notificationsPolicy.unsubscribe };
  app.get(
    '/api/unsubscribe',
    { config: pub, schema: { tags, description: 'The link in every mail: unsubscribes and shows a short confirmation page.', querystring: unsubscribeQuery, response: { 200: z.string() } } },
    async (req, reply) => {
      const list = await unsubscribe(db, secret, req.query.token);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(confirmationPage(UNSUBSCRIBE_LIST_LABELS[list], baseUrl));
    },
  );
  app.post(
    '/api/unsubscribe',
    { config: pub, schema: { tags, description: 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post).', querystring: unsubscribeQuery, response: { 200: unsubscribedSchema } } },
    async (req) => ({ list: await unsubscribe(db, secret, req.query.token), unsubscribed: true as const }),
  );
};
