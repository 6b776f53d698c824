import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';
import { publicAccess } from '../../lib/policy.js';

const health = z.object({
  status: z.enum(['ok', 'degraded']),
  uptimeSeconds: z.number(),
  database: z.object({ status: z.enum(['ok', 'down']), kind: z.enum(['pglite', 'postgres']), latencyMs: z.number().nullable() }),
});

/** Liveness and database reachability for load balancers; public and free of secrets. */
export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/health',
    { config: { policy: publicAccess }, schema: { tags: ['Health'], summary: 'Check that the server and its database answer', response: { 200: health, 503: health } } },
    async (_req, reply) => {
      const started = performance.now();
      let ok = true;
      try {
        await database.query('select 1');
      } catch {
        ok = false;
      }
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        uptimeSeconds: Math.round(process.uptime()),
        database: { status: ok ? ('ok' as const) : ('down' as const), kind: database.kind, latencyMs: ok ? Math.round((performance.now() - started) * 100) / 100 : null },
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
};
