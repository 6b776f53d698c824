import { createHash } from 'node:crypto';
import { appMigration } from './catalogue.js';
import { BackupFileError, FORMAT, FORMAT_VERSION, readRecords, type BackupRecord } from './format.js';

export interface FileSummary {
  migration: string;
  createdAt: string;
  backend: string;
  /** Each table's columns, in the file's order. */
  tables: Map<string, string[]>;
  rows: number;
  documents: number;
}

const isRow = (r: unknown, width: number) => Array.isArray(r) && r.length === width && r.every((v) => v === null || typeof v === 'string');

/**
 * Reads the whole file once and checks it before anything is written: the records' order, every
 * row's width, every table's and document's count, size and SHA-256, and the closing record (a file
 * cut short has none). Throws BackupFileError saying what is wrong.
 */
export async function checkBackupFile(file: string): Promise<FileSummary> {
  let header: Extract<BackupRecord, { t: 'header' }> | undefined;
  const tables = new Map<string, string[]>();
  let table: { name: string; width: number; rows: number } | undefined;
  let doc: { key: string; size: number; hash: ReturnType<typeof createHash> } | undefined;
  let rows = 0;
  let documents = 0;
  let ended = false;
  const bad = (what: string): never => {
    throw new BackupFileError(`The backup file is damaged: ${what}`);
  };

  for await (const r of readRecords(file)) {
    if (ended) bad('records follow its closing record');
    if (!header) {
      if (r.t !== 'header' || r.format !== FORMAT) throw new BackupFileError('This is not a Partnerhub backup (its first record is not a Partnerhub backup header)');
      if (r.version !== FORMAT_VERSION) throw new BackupFileError(`This backup has format version ${r.version}; this version of Partnerhub reads version ${FORMAT_VERSION}`);
      header = r;
      continue;
    }
    if (table) {
      if (r.t === 'rows') {
        if (!Array.isArray(r.rows) || !r.rows.every((row) => isRow(row, table!.width))) bad(`a row of table ${table.name} does not have its ${table.width} columns`);
        table.rows += r.rows.length;
      } else if (r.t === 'table-end' && r.name === table.name) {
        if (r.rows !== table.rows) bad(`table ${table.name} should have ${r.rows} rows but has ${table.rows}`);
        rows += table.rows;
        table = undefined;
      } else bad(`table ${table.name} is not closed`);
    } else if (doc) {
      if (r.t === 'chunk' && typeof r.data === 'string') {
        const bytes = Buffer.from(r.data, 'base64');
        doc.hash.update(bytes);
        doc.size += bytes.length;
      } else if (r.t === 'document-end' && r.key === doc.key) {
        if (r.size !== doc.size || r.sha256 !== doc.hash.digest('hex')) bad(`the bytes of document ${doc.key} do not match their size and SHA-256`);
        documents++;
        doc = undefined;
      } else bad(`document ${doc.key} is not closed`);
    } else if (r.t === 'table') {
      if (documents || typeof r.name !== 'string' || !Array.isArray(r.columns) || tables.has(r.name)) bad(`table record ${String(r.name)} is out of place`);
      tables.set(
        r.name,
        r.columns.map((c) => c.name),
      );
      table = { name: r.name, width: r.columns.length, rows: 0 };
    } else if (r.t === 'document') {
      if (typeof r.key !== 'string') bad('a document has no key');
      doc = { key: r.key, size: 0, hash: createHash('sha256') };
    } else if (r.t === 'end') {
      if (r.tables !== tables.size || r.rows !== rows || r.documents !== documents) bad('its closing record does not match its contents');
      ended = true;
    } else bad(`unexpected "${String(r.t)}" record`);
  }
  if (!header) throw new BackupFileError('The backup file is empty');
  if (!ended) throw new BackupFileError('The backup file is truncated: it ends before its closing record');
  const app = appMigration();
  if (header.migration !== app) {
    throw new BackupFileError(
      `This backup was made at database migration ${header.migration}, this version of Partnerhub is at ${app}: restore it with the version that made it, then upgrade`,
    );
  }
  return { migration: header.migration, createdAt: header.createdAt, backend: header.backend, tables, rows, documents };
}
