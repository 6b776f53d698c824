import { z } from 'zod';
import { pageOf } from '../list.js';
import { PARTNER_STATUSES, PARTNER_TYPES, IMPORTANCE } from '../partners.js';
import { version } from './common.js';

/** What an import creates: partners, or contacts of partners that exist already. */
export const IMPORT_KINDS = ['partners', 'contacts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * The fields a column can fill, per kind. `domain` is a web domain ("acme.ch"), made into the website;
 * a contact's `partner` is the name of an existing partner.
 */
export const IMPORT_FIELDS = {
  partners: ['name', 'legalName', 'website', 'domain', 'country', 'description', 'types', 'status', 'importance', 'tags', 'regions', 'industries'],
  contacts: ['partner', 'firstName', 'lastName', 'title', 'role', 'email', 'phone', 'location', 'notes'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];
export const ALL_IMPORT_FIELDS = [...new Set([...IMPORT_FIELDS.partners, ...IMPORT_FIELDS.contacts])] as [ImportField, ...ImportField[]];

export const IMPORT_DECISIONS = ['skip', 'update', 'create'] as const;
export type ImportDecision = (typeof IMPORT_DECISIONS)[number];
export const IMPORT_STATUSES = ['pending', 'committing', 'committed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** How a row was found to be a duplicate of an existing record. */
export const MATCH_REASONS = ['domain', 'name', 'email', 'nameAtPartner'] as const;

/** Upload limits: a file this large holds far more rows than IMPORT_MAX_ROWS. */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;
export const IMPORT_MAX_COLUMNS = 200;

export const importDefaults = z
  .object({
    types: z.array(z.enum(PARTNER_TYPES)).max(4).optional(),
    status: z.enum(PARTNER_STATUSES).optional(),
    importance: z.enum(IMPORTANCE).optional(),
  })
  .strict();
export type ImportDefaults = z.infer<typeof importDefaults>;

export const importMappingBody = z
  .object({
    /** Per column of the header, in order: the field it fills, or null to ignore it. */
    mapping: z.array(z.enum(ALL_IMPORT_FIELDS).nullable()).max(IMPORT_MAX_COLUMNS),
    defaults: importDefaults.default({}),
    version,
  })
  .strict();
export type ImportMappingBody = z.input<typeof importMappingBody>;

export const importDecisionsBody = z
  .object({
    /** Decisions for single rows. */
    rows: z
      .array(z.object({ row: z.number().int().min(2), decision: z.enum(IMPORT_DECISIONS) }).strict())
      .max(1000)
      .default([]),
    /** One decision for every row with a duplicate (applied before `rows`). */
    duplicates: z.enum(IMPORT_DECISIONS).optional(),
    version,
  })
  .strict();
export type ImportDecisionsBody = z.input<typeof importDecisionsBody>;

export const importCommitBody = z
  .object({
    /** Run everything and roll it back: the answer says what a commit would do. */
    dryRun: z.boolean().default(false),
    version,
  })
  .strict();

const person = z.object({ id: z.string(), name: z.string() });
export const importRowErrorSchema = z.object({ row: z.number().int(), field: z.string().nullable(), column: z.number().int().nullable(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importSchema = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  createdBy: person.nullable(),
  createdAt: z.string(),
  header: z.array(z.string()),
  mapping: z.array(z.string().nullable()),
  defaults: importDefaults,
  rowCount: z.number().int(),
  /** What the analysis of every row found, and what a commit would do with the decisions as they stand. */
  counts: z.object({ rows: z.number().int(), errors: z.number().int(), duplicates: z.number().int(), create: z.number().int(), update: z.number().int(), skip: z.number().int() }),
  /** What the commit did. */
  result: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() }).nullable(),
  /** A commit or dry run under way: rows handled of all to handle. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  committedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ map: z.boolean(), commit: z.boolean(), undo: z.boolean() }),
});
export type Import = z.infer<typeof importSchema>;
export const importSummarySchema = importSchema.omit({ header: true, mapping: true, defaults: true, counts: true });
export const importPage = pageOf(importSummarySchema);
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importRowSchema = z.object({
  row: z.number().int(),
  cells: z.array(z.string()),
  errors: z.array(importRowErrorSchema),
  duplicate: z.object({ id: z.string(), name: z.string(), reason: z.enum(MATCH_REASONS) }).nullable(),
  decision: z.enum(IMPORT_DECISIONS),
  outcome: z.enum(['created', 'updated', 'skipped']).nullable(),
});
export type ImportRow = z.infer<typeof importRowSchema>;
export const importRowPage = pageOf(importRowSchema);

export const listImportRowsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  show: z.enum(['all', 'errors', 'duplicates']).default('all'),
});
export type ListImportRowsQuery = z.infer<typeof listImportRowsQuery>;
export const listImportsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A commit's or dry run's answer: what it did (or would do), and every row it could not write. */
export const importCommitResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(importRowErrorSchema),
  import: importSchema,
});
export type ImportCommitResult = z.infer<typeof importCommitResult>;
