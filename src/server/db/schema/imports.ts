import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { ts } from './columns.js';

/**
 * One import of partners or contacts from a spreadsheet: who, when, which file, how its columns map
 * to fields, and what the commit did. Its parsed rows live in data_import_row (decision 0024), so an
 * import survives a restart and any instance can continue it.
 */
export const dataImport = pgTable(
  'data_import',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull().default('pending'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name').notNull(),
    header: jsonb('header').$type<string[]>().notNull(),
    /** Per column of the header: the field it fills, or null. */
    mapping: jsonb('mapping').$type<(string | null)[]>().notNull(),
    /** Values for rows that leave a field empty (e.g. the partner type, which HubSpot does not export). */
    defaults: jsonb('defaults').$type<Record<string, unknown>>().notNull().default({}),
    rowCount: integer('row_count').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    /** Progress of a running commit, written outside its transaction so other instances can report it. */
    progressDone: integer('progress_done'),
    progressTotal: integer('progress_total'),
    progressAt: ts('progress_at'),
    committedAt: ts('committed_at'),
    undoneAt: ts('undone_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('data_import_created_idx').on(t.createdAt.desc()),
    check('data_import_kind_check', sql`${t.kind} in ('partners', 'contacts')`),
    check('data_import_status_check', sql`${t.status} in ('pending', 'committed', 'undone')`),
  ],
);

/** One data row of an import's file, as read, then as judged (errors, duplicate) and as committed. */
export const dataImportRow = pgTable(
  'data_import_row',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => dataImport.id, { onDelete: 'cascade' }),
    /** The row's number in the spreadsheet, the header being row 1. */
    rowNo: integer('row_no').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    /** The body for the create service, from the cells through the mapping. */
    body: jsonb('body').$type<Record<string, unknown>>(),
    /** What duplicate detection compares: web domain, normalised name, e-mail, partner name. */
    keys: jsonb('keys').$type<Record<string, string | null>>(),
    errors: jsonb('errors').$type<unknown[]>().notNull().default([]),
    partnerId: uuid('partner_id'),
    matchId: uuid('match_id'),
    matchReason: text('match_reason'),
    matchName: text('match_name'),
    decision: text('decision'),
    outcome: text('outcome'),
    recordId: uuid('record_id'),
    /** The record's version right after the import: undo refuses when it has moved on. */
    recordVersion: integer('record_version'),
    /** The values an update replaced, for undo. */
    previous: jsonb('previous').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] })],
);
