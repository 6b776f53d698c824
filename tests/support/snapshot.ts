// The whole database as one comparable value, so a test can prove a request changed nothing
// (or what it changed) without knowing which tables the route touches.
import type { Database } from '../../src/server/db/client.js';

/**
 * Tables whose changes need no audit record: authentication internals (sessions, rate-limit
 * counters) and personal state (saved views, one's own inbox marked read).
 */
export const UNAUDITED_TABLES: ReadonlySet<string> = new Set([
  'session',
  'verification',
  'rate_limit',
  'rate_limit_counter',
  'audit_log',
  'saved_view',
  'notification',
  'instance_setting',
]);

/**
 * Tables left out of snapshots: rate-limit counters count requests, refused ones included (that is
 * what makes them limits), so every request changes them.
 */
export const COUNTER_TABLES: ReadonlySet<string> = new Set(['rate_limit', 'rate_limit_counter']);

export interface TableInfo {
  name: string;
  /** Whether the table has an `id` column (the fuzzer aims requests at those ids). */
  hasId: boolean;
}

export interface Snapshot {
  /** The next transaction id when the snapshot was taken (see `take`). */
  xid: string;
  /** Per table: row count and a hash of every row. */
  tables: Record<string, [number, string]>;
  /** Per table: row count and the sum of the rows' creating transaction ids (see `take`). */
  versions: Record<string, string>;
}

export interface Snapshotter {
  /** The database now; cheap when nothing was written since the previous `take`. */
  take(): Promise<Snapshot>;
  /** Names of the tables that differ between two snapshots, sorted. */
  changed(a: Snapshot, b: Snapshot): string[];
  /** The public base tables, read once (counters included). */
  tables(): Promise<TableInfo[]>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (name: string) => `'${name.replace(/'/g, "''")}'`;

export function createSnapshotter(database: Database): Snapshotter {
  let tableList: Promise<TableInfo[]> | undefined;
  let last: Snapshot | undefined;

  const tables = () =>
    (tableList ??= database
      .query<{ name: string; has_id: boolean }>(
        `select c.table_name as name, bool_or(c.column_name = 'id') as has_id
           from information_schema.columns c join information_schema.tables tb using (table_schema, table_name)
          where c.table_schema = 'public' and tb.table_type = 'BASE TABLE'
          group by c.table_name order by 1`,
      )
      .then((rows) => rows.map((r) => ({ name: r.name, hasId: r.has_id }))));
  const compared = async () => (await tables()).map((x) => x.name).filter((name) => !COUNTER_TABLES.has(name));

  /**
   * The next transaction id PostgreSQL will assign. Every write, committed or rolled back, takes
   * one, so an unchanged value proves nothing was written and the snapshot can be reused.
   * (On a shared server other databases move it too; then the row versions decide.)
   */
  async function nextXid(): Promise<string> {
    const [row] = await database.query<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x');
    return row!.x;
  }

  /**
   * Row count and the sum of xmin (the creating transaction of each row version) per table,
   * without reading the rows' contents. An insert or a delete changes the count; an update
   * replaces a version with one of a later transaction. When the ids moved only for counters (every
   * request with an API token counts one), this finds the few tables whose rows need hashing.
   */
  async function versions(names: string[]): Promise<Record<string, string>> {
    // One round trip; a union rather than json_build_object, which takes at most 100 arguments.
    const rows = await database.query<{ t: string; v: string }>(
      names.map((name) => `select ${literal(name)} as t, count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) as v from ${quote(name)}`).join(' union all '),
    );
    return Object.fromEntries(rows.map((r) => [r.t, r.v]));
  }

  // API-token use updates last_used_at (authentication, not the request), so that column is left out.
  async function hashes(names: string[]): Promise<Snapshot['tables']> {
    if (!names.length) return {};
    const rows = await database.query<{ t: string; n: number; h: string }>(
      names
        .map(
          (name) =>
            `select ${literal(name)} as t, count(*)::int as n, md5(coalesce(string_agg(r, '|' order by r), '')) as h from (select (to_jsonb(x) - 'last_used_at')::text as r from ${quote(name)} x) s`,
        )
        .join(' union all '),
    );
    return Object.fromEntries(rows.map((r) => [r.t, [Number(r.n), r.h] as [number, string]]));
  }

  return {
    tables,
    async take() {
      // The id is read before the rows: a write that lands in between shows in the rows and moves
      // the id, so the next take looks again rather than trusting a stale copy.
      const xid = await nextXid();
      if (last?.xid === xid) return last;
      const names = await compared();
      const now = await versions(names);
      const previous = last;
      const stale = names.filter((name) => !previous || previous.versions[name] !== now[name]);
      const fresh = await hashes(stale);
      last = { xid, versions: now, tables: Object.fromEntries(names.map((name) => [name, fresh[name] ?? previous!.tables[name]!])) };
      return last;
    },
    changed(a, b) {
      if (a === b) return [];
      const names = new Set([...Object.keys(a.tables), ...Object.keys(b.tables)]);
      return [...names].filter((k) => JSON.stringify(a.tables[k]) !== JSON.stringify(b.tables[k])).sort();
    },
  };
}
