import { z } from 'zod';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_INLINE_TYPES, DOCUMENT_SUBJECTS } from '../compliance.js';

export const DOCUMENT_TITLE_MAX = 200;
/** File names are kept for the download's name only; longer ones are cut (keeping the extension). */
export const DOCUMENT_FILE_NAME_MAX = 200;

export const documentSubject = z.enum(DOCUMENT_SUBJECTS, { error: `must be one of ${DOCUMENT_SUBJECTS.join(', ')}` });

/** "25 MB", "512 KB", "3 bytes" ("3 Byte" in German): binary units, as file managers show them, the number in `locale`'s usage. */
export function formatBytes(n: number, locale = 'en-CH'): string {
  if (n < 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(n);
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: v >= 100 ? 0 : 1 }).format(v)} ${units[i]}`;
}

/** What people call the allowed types, for messages and the file picker's hint. */
export const DOCUMENT_TYPES_HINT = 'PDF, images (PNG, JPEG, GIF, WebP), text, CSV, ZIP, Word, Excel, PowerPoint, OpenDocument and e-mail (.eml) files';

/** File extensions of the allowed types: the browser's file picker filter, and the type of a file sent as application/octet-stream. */
export const DOCUMENT_EXTENSIONS: Record<string, (typeof DOCUMENT_CONTENT_TYPES)[number]> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  eml: 'message/rfc822',
};

export const canShowInline = (contentType: string) => (DOCUMENT_INLINE_TYPES as readonly string[]).includes(contentType);

// ---- requests -------------------------------------------------------------------------------

/** The multipart fields of an upload (sent before the file). */
export const uploadDocumentFields = z.object({
  subjectType: documentSubject,
  subjectId: z.uuid('must be the id of the record the file belongs to'),
  title: z.string().trim().max(DOCUMENT_TITLE_MAX, `must be at most ${DOCUMENT_TITLE_MAX} characters`).optional(),
});

/** The multipart fields of a new version: the document's version, when the client wants a stale upload refused. */
export const newVersionFields = z.object({
  version: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).max(2_147_483_647).optional(),
});

export const listDocumentsQuery = z
  .object({
    subjectType: documentSubject.optional(),
    subjectId: z.uuid('must be a record id').optional(),
    /** Every document of a partner: its own, its contracts' and its risk assessments'. */
    partnerId: z.uuid('must be a partner id').optional(),
    archived: z.enum(['false', 'true', 'all']).default('false'),
  })
  .superRefine((q, ctx) => {
    const bySubject = q.subjectType !== undefined || q.subjectId !== undefined;
    if (bySubject && q.partnerId) ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'give either partnerId or subjectType and subjectId' });
    else if (bySubject && (!q.subjectType || !q.subjectId))
      ctx.addIssue({ code: 'custom', path: [q.subjectType ? 'subjectId' : 'subjectType'], message: 'is required with the other' });
    else if (!bySubject && !q.partnerId) ctx.addIssue({ code: 'custom', path: ['subjectId'], message: 'give subjectType and subjectId, or partnerId' });
  });
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>;

export const downloadQuery = z.object({
  version: z.coerce.number({ error: 'must be a version number' }).int('must be a version number').min(1).max(2_147_483_647).optional(),
  inline: z.enum(['0', '1', 'true', 'false']).optional(),
});

// ---- responses ------------------------------------------------------------------------------

const personRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const documentVersionSchema = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: personRef,
  uploadedAt: z.string(),
  /** Always an attachment; `inlineUrl` is set only for types the browser may show (PDF, raster images). */
  downloadUrl: z.string(),
  inlineUrl: z.string().nullable(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const documentSchema = z.object({
  id: z.string(),
  subjectType: documentSubject,
  subjectId: z.string(),
  /** What the file is attached to, in words ("Reseller agreement 2026", "Risk assessment of 3 Mar 2026"). */
  subjectLabel: z.string(),
  partnerId: z.string().nullable(),
  title: z.string(),
  currentVersion: z.number().int(),
  /** The current version (the one `Download` serves). */
  current: documentVersionSchema,
  /** Every version, newest first. */
  versions: z.array(documentVersionSchema),
  createdBy: personRef,
  /** Whether the caller may upload a new version or archive it. */
  canEdit: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type DocumentItem = z.infer<typeof documentSchema>;

export const documentList = z.object({
  items: z.array(documentSchema),
  /** Whether the caller may upload to the listed record (to the partner itself for ?partnerId=). */
  canUpload: z.boolean(),
  /** The upload limit in bytes, for the form's own check. */
  maxBytes: z.number().int(),
});
export type DocumentList = z.infer<typeof documentList>;
