import type { Database } from '../db/client.js';

/** A query on one session, answering rows as arrays in the select list's order. */
export type Query = (text: string, params?: unknown[]) => Promise<unknown[][]>;

// Every value is read and written in its text form; these settings make that form the same on
// every backend and session (a timestamptz in UTC, bytea in hex), so a backup made on one loads
// unchanged on the other and row checksums compare across them.
const TEXT_FORM = [
  'set local statement_timeout = 0',
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  "set local bytea_output = 'hex'",
  'set local extra_float_digits = 3',
];

/**
 * Runs `fn` in one transaction on one session of its own: REPEATABLE READ READ ONLY for a backup
 * (every table seen at the same moment, while the app keeps writing), read-write for a restore
 * (all or nothing). PGlite is one connection: its exclusive transaction makes other queries wait.
 */
export async function inTransaction<T>(database: Database, mode: 'snapshot' | 'write', fn: (q: Query) => Promise<T>): Promise<T> {
  const begin = mode === 'snapshot' ? 'set transaction isolation level repeatable read, read only' : 'set transaction isolation level read committed';
  if (database.kind === 'pglite') {
    return database.pglite!.transaction(async (tx) => {
      const q: Query = async (text, params) => (await tx.query<unknown[]>(text, params, { rowMode: 'array' })).rows;
      await tx.query(begin);
      for (const s of TEXT_FORM) await tx.query(s);
      return fn(q);
    });
  }
  const client = await database.pool!.connect();
  const q: Query = async (text, params) => (await client.query<unknown[]>({ text, values: params, rowMode: 'array' })).rows;
  let broken = false;
  try {
    await client.query('begin');
    await client.query(begin);
    for (const s of TEXT_FORM) await client.query(s);
    const out = await fn(q);
    await client.query('commit');
    return out;
  } catch (e) {
    await client.query('rollback').catch(() => (broken = true));
    throw e;
  } finally {
    // A connection whose rollback failed is not returned to the pool.
    client.release(broken);
  }
}
