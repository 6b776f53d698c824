// Shared by bench/run.ts and bench/scale.ts: the load generator, rounds, and SQL capture and replay.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Database } from '../src/server/db/client.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DURATION = Number(process.env.BENCH_DURATION ?? 5);
export const WARMUP = 1;
export const CONNECTIONS = 50;
export const log = (msg: string) => console.error(`· ${msg}`);
export const fmt = (n: number) => String(Math.round(n));

export interface Load {
  requestsPerSecond: number;
  total: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** CPU time this process (which runs the app and the bare servers) spent per request, in ms. */
  cpuMsPerRequest: number;
  /** Of it, the kernel's (system time): on loopback, sending a query or a response runs the receiver's TCP path too. */
  cpuSysMsPerRequest: number;
}
export interface Row {
  backend: string;
  route: string;
  /** One measurement per round. */
  loads: Load[];
  /** The bare row this one is compared with, round by round. */
  baseline?: Row;
  goal?: number;
}

export interface Target {
  row: Row;
  url: string;
  headers: Record<string, string>;
  /** Paths that each connection requests in turn (autocannon's `requests`), instead of url's path. */
  paths?: string[];
  /** Concurrent connections (default CONNECTIONS); 1 sends the requests one after another. */
  connections?: number;
}

function autocannon(t: Target, duration: number): Promise<Omit<Load, 'cpuMsPerRequest' | 'cpuSysMsPerRequest'>> {
  return new Promise((resolve, reject) => {
    const opts = {
      url: t.url,
      connections: t.connections ?? CONNECTIONS,
      duration,
      headers: t.headers,
      ...(t.paths ? { requests: t.paths.map((p) => ({ method: 'GET', path: p })) } : {}),
    };
    const child = spawn(process.execPath, [path.join(root, 'bench/load.mjs'), JSON.stringify(opts)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Omit<Load, 'cpuMsPerRequest' | 'cpuSysMsPerRequest'>) : reject(new Error(`autocannon exited ${code}`))));
  });
}

/** The middle value; with an even count, the lower of the two middle ones. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
/** The round with the median requests/s (its latencies go with it). */
export const typical = (r: Row) => [...r.loads].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor((r.loads.length - 1) / 2)]!;
/** App ÷ bare per round (the two were measured back to back), then the median over rounds. */
export const ratioOf = (r: Row) => median(r.loads.map((l, i) => l.requestsPerSecond / r.baseline!.loads[i]!.requestsPerSecond));
export const badResponses = (r: Row) => r.loads.reduce((n, l) => n + l.non2xx + l.errors + l.timeouts, 0);
export const spreadOf = (r: Row) => {
  const rps = r.loads.map((l) => l.requestsPerSecond);
  return r.loads.length > 1 ? ` (${fmt(Math.min(...rps))}–${fmt(Math.max(...rps))})` : '';
};

/**
 * Loads each target in turn, `rounds` times over, each after a short warm-up. Taking turns, rather
 * than measuring one route for long and then the other, spreads drift in the machine's other work
 * over both sides of a ratio.
 */
export async function measureRounds(targets: Target[], rounds: number): Promise<void> {
  for (let round = 1; round <= rounds; round++) {
    for (const t of targets) {
      await autocannon(t, WARMUP);
      const cpu = process.cpuUsage();
      const measured = await autocannon(t, DURATION);
      const used = process.cpuUsage(cpu);
      const perRequest = (us: number) => us / 1000 / Math.max(1, measured.total);
      const load = { ...measured, cpuMsPerRequest: perRequest(used.user + used.system), cpuSysMsPerRequest: perRequest(used.system) };
      t.row.loads.push(load);
      log(
        `round ${round}/${rounds} ${t.row.backend} ${t.row.route}: ${Math.round(load.requestsPerSecond)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.cpuMsPerRequest.toFixed(2)} ms CPU/request (kernel ${load.cpuSysMsPerRequest.toFixed(2)})`,
      );
    }
  }
}

export interface Statement {
  text: string;
  params: unknown[];
  /** node-postgres query options besides text and values (name of a prepared statement, rowMode, types), or PGlite's. */
  options?: Record<string, unknown>;
  /** Statements of one wave were in flight together (issued before the previous ones answered). */
  wave: number;
}

const isBegin = (s: Statement) => /^\s*begin\b/i.test(s.text);
const isEnd = (s: Statement) => /^\s*(commit|rollback)\b/i.test(s.text);

/**
 * Records the SQL statements the driver receives while `fn` runs: on PostgreSQL every
 * `pg.Client#query` (the pool's and transactions' alike), on PGlite `query` and the queries of
 * `transaction` (recorded between a `begin` and a `commit`). Which statements ran concurrently is
 * kept as waves, so that a replay can issue them the same way.
 */
