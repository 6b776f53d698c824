import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type OpenOptions } from '../../src/server/db/client.js';
import { withDatabase } from './global-setup.js';

export const backend = () => inject('backend');

/** A fresh, migrated database for one test file: a copy of the run's template. */
export async function createTestDatabase(opts: Pick<OpenOptions, 'statementTimeoutMs'> = {}): Promise<Database> {
  if (inject('backend') === 'pglite') {
    const bytes = fs.readFileSync(inject('pgliteTemplate'));
    return openDatabase({ ...opts, inMemory: true, loadDataDir: new Blob([bytes]) });
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `partnerhub_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ ...opts, databaseUrl: withDatabase(url, name), poolSize: 5 });
  const close = database.close;
  database.close = async () => {
    await close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
  };
  return database;
}
