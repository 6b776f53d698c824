// `partnerhub backup FILE` and `partnerhub restore FILE`: the database is opened without migrating
// (a backup reads the schema as it is; a restore migrates only once the file has been checked).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { restoreBackup, writeBackup } from '../server/backup/index.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { openStorage } from '../server/features/documents/storage.js';

const log = (m: string) => console.error(m);

async function open(): Promise<{ database: Database; config: ReturnType<typeof loadConfig> }> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, statementTimeoutMs: config.databaseStatementTimeoutMs, log });
  return { database, config };
}

export async function backupToFile(file: string): Promise<void> {
  const { database, config } = await open();
  // Written beside its name and renamed when complete: a failed backup never leaves a file that looks whole.
  const partial = `${file}.partial`;
  try {
    const s = await writeBackup(database, await openStorage(config.files), fs.createWriteStream(partial, { mode: 0o600 }));
    await fsp.rename(partial, file);
    console.log(`Backup written to ${file}: ${s.tables} tables, ${s.rows} rows, ${s.documents} documents (${database.kind}).`);
    if (s.missing.length) log(`Warning: ${s.missing.length} stored document(s) named by the database were missing from storage and are not in the backup: ${s.missing.join(', ')}`);
  } catch (e) {
    await fsp.rm(partial, { force: true });
    throw e;
  } finally {
    await database.close();
  }
}

export async function restoreFromFile(file: string, opts: { force?: boolean }): Promise<void> {
  const { database, config } = await open();
  try {
    const s = await restoreBackup(database, await openStorage(config.files), file, { force: opts.force, log });
    console.log(
      `Restored ${file} into the ${database.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database: ${s.tables.size} tables, ${s.rows} rows, ${s.documents} documents.`,
    );
  } finally {
    await database.close();
  }
}
