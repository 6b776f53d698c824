import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meSchema, updateMeBody } from '../../../shared/schemas/user.js';
import { sessionListSchema } from '../../../shared/schemas/session.js';
import { uuidParam } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { signedIn, type Actor } from '../../lib/policy.js';
import { csrfTokenFor } from '../../lib/tokens.js';
import { meCan } from '../../abilities.js';
import { listMySessions, revokeMySession } from './sessions.service.js';

export const meRoutes: FastifyPluginAsyncZod<{ db: Db; secret: string }> = async (app, { db, secret }) => {
  const tags = ['Me'];
  const present = (a: Actor) => ({
    user: { id: a.id, name: a.name, email: a.email, role: a.role },
    can: meCan(a),
    via: a.via,
    csrfToken: a.sessionId ? csrfTokenFor(secret, a.sessionId) : null,
  });
  app.get('/api/me', { config: { policy: signedIn }, schema: { tags, summary: 'Get the signed-in user and the CSRF token', response: { 200: meSchema } } }, async (req) =>
    present(req.actor!),
  );
  app.patch('/api/me', { config: { policy: signedIn }, schema: { tags, summary: 'Update one’s own profile', body: updateMeBody, response: { 200: meSchema } } }, async (req) => {
    const actor = req.actor!;
    await db.transaction(async (tx) => {
      await tx
        .update(user)
        .set({ name: req.body.name, version: sql`${user.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(user.id, actor.id)));
      await recordAudit(tx, { actor, entityType: 'user', entityId: actor.id, action: 'update', before: { name: actor.name }, after: { name: req.body.name } });
    });
    return present({ ...actor, name: req.body.name });
  });

  // One's own browser sessions, to spot and end one left signed in elsewhere. Never their tokens.
  const sessionTags = ['Me', 'Sessions'];
  app.get(
    '/api/me/sessions',
    { config: { policy: signedIn }, schema: { tags: sessionTags, summary: 'List one’s own browser sessions', response: { 200: sessionListSchema } } },
    async (req) => ({
      items: await listMySessions(db, req.actor!),
    }),
  );
  app.delete(
    '/api/me/sessions/:id',
    { config: { policy: signedIn }, schema: { tags: sessionTags, summary: 'End one of one’s own browser sessions', params: uuidParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await revokeMySession(db, req.params.id, req.actor!);
      return reply.status(204).send(null);
    },
  );
};
