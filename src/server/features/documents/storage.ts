import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FilesConfig } from '../../config.js';

/**
 * Where documents' bytes live. Metadata is in the database; this holds only immutable objects
 * named by keys we make (`documents/<documentId>/<versionId>`), never by a user's file name.
 */
export interface Storage {
  readonly kind: 'local' | 's3';
  /** A local directory for uploads in progress (spooled, counted and checked before they are stored). */
  readonly spoolDir: string;
  /** Stores a finished, checked spool file under `key` and removes the spool file; the object appears whole or not at all. */
  putFile(key: string, file: string, size: number): Promise<void>;
  /** The object's bytes; throws StorageMissingError when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; a missing one is fine. */
  delete(key: string): Promise<void>;
}

export class StorageMissingError extends Error {}

const KEY = /^[a-z]+(\/[0-9a-f-]{36})+$/;
/** Keys are ours, but a path is only ever built from one that cannot leave the root. */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Invalid storage key: ${key}`);
  return key;
}

export const documentKey = (documentId: string, versionId: string) => checkKey(`documents/${documentId}/${versionId}`);

/** Files under a local directory; a rename within it makes each object appear at once. */
export function localStorage(dir: string): Storage {
  const root = path.resolve(dir);
  const spoolDir = path.join(root, '.incoming');
  return {
    kind: 'local',
    spoolDir,
    async putFile(key, file) {
      const target = path.join(root, checkKey(key));
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.rename(file, target);
    },
    async get(key) {
      const handle = await fsp.open(path.join(root, checkKey(key)), 'r').catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'ENOENT' ? new StorageMissingError(key) : e;
      });
      return handle.createReadStream();
    },
    async delete(key) {
      await fsp.rm(path.join(root, checkKey(key)), { force: true });
    },
  };
}

/** Opens the configured storage; the S3 client is loaded only when S3 is configured (it is large and warns on Node 20). */
export async function openStorage(files: FilesConfig): Promise<Storage> {
  if (!files.s3) return localStorage(files.dir);
  const { s3Storage } = await import('./storage.s3.js');
  return await s3Storage(files.s3, path.join(path.resolve(files.dir), '.incoming'));
}

/** Makes sure the spool directory exists (first upload, or after someone cleaned it). */
export async function ensureSpoolDir(storage: Storage): Promise<string> {
  await fsp.mkdir(storage.spoolDir, { recursive: true });
  return storage.spoolDir;
}

/**
 * Removes spool files a crash left behind mid-upload. A day is far longer than any upload of the
 * largest allowed size takes, so a file that old is no upload in progress.
 */
export async function sweepSpool(storage: Storage, olderThanMs = 86_400_000): Promise<number> {
  const names = await fsp.readdir(storage.spoolDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.part'))) {
    const file = path.join(storage.spoolDir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
      await removeQuietly(file);
      removed++;
    }
  }
  return removed;
}

/** Best effort: a leftover spool file is garbage, never data. */
export const removeQuietly = (file: string) => fsp.rm(file, { force: true }).catch(() => undefined);
