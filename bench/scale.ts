// The scale part of `npm run bench`: a large portfolio seeded with seedScale, then the partner
// list, the 360° page's data, a timeline page and search, each beside a bare Fastify route that
// replays the SQL the app issued for the same request. See bench/README.md.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../src/server/db/client.js';
import { seedScale, type ScaleTimings } from '../src/server/seed/scale.js';
import {
  badResponses,
  captureSql,
  CONNECTIONS,
  databaseMs,
  fmt,
  log,
  measureRounds,
  median,
  planReplay,
  ratioOf,
  replay,
  spreadOf,
  typical,
  type Row,
  type Step,
  type Target,
} from './lib.js';

/** 0 skips the scale part; another number multiplies the portfolio (e.g. 0.1 for a quick run). */
export const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 2);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
/** Distinct partners whose 360° page, people and timeline the load cycles through. */
const SAMPLE_PARTNERS = 100;
const SEED_GOAL_MS = 120_000;

const TYPES = ['consultant_reseller', 'cloud_service_provider', 'software_vendor', 'distributor'];
/**
 * What people type into the search box, from the seed's vocabulary: misspelled or partial surnames
 * (seeded as e.g. "Brunner17"), full names, partial partner names, and words of timeline entries.
 */
const SEARCH_WORDS = [
  'Brunr',
  'Zimmerman',
  'Schmidt',
  'Fisher',
  'Widmar',
  'Steinr',
  'Kelle',
  'Baumann',
  'Anna Keller',
  'sofia huber',
  'Nordic Sys',
  'Kube Labs',
  'Alpine Host',
  'Swiss Consult',
  'bench secure net',
  'Open Solutions 7',
  'roadshow',
  'observability',
  'pricing discus',
  'certification plan',
];

/** The goals of issue 11 ("Speed goals, restated so that they can be measured"), judged on PostgreSQL. */
export const GOALS = {
  /** The app's requests/s ÷ its bare twin's at CONNECTIONS connections, at least. */
  ratio: 0.7,
  /** The app's Node CPU per request at CONNECTIONS connections, ms, at most. */
  cpuMs: 1,
};

export interface Scenario {
  key: string;
  /** Short name in the goals table. */
  name: string;
  /** What the row says the app route is. */
  label: string;
  paths: string[];
  /** p99 latency at one connection, ms, at most. */
  goalP99One: number;
  /** Database time per request (median over the cycled requests), ms, at most. */
  goalDbMs?: number;
  /** Also load the bare twin at one connection (the ratio at one connection is then judged too). */
  bareAtOne?: boolean;
}

export interface ScaleRow extends Row {
  /** For bare rows: statements per request (of the first sample) and whether they include a transaction. */
  shape?: string;
}

/** One scale route's figures for the goals table. */
export interface ScaleRoute {
  key: string;
  name: string;
  /** The app at CONNECTIONS connections; its baseline is the bare twin. */
  app: ScaleRow;
  /** The app at one connection. */
  single: ScaleRow;
  goalP99One: number;
  goalDbMs?: number;
  /** Planning + execution ms of each cycled request's statements (EXPLAIN ANALYZE). */
  dbMs: number[];
}

export interface ScaleResult {
  backend: 'pglite' | 'postgres';
  partners: number;
  contacts: number;
  activities: number;
  timings: ScaleTimings;
  rows: ScaleRow[];
  routes: ScaleRoute[];
  notes: string[];
  explain: string[];
}

const describe = (steps: Step[]) => {
  const n = steps.reduce((k, s) => k + s.statements.length, 0);
  const parallel = steps.filter((s) => !s.transaction && s.statements.length > 1).map((s) => s.statements.length);
  const tx = steps.filter((s) => s.transaction).length;
  return `${n} statements${parallel.length ? `, ${parallel.join(' + ')} of them concurrent` : ''}${tx ? `, ${tx === 1 ? 'one transaction' : `${tx} transactions`}` : ''}`;
};

export async function benchScale(ctx: {
  backend: 'pglite' | 'postgres';
  database: Database;
  app: FastifyInstance;
  appUrl: string;
  auth: Record<string, string>;
  ownerId: string;
}): Promise<ScaleResult> {
  const { backend, database } = ctx;
  // A tenth of the portfolio on the embedded database.
  const partners = Math.max(10, Math.round(SCALE * (backend === 'postgres' ? 10_000 : 1_000)));
  const size = { partners, contactsPerPartner: 10, activitiesPerPartner: 100 };
  log(`${backend}: seeding ${partners} partners, ${partners * size.contactsPerPartner} contacts, ${partners * size.activitiesPerPartner} timeline entries…`);
  const timings = await seedScale(database, { ...size, ownerId: ctx.ownerId });
  log(`${backend}: seeded in ${(timings.totalMs / 1000).toFixed(1)} s ${JSON.stringify(timings)}`);
  // BENCH_SCALE_MEASURE=0 seeds the portfolio but leaves its routes unmeasured (for the parts that build on it).
  const measured = process.env.BENCH_SCALE_MEASURE === '0' ? { rows: [], routes: [], notes: [], explain: [] } : await measureScale(ctx);
  return { backend, partners, contacts: partners * size.contactsPerPartner, activities: partners * size.activitiesPerPartner, timings, ...measured };
}

