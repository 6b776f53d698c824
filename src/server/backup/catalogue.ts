import fs from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from '../paths.js';
import type { Query } from './session.js';

/** The app's schema; drizzle's bookkeeping lives in a schema of its own ("drizzle") and is not data. */
export const APP_SCHEMA = 'public';

export interface Column {
  name: string;
  /** The column's type as SQL spells it (format_type), for the cast on restore. */
  type: string;
  /** A generated column is computed, never written. */
  generated: boolean;
  /** GENERATED ALWAYS AS IDENTITY: an insert names its value only with OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** The sequence that feeds it (serial or identity), reset after a restore. */
  sequence: string | null;
}

export interface Table {
  name: string;
  columns: Column[];
  /** Primary key columns (every column when there is none): the order rows are read and checksummed in. */
  key: string[];
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Every base table of the app's schema with its columns, read from the catalogue so a new table is covered without editing this. */
export async function readTables(q: Query): Promise<Table[]> {
  const cols = await q(
    `select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attgenerated <> '', a.attidentity = 'a',
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = $1 and c.relkind in ('r', 'p')
      order by c.relname, a.attnum`,
    [APP_SCHEMA],
  );
  const keys = await q(
    `select c.relname, a.attname
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       join lateral unnest(i.indkey) with ordinality k(attnum, ord) on true
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where n.nspname = $1 and i.indisprimary
      order by c.relname, k.ord`,
    [APP_SCHEMA],
  );
  const tables = new Map<string, Table>();
  for (const [table, name, type, generated, identityAlways, sequence] of cols as [string, string, string, boolean, boolean, string | null][]) {
    const t = tables.get(table) ?? { name: table, columns: [], key: [] };
    t.columns.push({ name, type, generated, identityAlways, sequence });
    tables.set(table, t);
  }
  for (const [table, column] of keys as [string, string][]) tables.get(table)?.key.push(column);
  for (const t of tables.values()) if (!t.key.length) t.key = t.columns.map((c) => c.name);
  return [...tables.values()];
}

/** The columns a backup carries: every one but the generated ones. */
export const storedColumns = (t: Table) => t.columns.filter((c) => !c.generated);

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

export async function readForeignKeys(q: Query): Promise<ForeignKey[]> {
  const rows = await q(
    `select c.relname, k.conname, pg_get_constraintdef(k.oid)
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and k.contype = 'f' order by 1, 2`,
    [APP_SCHEMA],
  );
  return (rows as [string, string, string][]).map(([table, name, definition]) => ({ table, name, definition }));
}

/** Names of the tables that hold at least one row. */
/**
 * Tables whose rows a migration puts in (the default deal stages of migration 0013): a newly migrated
 * database holds them without holding any data, so they do not make it "not empty".
 */
export const MIGRATION_SEEDED: readonly string[] = ['deal_stage'];

export async function tablesWithRows(q: Query, tables: Table[]): Promise<string[]> {
  if (!tables.length) return [];
  const rows = await q(tables.map((t) => `select ${literal(t.name)} where exists (select 1 from ${ident(t.name)})`).join(' union all '));
  return rows.map((r) => r[0] as string).sort();
}

/**
 * Per table: row count and an md5 of every row's text form in primary-key order. The text form is
 * fixed by the session's settings (session.ts), so equal checksums on PGlite and on a server mean
 * equal data.
 */
export async function tableChecksums(q: Query, tables: Table[]): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables) {
    const cols = storedColumns(t)
      .map((c) => `coalesce(quote_literal(x.${ident(c.name)}::text), 'NULL')`)
      .join(` || ',' || `);
    const order = t.key.map((k) => `x.${ident(k)}`).join(', ');
    const [[rows, md5]] = (await q(`select count(*)::int, md5(coalesce(string_agg(${cols}, E'\\n' order by ${order}), '')) from ${ident(t.name)} x`)) as [[number, string]];
    out[t.name] = { rows, md5 };
  }
  return out;
}

interface Journal {
  entries: { tag: string; when: number }[];
}
const journal = (): Journal => JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;

/** The newest migration this version of the app knows: a backup loads only into the same schema. */
export const appMigration = (): string => journal().entries.at(-1)!.tag;

/** The newest migration applied to the database (drizzle records each one's journal timestamp), or null before the first. */
export async function databaseMigration(q: Query): Promise<string | null> {
  const [exists] = await q(`select to_regclass('drizzle.__drizzle_migrations') is not null`);
  if (!exists?.[0]) return null;
  const [last] = await q(`select created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1`);
  if (!last) return null;
  const when = Number(last[0]);
  return journal().entries.find((e) => e.when === when)?.tag ?? `unknown migration of ${new Date(when).toISOString()}`;
}
