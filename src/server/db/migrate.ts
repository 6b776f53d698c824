import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './client.js';
import { migrationsFolder } from '../paths.js';

export { migrationsFolder };

// Any fixed number works; it only has to be the same for every instance of the app.
export const MIGRATION_LOCK = 7_311_001;

/**
 * Applies pending migrations. On a server, an advisory lock makes concurrent starts take turns.
 * Neither the wait for the lock nor a migration that rebuilds a large table is cut off by the
 * statement timeout that guards requests.
 */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const pglite = database.pglite!;
    await pglite.exec('set statement_timeout = 0');
    try {
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    } finally {
      await pglite.exec(`set statement_timeout = ${database.statementTimeoutMs}`);
    }
    return;
  }
  // One connection takes the lock and runs the migrations without a timeout; it is closed afterwards
  // rather than returned to the pool, so the lifted timeout never reaches a request.
  const client = await database.pool!.connect();
  try {
    await client.query('set statement_timeout = 0');
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release(true);
  }
}
