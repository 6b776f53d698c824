import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { AppError, msg, type Msg } from '../../lib/errors.js';
import { offsetOf, orderBy } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import type { AuditEntry } from '../../../shared/schemas/audit.js';
import type { Page } from '../../../shared/list.js';
import { getDocument } from '../documents/index.js';

/** Entity types whose history only administrators (or the person it is about) may read. */
const ADMIN_ONLY: Record<string, { may: (actor: Actor, entityId: string) => boolean; refused: Msg }> = {
  user: { may: (actor, id) => actor.role === 'admin' || actor.id === id, refused: msg('audit.adminOnly.user') },
  api_token: { may: (actor) => actor.role === 'admin', refused: msg('audit.adminOnly.api_token') },
};

/** Entity types whose history is read under the record's own rule (a contract's file is not every role's). */
const RECORD_RULE: Record<string, (db: Db, entityId: string, actor: Actor) => Promise<unknown>> = {
  document: getDocument,
};

export async function listAudit(db: Db, q: { entityType: string; entityId: string; page: number; pageSize: number; sort: string }, actor: Actor): Promise<Page<AuditEntry>> {
  const guard = ADMIN_ONLY[q.entityType];
  if (guard && !guard.may(actor, q.entityId)) throw new AppError('forbidden', guard.refused);
  await RECORD_RULE[q.entityType]?.(db, q.entityId, actor);
  const rows = await db
    .select({ row: auditLog, total: sql<number>`count(*) over()`.mapWith(Number) })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, q.entityType), eq(auditLog.entityId, q.entityId)))
    .orderBy(...orderBy(q.sort, { at: auditLog.at }, auditLog.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return {
    items: rows.map(({ row }) => ({
      id: row.id,
      entityType: row.entityType,
      entityId: row.entityId,
      action: row.action,
      actor: { id: row.actorId, name: row.actorName },
      at: row.at.toISOString(),
      changes: row.changes,
    })),
    page: q.page,
    pageSize: q.pageSize,
    total: rows[0]?.total ?? 0,
  };
}
