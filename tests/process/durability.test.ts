// Crash safety: the real server takes a stream of writes, is killed with SIGKILL in the middle of
// it, restarts on the same database and must still hold every write it acknowledged.
//
// On the backend the run tests (TEST_BACKEND). Embedded: the restart takes over the dead process's
// lock on the data directory; PGlite runs with fsync=off and synchronous_commit=on, so a commit is
// written to the OS before it is acknowledged, which survives the death of the process (this test),
// not the loss of power. PostgreSQL: the server's own durability is its business; this checks ours,
// that the app acknowledges a write only after it committed, and that it starts again beside the
// dead process's broken connections.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../support/db.js';
import { createPgDatabase, startServer, tempDir, type ServerProcess } from './helpers.js';

const ADMIN_EMAIL = 'durable.admin@example.com';
const ADMIN_PASSWORD = 'correct horse battery staple';
const WORKERS = 8;
/** Acknowledged writes per round before the kill; more keep arriving while it lands. */
const WRITES_BEFORE_KILL = 60;

const kind = backend();
const workDir = tempDir('durability');
const dataDir = path.join(workDir, 'data');
const lockFile = path.join(dataDir, 'partnerhub.lock');
let pgDatabase: Awaited<ReturnType<typeof createPgDatabase>> | undefined;
let env: Record<string, string> = {};
const servers: ServerProcess[] = [];

beforeAll(async () => {
  env = { DATA_DIR: dataDir, ADMIN_EMAIL, ADMIN_PASSWORD };
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_BACKEND=postgres needs TEST_DATABASE_URL');
    // Its own empty database: the first start migrates it, as a new installation would.
    pgDatabase = await createPgDatabase(url, 'partnerhub_durable_');
    env.DATABASE_URL = pgDatabase.url;
  }
});

afterAll(async () => {
  for (const s of servers) await s.kill();
  await pgDatabase?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function start(): Promise<ServerProcess> {
  const s = await startServer(env, 120_000);
  servers.push(s);
  return s;
}

/** Signs in with the password as the web app does, then creates an API token over the API. */
async function apiTokenViaSignIn(s: ServerProcess): Promise<string> {
  const signIn = await fetch(`${s.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: s.origin },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  expect(signIn.status, await signIn.clone().text()).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await (await fetch(`${s.url}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string; user: { email: string } };
  expect(me.user.email).toBe(ADMIN_EMAIL);
  const created = await fetch(`${s.url}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: s.origin, 'x-csrf-token': me.csrfToken },
    body: JSON.stringify({ name: 'durability stream' }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

interface Ack {
  id: string;
  name: string;
}

/**
 * WORKERS concurrent loops of POST /api/tokens, each write a distinct row. Once `killAfter` writes
 * are acknowledged the server is killed with requests in flight; the loops end when their
 * connection breaks. Returns every acknowledged (201) write.
 */
async function writeUntilKilled(s: ServerProcess, token: string, round: number, killAfter: number) {
  const acked: Ack[] = [];
  const failures: string[] = [];
  let attempted = 0;
  let killed: Promise<unknown> | undefined;
  const worker = async (w: number) => {
    for (let i = 0; ; i++) {
      const name = `round ${round} worker ${w} write ${i}`;
      attempted++;
      let res: Response;
      try {
        res = await fetch(`${s.url}/api/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ name }),
        });
      } catch {
        if (!killed) failures.push(`${name}: connection failed before the kill`);
        return; // the server is gone
      }
      if (res.status !== 201) {
        failures.push(`${name}: ${res.status} ${await res.text()}`);
        return;
      }
      const body = (await res.json().catch(() => null)) as { id: string; name: string } | null;
      // A body cut off by the kill is not an acknowledgement the client could have relied on.
      if (!body) return;
      acked.push({ id: body.id, name: body.name });
      // Kill a few milliseconds later, at no particular point of the requests in flight.
      if (acked.length >= killAfter && !killed) killed = sleep(Math.random() * 25).then(() => s.kill());
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  const exit = await s.exited;
  return { acked, failures, attempted, exit };
}

interface Integrity {
  btreeIndexes: string[];
  tokens: number;
  audits: number;
  unmatched: number;
}

