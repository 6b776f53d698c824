import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setupBody, setupStatus, userSchema } from '../../../shared/schemas/user.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { publicAccess } from '../../lib/policy.js';
import { countUsers } from '../users/users.service.js';
import { createFirstAdmin } from './setup.service.js';

const tags = ['Setup'];

export const setupRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get('/api/setup', { config: { policy: publicAccess }, schema: { tags, response: { 200: setupStatus } } }, async () => ({
    needsSetup: (await countUsers(db)) === 0,
    sso: { enabled: Boolean(config.oidc), name: config.oidc?.name ?? null },
  }));
  app.post(
    '/api/setup',
    {
      config: { policy: publicAccess, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { tags, body: setupBody, response: { 201: userSchema } },
    },
    async (req, reply) => reply.status(201).send(await createFirstAdmin(db, app.auth, req.body)),
  );
};
