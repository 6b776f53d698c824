import { sql, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client.js';

export interface ScaleOptions {
  partners: number;
  contactsPerPartner: number;
  activitiesPerPartner: number;
  ownerId: string;
}

export interface ScaleTimings {
  /** Dropping the loaded tables' secondary indexes and foreign keys (read back from the catalogue). */
  prepareMs: number;
  partnersMs: number;
  contactsMs: number;
  /** Timeline entries, and the links of the important ones to our people and their contacts. */
  activitiesMs: number;
  /** Last contact of partners and contacts. */
  derivedMs: number;
  /** Rebuilding the dropped indexes and foreign keys (the latter validated in one pass each). */
  indexesMs: number;
  /** Commit, then on PostgreSQL `vacuum (analyze)` of the loaded tables. */
  finishMs: number;
  /** Everything, from the first statement to the end of the vacuum. */
  totalMs: number;
}

/** The tables the load fills, referenced ones first. */
const LOADED = ['partner', 'contact', 'activity', 'activity_user', 'activity_contact'] as const;

type Rows = Record<string, unknown>[];
const rowsOf = (r: unknown): Rows => (r as { rows: Rows }).rows;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Dropped {
  table: string;
  indexes: { name: string; def: string }[];
  foreignKeys: { name: string; def: string }[];
}

/**
 * Bulk-load practice (PostgreSQL manual, "Populating a Database"): drop a table's secondary indexes
 * and foreign keys, load, then rebuild them. Building an index once is several times cheaper than
 * maintaining it row by row, and re-adding a foreign key validates it with one join instead of a
 * trigger call per row (at a million timeline entries: 15 s → 6 s for the insert alone). The
 * definitions are read back from the catalogue, so the schema ends up exactly as migrated. Indexes
 * that back a constraint (primary keys, or ones a foreign key relies on) stay.
 */
async function dropSecondary(tx: DbOrTx, table: string): Promise<Dropped> {
  const indexes = rowsOf(
    await tx.execute(sql`
      select i.relname as name, pg_get_indexdef(i.oid) as def
      from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = ${table}::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`),
  ) as Dropped['indexes'];
  const foreignKeys = rowsOf(
    await tx.execute(sql`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = ${table}::regclass and contype = 'f'`),
  ) as Dropped['foreignKeys'];
  for (const i of indexes) await tx.execute(sql.raw(`drop index ${ident(i.name)}`));
  for (const f of foreignKeys) await tx.execute(sql.raw(`alter table ${ident(table)} drop constraint ${ident(f.name)}`));
  return { table, indexes, foreignKeys };
}

async function rebuild(tx: DbOrTx, d: Dropped): Promise<void> {
  for (const i of d.indexes) await tx.execute(sql.raw(i.def));
  for (const f of d.foreignKeys) await tx.execute(sql.raw(`alter table ${ident(d.table)} add constraint ${ident(f.name)} ${f.def}`));
}

/**
 * Fills a database with a large synthetic portfolio for benchmarks, set-based in SQL so a million
 * timeline entries take seconds, not hours. Names and words come from small vocabularies so that
 * search has realistic collisions. Everything runs in one transaction on one connection: a failed
 * load leaves nothing behind (in particular no dropped index), and the session settings apply to
 * the statements that build the indexes. Meant for an empty database: the loaded tables are locked
 * exclusively until the end.
 */
export async function seedScale(database: Database, o: ScaleOptions): Promise<ScaleTimings> {
  const started = performance.now();
  const timings: Partial<ScaleTimings> = {};
  const time = async (key: keyof ScaleTimings, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    timings[key] = Math.round(performance.now() - t);
  };
  const partners = sql`(select id, row_number() over (order by id) as rn from partner) p`;
  const run = (tx: DbOrTx, q: SQL) => tx.execute(q);

  await database.db.transaction(async (tx) => {
    // Building a million rows and their indexes takes longer than any request may.
    await run(tx, sql`set local statement_timeout = 0`);
    // More memory for sorting the index builds (the embedded database keeps its small default).
    if (database.kind === 'postgres') await run(tx, sql`set local maintenance_work_mem = '256MB'`);
    const dropped: Dropped[] = [];
    await time('prepareMs', async () => {
      for (const table of LOADED) dropped.push(await dropSecondary(tx, table));
    });
    await time('partnersMs', () =>
      run(
        tx,
        sql`
        insert into partner (name, types, status, importance, country, tags, owner_id, description)
        select 'Bench ' || (array['Cloud','Data','Kube','Stack','Secure','Alpine','Nordic','Swiss','Open','Blue'])[1 + g % 10] || ' ' ||
               (array['Systems','Networks','Software','Consulting','Hosting','Labs','Partners','Solutions'])[1 + (g / 10) % 8] || ' ' || g,
               array[(array['consultant_reseller','cloud_service_provider','software_vendor','distributor'])[1 + g % 4]],
               (array['prospect','onboarding','active','active','active','paused','offboarded'])[1 + g % 7],
               (array['strategic','key','standard','standard','standard'])[1 + g % 5],
               (array['CH','DE','AT','FR','US','NL'])[1 + g % 6],
               array[(array['kubernetes','security','hosting','licensing','data','devops'])[1 + g % 6]],
               ${o.ownerId},
               'Synthetic partner number ' || g || ' for benchmarks'
        from generate_series(1, ${o.partners}::int) g`,
      ),
    );
    await time('contactsMs', () =>
      run(
        tx,
        sql`
        insert into contact (partner_id, first_name, last_name, email, role, title, is_primary)
        select p.id,
               (array['Anna','Luca','Mia','Noah','Lea','Elias','Sofia','Jonas','Laura','David','Sara','Nico'])[1 + (n + p.rn) % 12],
               (array['Keller','Brunner','Meier','Schmid','Weber','Huber','Fischer','Baumann','Frei','Gerber','Moser','Widmer','Zimmermann','Steiner','Graf','Roth'])[1 + (n * 7 + p.rn) % 16] || (p.rn % 97)::text,
               'person' || n || '.' || p.rn || '@bench.example',
               (array['executive_sponsor','partner_manager','sales','presales','marketing','finance','support'])[1 + n % 7],
               'Title ' || n, n = 1
        from ${partners}, generate_series(1, ${o.contactsPerPartner}::int) n`,
      ),
    );
    await time('activitiesMs', async () => {
      await run(
        tx,
        sql`
        insert into activity (partner_id, kind, occurred_at, summary, outcome, important, created_by)
        select p.id,
               (array['meeting','call','email','event','note'])[1 + n % 5],
               now() - make_interval(days => ((n * 37 + p.rn) % 365)::int, hours => (n % 24)::int),
               (array['Quarterly business review','Sync meeting','Deal registration call','Webinar planning','Certification plan','Licence report','Roadshow debrief','Pricing discussion'])[1 + (n + p.rn) % 8]
                 || ' ' || (array['kubernetes','openshift','backup','security','observability','storage','networking','training'])[1 + (n * 3 + p.rn) % 8],
               case when n % 3 = 0 then 'Agreed next steps' end,
               n % 17 = 0,
               ${o.ownerId}
        from ${partners}, generate_series(1, ${o.activitiesPerPartner}::int) n`,
      );
      // Our people and the partner's primary contact on the important entries only (one in 17): a
      // million link rows would double the load time without changing what a timeline page does.
      await run(tx, sql`insert into activity_user (activity_id, user_id) select id, created_by from activity where important and created_by is not null on conflict do nothing`);
      await run(
        tx,
        sql`insert into activity_contact (activity_id, contact_id) select a.id, c.id from activity a join contact c on c.partner_id = a.partner_id and c.is_primary where a.important`,
      );
    });
    await time('derivedMs', async () => {
      await run(
        tx,
        sql`update partner p set last_contact_at = a.latest from (select partner_id, max(occurred_at) as latest from activity group by partner_id) a where a.partner_id = p.id`,
      );
      await run(
        tx,
        sql`update contact c set last_contact_at = x.latest
        from (select ac.contact_id, max(a.occurred_at) as latest from activity_contact ac join activity a on a.id = ac.activity_id group by ac.contact_id) x
        where x.contact_id = c.id`,
      );
    });
    await time('indexesMs', async () => {
      for (const d of dropped) await rebuild(tx, d);
    });
  });
  const committed = performance.now();
  // Outside the transaction (VACUUM cannot run in one): sets hint bits and the visibility map, so
  // neither the first readers nor autovacuum do it during a measurement, and gathers statistics.
  if (database.kind === 'postgres') await database.query(`vacuum (analyze) ${LOADED.join(', ')}`);
  const ended = performance.now();
  // Commit is counted with the vacuum: the time between the last rebuild and the end.
  const inTx = (['prepareMs', 'partnersMs', 'contactsMs', 'activitiesMs', 'derivedMs', 'indexesMs'] as const).reduce((n, k) => n + (timings[k] ?? 0), 0);
  timings.finishMs = Math.max(0, Math.round(committed - started - inTx + (ended - committed)));
  timings.totalMs = Math.round(ended - started);
  return timings as ScaleTimings;
}
