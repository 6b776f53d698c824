import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';
import { AppError, msg, notFound, type Msg } from './errors.js';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * A kind of record as errors name it: `what` heads "… was not found", `the` fills "The … was changed
 * by someone else" (English needs it lower-case there, German with its article). A plain string is
 * English not yet moved to the catalogue.
 */
export type RecordKind = string | { what: Msg; the: Msg };
const kindOf = (kind: RecordKind) => (typeof kind === 'string' ? { what: kind, the: kind.toLowerCase() } : kind);

/**
 * Optimistic concurrency: updates the row only if it still has the version the client edited.
 * No row means someone else changed it (409) or it does not exist (404); nothing is written.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: DbOrTx,
  table: T,
  id: string,
  expected: number,
  values: PgUpdateSetSource<T>,
  what: RecordKind,
): Promise<T['$inferSelect']> {
  const rows = (await tx
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, id), eq(table.version, expected)))
    .returning()) as T['$inferSelect'][];
  if (rows[0]) return rows[0];
  const [current] = (await tx
    .select({ version: table.version })
    .from(table as PgTable)
    .where(eq(table.id, id))) as { version: number }[];
  const kind = kindOf(what);
  if (!current) throw notFound(kind.what);
  throw staleVersion(what, expected, current.version);
}

/** Locks a row for the rest of the transaction and returns it, or 404. */
export async function lockRow<T extends VersionedTable>(tx: DbOrTx, table: T, id: string, what: RecordKind): Promise<T['$inferSelect']> {
  const rows = (await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('update')) as T['$inferSelect'][];
  if (!rows[0]) throw notFound(kindOf(what).what);
  return rows[0];
}

/** 409 for a write that carried an older version than the record has now. */
export const staleVersion = (kind: RecordKind, sent: number, current: number) =>
  new AppError('version_conflict', msg('common.staleVersion', { what: kindOf(kind).the, sent, current }));
