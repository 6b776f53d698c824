// `npm run bench`: the API's throughput beside a bare Fastify route running the same SQL on the
// same database, on each backend, plus start-up times of the real server. It prints figures and
// exits 0; it is not a test. See bench/README.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/server/config.js';
import { openAndMigrate } from '../src/server/boot.js';
import { buildApp } from '../src/server/app.js';
import { user } from '../src/server/db/schema/index.js';
import { createUser } from '../src/server/features/users/users.service.js';
import { createToken } from '../src/server/features/tokens/tokens.service.js';
import { badResponses, captureSql, CONNECTIONS, DURATION, fmt, log, measureRounds, median, ratioOf, root, spreadOf, typical, WARMUP, type Row, type Target } from './lib.js';
import { benchScale, printGoals, printScale, SCALE, type ScaleResult } from './scale.js';
import { benchRhythm, type RhythmResult } from './rhythm.js';
import { benchLevels, type LevelsResult } from './levels.js';
import { benchBundle } from './bundle.js';
import { benchDeals, printDeals, type DealsResult } from './deals.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Which backends to measure (comma-separated): pglite, postgres. */
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((b) => b.trim());
const STARTUP = process.env.BENCH_STARTUP !== '0';
const LEVELS = process.env.BENCH_LEVELS !== '0';
const BUNDLE = process.env.BENCH_BUNDLE !== '0';
const DEALS = process.env.BENCH_DEALS !== '0';
const SEEDED_USERS = 200;
const LIST_URL = '/api/users?pageSize=25&sort=name';
const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const rows: Row[] = [];
const scaleResults: ScaleResult[] = [];
const rhythmResults: RhythmResult[] = [];
const levelsResults: LevelsResult[] = [];
const dealsResults: DealsResult[] = [];
const notes: string[] = [];

async function benchBackend(backend: 'pglite' | 'postgres', env: Record<string, string>) {
  const config = loadConfig({
    NODE_ENV: 'production',
    // The scheduler would run reminders and digests over the large portfolio while it is measured.
    JOBS: 'off',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    // The bench's one API token makes thousands of requests a minute; the per-token limit (one
    // upsert per request, which the bare twins replay) stays on, but must not answer 429.
    API_TOKEN_RATE_LIMIT: '10000000',
    ...env,
  });
  const database = await openAndMigrate(config, log);
  try {
    const app = await buildApp({ config, database, web: false, logger: false });
    const admin = await createUser(database.db, app.auth, { name: 'Bench Admin', email: 'bench.admin@example.com', password: 'bench password 1234', role: 'admin' }, null);
    const people = Array.from({ length: SEEDED_USERS - 1 }, (_, i) => ({
      id: crypto.randomUUID(),
      name: `Person ${String(i).padStart(3, '0')} ${randomBytes(3).toString('hex')}`,
      email: `person.${i}@bench.example.com`,
      role: (['manager', 'member', 'finance', 'viewer'] as const)[i % 4],
      emailVerified: true,
    }));
    await database.db.insert(user).values(people);
    const { token } = await createToken(database.db, admin.id, { name: 'bench', expiresInDays: null }, null);
    const auth = { authorization: `Bearer ${token}` };

    // The first call writes the token's lastUsedAt (then once a minute); capture a steady-state call.
    const first = await app.inject({ method: 'GET', url: LIST_URL, headers: auth });
    if (first.statusCode !== 200) throw new Error(`${LIST_URL} answered ${first.statusCode}: ${first.body}`);
    const statements = await captureSql(database, () => app.inject({ method: 'GET', url: LIST_URL, headers: auth }));
    const tokenSql = statements.find((s) => s.text.includes('"api_token"'));
    const listSql = statements.find((s) => /count\(\*\) over\(\)/i.test(s.text));
    if (!tokenSql || !listSql) throw new Error(`unexpected SQL for ${LIST_URL}:\n${statements.map((s) => s.text).join('\n')}`);
    if (backend === 'postgres') {
      notes.push(`SQL the app issues per ${LIST_URL} call (captured at the driver; ${statements.length} statements):`);
      for (const s of statements) notes.push(`  ${s.text}`);
    }

    // The bare routes: plain Fastify, no plugins, no auth, no validation; the same database handle
    // (the same pg pool, or the same PGlite instance).
    const bare = Fastify({ logger: false });
    bare.get('/health', async () => {
      await database.query('select 1');
      return { status: 'ok' };
    });
    bare.get('/users', async () => ({ items: await database.query(listSql.text, listSql.params) }));
    bare.get('/users-with-token', async () => {
      const [actor] = await database.query(tokenSql.text, tokenSql.params);
      if (!actor) throw new Error('token not found');
      return { items: await database.query(listSql.text, listSql.params) };
    });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const row = (route: string, baseline?: Row, goal?: number): Row => ({ backend, route, loads: [], baseline, goal });
    const bareHealth = row('bare GET /health (select 1)');
    const bareList = row('bare GET /users (the list SQL)');
    // Both servers listen, but only one is loaded at any time.
    const targets: Target[] = [
      { row: bareHealth, url: `${bareUrl}/health`, headers: {} },
      // Health is public: no Authorization header, or the app would look the token up.
      { row: row('app GET /api/health', bareHealth), url: `${appUrl}/api/health`, headers: {} },
      { row: bareList, url: `${bareUrl}/users`, headers: {} },
      { row: row(`app GET ${LIST_URL} (Bearer)`, bareList, backend === 'postgres' ? 0.5 : undefined), url: `${appUrl}${LIST_URL}`, headers: auth },
      { row: row('bare GET /users-with-token (token SQL + list SQL)', bareList), url: `${bareUrl}/users-with-token`, headers: {} },
    ];
    if (ROUNDS > 0) {
      await measureRounds(targets, ROUNDS);
      rows.push(...targets.map((t) => t.row));
    }
    await bare.close();
    // Partner levels over the 200 seeded users, before the large portfolio arrives.
    if (LEVELS) levelsResults.push(await benchLevels({ backend, database }));
    // Then the same app and database grow to the large portfolio.
    if (SCALE > 0) {
      scaleResults.push(await benchScale({ backend, database, app, appUrl, auth, ownerId: admin.id }));
      // Digests and the calendar feed over the same portfolio (the 10,000 partners on PostgreSQL).
      rhythmResults.push(await benchRhythm({ backend, database, appUrl, auth, feedUserId: admin.id }));
      // Joint business over the same partners.
      if (DEALS) dealsResults.push(await benchDeals({ backend, database, app, appUrl, auth }));
    }
    await app.close();
  } finally {
    await database.close();
  }
}

