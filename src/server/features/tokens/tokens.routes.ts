import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createdTokenSchema, createTokenBody, tokenSchema } from '../../../shared/schemas/token.js';
import { uuidParam } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { signedIn } from '../../lib/policy.js';
import { createToken, listTokens, revokeToken } from './tokens.service.js';

const tags = ['API tokens'];

/** Personal tokens: everyone manages their own, including viewers (read-only tokens for scripts). */
export const tokensRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const config = { policy: signedIn };
  app.get('/api/tokens', { config, schema: { tags, summary: 'List one’s own API tokens', response: { 200: z.object({ items: z.array(tokenSchema) }) } } }, async (req) => ({
    items: await listTokens(db, req.actor!.id),
  }));
  app.post(
    '/api/tokens',
    { config, schema: { tags, summary: 'Create an API token (shown once)', body: createTokenBody, response: { 201: createdTokenSchema } } },
    async (req, reply) => reply.status(201).send(await createToken(db, req.actor!.id, req.body, req.actor)),
  );
  app.delete('/api/tokens/:id', { config, schema: { tags, summary: 'Revoke an API token', params: uuidParam, response: { 200: tokenSchema } } }, (req) =>
    revokeToken(db, req.actor!.id, req.params.id, req.actor),
  );
};
