import { once } from 'node:events';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';

// The backup file: gzip'd JSON lines (docs/decisions/0022-backup-format.md). One record per line,
// in this order: header; per table "table", "rows"…, "table-end"; per stored object "document",
// "chunk"…, "document-end"; "end". Every value is a string in PostgreSQL's text form, or null.

export const FORMAT = 'partnerhub-backup';
export const FORMAT_VERSION = 1;
/** Raw bytes per "chunk" record (base64 makes it a third larger). */
export const CHUNK_BYTES = 256 * 1024;
/** A "rows" record is flushed at this many rows or about this many characters, whichever comes first. */
export const ROWS_PER_RECORD = 500;
export const CHARS_PER_RECORD = 1024 * 1024;

export type Row = (string | null)[];

export type BackupRecord =
  | { t: 'header'; format: typeof FORMAT; version: number; migration: string; createdAt: string; backend: 'pglite' | 'postgres' }
  | { t: 'table'; name: string; columns: { name: string; type: string }[] }
  | { t: 'rows'; rows: Row[] }
  | { t: 'table-end'; name: string; rows: number }
  | { t: 'document'; key: string }
  | { t: 'chunk'; data: string }
  | { t: 'document-end'; key: string; size: number; sha256: string }
  | { t: 'end'; tables: number; rows: number; documents: number; missing: string[] };

/** A backup or restore refused because of the file: the message says what is wrong with it. */
export class BackupFileError extends Error {}

/** Writes records as gzip'd lines to `out`, waiting when the reader is slower (a download). */
export function recordWriter(out: Writable) {
  const gzip = createGzip();
  let failure: unknown;
  const done = pipeline(gzip, out).catch((e: unknown) => {
    failure = e ?? new Error('The backup stream closed early');
    throw failure;
  });
  done.catch(() => undefined);
  return {
    async write(record: BackupRecord): Promise<void> {
      if (failure) throw failure;
      if (gzip.write(`${JSON.stringify(record)}\n`)) return;
      // Drained, or torn down by an error (a download the client broke off): either ends the wait.
      const ac = new AbortController();
      await Promise.race([once(gzip, 'drain', { signal: ac.signal }), once(gzip, 'close', { signal: ac.signal })]).finally(() => ac.abort());
      if (failure) throw failure;
    },
    async end(): Promise<void> {
      gzip.end();
      await done;
    },
    /** Stops writing after an error; the reader sees a truncated file, which restore refuses. */
    abort(e: unknown) {
      gzip.destroy(e instanceof Error ? e : new Error(String(e)));
    },
  };
}

/** The file's records one by one; a file that is not a gzip'd stream of JSON objects is refused with its line number. */
export async function* readRecords(file: string): AsyncGenerator<BackupRecord> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  const parse = (text: string): BackupRecord => {
    line++;
    try {
      const r = JSON.parse(text) as BackupRecord;
      if (r && typeof r === 'object' && typeof r.t === 'string') return r;
    } catch {
      // Reported below with the line number.
    }
    throw new BackupFileError(`The backup file is damaged: line ${line} is not a record`);
  };
  const source = fs.createReadStream(file);
  const input = source.pipe(createGunzip());
  // pipe() does not pass the source's errors on (a missing file).
  source.on('error', (e) => input.destroy(e));
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      pending += decoder.write(chunk);
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const text = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        yield parse(text);
      }
    }
  } catch (e) {
    if (e instanceof BackupFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupFileError(`No such file: ${file}`);
    if (code === 'Z_BUF_ERROR') throw new BackupFileError('The backup file is truncated: it ends before its last record');
    if (code?.startsWith('Z_')) throw new BackupFileError(`The backup file is damaged or not a Partnerhub backup (${(e as Error).message})`);
    throw e;
  }
  pending += decoder.end();
  if (pending) throw new BackupFileError('The backup file is truncated: its last line is incomplete');
}
