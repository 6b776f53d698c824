import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';

export interface ScaleOptions {
  partners: number;
  contactsPerPartner: number;
  activitiesPerPartner: number;
  ownerId: string;
}

export interface ScaleTimings {
  partnersMs: number;
  contactsMs: number;
  activitiesMs: number;
  derivedMs: number;
}

/**
 * Fills a database with a large synthetic portfolio for benchmarks, set-based in SQL so a million
 * timeline entries take seconds, not hours. Names and words come from small vocabularies so that
 * search has realistic collisions.
 */
export async function seedScale(database: Database, o: ScaleOptions): Promise<ScaleTimings> {
  const { db } = database;
  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return Math.round(performance.now() - t);
  };
  const partnersMs = await time(() =>
    db.execute(sql`
      insert into partner (name, types, status, importance, country, tags, level, owner_id, description)
      select 'Bench ' || (array['Cloud','Data','Kube','Stack','Secure','Alpine','Nordic','Swiss','Open','Blue'])[1 + g % 10] || ' ' ||
             (array['Systems','Networks','Software','Consulting','Hosting','Labs','Partners','Solutions'])[1 + (g / 10) % 8] || ' ' || g,
             array[(array['consultant_reseller','cloud_service_provider','software_vendor','distributor'])[1 + g % 4]],
             (array['prospect','onboarding','active','active','active','paused','offboarded'])[1 + g % 7],
             (array['strategic','key','standard','standard','standard'])[1 + g % 5],
             (array['CH','DE','AT','FR','US','NL'])[1 + g % 6],
             array[(array['kubernetes','security','hosting','licensing','data','devops'])[1 + g % 6]],
             (array['Select','Advanced','Premier','Gold','Silver'])[1 + g % 5],
             ${o.ownerId},
             'Synthetic partner number ' || g || ' for benchmarks'
      from generate_series(1, ${o.partners}::int) g`),
  );
  const contactsMs = await time(() =>
    db.execute(sql`
      insert into contact (partner_id, first_name, last_name, email, role, title, is_primary)
      select p.id,
             (array['Anna','Luca','Mia','Noah','Lea','Elias','Sofia','Jonas','Laura','David','Sara','Nico'])[1 + (n + p.rn) % 12],
             (array['Keller','Brunner','Meier','Schmid','Weber','Huber','Fischer','Baumann','Frei','Gerber','Moser','Widmer','Zimmermann','Steiner','Graf','Roth'])[1 + (n * 7 + p.rn) % 16] || (p.rn % 97)::text,
             'person' || n || '.' || p.rn || '@bench.example',
             (array['executive_sponsor','partner_manager','sales','presales','marketing','finance','support'])[1 + n % 7],
             'Title ' || n, n = 1
      from (select id, row_number() over (order by id) as rn from partner) p, generate_series(1, ${o.contactsPerPartner}::int) n`),
  );
  const activitiesMs = await time(async () => {
    // Bulk-load practice: building the timeline's indexes once after the load is several times
    // faster than maintaining them row by row. Their definitions are read back from the catalogue.
    const indexes = (await database.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes where tablename = 'activity' and indexname <> 'activity_pkey'`,
    ));
    for (const i of indexes) await database.query(`drop index ${i.name}`);
    await db.execute(sql`
      insert into activity (partner_id, kind, occurred_at, summary, outcome, important, created_by)
      select p.id,
             (array['meeting','call','email','event','note'])[1 + n % 5],
             now() - make_interval(days => ((n * 37 + p.rn) % 365)::int, hours => (n % 24)::int),
             (array['Quarterly business review','Sync meeting','Deal registration call','Webinar planning','Certification plan','Licence report','Roadshow debrief','Pricing discussion'])[1 + (n + p.rn) % 8]
               || ' ' || (array['kubernetes','openshift','backup','security','observability','storage','networking','training'])[1 + (n * 3 + p.rn) % 8],
             case when n % 3 = 0 then 'Agreed next steps' end,
             n % 17 = 0,
             ${o.ownerId}
      from (select id, row_number() over (order by id) as rn from partner) p, generate_series(1, ${o.activitiesPerPartner}::int) n`);
    // Our people on the important entries only: a million link rows would double the load time
    // (two foreign-key checks each) without changing what the timeline query does per page.
    await db.execute(sql`insert into activity_user (activity_id, user_id) select id, created_by from activity where important and created_by is not null on conflict do nothing`);
    if (database.kind === 'postgres') await database.query(`set maintenance_work_mem = '256MB'`);
    for (const i of indexes) await database.query(i.def);
  });
  const derivedMs = await time(async () => {
    await db.execute(sql`update partner p set last_contact_at = a.latest from (select partner_id, max(occurred_at) as latest from activity group by partner_id) a where a.partner_id = p.id`);
    if (database.kind === 'postgres') await db.execute(sql`analyze`);
  });
  return { partnersMs, contactsMs, activitiesMs, derivedMs };
}
