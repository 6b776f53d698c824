import type { document, documentVersion } from '../../db/schema/index.js';
import type { DocumentSubject } from '../../../shared/compliance.js';
import { canShowInline, type DocumentItem, type DocumentVersion } from '../../../shared/schemas/document.js';

export type DocumentRow = typeof document.$inferSelect;
export type VersionRow = typeof documentVersion.$inferSelect;
type People = Map<string, string>;

const person = (people: People, id: string | null) => (id ? { id, name: people.get(id) ?? 'Former user' } : null);

export function presentVersion(d: DocumentRow, v: VersionRow, people: People): DocumentVersion {
  // Each version's URL names it: its bytes never change, so browsers may keep it.
  const downloadUrl = `/api/documents/${d.id}/download?version=${v.versionNo}`;
  return {
    id: v.id,
    versionNo: v.versionNo,
    fileName: v.fileName,
    contentType: v.contentType,
    sizeBytes: v.sizeBytes,
    sha256: v.sha256,
    uploadedBy: person(people, v.uploadedBy),
    uploadedAt: v.uploadedAt.toISOString(),
    downloadUrl,
    inlineUrl: canShowInline(v.contentType) ? `${downloadUrl}&inline=1` : null,
  };
}

export function presentDocument(d: DocumentRow, versions: VersionRow[], people: People, extra: { subjectLabel: string; canEdit: boolean }): DocumentItem {
  const sorted = [...versions].sort((a, b) => b.versionNo - a.versionNo).map((v) => presentVersion(d, v, people));
  const current = sorted.find((v) => v.versionNo === d.currentVersion) ?? sorted[0]!;
  return {
    id: d.id,
    subjectType: d.subjectType as DocumentSubject,
    subjectId: d.subjectId,
    subjectLabel: extra.subjectLabel,
    partnerId: d.partnerId,
    title: d.title,
    currentVersion: d.currentVersion,
    current,
    versions: sorted,
    createdBy: person(people, d.createdBy),
    canEdit: extra.canEdit,
    archivedAt: d.archivedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

/** What the audit trail keeps: the document and its current file, never the bytes' location. */
export const auditableDocument = (d: DocumentRow, v: VersionRow | null) => ({
  subjectType: d.subjectType,
  subjectId: d.subjectId,
  title: d.title,
  currentVersion: d.currentVersion,
  archivedAt: d.archivedAt?.toISOString() ?? null,
  ...(v ? { fileName: v.fileName, contentType: v.contentType, sizeBytes: v.sizeBytes, sha256: v.sha256 } : {}),
});
