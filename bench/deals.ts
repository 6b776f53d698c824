// The joint-business part of `npm run bench` (issue 13): 50,000 opportunities and 20,000 deal
// registrations on PostgreSQL (a tenth on the embedded database), over the scale portfolio's
// partners; then the board's data for a quarter, a partner's Deals tab and a registration's conflict
// check, each beside its bare twin at 50 and at 1 connection. See bench/README.md.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/server/db/client.js';
import { zurichDate } from '../src/shared/days.js';
import { log } from './lib.js';
import { measureScenarios, printGoalsTable, SCALE, type ScaleRoute, type ScaleRow, type Scenario } from './scale.js';

const SAMPLES = 100;
/** The conflict check's goal (issue 13): p99 at one connection on PostgreSQL, ms. */
const CONFLICT_P99_MS = 20;

export interface DealsResult {
  backend: 'pglite' | 'postgres';
  opportunities: number;
  registrations: number;
  customers: number;
  seedMs: number;
  rows: ScaleRow[];
  routes: ScaleRoute[];
}

const WORDS = ['Logistik', 'Bank', 'Versicherung', 'Pharma', 'Handel', 'Energie', 'Medien', 'Bau', 'Informatik', 'Transport', 'Uhren', 'Chemie'];
const LEGAL = ['AG', 'GmbH', 'SA', 'Sàrl', 'Ltd'];

/**
 * Set-based inserts (generate_series), so 50,000 deals load in seconds on both backends. Customers:
 * half as many as registrations, names like "Kalomiren Logistik AG" (name keys without the legal
 * form, as the service stores them). Every registration shares its customer with one other of the
 * same direction (the conflict check finds it) and about two and a half opportunities; only the first
 * of each pair may be approved (the one-approved index holds).
 */
export async function seedDeals(database: Database, n: { opportunities: number; registrations: number }): Promise<number> {
  const started = performance.now();
  const customers = Math.max(10, Math.round(n.registrations / 2));
  const today = zurichDate(new Date());
  const ids = async (q: string) => (await database.query<{ id: string }>(q)).map((r) => r.id);
  const users = await ids(`select id from "user" where deactivated_at is null order by id limit 200`);
  const resellers = await ids(`select id from partner where 'consultant_reseller' = any(types) order by id limit 2000`);
  const vendors = await ids(`select id from partner where types && array['software_vendor','distributor'] order by id limit 2000`);
  const allPartners = await ids(`select id from partner order by id limit 5000`);
  await database.query(`insert into product (name) select 'Deals bench product ' || g from generate_series(1, 20) g on conflict do nothing`);
  const products = await ids(`select id from product where name like 'Deals bench product %' order by name`);

  // Names as varied as real ones: a made-up word from four syllables (65,536 of them, picked by a
  // multiplicative hash of the number so consecutive customers share no tail), a trade for two thirds
  // of them, a legal form; some heads still lie a syllable apart, as typos do.
  await database.query(
    `insert into customer (name, name_key, domain, country)
     select initcap(stem) || coalesce(' ' || trade, '') || ' ' || lg, stem || coalesce(' ' || lower(trade), ''), 'customer-' || g || '.ch', 'CH'
     from generate_series(1, $1::int) g,
          lateral (select (g * 40503) % 65536 as h) hh,
          lateral (select s[1 + h % 16] || s[1 + (h / 16) % 16] || s[1 + (h / 256) % 16] || s[1 + (h / 4096) % 16] as stem,
                          case when g % 3 = 0 then null else ($2::text[])[1 + (g / 3) % cardinality($2::text[])] end as trade,
                          ($3::text[])[1 + g % cardinality($3::text[])] as lg
                   from (select array['ka','lo','mi','ren','tu','sa','vel','dor','fin','gra','hel','jus','ber','zan','quo','pix'] as s) x) y`,
    [customers, WORDS, LEGAL],
  );
  const customerIds = await ids(`select id from customer where domain like 'customer-%.ch' order by (substring(domain from 10 for length(domain) - 12))::int`);

  // Opportunities: stages spread over the default pipeline, close dates over two years around today.
  await database.query(
    `insert into opportunity (customer_id, title, owner_id, stage_key, expected_close_on, closed_on, one_off_minor, mrr_minor, currency, next_step, next_step_due_on)
     select ($1::uuid[])[1 + (g * 7919) % cardinality($1::uuid[])], 'Bench deal ' || g, ($2::text[])[1 + g % cardinality($2::text[])], s.key,
            $3::date + ((g * 37) % 730 - 365), case when s.kind <> 'open' then $3::date + ((g * 37) % 730 - 365) end,
            (g % 50) * 100000, (g % 20) * 50000, (array['CHF','CHF','CHF','EUR','USD'])[1 + g % 5],
            case when s.kind = 'open' then 'Call the customer' end, case when s.kind = 'open' then $3::date + g % 30 end
     from generate_series(1, $4::int) g
     join lateral (select key, kind from deal_stage order by position offset (g % 5) limit 1) s on true`,
    [customerIds, users, today, n.opportunities],
  );
  await database.query(
    `insert into opportunity_partner (opportunity_id, partner_id, role)
     select o.id, ($1::uuid[])[1 + (o.rn * 104729) % cardinality($1::uuid[])], (array['sourced','we_resell','they_resell','co_sell','referral','infrastructure'])[1 + o.rn % 6]
     from (select id, row_number() over (order by id) rn from opportunity where title like 'Bench deal %') o`,
    [allPartners],
  );
  await database.query(
    `insert into opportunity_product (opportunity_id, product_id)
     select o.id, ($1::uuid[])[1 + (o.rn + k) % cardinality($1::uuid[])]
     from (select id, row_number() over (order by id) rn from opportunity where title like 'Bench deal %') o, generate_series(0, 1) k
     on conflict do nothing`,
    [products],
  );
  await database.query(
    `insert into opportunity_stage_change (opportunity_id, from_stage, to_stage, at)
     select id, null, stage_key, created_at from opportunity where title like 'Bench deal %'`,
  );

  // Registrations: odd inbound (resellers), even outbound (vendors and distributors); the pair g and
  // g + half share a customer; a third of the first half approved, protected into the coming weeks.
  const half = Math.max(1, Math.floor(n.registrations / 2));
  await database.query(
    `insert into deal_registration (direction, partner_id, customer_id, status, estimated_value_minor, currency, expected_close_on, submitted_on, approved_on, protected_until, created_at)
     select case when g % 2 = 1 then 'inbound' else 'outbound' end,
            case when g % 2 = 1 then ($1::uuid[])[1 + g % cardinality($1::uuid[])] else ($2::uuid[])[1 + g % cardinality($2::uuid[])] end,
            ($3::uuid[])[1 + (g - 1) % $4::int], st, (g % 40) * 250000, 'CHF', $5::date + g % 200, $5::date - g % 90,
            case when st = 'approved' then $5::date - g % 60 end, case when st = 'approved' then $5::date - g % 60 + 90 end,
            now() - make_interval(secs => $6::int - g)
     from generate_series(1, $6::int) g,
          lateral (select case when g <= $4::int and g % 3 = 0 then 'approved' when g % 7 = 0 then 'rejected' when g % 11 = 0 then 'draft' else 'submitted' end as st) s`,
    [resellers, vendors, customerIds, half, today, n.registrations],
  );
  await database.query(
    `insert into deal_registration_product (registration_id, product_id, direction, customer_id, status)
     select r.id, ($1::uuid[])[1 + (r.rn + k) % cardinality($1::uuid[])], r.direction, r.customer_id, r.status
     from (select id, direction, customer_id, status, row_number() over (order by created_at) rn from deal_registration) r, generate_series(0, 1) k
     on conflict do nothing`,
    [products],
  );
  if (database.kind === 'postgres')
    for (const t of ['customer', 'opportunity', 'opportunity_partner', 'opportunity_product', 'opportunity_stage_change', 'deal_registration', 'deal_registration_product'])
      await database.query(`vacuum (analyze) ${t}`);
  return performance.now() - started;
}