/** The scale routes and the requests each cycles through (the sample partners read from the seeded database). */
export async function scenarios(database: Database): Promise<Scenario[]> {
  const ids = (await database.query<{ id: string }>(`select id from partner where description like 'Synthetic partner%' order by md5(id::text) limit ${SAMPLE_PARTNERS}`)).map(
    (r) => r.id,
  );
  return [
    {
      key: 'list',
      name: 'partner list',
      label: `GET /api/partners?type=<each of the 4>&status=active&sort=-lastContactAt&pageSize=25`,
      paths: TYPES.map((t) => `/api/partners?type=${t}&status=active&sort=-lastContactAt&pageSize=25`),
      goalP99One: 10,
      goalDbMs: 1,
    },
    {
      key: 'partner',
      name: '360° header',
      label: `GET /api/partners/:id (360° header + overview; ${ids.length} partners)`,
      paths: ids.map((id) => `/api/partners/${id}`),
      goalP99One: 10,
      goalDbMs: 1,
    },
    {
      key: 'people',
      name: 'people tab',
      label: `GET /api/partners/:id/stakeholders (360° people tab)`,
      paths: ids.map((id) => `/api/partners/${id}/stakeholders`),
      goalP99One: 10,
      goalDbMs: 1,
    },
    {
      key: 'timeline',
      name: 'timeline page',
      label: `GET /api/activities?partnerId=:id&pageSize=25 (timeline page)`,
      paths: ids.map((id) => `/api/activities?partnerId=${id}&pageSize=25`),
      goalP99One: 10,
    },
    {
      key: 'search',
      name: 'search',
      label: `GET /api/search?q=<${SEARCH_WORDS.length} words>`,
      paths: SEARCH_WORDS.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
      goalP99One: 30,
      goalDbMs: 5,
    },
  ];
}

/** Loads the routes on an already seeded database (bench/scale.ts seeds first; exported for profiling runs). */
export async function measureScale(
  ctx: { backend: 'pglite' | 'postgres'; database: Database; app: FastifyInstance; appUrl: string; auth: Record<string, string> },
  only?: string[],
): Promise<{ rows: ScaleRow[]; routes: ScaleRoute[]; notes: string[]; explain: string[] }> {
  const all = await scenarios(ctx.database);
  return measureScenarios(
    ctx,
    all.filter((s) => !only || only.includes(s.key)),
  );
}

