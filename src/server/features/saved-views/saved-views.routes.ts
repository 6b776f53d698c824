import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { savedView } from '../../db/schema/index.js';
import { msg, notFound } from '../../lib/errors.js';
import { signedIn } from '../../lib/policy.js';

const resource = z.enum(['partners', 'contacts', 'opportunities']);
const viewSchema = z.object({ id: z.string(), resource, name: z.string(), query: z.record(z.string(), z.unknown()), columns: z.array(z.string()) });
const viewBody = z
  .object({
    resource,
    name: z.string().trim().min(1, 'is required').max(80),
    query: z
      .record(z.string().max(40), z.union([z.string().max(200), z.array(z.string().max(200)).max(20), z.number(), z.boolean()]))
      .refine((q) => Object.keys(q).length <= 20, 'has too many filters'),
    columns: z.array(z.string().max(40)).max(30).default([]),
  })
  .strict();
const present = (v: typeof savedView.$inferSelect) => ({ id: v.id, resource: v.resource as z.infer<typeof resource>, name: v.name, query: v.query, columns: v.columns });

/** A user's saved list views (filters, sort and chosen columns); personal, so not audited. */
export const savedViewsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const config = { policy: signedIn };
  const tags = ['Saved views'];
  app.get(
    '/api/saved-views',
    { config, schema: { tags, summary: 'List one’s saved views of a list', querystring: z.object({ resource }), response: { 200: z.object({ items: z.array(viewSchema) }) } } },
    async (req) => ({
      items: (
        await db
          .select()
          .from(savedView)
          .where(and(eq(savedView.userId, req.actor!.id), eq(savedView.resource, req.query.resource)))
          .orderBy(asc(savedView.name))
      ).map(present),
    }),
  );
  app.post('/api/saved-views', { config, schema: { tags, summary: 'Save a view of a list', body: viewBody, response: { 201: viewSchema } } }, async (req, reply) => {
    const [row] = await db
      .insert(savedView)
      .values({ ...req.body, userId: req.actor!.id })
      .returning();
    return reply.status(201).send(present(row!));
  });
  app.delete('/api/saved-views/:id', { config, schema: { tags, summary: 'Delete a saved view', params: uuidParam, response: { 204: z.null() } } }, async (req, reply) => {
    const gone = await db
      .delete(savedView)
      .where(and(eq(savedView.id, req.params.id), eq(savedView.userId, req.actor!.id)))
      .returning({ id: savedView.id });
    if (!gone.length) throw notFound(msg('savedViews.what'));
    return reply.status(204).send(null);
  });
};
