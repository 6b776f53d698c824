import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { alertPage, listAlertsQuery } from '../../../shared/schemas/alert.js';
import type { Db } from '../../db/client.js';
import { requestLocale } from '../../i18n.js';
import { signedIn } from '../../lib/policy.js';
import { listAlerts } from './alerts.service.js';

export const alertsRoutes: FastifyPluginAsyncZod<{ db: Db; now?: () => Date }> = async (app, { db, now = () => new Date() }) => {
  // Everyone may list the alerts addressed to them; the service widens it to all for Partner Managers and administrators.
  app.get(
    '/api/alerts',
    { config: { policy: signedIn }, schema: { tags: ['Alerts'], summary: 'List the deadline alerts that are due', querystring: listAlertsQuery, response: { 200: alertPage } } },
    (req) => listAlerts(db, req.query, req.actor!, now(), requestLocale(req)),
  );
};
