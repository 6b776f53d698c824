// The whole database as one comparable value, so a test can prove a request changed nothing
// (or what it changed) without knowing which tables the route touches.
import type { Database } from '../../src/server/db/client.js';

/** Tables whose changes need no audit record: authentication internals and personal preferences. */
export const UNAUDITED_TABLES: ReadonlySet<string> = new Set(['session', 'verification', 'rate_limit', 'audit_log', 'saved_view', 'instance_setting']);

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
}

export interface Snapshotter {
  /** The database now; cheap when nothing was written since the previous `take`. */
  take(): Promise<Snapshot>;
  /** Names of the tables that differ between two snapshots, sorted. */
  changed(a: Snapshot, b: Snapshot): string[];
  /** The public base tables, read once. */
  tables(): Promise<TableInfo[]>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function createSnapshotter(database: Database): Snapshotter {
  let tableList: Promise<TableInfo[]> | undefined;
  let snapshotSql: Promise<string> | undefined;
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

  // One round trip: row count and a hash of every row of every table. API-token use updates
  // last_used_at (authentication, not the request), so that column is left out.
  const sql = () =>
    (snapshotSql ??= tables().then(
      (list) => {
        const entry = ({ name }: TableInfo) =>
          `'${name}', (select json_build_array(count(*), md5(coalesce(string_agg(r, '|' order by r), ''))) from (select (to_jsonb(x) - 'last_used_at')::text as r from ${quote(name)} x) s)`;
        // A function takes at most 100 arguments: one object per 40 tables, merged.
        const parts: string[] = [];
        for (let i = 0; i < list.length; i += 40) parts.push(`jsonb_build_object(${list.slice(i, i + 40).map(entry).join(', ')})`);
        return `select ${parts.join(' || ')} as snap`;
      },
    ));

  /**
   * The next transaction id PostgreSQL will assign. Every write, committed or rolled back, takes
   * one, so an unchanged value proves nothing was written and the full snapshot can be skipped.
   * (On a shared server other databases move it too; then the snapshot decides.)
   */
  async function nextXid(): Promise<string> {
    const [row] = await database.query<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x');
    return row!.x;
  }

  return {
    tables,
    async take() {
      // The id is read before the rows: a write that lands in between shows in the rows and moves
      // the id, so the next take reads the rows again rather than trusting a stale copy.
      const xid = await nextXid();
      if (last?.xid === xid) return last;
      const [row] = await database.query<{ snap: Snapshot['tables'] | string }>(await sql());
      last = { xid, tables: typeof row!.snap === 'string' ? JSON.parse(row!.snap) : row!.snap };
      return last;
    },
    changed(a, b) {
      if (a === b) return [];
      const names = new Set([...Object.keys(a.tables), ...Object.keys(b.tables)]);
      return [...names].filter((k) => JSON.stringify(a.tables[k]) !== JSON.stringify(b.tables[k])).sort();
    },
  };
}
