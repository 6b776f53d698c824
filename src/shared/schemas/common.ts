import { z } from 'zod';
import { LOCALES } from '../i18n/locales.js';

export const TEXT_MAX = 10_000;
export const NAME_MAX = 200;

export const idParam = z.object({ id: z.string().min(1).max(64) });
export const uuidParam = z.object({ id: z.uuid() });
/** Optimistic concurrency: every write names the version it edits. */
export const version = z.number().int().min(1).max(2_147_483_647); // the integer column's range
export const isoDateTime = z.string();
export const personName = z.string().trim().min(1, 'is required').max(NAME_MAX);
export const email = z
  .email('must be a valid e-mail address')
  .max(254)
  .transform((v) => v.toLowerCase());

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export const versionBody = z.object({ version }).strict();

/** A list's export: the file format and the columns shown (comma-separated keys; all when absent). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFields = {
  format: z.enum(EXPORT_FORMATS).default('csv'),
  columns: z.string().trim().max(2000).optional(),
  /** The language of the headers and words: a download link cannot send the page's Accept-Language. */
  lang: z.enum(LOCALES).optional(),
};
