import { asc, desc, type AnyColumn, type SQL } from 'drizzle-orm';

/** Turns `-name` into `desc(columns.name)`; the zod schema already limited `sort` to known fields. */
export function orderBy(sort: string, columns: Record<string, AnyColumn | SQL>, tiebreak: AnyColumn): SQL[] {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const column = columns[key];
  if (!column) throw new Error(`Unknown sort column ${key}`);
  return [descending ? desc(column) : asc(column), asc(tiebreak)];
}

export const offsetOf = (q: { page: number; pageSize: number }) => (q.page - 1) * q.pageSize;
