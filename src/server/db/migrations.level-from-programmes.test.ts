import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.js';
import { migrationsFolder } from './migrate.js';
import { backend } from '../../../tests/support/db.js';
import { withDatabase } from '../../../tests/support/global-setup.js';

/**
 * Migration 0010 on a database that still has the old shape: partners with free-text programme and
 * level, requirements naming certifications in an array. It runs the migrations before it, writes
 * data as the app did then, and runs the rest.
 */
const TAG = '0010_level_from_programmes';

let database: Database;
let dropDatabase: (() => Promise<void>) | undefined;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerhub-migrations-'));

/** The migrations folder as it was before `TAG`: its SQL files and a journal that stops before it. */
function folderBefore(tag: string): string {
  const dir = path.join(tmp, 'before');
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at, `${tag} is in the journal`).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

async function migrateFrom(folder: string) {
  if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  else await migratePg(drizzle(database.pool!), { migrationsFolder: folder });
}

beforeAll(async () => {
  if (backend() === 'pglite') database = await openDatabase({ inMemory: true });
  else {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `partnerhub_m_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`).finally(() => admin.end());
    database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 2 });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    };
  }
  await migrateFrom(folderBefore(TAG));
});

afterAll(async () => {
  await database?.close();
  await dropDatabase?.();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const one = async <T>(text: string, params: unknown[] = []) => (await database.query<T>(text, params))[0]!;

describe('migration 0010: the level we hold comes from programmes', () => {
  it('turns every free-text programme and level into a programme link, keeps what does not map cleanly, and moves requirement certifications into the join table', async () => {
    const partner = async (name: string, program: string | null, level: string | null, archived = false) =>
      (
        await one<{ id: string }>(`insert into partner (name, types, program, level, archived_at) values ($1, '{software_vendor}', $2, $3, $4) returning id`, [
          name,
          program,
          level,
          archived ? new Date() : null,
        ])
      ).id;
    // A starter-like programme nobody is linked to yet, with a ladder and a certification catalogue.
    const starter = (await one<{ id: string }>(`insert into partner_program (name, vendor) values ('Cloud Native Partner Programme', 'CNCF') returning id`)).id;
    const kcsp = (await one<{ id: string }>(`insert into program_level (program_id, name, rank) values ($1, 'KCSP', 1) returning id`, [starter])).id;
    const cka = (await one<{ id: string }>(`insert into certification (program_id, name, issuer, category) values ($1, 'CKA', 'CNCF', 'professional') returning id`, [starter])).id;
    const ckad = (await one<{ id: string }>(`insert into certification (program_id, name, issuer, category) values ($1, 'CKAD', 'CNCF', 'professional') returning id`, [starter]))
      .id;
    const requirement = (
      await one<{ id: string }>(`insert into level_requirement (level_id, counts, min_count, certification_ids) values ($1, 'people', 3, array[$2, $3]::uuid[]) returning id`, [
        kcsp,
        cka,
        ckad,
      ])
    ).id;
    const anyCert = (await one<{ id: string }>(`insert into level_requirement (level_id, counts, min_count, position) values ($1, 'certifications', 1, 1) returning id`, [kcsp]))
      .id;
    // A programme already linked to another partner, holding a level.
    const owner = await partner('Owner Co', null, null);
    const taken = (await one<{ id: string }>(`insert into partner_program (name, vendor, partner_id) values ('Shared Name Program', 'Owner Co', $1) returning id`, [owner])).id;

    const fresh = await partner('Kubeforge', 'Kubeforge Partner Program', 'Premier');
    const starterLinked = await partner('CNCF Member', ' cloud native partner programme ', 'kcsp');
    const clash = await partner('Clash Co', 'Shared Name Program', 'Gold');
    const levelOnly = await partner('Level Only', null, 'Silver');
    const programOnly = await partner('Program Only', 'Program Only Partners', '  ');
    const archived = await partner('Gone Co', 'Kubeforge Partner Program', 'Registered', true);
    const untouched = await partner('No Level', '', null);

    await migrateFrom(migrationsFolder);

    // The text columns are gone.
    const columns = await database.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'partner' and column_name in ('program', 'level')`,
    );
    expect(columns).toEqual([]);

    const programs = async (partnerId: string) =>
      database.query<{ id: string; name: string; vendor: string; description: string | null; held: string | null; archived: boolean }>(
        `select pp.id, pp.name, pp.vendor, pp.description, l.name as held, pp.archived_at is not null as archived
         from partner_program pp left join program_level l on l.id = pp.held_level_id where pp.partner_id = $1 order by pp.name`,
        [partnerId],
      );
    const ladder = async (programId: string) =>
      (await database.query<{ name: string; rank: number }>(`select name, rank from program_level where program_id = $1 order by rank`, [programId])).map(
        (l) => `${l.rank} ${l.name}`,
      );

    // A new programme for a name nobody uses, with the level as its only rung, held.
    const [k] = await programs(fresh);
    expect(k).toMatchObject({ name: 'Kubeforge Partner Program', vendor: 'Kubeforge', held: 'Premier', archived: false });
    expect(await ladder(k!.id)).toEqual(['1 Premier']);

    // An unlinked programme of that name (any case, spaces trimmed) is linked, and its existing rung held.
    expect(await programs(starterLinked)).toMatchObject([{ id: starter, name: 'Cloud Native Partner Programme', held: 'KCSP' }]);
    expect(await ladder(starter)).toEqual(['1 KCSP']);

    // A name another partner's programme has: a programme of its own, and the description says why.
    const [c] = await programs(clash);
    expect(c).toMatchObject({ name: 'Shared Name Program (Clash Co)', held: 'Gold' });
    expect(c!.description).toContain('"Shared Name Program", the name of another partner\'s programme');
    expect((await programs(owner)).map((p) => p.id)).toEqual([taken]);

    // A level without a programme: a programme named after the partner holds it, and says so.
    const [l] = await programs(levelOnly);
    expect(l).toMatchObject({ name: 'Level Only partner programme', vendor: 'Level Only', held: 'Silver' });
    expect(l!.description).toContain('the level "Silver" without naming a programme');

    // A programme without a level: linked, nothing held.
    expect(await programs(programOnly)).toMatchObject([{ name: 'Program Only Partners', held: null }]);

    // An archived partner's programme is created archived (its name does not block an active one).
    expect(await programs(archived)).toMatchObject([{ name: 'Kubeforge Partner Program', held: 'Registered', archived: true }]);

    // Blank text is nothing to move.
    expect(await programs(untouched)).toEqual([]);

    // Every old value is in the partner's history.
    const history = await database.query<{ entity_id: string; changes: Record<string, { from: unknown; to: unknown }> }>(
      `select entity_id, changes from audit_log where entity_type = 'partner' and actor_name like 'Migration%'`,
    );
    const changes = new Map(history.map((h) => [h.entity_id, h.changes]));
    expect(changes.get(clash)).toMatchObject({ program: { from: 'Shared Name Program', to: null }, level: { from: 'Gold', to: null }, programId: { from: null, to: c!.id } });
    expect(changes.get(programOnly)).toMatchObject({ program: { from: 'Program Only Partners', to: null }, level: { from: '  ', to: null } });
    expect(changes.has(untouched)).toBe(false);

    // Requirements name their certifications through the join table; one naming none still names none.
    const named = await database.query<{ requirement_id: string; certification_id: string }>(
      `select requirement_id, certification_id from level_requirement_certification order by certification_id`,
    );
    expect(
      named
        .filter((n) => n.requirement_id === requirement)
        .map((n) => n.certification_id)
        .sort(),
    ).toEqual([cka, ckad].sort());
    expect(named.some((n) => n.requirement_id === anyCert)).toBe(false);
  });
});
