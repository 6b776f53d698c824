import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { session } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import type { UserSession } from '../../../shared/schemas/session.js';
import { describeUserAgent, presentSession } from './sessions.presenter.js';

/** The user's own sessions that have not expired, the most recently used first. */
export async function listMySessions(db: Db, actor: Actor): Promise<UserSession[]> {
  const rows = await db
    .select()
    .from(session)
    .where(and(eq(session.userId, actor.id), gt(session.expiresAt, sql`now()`)))
    .orderBy(desc(session.updatedAt), desc(session.createdAt));
  return rows.map((row) => presentSession(row, actor.sessionId));
}

/**
 * Ends one of the user's own sessions at once: sessions are looked up in the database on every
 * request, so the browser holding it is signed out with its next request. Another user's session
 * is "not found", whoever asks: this route manages one's own sessions only.
 */
export async function revokeMySession(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(session)
      .where(and(eq(session.id, id), eq(session.userId, actor.id)))
      .returning({ id: session.id, userAgent: session.userAgent, ipAddress: session.ipAddress, createdAt: session.createdAt });
    if (!row) throw notFound(msg('me.session'));
    // On the user's own history (admins and the user read it), never with the token.
    await recordAudit(tx, {
      actor,
      entityType: 'user',
      entityId: actor.id,
      action: 'revoke_session',
      before: { session: { id: row.id, device: describeUserAgent(row.userAgent), ipAddress: row.ipAddress, createdAt: row.createdAt.toISOString() } },
      after: { session: null },
    });
  });
}
