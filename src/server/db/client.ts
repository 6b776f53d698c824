import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';
import { acquireDataDirLock } from './lock.js';
import { DatabaseUnavailableError } from './errors.js';

export { DatabaseUnavailableError };

export type Db = NodePgDatabase<typeof schema>;
/** What a transaction callback receives; services accept either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

type Results<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent reads side by side on the pool, one after another inside a transaction: a
 * transaction is one connection, and overlapping queries on one pg client are deprecated (pg 9
 * refuses them). Services that accept a Db or a Tx use this instead of Promise.all.
 */
export async function readTogether<T extends readonly (() => unknown)[]>(db: DbOrTx, ...reads: T): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((r) => r()))) as Results<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as Results<T>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Plain SQL for the few places that need it (health, locks, tests). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Whether this open created a new embedded data directory. */
  created: boolean;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The statement_timeout every session starts with, in ms (0: none); maintenance lifts it for its own work. */
  statementTimeoutMs: number;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /**
   * PostgreSQL's statement_timeout for every connection, in ms (0 or unset: none). A query past it is
   * cancelled (SQLSTATE 57014) and frees its connection instead of holding it until the client gives up.
   */
  statementTimeoutMs?: number;
  /** Load an embedded database from a dumped data directory (tests copy a migrated template). */
  loadDataDir?: Blob | File;
  /** Open PGlite in memory (tests). */
  inMemory?: boolean;
  log?: (msg: string) => void;
}

// count(*) and bigserial ids come back as numbers, as PGlite returns them (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const statementTimeoutMs = opts.statementTimeoutMs ?? 0;
  if (opts.databaseUrl) {
    // Sent in each connection's start-up packet, so every pooled session has it from its first query.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20, statement_timeout: statementTimeoutMs || undefined });
    // An idle pooled connection that the server ends (restart, fail-over, pg_terminate_backend, a
    // proxy's idle timeout) is emitted here; without a listener Node would crash the whole process.
    // The pool drops that connection and opens a new one when next needed.
    pool.on('error', (e) => (opts.log ?? console.error)(`PostgreSQL closed an idle connection (${e.message}); it will be replaced`));
    // Fail fast with a clear message when the server is unreachable.
    try {
      await pool.query('select 1');
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnavailableError(opts.databaseUrl, e);
    }
    const db = drizzlePg(pool, { schema, casing: 'snake_case' });
    return {
      kind: 'postgres',
      db,
      created: false,
      pool,
      statementTimeoutMs,
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      close: () => pool.end(),
    };
  }

  let release: (() => void) | undefined;
  let dataDir: string | undefined;
  let created = false;
  if (!opts.inMemory) {
    dataDir = path.resolve(opts.dataDir ?? './data');
    // PGlite does not create missing parent folders.
    fs.mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
    created = !fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'));
    if (created) opts.log?.(`Creating a new embedded database in ${dataDir} — the first start takes a few seconds…`);
  }
  try {
    const pglite = await PGlite.create({
      dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
      extensions: { pg_trgm },
      loadDataDir: opts.loadDataDir,
    });
    // The same setting as on a server, for parity; PGlite 0.5 accepts it but cannot enforce it: its
    // engine runs on Node's one thread, where no timer can interrupt a statement.
    if (statementTimeoutMs) await pglite.exec(`set statement_timeout = ${statementTimeoutMs}`);
    const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      created,
      pglite,
      statementTimeoutMs,
      query: async (text, params) => (await pglite.query(text, params as unknown[])).rows as never,
      close: async () => {
        try {
          await pglite.close();
        } finally {
          release?.();
        }
      },
    };
  } catch (e) {
    release?.();
    throw e;
  }
}
