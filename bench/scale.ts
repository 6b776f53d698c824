// The scale part of `npm run bench`: a large portfolio seeded with seedScale, then the partner
// list, the 360° page's data, a timeline page and search, each beside a bare Fastify route that
// replays the SQL the app issued for the same request. See bench/README.md.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../src/server/db/client.js';
import { seedScale, type ScaleTimings } from '../src/server/seed/scale.js';
import { badResponses, captureSql, fmt, log, measureRounds, planReplay, ratioOf, replay, spreadOf, typical, type Row, type Step, type Target } from './lib.js';

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
  'Brunr', 'Zimmerman', 'Schmidt', 'Fisher', 'Widmar', 'Steinr', 'Kelle', 'Baumann',
  'Anna Keller', 'sofia huber', 'Nordic Sys', 'Kube Labs', 'Alpine Host', 'Swiss Consult', 'bench secure net', 'Open Solutions 7',
  'roadshow', 'observability', 'pricing discus', 'certification plan',
];

interface Scenario {
  key: string;
  /** What the row says the app route is. */
  label: string;
  paths: string[];
  goalP99?: number;
}

export interface ScaleRow extends Row {
  goalP99?: number;
  /** For bare rows: statements per request (of the first sample) and whether they include a transaction. */
  shape?: string;
}

export interface ScaleResult {
  backend: 'pglite' | 'postgres';
  partners: number;
  contacts: number;
  activities: number;
  timings: ScaleTimings;
  rows: ScaleRow[];
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
  const measured = await measureScale(ctx);
  return { backend, partners, contacts: partners * size.contactsPerPartner, activities: partners * size.activitiesPerPartner, timings, ...measured };
}

/** Loads the routes on an already seeded database (bench/scale.ts seeds first; exported for profiling runs). */
export async function measureScale(
  ctx: { backend: 'pglite' | 'postgres'; database: Database; app: FastifyInstance; appUrl: string; auth: Record<string, string> },
  only?: string[],
): Promise<{ rows: ScaleRow[]; notes: string[]; explain: string[] }> {
  const { backend, database, app, appUrl, auth } = ctx;
  const ids = (await database.query<{ id: string }>(`select id from partner where description like 'Synthetic partner%' order by md5(id::text) limit ${SAMPLE_PARTNERS}`)).map((r) => r.id);
  const all: Scenario[] = [
    {
      key: 'list',
      label: `GET /api/partners?type=<each of the 4>&status=active&sort=-lastContactAt&pageSize=25`,
      paths: TYPES.map((t) => `/api/partners?type=${t}&status=active&sort=-lastContactAt&pageSize=25`),
      goalP99: 50,
    },
    { key: 'partner', label: `GET /api/partners/:id (360° header + overview; ${ids.length} partners)`, paths: ids.map((id) => `/api/partners/${id}`), goalP99: 50 },
    { key: 'people', label: `GET /api/partners/:id/stakeholders (360° people tab)`, paths: ids.map((id) => `/api/partners/${id}/stakeholders`), goalP99: 50 },
    { key: 'timeline', label: `GET /api/activities?partnerId=:id&pageSize=25 (timeline page)`, paths: ids.map((id) => `/api/activities?partnerId=${id}&pageSize=25`) },
    { key: 'search', label: `GET /api/search?q=<${SEARCH_WORDS.length} words>`, paths: SEARCH_WORDS.map((q) => `/api/search?q=${encodeURIComponent(q)}`), goalP99: 100 },
  ];
  const scenarios = all.filter((s) => !only || only.includes(s.key));

  // Capture, per scenario and sample, the SQL of one steady-state request (after a first call: the
  // token's last use is written at most once a minute, and that write is left out of the replay).
  const plans = new Map<string, Step[][]>();
  const notes: string[] = [];
  for (const s of scenarios) {
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
        notes.push(`search "${decodeURIComponent(p.split('q=')[1]!)}": ${ms.toFixed(0)} ms alone; ${items.length} results${items[0] ? `, first ${items[0].type} "${items[0].title}"` : ''}`);
      }
    }
    plans.set(s.key, list);
  }

  const explain: string[] = [];
  if (EXPLAIN) {
    for (const s of scenarios) {
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
  const targets: Target[] = [];
  try {
    for (const s of scenarios) {
      const bareRow: ScaleRow = { backend, route: `bare: the same SQL`, loads: [], shape: describe(plans.get(s.key)![0]!) };
      const appRow: ScaleRow = { backend, route: `app ${s.label}`, loads: [], baseline: bareRow, goalP99: backend === 'postgres' ? s.goalP99 : undefined };
      rows.push(appRow, bareRow);
      // App first, then its bare twin, back to back.
      targets.push({ row: appRow, url: appUrl, headers: auth, paths: s.paths });
      targets.push({ row: bareRow, url: bareUrl, headers: {}, paths: s.paths.map((_, i) => `/scale/${s.key}/${i}`) });
    }
    await measureRounds(targets, ROUNDS);
  } finally {
    await bare.close();
  }
  return { rows, notes, explain };
}

const thousands = (n: number) => n.toLocaleString('en-US');
const s1 = (ms: number) => (ms / 1000).toFixed(1);

export function printScale(r: ScaleResult, print: (s?: string) => void): void {
  const name = r.backend === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)';
  const t = r.timings;
  print(`### Scale, ${name}: ${thousands(r.partners)} partners, ${thousands(r.contacts)} contacts, ${thousands(r.activities)} timeline entries`);
  print();
  const seedGoal = r.backend === 'postgres' && r.activities >= 1_000_000 ? ` — ${t.totalMs < SEED_GOAL_MS ? 'goal met' : 'goal missed'} (1,000,000 entries in < ${SEED_GOAL_MS / 1000} s)` : '';
  print(
    `Seeded (seedScale) in ${s1(t.totalMs)} s${seedGoal}: drop indexes and foreign keys ${s1(t.prepareMs)} s, partners ${s1(t.partnersMs)} s, contacts ${s1(t.contactsMs)} s, ` +
      `timeline ${s1(t.activitiesMs)} s, last contact ${s1(t.derivedMs)} s, rebuild indexes and foreign keys ${s1(t.indexesMs)} s, commit${r.backend === 'postgres' ? ' + vacuum (analyze)' : ''} ${s1(t.finishMs)} s.`,
  );
  print();
  print(`${ROUNDS} round(s) per route; req/s of the median round (lowest–highest); p50/p99 of that round.`);
  print();
  print('| route | req/s | p50 ms | p99 ms | Node CPU ms/req | ratio to bare | goal |');
  print('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of r.rows) {
    const typ = typical(row);
    const bad = badResponses(row);
    const warn = bad ? ` ⚠ ${bad} non-2xx responses, errors or timeouts` : '';
    const route = row.shape ? `${row.route} (${row.shape})` : row.route;
    const ratio = row.baseline ? ratioOf(row).toFixed(2) : '—';
    // The goal is on p99 of every round, not only the typical one.
    const worst = Math.max(...row.loads.map((l) => l.p99));
    const goal = row.goalP99 !== undefined ? `p99 < ${row.goalP99} ms: ${worst < row.goalP99 ? 'goal met' : 'goal missed'}${row.loads.length > 1 ? ` (worst round ${worst} ms)` : ''}` : '—';
    print(`| ${route}${warn} | ${fmt(typ.requestsPerSecond)}${spreadOf(row)} | ${typ.p50} | ${typ.p99} | ${typ.cpuMsPerRequest.toFixed(2)} | ${ratio} | ${goal} |`);
  }
  print();
  for (const n of r.notes) print(`- ${n}`);
  print();
}
