// `npx tsx bench/profile.ts <list|partner|people|timeline|search>`: a CPU profile of the app while one
// scale route is under load (50 connections), on PostgreSQL, and where its time goes. Not part of
// `npm run bench`. It seeds BENCH_SCALE × 10,000 partners (default 0.2) into a database it creates and
// drops, profiles only the load (node:inspector, as `node --cpu-prof` would), writes the profile to
// /tmp/partnerhub-<route>.cpuprofile (open it in Chrome's DevTools) and prints self time by area
// and the heaviest functions. See bench/README.md.
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/server/config.js';
import { openAndMigrate } from '../src/server/boot.js';
import { buildApp } from '../src/server/app.js';
import { createUser } from '../src/server/features/users/users.service.js';
import { createToken } from '../src/server/features/tokens/tokens.service.js';
import { seedScale } from '../src/server/seed/scale.js';
import { DURATION, log, measureRounds, typical, type Row } from './lib.js';
import { scenarios } from './scale.js';

const route = process.argv[2] ?? 'list';
const SCALE = Number(process.env.BENCH_SCALE ?? 0.2);
const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the stack a function belongs to, from its file. */
function area(url: string, name: string): string {
  if (!url) return name === '(garbage collector)' ? 'garbage collection' : name === '(program)' || name === '(idle)' ? name : 'native / V8';
  if (url.includes('/src/server/features/')) return `app: ${/features\/([^/]+)\//.exec(url)?.[1]} feature`;
  if (url.includes('/src/server/plugins/')) return 'app: plugins (auth, errors, security)';
  if (url.includes('/src/server/lib/')) return 'app: lib';
  if (url.includes('/src/')) return 'app: other';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg.startsWith('@fastify/') || pkg === 'fastify' || pkg.startsWith('fast-json') || pkg === 'find-my-way' || pkg === 'light-my-request' ? `fastify (${pkg})` : pkg;
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  return url;
}

function summarise(p: Profile, requests: number) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + us);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/src\//, 'src/')}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  // Inclusive time of a few frames that name a stage of the request.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stages: [string, (n: Node) => boolean][] = [
    ['presenters (*.presenter.ts)', (n) => n.callFrame.url.includes('.presenter.')],
    ['response serialisation (fast-json-stringify)', (n) => /fast-json-stringify|serializ/i.test(n.callFrame.url + n.callFrame.functionName)],
    ['zod (validation, parsing)', (n) => n.callFrame.url.includes('/zod/')],
    ['drizzle (query building, row mapping)', (n) => n.callFrame.url.includes('drizzle-orm')],
    ['pg driver (protocol, parsing rows)', (n) => /node_modules\/(pg|pg-protocol|pg-types|postgres-)/.test(n.callFrame.url)],
    ['auth plugin (token lookup, rate limit)', (n) => n.callFrame.url.includes('/plugins/auth.') || n.callFrame.url.includes('/lib/rate-limit.')],
  ];
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      for (const [label, match] of stages) if (!seen.has(label) && match(n)) seen.add(label);
    }
    for (const label of seen) inclusive.set(label, (inclusive.get(label) ?? 0) + us);
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const ms = (us: number) => `${(us / 1000 / requests).toFixed(3)} ms/req (${((100 * us) / total).toFixed(1)} %)`;
  console.log(`\n${requests} requests; profile ${(total / 1000).toFixed(0)} ms of samples (idle included)\n\nSelf time by area:`);
  for (const [a, us] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${a.padEnd(48)} ${ms(us)}`);
  console.log('\nInclusive time of stages (a frame and everything it calls):');
  for (const [label] of stages) console.log(`  ${label.padEnd(48)} ${ms(inclusive.get(label) ?? 0)}`);
  console.log('\nHeaviest functions (self):');
  for (const [f, us] of [...byFn].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(`  ${ms(us).padEnd(28)} ${f}`);
}

async function main() {
  const name = `partnerhub_profile_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const config = loadConfig({
    NODE_ENV: 'production',
    JOBS: 'off',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    API_TOKEN_RATE_LIMIT: '10000000',
    DATABASE_URL: url.toString(),
  });
  const database = await openAndMigrate(config, log);
  try {
    const app = await buildApp({ config, database, web: false, logger: false });
    const owner = await createUser(database.db, app.auth, { name: 'Bench Admin', email: 'bench.admin@example.com', password: 'bench password 1234', role: 'admin' }, null);
    const { token } = await createToken(database.db, owner.id, { name: 'bench', expiresInDays: null }, null);
    const headers = { authorization: `Bearer ${token}` };
    const partners = Math.max(10, Math.round(SCALE * 10_000));
    log(`seeding ${partners} partners…`);
    await seedScale(database, { partners, contactsPerPartner: 10, activitiesPerPartner: 100, ownerId: owner.id });
    const scenario = (await scenarios(database)).find((s) => s.key === route);
    if (!scenario) throw new Error(`unknown route ${route}`);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    for (const p of scenario.paths) await app.inject({ method: 'GET', url: p, headers });
    const row: Row = { backend: 'postgres', route: `app ${scenario.label}`, loads: [] };
    const session = new inspector.Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await measureRounds([{ row, url: appUrl, headers, paths: scenario.paths }], 1);
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    session.disconnect();
    const file = `/tmp/partnerhub-${route}.cpuprofile`;
    fs.writeFileSync(file, JSON.stringify(profile));
    const load = typical(row);
    log(`profile written to ${file} (${DURATION} s of load after a 1 s warm-up, both profiled)`);
    // The warm-up's requests are in the profile too: count them by the measured rate.
    summarise(profile, Math.round(load.total * (1 + 1 / DURATION)));
    console.log(
      `\n${load.requestsPerSecond.toFixed(0)} req/s, ${load.cpuMsPerRequest.toFixed(2)} ms of Node CPU per request, kernel ${load.cpuSysMsPerRequest.toFixed(2)} of it (whole process, measured part)`,
    );
    await app.close();
  } finally {
    await database.close();
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
