import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import type { Database } from '../db/client.js';
import { StorageMissingError, type Storage } from '../features/documents/storage.js';
import { databaseMigration, ident, readTables, storedColumns } from './catalogue.js';
import { CHARS_PER_RECORD, CHUNK_BYTES, FORMAT, FORMAT_VERSION, recordWriter, ROWS_PER_RECORD, type Row } from './format.js';
import { inTransaction } from './session.js';

export interface BackupSummary {
  tables: number;
  rows: number;
  documents: number;
  /** Objects the database names but storage does not hold: left out, and said in the file's last record. */
  missing: string[];
}

const FETCH = 1000;

/**
 * Writes a backup of every table of the app's schema and every stored document to `out`, as one
 * gzip'd stream (format.ts). The rows are read in one REPEATABLE READ READ ONLY transaction, so they
 * are consistent at one moment while the app keeps running; the documents are read after it, by the
 * keys that moment names (stored objects never change once written). Nothing is held in memory but
 * one batch of rows or one chunk of a file.
 */
export async function writeBackup(database: Database, storage: Storage, out: Writable, now = new Date()): Promise<BackupSummary> {
  const w = recordWriter(out);
  try {
    const { summary, keys } = await inTransaction(database, 'snapshot', async (q) => {
      const migration = await databaseMigration(q);
      if (!migration) throw new Error('The database has no schema yet: there is nothing to back up');
      await w.write({ t: 'header', format: FORMAT, version: FORMAT_VERSION, migration, createdAt: now.toISOString(), backend: database.kind });
      const tables = await readTables(q);
      let rows = 0;
      for (const t of tables) {
        const cols = storedColumns(t);
        await w.write({ t: 'table', name: t.name, columns: cols.map((c) => ({ name: c.name, type: c.type })) });
        // A cursor reads the table in batches: a large table is never in memory whole.
        await q(
          `declare backup_rows no scroll cursor for select ${cols.map((c) => `${ident(c.name)}::text`).join(', ')} from ${ident(t.name)} order by ${t.key.map(ident).join(', ')}`,
        );
        let count = 0;
        let batch: Row[] = [];
        let chars = 0;
        for (;;) {
          const fetched = (await q(`fetch forward ${FETCH} from backup_rows`)) as Row[];
          for (const row of fetched) {
            batch.push(row);
            for (const v of row) chars += v?.length ?? 4;
            if (batch.length >= ROWS_PER_RECORD || chars >= CHARS_PER_RECORD) {
              await w.write({ t: 'rows', rows: batch });
              count += batch.length;
              batch = [];
              chars = 0;
            }
          }
          if (fetched.length < FETCH) break;
        }
        if (batch.length) await w.write({ t: 'rows', rows: batch });
        count += batch.length;
        await q('close backup_rows');
        await w.write({ t: 'table-end', name: t.name, rows: count });
        rows += count;
      }
      const hasDocuments = tables.some((t) => t.name === 'document_version');
      const keys = hasDocuments ? ((await q('select distinct storage_key from document_version order by 1')) as [string][]).map((r) => r[0]) : [];
      return { summary: { tables: tables.length, rows }, keys };
    });

    const missing: string[] = [];
    let documents = 0;
    for (const key of keys) {
      if (await writeDocument(storage, key, w)) documents++;
      else missing.push(key);
    }
    await w.write({ t: 'end', tables: summary.tables, rows: summary.rows, documents, missing });
    await w.end();
    return { ...summary, documents, missing };
  } catch (e) {
    w.abort(e);
    throw e;
  }
}

/** One stored object: its key, its bytes in chunks, then its size and hash. False when storage does not hold it. */
async function writeDocument(storage: Storage, key: string, w: ReturnType<typeof recordWriter>): Promise<boolean> {
  let body: Readable;
  try {
    body = await storage.get(key);
  } catch (e) {
    if (e instanceof StorageMissingError) return false;
    throw e;
  }
  await w.write({ t: 'document', key });
  const hash = createHash('sha256');
  let size = 0;
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of body as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= CHUNK_BYTES) {
      await w.write({ t: 'chunk', data: pending.subarray(0, CHUNK_BYTES).toString('base64') });
      pending = pending.subarray(CHUNK_BYTES);
    }
  }
  if (pending.length) await w.write({ t: 'chunk', data: pending.toString('base64') });
  await w.write({ t: 'document-end', key, size, sha256: hash.digest('hex') });
  return true;
}
