import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { ts } from './columns.js';

/** Personal API tokens. Only a SHA-256 hash of the secret is stored. */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('api_token_user_idx').on(t.userId)],
);

/** Who changed what, when: one row per change to business data, written in the same transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    at: ts('at').notNull().defaultNow(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId, t.at)],
);

/** Instance-wide values, e.g. the generated signing secret when AUTH_SECRET is not set. */
export const instanceSetting = pgTable('instance_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Fixed-window request counters shared by every instance (src/server/lib/rate-limit.ts): one row per
 * key (`sign-in:<e-mail>`, `setup:<address>`, `token:<id>`), counted by one upsert per request.
 * No index beyond the key: an update that changes only `count` stays a HOT update. The migration
 * creates it UNLOGGED (drizzle cannot declare that): no WAL flush per counted request.
 */
export const rateLimitCounter = pgTable('rate_limit_counter', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowEnds: ts('window_ends').notNull(),
});
