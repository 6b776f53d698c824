import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';
import { AppError, notFound } from './errors.js';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

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
  what: string,
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
  if (!current) throw notFound(what);
  throw new AppError(
    'version_conflict',
    `The ${what.toLowerCase()} was changed by someone else (you sent version ${expected}, it is now ${current.version}). Reload and try again.`,
  );
}

/** Locks a row for the rest of the transaction and returns it, or 404. */
export async function lockRow<T extends VersionedTable>(tx: DbOrTx, table: T, id: string, what: string): Promise<T['$inferSelect']> {
  const rows = (await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('update')) as T['$inferSelect'][];
  if (!rows[0]) throw notFound(what);
  return rows[0];
}