const INDEXES_SQL = `select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
  join pg_am am on am.oid = c.relam where am.amname = 'btree' and n.nspname = 'public'`;
const ORPHANS_SQL = `select (select count(*)::int from api_token) as tokens,
  (select count(*)::int from audit_log where entity_type = 'api_token' and action = 'create') as audits,
  (select count(*)::int from api_token t full join (select entity_id from audit_log where entity_type = 'api_token' and action = 'create') a
     on a.entity_id = t.id::text where a.entity_id is null or t.id is null) as unmatched`;

/**
 * Looked at directly, with the server stopped: every B-tree index agrees with its table (amcheck),
 * and the token and audit counts for the caller to compare.
 */
async function inspect(): Promise<Integrity> {
  const query = async <T>(run: (sql: string) => Promise<T[]>): Promise<Integrity> => {
    const btreeIndexes = (await run(INDEXES_SQL)).map((r) => (r as { name: string }).name);
    for (const name of btreeIndexes) await run(`select bt_index_check('public.${name}'::regclass, true)`);
    const counts = (await run(ORPHANS_SQL))[0] as Omit<Integrity, 'btreeIndexes'>;
    return { btreeIndexes, ...counts };
  };
  if (kind === 'pglite') {
    const pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata'), extensions: { amcheck, pg_trgm } });
    try {
      await pglite.exec('create extension if not exists amcheck');
      return await query(async (sql) => (await pglite.query(sql)).rows);
    } finally {
      await pglite.close();
    }
  }
  const client = new pg.Client({ connectionString: pgDatabase!.url });
  await client.connect();
  try {
    await client.query('create extension if not exists amcheck');
    return await query(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

describe(`${kind === 'pglite' ? 'embedded database' : 'PostgreSQL'} durability (SIGKILL mid-stream)`, { timeout: 300_000 }, () => {
  it('keeps every acknowledged write and opens again after kill -9, twice', async () => {
    let server = await start();
    const token = await apiTokenViaSignIn(server);
    const allAcked: Ack[] = [];

    for (const round of [1, 2]) {
      const killedPid = server.pid;
      const { acked, failures, attempted, exit } = await writeUntilKilled(server, token, round, WRITES_BEFORE_KILL);
      expect(failures).toEqual([]);
      expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
      expect(acked.length).toBeGreaterThanOrEqual(WRITES_BEFORE_KILL);
      allAcked.push(...acked);
      // The killed server could not clean up: its lock file names a dead process.
      if (kind === 'pglite') expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(killedPid));

      server = await start();
      console.log(
        `round ${round}: ${acked.length} of ${attempted} writes acknowledged before SIGKILL; ` +
          `restart to ready ${Math.round(server.readyMs)} ms (server reports ${server.reportedMs} ms)`,
      );
      if (kind === 'pglite') expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(server.pid));

      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'ok', kind } });

      const listed = await fetch(`${server.url}/api/tokens`, { headers: { authorization: `Bearer ${token}` } });
      expect(listed.status).toBe(200);
      const rows = new Map(((await listed.json()) as { items: Ack[] }).items.map((t) => [t.id, t.name]));
      const missing = allAcked.filter((a) => rows.get(a.id) !== a.name);
      expect(missing, `acknowledged writes lost after SIGKILL in round ${round}`).toEqual([]);
      // Nothing appeared that was never sent.
      for (const name of rows.values()) expect(name).toMatch(/^(durability stream|round \d worker \d write \d+)$/);
    }

    // The restarted database takes writes and shuts down cleanly.
    const after = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'after the crashes' }),
    });
    expect(after.status).toBe(201);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    if (kind === 'pglite') expect(fs.existsSync(lockFile)).toBe(false);

    // Every B-tree index agrees with its table, and each token insert and its audit record
    // committed together or not at all (one transaction), across both crashes.
    const { btreeIndexes, tokens, audits, unmatched } = await inspect();
    expect(btreeIndexes).toContain('api_token_pkey');
    expect(unmatched).toBe(0);
    expect(tokens).toBe(audits);
    expect(tokens).toBeGreaterThanOrEqual(allAcked.length + 2);
  });
});