export async function captureSql(database: Database, fn: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  let inflight = 0;
  let wave = -1;
  const record = (text: string, params: unknown[], options?: Record<string, unknown>) => {
    if (inflight === 0) wave++;
    seen.push({ text, params, options, wave });
  };
  if (database.pool) {
    type Query = (this: pg.Client, ...a: unknown[]) => unknown;
    const proto = pg.Client.prototype as unknown as { query: Query };
    const original = proto.query;
    proto.query = function (this: pg.Client, q: unknown, values?: unknown, cb?: unknown) {
      const config = typeof q === 'object' && q !== null ? (q as Record<string, unknown>) : {};
      const { text, values: configValues, ...options } = config;
      record(
        typeof q === 'string' ? q : String(text),
        (Array.isArray(values) ? values : (configValues as unknown[] | undefined)) ?? [],
        Object.keys(options).length ? options : undefined,
      );
      inflight++;
      const done = () => void inflight--;
      const wrap =
        (f: (...a: unknown[]) => unknown) =>
        (...a: unknown[]) => {
          done();
          return f(...a);
        };
      if (typeof values === 'function') values = wrap(values as (...a: unknown[]) => unknown);
      else if (typeof cb === 'function') cb = wrap(cb as (...a: unknown[]) => unknown);
      const result = original.call(this, q, values, cb);
      if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(done, done);
      return result;
    };
    try {
      await fn();
    } finally {
      proto.query = original;
    }
    return seen;
  }
  const pglite = database.pglite!;
  const originalQuery = pglite.query;
  const originalTransaction = pglite.transaction;
  const traced = (query: typeof pglite.query) =>
    async function (this: unknown, text: string, params?: unknown[], options?: Record<string, unknown>) {
      record(text, params ?? [], options);
      inflight++;
      try {
        return await query.call(this, text, params, options as never);
      } finally {
        inflight--;
      }
    } as typeof pglite.query;
  pglite.query = traced(originalQuery);
  pglite.transaction = function (this: typeof pglite, callback: Parameters<typeof pglite.transaction>[0]) {
    return originalTransaction.call(this, async (tx) => {
      record('begin', []);
      const query = traced(tx.query.bind(tx) as typeof pglite.query);
      const result = await callback(new Proxy(tx, { get: (t, k) => (k === 'query' ? query : Reflect.get(t, k)) }));
      record('commit', []);
      return result;
    });
  } as typeof pglite.transaction;
  try {
    await fn();
  } finally {
    // Own properties shadowed the prototype's methods; removing them restores those.
    delete (pglite as { query?: unknown }).query;
    delete (pglite as { transaction?: unknown }).transaction;
    if (pglite.query !== originalQuery) pglite.query = originalQuery;
    if (pglite.transaction !== originalTransaction) pglite.transaction = originalTransaction;
  }
  return seen;
}

/** Consecutive statements of one wave run together; a begin … commit block runs on one connection. */
export type Step = { transaction: true; statements: Statement[] } | { transaction: false; statements: Statement[] };

export function planReplay(statements: Statement[]): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (isBegin(s)) {
      const block: Statement[] = [];
      for (i++; i < statements.length && !isEnd(statements[i]!); i++) block.push(statements[i]!);
      steps.push({ transaction: true, statements: block });
      continue;
    }
    const last = steps.at(-1);
    if (last && !last.transaction && last.statements[0]!.wave === s.wave) last.statements.push(s);
    else steps.push({ transaction: false, statements: [s] });
  }
  return steps;
}

/**
 * Runs captured statements as the app did — concurrent ones together on the pool, a transaction on
 * one connection — and returns every statement's rows. `explain` prefixes each statement with
 * EXPLAIN (ANALYZE, BUFFERS) (which runs it) and returns the plans instead; `'json'` with
 * EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON), whose planning and execution times `databaseMs` sums.
 */
export async function replay(database: Database, steps: Step[], explain: boolean | 'json' = false): Promise<unknown[][]> {
  const results: unknown[][] = [];
  const prefix = explain === 'json' ? 'explain (analyze, timing off, format json) ' : explain ? 'explain (analyze, buffers) ' : '';
  const text = (s: Statement) => prefix + s.text;
  // A prepared statement's name stands for its text: an EXPLAIN must not reuse it.
  const options = (s: Statement) => (explain ? { ...s.options, name: undefined, rowMode: undefined } : s.options);
  const pgConfig = (s: Statement) => ({ ...options(s), text: text(s), values: s.params }) as pg.QueryConfig;
  const { pool, pglite } = database;
  for (const step of steps) {
    if (step.transaction) {
      if (pool) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          for (const s of step.statements) results.push((await client.query(pgConfig(s))).rows);
          await client.query('commit');
        } catch (e) {
          await client.query('rollback').catch(() => undefined);
          throw e;
        } finally {
          client.release();
        }
      } else {
        await pglite!.transaction(async (tx) => {
          for (const s of step.statements) results.push((await tx.query(text(s), s.params, options(s) as never)).rows);
        });
      }
    } else {
      const rows = await Promise.all(
        step.statements.map(async (s) => (pool ? (await pool.query(pgConfig(s))).rows : (await pglite!.query(text(s), s.params, options(s) as never)).rows)),
      );
      results.push(...rows);
    }
  }
  return results;
}

/**
 * The database's time for one request: planning plus execution time of every statement the request
 * ran, summed, as EXPLAIN (ANALYZE) reports them (without per-node timing, which would add its own
 * overhead). The statements run the way the app ran them (see `replay`), so a transaction's settings
 * apply. Prepared statements are planned here each time, where the app plans them once per
 * connection: for those the figure is an upper bound.
 */
export async function databaseMs(database: Database, steps: Step[]): Promise<number> {
  const plans = await replay(database, steps, 'json');
  let ms = 0;
  for (const rows of plans) {
    const cell = Object.values((rows[0] ?? {}) as Record<string, unknown>)[0];
    const parsed = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { 'Planning Time'?: number; 'Execution Time'?: number }[];
    ms += (parsed[0]?.['Planning Time'] ?? 0) + (parsed[0]?.['Execution Time'] ?? 0);
  }
  return ms;
}
