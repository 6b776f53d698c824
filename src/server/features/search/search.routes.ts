import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuery, searchResponse } from '../../../shared/schemas/search.js';
import type { Db } from '../../db/client.js';
import { requestLocale } from '../../i18n.js';
import { searchPolicy } from './search.policy.js';
import { search } from './search.service.js';

export const searchRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/search',
    {
      config: { policy: searchPolicy.search },
      schema: { tags: ['Search'], summary: 'Search partners, contacts and the timeline', querystring: searchQuery, response: { 200: searchResponse } },
    },
    async (req) => ({
      items: await search(db, req.query, requestLocale(req)),
    }),
  );
};