/** The quarters the board cycles through: the last one, this one and the next two. */
function quarters(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return [-1, 0, 1, 2].map((d) => {
    const k = (y * 4 + q - 1 + d) | 0;
    return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
  });
}

export async function benchDeals(ctx: {
  backend: 'pglite' | 'postgres';
  database: Database;
  app: FastifyInstance;
  appUrl: string;
  auth: Record<string, string>;
}): Promise<DealsResult> {
  const { backend, database } = ctx;
  const scale = backend === 'postgres' ? 1 : 0.1;
  const n = { opportunities: Math.max(100, Math.round(SCALE * scale * 50_000)), registrations: Math.max(40, Math.round(SCALE * scale * 20_000)) };
  log(`${backend}: seeding ${n.opportunities} opportunities and ${n.registrations} deal registrations…`);
  const seedMs = await seedDeals(database, n);
  log(`${backend}: deals seeded in ${(seedMs / 1000).toFixed(1)} s`);

  const partners = (
    await database.query<{ id: string }>(`select partner_id as id from opportunity_partner group by partner_id order by md5(partner_id::text) limit ${SAMPLES}`)
  ).map((r) => r.id);
  const registrations = (
    await database.query<{ id: string }>(`select id from deal_registration where direction = 'inbound' and status = 'submitted' order by md5(id::text) limit ${SAMPLES}`)
  ).map((r) => r.id);
  const scenarios: Scenario[] = [
    {
      key: 'board',
      name: 'deal board (one quarter)',
      label: 'GET /api/opportunities/board?quarter=<4 quarters>',
      paths: quarters(zurichDate(new Date())).map((q) => `/api/opportunities/board?quarter=${q}`),
      goalP99One: 50,
      bareAtOne: true,
    },
    {
      key: 'dealsTab',
      name: "partner's Deals tab",
      label: `GET /api/opportunities?partnerId=:id&pageSize=25 (${partners.length} partners)`,
      paths: partners.map((id) => `/api/opportunities?partnerId=${id}&pageSize=25`),
      goalP99One: 20,
      bareAtOne: true,
    },
    {
      key: 'conflicts',
      name: 'conflict check',
      label: `GET /api/deal-registrations/:id/conflicts (${registrations.length} inbound registrations)`,
      paths: registrations.map((id) => `/api/deal-registrations/${id}/conflicts`),
      goalP99One: CONFLICT_P99_MS,
      bareAtOne: true,
    },
  ];
  const measured = await measureScenarios(ctx, scenarios);
  const [{ c }] = (await database.query<{ c: string }>(`select count(*) c from customer`)) as [{ c: string }];
  return { backend, ...n, customers: Number(c), seedMs, rows: measured.rows, routes: measured.routes };
}

export function printDeals(r: DealsResult, print: (s?: string) => void): void {
  const name = r.backend === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)';
  const judge = r.backend === 'postgres';
  print(
    `### Joint business, ${name}: ${r.opportunities.toLocaleString('en-US')} opportunities, ${r.registrations.toLocaleString('en-US')} deal registrations, ${r.customers.toLocaleString('en-US')} customers (seeded in ${(r.seedMs / 1000).toFixed(1)} s)${judge ? '' : ' (goals are judged on PostgreSQL)'}`,
  );
  print();
  printGoalsTable(r.routes, judge, print);
}
