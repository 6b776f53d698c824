import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rateLimitCounter } from '../db/schema/index.js';
import { AppError, msg, type Text } from './errors.js';

/**
 * Rate limits that hold across every instance on one database: a fixed-window counter per key in
 * `rate_limit_counter`, counted by one INSERT … ON CONFLICT DO UPDATE … RETURNING. PostgreSQL locks
 * the row for the upsert, so concurrent requests on any instance each get their own count and no
 * more than `max` of them are allowed in a window (no read-then-write race). The window starts with
 * the first hit after the previous one ended and is timed by the database's clock, not the
 * instances'. See docs/decisions/0017-rate-limits.md.
 */

export interface Limit {
  max: number;
  windowMs: number;
}

export interface Hit {
  key: string;
  allowed: boolean;
  /** Hits counted in this window, this one included (refused ones too). */
  count: number;
  /** When the window ends; `refund` uses it to touch only the window it counted in. */
  windowEnds: Date;
  /** Whole seconds until the window ends, at least 1: the `Retry-After` value. */
  retryAfterSeconds: number;
}

/** Too many requests: the error handler sends `Retry-After` with the problem. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    detail?: Text,
  ) {
    super('rate_limited', detail ?? msg('common.retryIn', { seconds: retryAfterSeconds }));
  }
}

const counter = sql.raw('"rate_limit_counter"');
const open = sql`${counter}."window_ends" > now()`;

// Prepared once per database (parsed and planned once per connection): the token limit runs on
// every request made with an API token. Windows end on a whole millisecond so that `refund` can
// match the JavaScript Date it was given exactly.
function prepare(db: Db) {
  return {
    hit: db
      .insert(rateLimitCounter)
      .values({
        key: sql.placeholder('key'),
        count: 1,
        windowEnds: sql`date_trunc('milliseconds', now() + make_interval(secs => ${sql.placeholder('seconds')}::double precision))`,
      })
      .onConflictDoUpdate({
        target: rateLimitCounter.key,
        set: {
          count: sql`case when ${open} then ${counter}."count" + 1 else 1 end`,
          windowEnds: sql`case when ${open} then ${counter}."window_ends" else excluded."window_ends" end`,
        },
      })
      .returning({
        count: rateLimitCounter.count,
        windowEnds: rateLimitCounter.windowEnds,
        retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from ${counter}."window_ends" - now())))::int`,
      })
      .prepare('partnerhub_rate_limit_hit'),
    refund: db
      .update(rateLimitCounter)
      .set({ count: sql`${counter}."count" - 1` })
      .where(sql`${counter}."key" = ${sql.placeholder('key')} and ${counter}."window_ends" = ${sql.placeholder('windowEnds')} and ${counter}."count" > 0`)
      .prepare('partnerhub_rate_limit_refund'),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();
const statements = (db: Db) => {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
};

/** Counts one request against `key`; `allowed` is false once more than `limit.max` were counted in the window. */
export async function hit(db: Db, key: string, limit: Limit): Promise<Hit> {
  const [row] = await statements(db).hit.execute({ key, seconds: limit.windowMs / 1000 });
  const { count, windowEnds, retryAfterSeconds } = row!;
  return { key, allowed: count <= limit.max, count, windowEnds, retryAfterSeconds: Number(retryAfterSeconds) };
}

/** Like `hit`, but throws a RateLimitedError (429 with Retry-After) when the limit is exceeded. */
export async function enforce(db: Db, key: string, limit: Limit, detail?: (retryAfterSeconds: number) => Text): Promise<Hit> {
  const counted = await hit(db, key, limit);
  if (!counted.allowed) throw new RateLimitedError(counted.retryAfterSeconds, detail?.(counted.retryAfterSeconds));
  return counted;
}

/** Takes back one counted hit (a request that turned out not to count), in the window it was counted in only. */
export async function refund(db: Db, counted: Hit): Promise<void> {
  await statements(db).refund.execute({ key: counted.key, windowEnds: counted.windowEnds.toISOString() });
}

/** Deletes counters whose window ended before `now` (an hourly job), so keys used once leave no row behind. */
export async function pruneRateLimits(db: Db, now: Date): Promise<number> {
  return (await db.delete(rateLimitCounter).where(lt(rateLimitCounter.windowEnds, now)).returning({ key: rateLimitCounter.key })).length;
}
