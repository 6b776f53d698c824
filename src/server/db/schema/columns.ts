import { sql } from 'drizzle-orm';
import { date, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

// The column shapes every schema file uses: one definition each.

/** A moment, stored with its time zone. */
export const ts = (name: string) => timestamp(name, { withTimezone: true });
/** A uuid primary key the database generates. */
export const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
/** A calendar day ('YYYY-MM-DD'), read and written as text: no time zone can move it. */
export const day = (name: string) => date(name, { mode: 'string' });
/** Optimistic concurrency (version) and when a row was created and last changed. */
export const stamps = {
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
};
