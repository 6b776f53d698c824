import { randomUUID } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { AppError } from '../lib/errors.js';
import { ensureSpoolDir, removeQuietly, type Storage } from '../features/documents/storage.js';
import { ident, literal, MIGRATION_SEEDED, readForeignKeys, readTables, storedColumns, tablesWithRows, type Table } from './catalogue.js';
import { checkBackupFile, type FileSummary } from './check.js';
import { BackupFileError, readRecords } from './format.js';
import { inTransaction, type Query } from './session.js';

export interface RestoreOptions {
  /** Replace what a database that is not empty holds. */
  force?: boolean;
  log?: (msg: string) => void;
}

/** Bound parameters per INSERT, well below PostgreSQL's 65535. */
const PARAMS_PER_INSERT = 20_000;

/**
 * Loads a backup into the database and storage. The file is checked whole first (check.ts); a
 * database that holds rows is refused unless `force`. Then the schema is migrated and every row is
 * loaded in one transaction, with foreign keys dropped during the load and added back (checked)
 * after it, and sequences moved past the loaded ids. Stored documents are written during that
 * transaction and removed again if it fails; with `force`, objects only the old data named are
 * removed after the commit.
 */
export async function restoreBackup(database: Database, storage: Storage, file: string, opts: RestoreOptions = {}): Promise<FileSummary> {
  const log = opts.log ?? (() => undefined);
  const summary = await checkBackupFile(file);
  log(`Backup of ${summary.createdAt} (${summary.backend}, ${summary.migration}) checked: ${summary.tables.size} tables, ${summary.rows} rows, ${summary.documents} documents.`);

  const holding = (await inTransaction(database, 'snapshot', async (q) => tablesWithRows(q, await readTables(q)))).filter((t) => !MIGRATION_SEEDED.includes(t));
  if (holding.length && !opts.force) {
    throw new AppError(
      'conflict',
      `The database is not empty (${holding.length} tables hold rows: ${holding.slice(0, 5).join(', ')}${holding.length > 5 ? ', …' : ''}). Restore into an empty database, or pass --force to replace everything in it.`,
    );
  }
  await migrate(database);

  const written: string[] = [];
  const restored = new Set<string>();
  let oldKeys = new Set<string>();
  try {
    await inTransaction(database, 'write', async (q) => {
      const tables = await readTables(q);
      matchSchema(tables, summary);
      if (tables.some((t) => t.name === 'document_version')) oldKeys = new Set(((await q('select storage_key from document_version')) as [string][]).map((r) => r[0]));
      // Always: besides what --force replaces, migrations seed rows (MIGRATION_SEEDED) that the backup holds too.
      await q(`truncate ${tables.map((t) => ident(t.name)).join(', ')}`);
      // Without foreign keys during the load, the order of tables and of rows within a table (a row
      // naming another of its own table) does not matter; adding them back checks every reference.
      const fks = await readForeignKeys(q);
      for (const fk of fks) await q(`alter table ${ident(fk.table)} drop constraint ${ident(fk.name)}`);
      await load(q, tables, storage, file, { written, restored, oldKeys }, log);
      for (const fk of fks) await q(`alter table ${ident(fk.table)} add constraint ${ident(fk.name)} ${fk.definition}`);
      for (const t of tables) {
        for (const c of t.columns.filter((c) => c.sequence)) {
          await q(`select setval(${literal(c.sequence!)}, coalesce(max(${ident(c.name)}), 0) + 1, false) from ${ident(t.name)}`);
        }
      }
    });
  } catch (e) {
    for (const key of written) await storage.delete(key).catch(() => undefined);
    throw e;
  }
  for (const key of oldKeys) if (!restored.has(key)) await storage.delete(key).catch(() => undefined);
  log(`Restored ${summary.rows} rows in ${summary.tables.size} tables and ${summary.documents} documents.`);
  return summary;
}

/** The file must hold exactly this database's tables and columns (it was checked to be of the same migration). */
function matchSchema(tables: Table[], summary: FileSummary) {
  const here = new Map(tables.map((t) => [t.name, storedColumns(t).map((c) => c.name)]));
  const differs = [...new Set([...here.keys(), ...summary.tables.keys()])].filter(
    (name) => JSON.stringify([...(here.get(name) ?? [])].sort()) !== JSON.stringify([...(summary.tables.get(name) ?? [])].sort()),
  );
  if (differs.length)
    throw new BackupFileError(`The backup's tables do not match this database's (${differs.slice(0, 5).join(', ')}): it was made by another version of Partnerhub`);
}

interface Keys {
  /** Objects this restore created: removed again if it fails. */
  written: string[];
  /** Every object the backup holds. */
  restored: Set<string>;
  /** Objects the data being replaced named. */
  oldKeys: Set<string>;
}

async function load(q: Query, tables: Table[], storage: Storage, file: string, { written, restored, oldKeys }: Keys, log: (msg: string) => void) {
  const byName = new Map(tables.map((t) => [t.name, t]));
  let insert: ((rows: (string | null)[][]) => Promise<void>) | undefined;
  let doc: { key: string; file: string; handle: fsp.FileHandle } | undefined;
  try {
    for await (const r of readRecords(file)) {
      if (r.t === 'table') {
        const t = byName.get(r.name)!;
        const types = new Map(t.columns.map((c) => [c.name, c.type]));
        const names = r.columns.map((c) => c.name);
        const overriding = t.columns.some((c) => c.identityAlways) ? ' overriding system value' : '';
        const perInsert = Math.max(1, Math.floor(PARAMS_PER_INSERT / names.length));
        insert = async (rows) => {
          for (let i = 0; i < rows.length; i += perInsert) {
            const part = rows.slice(i, i + perInsert);
            // Every value goes in as text and through its type's input function: the exact inverse of the ::text it was read with.
            const values = part.map((_, j) => `(${names.map((n, k) => `$${j * names.length + k + 1}::text::${types.get(n)!}`).join(', ')})`).join(', ');
            await q(`insert into ${ident(t.name)} (${names.map(ident).join(', ')})${overriding} values ${values}`, part.flat());
          }
        };
      } else if (r.t === 'rows') await insert!(r.rows);
      else if (r.t === 'table-end' && r.rows) log(`  ${r.name}: ${r.rows} rows`);
      else if (r.t === 'document') {
        const spool = path.join(await ensureSpoolDir(storage), `restore-${randomUUID()}.part`);
        doc = { key: r.key, file: spool, handle: await fsp.open(spool, 'w') };
      } else if (r.t === 'chunk') await doc!.handle.write(Buffer.from(r.data, 'base64'));
      else if (r.t === 'document-end') {
        const { key, file: spool, handle } = doc!;
        doc = undefined;
        await handle.close();
        await storage.putFile(key, spool, r.size);
        restored.add(key);
        // An object the old data already had (the same backup restored again) is not ours to remove on failure.
        if (!oldKeys.has(key)) written.push(key);
      }
    }
  } finally {
    if (doc) {
      await doc.handle.close().catch(() => undefined);
      await removeQuietly(doc.file);
    }
  }
}
