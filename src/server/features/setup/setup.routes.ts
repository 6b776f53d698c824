import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setupBody, setupStatus, userSchema } from '../../../shared/schemas/user.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { msg } from '../../lib/errors.js';
import { publicAccess } from '../../lib/policy.js';
import { enforce, type Limit } from '../../lib/rate-limit.js';
import { seedDemo } from '../../seed/demo.js';
import { z } from 'zod';
import { countUsers } from '../users/index.js';
import { setupPolicy } from './setup.policy.js';
import { createFirstAdmin } from './setup.service.js';

const tags = ['Setup'];
/** First-run attempts per client address, counted in the database so the limit holds across instances. */
const SETUP_LIMIT: Limit = { max: 10, windowMs: 60_000 };

export const setupRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get(
    '/api/setup',
    { config: { policy: publicAccess }, schema: { tags, summary: 'Tell whether first-run setup is needed and whether SSO is on', response: { 200: setupStatus } } },
    async () => ({
      needsSetup: (await countUsers(db)) === 0,
      sso: { enabled: Boolean(config.oidc), name: config.oidc?.name ?? null },
    }),
  );
  app.post(
    '/api/setup',
    {
      config: { policy: publicAccess },
      onRequest: async (req) => {
        await enforce(db, `setup:${req.ip}`, SETUP_LIMIT, (seconds) => msg('setup.tooManyAttempts', { seconds }));
      },
      schema: { tags, summary: 'Create the first administrator (first run only)', body: setupBody, response: { 201: userSchema } },
    },
    async (req, reply) => reply.status(201).send(await createFirstAdmin(db, app.auth, req.body)),
  );
  app.post(
    '/api/setup/demo-data',
    {
      config: { policy: setupPolicy.demoData },
      schema: {
        tags,
        summary: 'Load the demo portfolio',
        description: 'Loads the demo portfolio (fictional partners, people and a year of timeline); only into a database without partners unless force is true.',
        body: z.object({ force: z.boolean().default(false) }).strict(),
        response: { 201: z.object({ partners: z.number(), contacts: z.number(), activities: z.number(), colleagues: z.number() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await seedDemo(db, app.auth, { force: req.body.force })),
  );
};
