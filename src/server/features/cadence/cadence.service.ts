import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partner } from '../../db/schema/index.js';
import type { Importance } from '../../../shared/partners.js';
import type { OverduePartner } from '../../../shared/schemas/task.js';
import { contactDueAt, contactIntervalDays, isContactOverdue } from './cadence.core.js';

/**
 * The cadence columns for any select over `partner`: raw SQL comes back from the drivers as text,
 * so the due time is mapped like a timestamptz column.
 */
export const cadenceFields = {
  cadenceIntervalDays: sql`${contactIntervalDays}`.mapWith(Number),
  cadenceDueAt: sql<Date | null>`${contactDueAt}`.mapWith(partner.lastContactAt),
};

export interface Cadence {
  /** Expected days between contacts: the partner's own or its importance's default. */
  intervalDays: number;
  /** Null for partners not expected to keep the rhythm (prospects, paused, offboarded, archived). */
  dueAt: Date | null;
  overdue: boolean;
}

export const cadenceOf = (x: { cadenceIntervalDays: number; cadenceDueAt: Date | null }, now: Date): Cadence => ({
  intervalDays: x.cadenceIntervalDays,
  dueAt: x.cadenceDueAt,
  overdue: x.cadenceDueAt !== null && x.cadenceDueAt.getTime() < now.getTime(),
});

/** Partners the user owns that are overdue for contact at `now`, longest overdue first. */
export async function overduePartnersOwnedBy(db: DbOrTx, userId: string, now: Date, limit = 100): Promise<OverduePartner[]> {
  const rows = await db
    .select({ id: partner.id, name: partner.name, importance: partner.importance, lastContactAt: partner.lastContactAt, ...cadenceFields })
    .from(partner)
    .where(and(eq(partner.ownerId, userId), isNull(partner.archivedAt), isContactOverdue(now)))
    .orderBy(asc(contactDueAt), asc(partner.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    importance: r.importance as Importance,
    lastContactAt: r.lastContactAt?.toISOString() ?? null,
    contactDueAt: r.cadenceDueAt!.toISOString(),
    contactIntervalDays: r.cadenceIntervalDays,
  }));
}