/** Each scenario's app route beside its bare twin (the captured SQL replayed), and the app alone at one connection. */
export async function measureScenarios(
  ctx: { backend: 'pglite' | 'postgres'; database: Database; app: FastifyInstance; appUrl: string; auth: Record<string, string> },
  chosen: Scenario[],
): Promise<{ rows: ScaleRow[]; routes: ScaleRoute[]; notes: string[]; explain: string[] }> {
  const { backend, database, app, appUrl, auth } = ctx;

  // Capture, per scenario and sample, the SQL of one steady-state request (after a first call: the
  // token's last use is written at most once a minute, and that write is left out of the replay).
  const plans = new Map<string, Step[][]>();
  const notes: string[] = [];
  for (const s of chosen) {
    const list: Step[][] = [];
    for (const p of s.paths) {
      const first = await app.inject({ method: 'GET', url: p, headers: auth });
      if (first.statusCode !== 200) throw new Error(`${p} answered ${first.statusCode}: ${first.body}`);
      const statements = (await captureSql(database, () => app.inject({ method: 'GET', url: p, headers: auth }))).filter((st) => !/^\s*update "api_token"/i.test(st.text));
      list.push(planReplay(statements));
      if (s.key === 'search') {
        // One request on its own (no other load): which words are expensive, apart from queueing.
        const started = performance.now();
        await app.inject({ method: 'GET', url: p, headers: auth });
        const ms = performance.now() - started;
        const items = (JSON.parse(first.body) as { items: { type: string; title: string }[] }).items;
        notes.push(
          `search "${decodeURIComponent(p.split('q=')[1]!)}": ${ms.toFixed(0)} ms alone; ${items.length} results${items[0] ? `, first ${items[0].type} "${items[0].title}"` : ''}`,
        );
      }
    }
    plans.set(s.key, list);
  }

  // The database's time per request: every cycled request's statements under EXPLAIN (ANALYZE), on
  // a quiet database (before the load), twice, the second time counted (the first warms caches).
  const dbMs = new Map<string, number[]>();
  for (const s of chosen) {
    const times: number[] = [];
    for (const steps of plans.get(s.key)!) {
      await databaseMs(database, steps);
      times.push(await databaseMs(database, steps));
    }
    dbMs.set(s.key, times);
    log(
      `${backend} ${s.key}: database ms per request (EXPLAIN ANALYZE, planning + execution): median ${median(times).toFixed(2)}, max ${Math.max(...times).toFixed(2)} over ${times.length} requests`,
    );
  }

  const explain: string[] = [];
  if (EXPLAIN) {
    for (const s of chosen) {
      const steps = plans.get(s.key)![0]!;
      explain.push(`#### ${backend} ${s.key}: ${s.paths[0]}`);
      const plansOut = await replay(database, steps, true);
      const flat = steps.flatMap((st) => st.statements);
      flat.forEach((st, i) => {
        explain.push('```', st.text.replace(/\s+/g, ' ').trim(), `-- params: ${JSON.stringify(st.params)}`);
        for (const r of plansOut[i] ?? []) explain.push(String(Object.values(r as Record<string, unknown>)[0]));
        explain.push('```');
      });
    }
  }

  const bare = Fastify({ logger: false });
  bare.get<{ Params: { key: string; i: string } }>('/scale/:key/:i', async (req) => ({ results: await replay(database, plans.get(req.params.key)![Number(req.params.i)]!) }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
  const rows: ScaleRow[] = [];
  const routes: ScaleRoute[] = [];
  const targets: Target[] = [];
  try {
    for (const s of chosen) {
      const bareRow: ScaleRow = { backend, route: `bare: the same SQL`, loads: [], shape: describe(plans.get(s.key)![0]!) };
      const appRow: ScaleRow = { backend, route: `app ${s.label}`, loads: [], baseline: bareRow };
      const single: ScaleRow = { backend, route: `app ${s.label}, at 1 connection`, loads: [] };
      rows.push(appRow, bareRow, single);
      routes.push({ key: s.key, name: s.name, app: appRow, single, goalP99One: s.goalP99One, goalDbMs: s.goalDbMs, dbMs: dbMs.get(s.key)! });
      // App first, then its bare twin, back to back; then the app alone on one connection.
      targets.push({ row: appRow, url: appUrl, headers: auth, paths: s.paths });
      targets.push({ row: bareRow, url: bareUrl, headers: {}, paths: s.paths.map((_, i) => `/scale/${s.key}/${i}`) });
      targets.push({ row: single, url: appUrl, headers: auth, paths: s.paths, connections: 1 });
      if (s.bareAtOne) {
        // The bare twin at one connection too, so the ratio is judged with requests one after another as well.
        const bareOne: ScaleRow = { backend, route: `bare: the same SQL, at 1 connection`, loads: [] };
        single.baseline = bareOne;
        rows.push(bareOne);
        targets.push({ row: bareOne, url: bareUrl, headers: {}, paths: s.paths.map((_, i) => `/scale/${s.key}/${i}`), connections: 1 });
      }
    }
    await measureRounds(targets, ROUNDS);
  } finally {
    await bare.close();
  }
  return { rows, routes, notes, explain };
}

const thousands = (n: number) => n.toLocaleString('en-US');
const s1 = (ms: number) => (ms / 1000).toFixed(1);

export function printScale(r: ScaleResult, print: (s?: string) => void): void {
  const name = r.backend === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)';
  const t = r.timings;
  print(`### Scale, ${name}: ${thousands(r.partners)} partners, ${thousands(r.contacts)} contacts, ${thousands(r.activities)} timeline entries`);
  print();
  const seedGoal =
    r.backend === 'postgres' && r.activities >= 1_000_000 ? ` — ${t.totalMs < SEED_GOAL_MS ? 'goal met' : 'goal missed'} (1,000,000 entries in < ${SEED_GOAL_MS / 1000} s)` : '';
  print(
    `Seeded (seedScale) in ${s1(t.totalMs)} s${seedGoal}: drop indexes and foreign keys ${s1(t.prepareMs)} s, partners ${s1(t.partnersMs)} s, contacts ${s1(t.contactsMs)} s, ` +
      `timeline ${s1(t.activitiesMs)} s, last contact ${s1(t.derivedMs)} s, rebuild indexes and foreign keys ${s1(t.indexesMs)} s, commit${r.backend === 'postgres' ? ' + vacuum (analyze)' : ''} ${s1(t.finishMs)} s.`,
  );
  print();
  print(`${ROUNDS} round(s) per route; req/s of the median round (lowest–highest); p50/p99 of that round.`);
  print();
  print(`Every route at ${CONNECTIONS} connections (app, then its bare twin), then the app at 1 connection (requests one after another).`);
  print();
  print('| route | req/s | p50 ms | p99 ms | Node CPU ms/req (of it kernel) | ratio to bare |');
  print('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of r.rows) {
    const typ = typical(row);
    const bad = badResponses(row);
    const warn = bad ? ` ⚠ ${bad} non-2xx responses, errors or timeouts` : '';
    const route = row.shape ? `${row.route} (${row.shape})` : row.route;
    const ratio = row.baseline ? ratioOf(row).toFixed(2) : '—';
    print(
      `| ${route}${warn} | ${fmt(typ.requestsPerSecond)}${spreadOf(row)} | ${typ.p50} | ${typ.p99} | ${typ.cpuMsPerRequest.toFixed(2)} (${typ.cpuSysMsPerRequest.toFixed(2)}) | ${ratio} |`,
    );
  }
  print();
  for (const n of r.notes) print(`- ${n}`);
  print();
}

const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/**
 * The goals table of issue 11: per scale route, p99 at one connection, the app's throughput ÷ its
 * bare twin's and its Node CPU per request at CONNECTIONS connections, and the database time per
 * request; each met or missed. Latency and throughput are of the median round (see `typical`,
 * `ratioOf`); the database time is the median over the cycled requests.
 */
export function printGoals(r: ScaleResult, print: (s?: string) => void): void {
  const name = r.backend === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)';
  const judge = r.backend === 'postgres';
  print(
    `### Speed goals, ${name}: ${thousands(r.partners)} partners, ${thousands(r.contacts)} contacts, ${thousands(r.activities)} timeline entries${judge ? '' : ' (goals are judged on PostgreSQL)'}`,
  );
  print();
  printGoalsTable(r.routes, judge, print);
}