/** Spawns the real server as `npm start` does (scripts/start.mjs: the bundled server) and times it to "ready". */
function timeServerStart(env: Record<string, string>): Promise<{ wallMs: number; reportedMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', LOG_PRETTY: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let result: { wallMs: number; reportedMs: number } | undefined;
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Partnerhub is ready on .*?started in (\d+) ms/.exec(out);
      if (m && !result) {
        result = { wallMs: performance.now() - started, reportedMs: Number(m[1]) };
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`server start failed (${code}):\n${out}`))));
  });
}

async function benchStartup(pgUrl: string | undefined) {
  const out: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerhub-bench-start-'));
  try {
    const env = { DATA_DIR: path.join(dir, 'data'), ADMIN_EMAIL: 'start.admin@example.com', ADMIN_PASSWORD: 'bench password 1234' };
    // Untimed: lets scripts/start.mjs build the web app and the server bundle if they are out of date.
    await timeServerStart({ ...env, DATA_DIR: path.join(dir, 'warm-up') });
    const first = await timeServerStart(env);
    out.push(`| embedded, new data directory (first start) | ${fmt(first.wallMs)} | ${fmt(first.reportedMs)} | — |`);
    const restarts: { wallMs: number; reportedMs: number }[] = [];
    for (let i = 0; i < 3; i++) restarts.push(await timeServerStart(env));
    const wall = median(restarts.map((r) => r.wallMs));
    out.push(
      `| embedded, existing data directory (restart, median of 3) | ${fmt(wall)} | ${fmt(median(restarts.map((r) => r.reportedMs)))} | ${wall < 2000 ? 'goal met' : 'goal missed'} (< 2000 ms) |`,
    );
    if (pgUrl) {
      const pgStarts: { wallMs: number; reportedMs: number }[] = [];
      for (let i = 0; i < 3; i++) pgStarts.push(await timeServerStart({ DATABASE_URL: pgUrl }));
      out.push(`| PostgreSQL, migrated database (median of 3) | ${fmt(median(pgStarts.map((r) => r.wallMs)))} | ${fmt(median(pgStarts.map((r) => r.reportedMs)))} | — |`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> } | { skipped: string }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, drop: async () => undefined };
  const name = `partnerhub_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (e) {
    await admin.end().catch(() => undefined);
    return { skipped: `PostgreSQL at ${PG_ADMIN_URL} not usable (${(e as Error).message}); set BENCH_DATABASE_URL` };
  }
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    },
  };
}

async function main() {
  const load0 = os.loadavg()[0]!;
  const startedAt = performance.now();

  if (BACKENDS.includes('pglite')) {
    const pgdir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerhub-bench-'));
    try {
      log('embedded (PGlite)…');
      await benchBackend('pglite', { DATA_DIR: path.join(pgdir, 'data') });
    } finally {
      fs.rmSync(pgdir, { recursive: true, force: true });
    }
  }

  let startup: string[] = [];
  const pgDb = BACKENDS.includes('postgres') ? await createBenchDatabase() : { skipped: 'not in BENCH_BACKENDS' };
  if ('skipped' in pgDb) {
    notes.push(`PostgreSQL skipped: ${pgDb.skipped}`);
    if (STARTUP) startup = await benchStartup(undefined);
  } else {
    try {
      log('PostgreSQL…');
      await benchBackend('postgres', { DATABASE_URL: pgDb.url });
      if (STARTUP) {
        log('start-up times…');
        startup = await benchStartup(pgDb.url);
      }
    } finally {
      await pgDb.drop();
    }
  }

  const bundle = BUNDLE ? benchBundle() : [];

  const print = (s = '') => console.log(s);
  print(`## Partnerhub benchmark`);
  print();
  print(
    `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}; ${CONNECTIONS} connections; ${ROUNDS} rounds of ${DURATION} s per route, each after a ${WARMUP} s warm-up, routes taking turns; ${SEEDED_USERS} users seeded.`,
  );
  print('req/s: the median round (lowest–highest); p50/p99 from that round; ratio: median over rounds of app ÷ bare measured back to back.');
  print(`Load average at start ${load0.toFixed(2)}, at end ${os.loadavg()[0]!.toFixed(2)} (other work on the machine skews every figure).`);
  print();
  // The speed goals first (PostgreSQL's, then the embedded database's figures), the start-up right after.
  for (const r of [...scaleResults].sort((a, b) => (a.backend === 'postgres' ? 0 : 1) - (b.backend === 'postgres' ? 0 : 1))) printGoals(r, print);
  for (const r of [...dealsResults].sort((a, b) => (a.backend === 'postgres' ? 0 : 1) - (b.backend === 'postgres' ? 0 : 1))) printDeals(r, print);
  if (startup.length) {
    print('| start-up of the real server (`node scripts/start.mjs`, what `npm start` runs) | wall ms to "ready" | ms the server reports | goal |');
    print('| --- | ---: | ---: | --- |');
    for (const l of startup) print(l);
    print();
  }
  if (rows.length) {
    print('| backend | route | req/s | p50 ms | p99 ms | ratio to bare |');
    print('| --- | --- | ---: | ---: | ---: | --- |');
    const order = (r: Row) => (r.backend === 'pglite' ? 0 : 1) * 10 + (r.route.includes('health') ? 0 : r.route.startsWith('app') ? 2 : 1);
    for (const r of [...rows].sort((a, b) => order(a) - order(b) || a.route.localeCompare(b.route))) {
      const t = typical(r);
      const bad = badResponses(r);
      const warn = bad ? ` ⚠ ${bad} non-2xx responses, errors or timeouts` : '';
      let ratio = '—';
      if (r.baseline) {
        const x = ratioOf(r);
        ratio = x.toFixed(2);
        // Three decimals where two would round across the goal.
        if (r.goal !== undefined) ratio = `${x.toFixed(3)} — ${x >= r.goal ? 'goal met' : 'goal missed'} (≥ ${r.goal})`;
      }
      print(`| ${r.backend} | ${r.route}${warn} | ${fmt(t.requestsPerSecond)}${spreadOf(r)} | ${t.p50} | ${t.p99} | ${ratio} |`);
    }
    print();
  }
  if (bundle.length) {
    print("The web app's first load (every page is loaded lazily by the router):");
    print();
    for (const l of bundle) print(l);
    print();
  }
  for (const n of notes) print(n);
  print();
  for (const r of scaleResults) printScale(r, print);
  if (scaleResults.length) {
    print(
      'Scale rows: the app route is loaded with Bearer authentication, cycling through the listed requests; its bare twin replays, per request, every statement the app issued for it',
    );
    print('(token lookup included), captured at the driver: concurrent ones together on the pool, a transaction on one connection. "ratio to bare" = app req/s ÷ bare req/s.');
    print();
  }
  for (const r of rhythmResults) {
    print(`Relationship rhythm on ${r.backend === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'} (the scale portfolio):`);
    print();
    print('| what | result | time | goal |');
    print('| --- | ---: | ---: | --- |');
    for (const l of r.lines) print(l);
    print();
  }
  for (const r of levelsResults) {
    print(`Partner levels on ${r.backend === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}:`);
    print();
    print('| what | result | time | goal |');
    print('| --- | ---: | ---: | --- |');
    for (const l of r.lines) print(l);
    print();
  }
  const explain = scaleResults.flatMap((r) => r.explain);
  if (explain.length) {
    print('### EXPLAIN (ANALYZE, BUFFERS) of the first request of each scale route');
    print();
    for (const l of explain) print(l);
    print();
  }
  print(
    `Bare routes run the captured SQL text with the same parameters through the same pool; "ratio to bare" divides the app's req/s by the bare route's. Took ${Math.round((performance.now() - startedAt) / 1000)} s.`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
