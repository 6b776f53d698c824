import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meSchema, patchMeBody } from '../../../shared/schemas/user.js';
import { sessionListSchema } from '../../../shared/schemas/session.js';
import { uuidParam } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { isLocale } from '../../../shared/i18n/locales.js';
import { signedIn, type Actor } from '../../lib/policy.js';
import { csrfTokenFor } from '../../lib/tokens.js';
import { meCan } from '../../abilities.js';
import { listMySessions, revokeMySession } from './sessions.service.js';

const PROFILE = { what: msg('me.profile'), the: msg('me.theProfile') };

export const meRoutes: FastifyPluginAsyncZod<{ db: Db; secret: string }> = async (app, { db, secret }) => {
  const tags = ['Me'];
  // The user's version and language are read fresh: the actor's copy is from the start of the request.
  const present = async (a: Actor) => {
    const [row] = await db.select({ version: user.version, locale: user.locale }).from(user).where(eq(user.id, a.id));
    return {
      user: { id: a.id, name: a.name, email: a.email, role: a.role, version: row?.version ?? 1 },
      locale: isLocale(row?.locale) ? row.locale : null,
      can: meCan(a),
      via: a.via,
      csrfToken: a.sessionId ? csrfTokenFor(secret, a.sessionId) : null,
    };
  };
  app.get('/api/me', { config: { policy: signedIn }, schema: { tags, summary: 'Get the signed-in user and the CSRF token', response: { 200: meSchema } } }, async (req) =>
    present(req.actor!),
  );
  app.patch(
    '/api/me',
    { config: { policy: signedIn }, schema: { tags, summary: 'Update one’s own name or language', body: patchMeBody, response: { 200: meSchema } } },
    async (req) => {
      const actor = req.actor!;
      const { version, ...change } = req.body;
      if (change.name === undefined && change.locale === undefined) return present(actor);
      const name = change.name ?? actor.name;
      await db.transaction(async (tx) => {
        const [before] = await tx.select({ version: user.version, locale: user.locale }).from(user).where(eq(user.id, actor.id)).for('update');
        if (!before) throw notFound(PROFILE.what);
        if (version !== undefined && version !== before.version)
          throw new AppError('version_conflict', msg('common.staleVersion', { what: PROFILE.the, sent: version, current: before.version }));
        await tx
          .update(user)
          .set({ ...change, version: sql`${user.version} + 1`, updatedAt: sql`now()` })
          .where(eq(user.id, actor.id));
        const was = { ...(change.name !== undefined && { name: actor.name }), ...(change.locale !== undefined && { locale: before.locale }) };
        await recordAudit(tx, { actor, entityType: 'user', entityId: actor.id, action: 'update', before: was, after: change });
      });
      return present({ ...actor, name });
    },
  );

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