/** The goals table of a set of scenario routes; `judge` marks each goal met or missed (PostgreSQL's figures only). */
export function printGoalsTable(routes: ScaleRoute[], judge: boolean, print: (s?: string) => void): void {
  const r = { routes };
  const mark = (met: boolean) => (judge ? ` ${verdict(met)}` : '');
  print(
    `| route | p99 at 1 connection | app ÷ bare at ${CONNECTIONS} connections (≥ ${GOALS.ratio}) | app's Node CPU per request at ${CONNECTIONS} connections (≤ ${GOALS.cpuMs} ms) | database time per request, median (max) |`,
  );
  print('| --- | --- | --- | --- | --- |');
  for (const x of r.routes) {
    const { p99, p50 } = typical(x.single);
    const ratio = ratioOf(x.app);
    // With the bare twin also loaded at one connection, its ratio is judged beside the p99.
    const one = x.single.baseline ? `; app ÷ bare ${ratioOf(x.single).toFixed(2)}${mark(ratioOf(x.single) >= GOALS.ratio)}` : '';
    const { cpuMsPerRequest: cpu, cpuSysMsPerRequest: cpuSys } = typical(x.app);
    const bareCpu = typical(x.app.baseline!).cpuMsPerRequest;
    const db = median(x.dbMs);
    const bad = badResponses(x.app) + badResponses(x.single) + badResponses(x.app.baseline!);
    const warn = bad ? ` ⚠ ${bad} non-2xx responses, errors or timeouts` : '';
    const dbGoal = x.goalDbMs !== undefined ? ` (≤ ${x.goalDbMs} ms)${mark(db <= x.goalDbMs)}` : ' (no goal)';
    print(
      `| ${x.name}${warn} | ${p99.toFixed(1)} ms (≤ ${x.goalP99One} ms)${mark(p99 <= x.goalP99One)} (p50 ${p50.toFixed(1)}${one}) | ${ratio.toFixed(2)}${mark(ratio >= GOALS.ratio)} | ${cpu.toFixed(2)} ms${mark(cpu <= GOALS.cpuMs)} (kernel ${cpuSys.toFixed(2)}; bare ${bareCpu.toFixed(2)}) | ` +
        `${db.toFixed(2)} ms (${Math.max(...x.dbMs).toFixed(2)})${dbGoal} |`,
    );
  }
  print();
  print(
    `p99 at 1 connection: the app's requests one after another, cycling through the route's requests, timed by the load process. App ÷ bare and Node CPU: as in the scale table below (median round); "kernel" is the system time in it, "bare" the bare twin's Node CPU per request for the same SQL. ` +
      `Database time: planning + execution time of the statements one request runs, summed, from EXPLAIN (ANALYZE, TIMING OFF) replayed as the app ran them; the median over the ${r.routes.map((x) => x.dbMs.length).join('/')} cycled requests, on a quiet database.`,
  );
  print();
}
