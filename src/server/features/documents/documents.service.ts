import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DocumentSubject } from '../../../shared/compliance.js';
import { canShowInline, newVersionFields, uploadDocumentFields, type DocumentItem, type DocumentList, type ListDocumentsQuery } from '../../../shared/schemas/document.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { document, documentVersion, partner, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound, type Msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, staleVersion, updateVersioned } from '../../lib/versioned.js';
import { checkContentType } from './documents.content.js';
import { assertMayAccess, mayAccess } from './documents.policy.js';
import { auditableDocument, presentDocument, type DocumentRow, type VersionRow } from './documents.presenter.js';
import { findSubject, findSubjects, orphan, type Subject } from './documents.subjects.js';
import type { Spooled } from './documents.upload.js';
import { documentKey, removeQuietly, StorageMissingError, type Storage } from './storage.js';

const WHAT = { what: msg('documents.what'), the: msg('documents.the') };
const SUBJECT_NAMES: Record<DocumentSubject, Msg> = {
  partner: msg('documents.subject.partner'),
  contract: msg('documents.subject.contract'),
  risk_assessment: msg('documents.subject.risk_assessment'),
  user_certification: msg('documents.subject.user_certification'),
};
const NO_SUBJECT: Record<DocumentSubject, Msg> = {
  partner: msg('documents.field.noSubject.partner'),
  contract: msg('documents.field.noSubject.contract'),
  risk_assessment: msg('documents.field.noSubject.risk_assessment'),
  user_certification: msg('documents.field.noSubject.user_certification'),
};

async function present(tx: DbOrTx, rows: DocumentRow[], subjects: Map<string, Subject>, canEdit: (d: DocumentRow) => boolean): Promise<DocumentItem[]> {
  if (!rows.length) return [];
  const versions = await tx
    .select()
    .from(documentVersion)
    .where(
      inArray(
        documentVersion.documentId,
        rows.map((r) => r.id),
      ),
    );
  const byDoc = new Map<string, VersionRow[]>();
  for (const v of versions) byDoc.set(v.documentId, [...(byDoc.get(v.documentId) ?? []), v]);
  const ids = [...new Set([...rows.map((r) => r.createdBy), ...versions.map((v) => v.uploadedBy)].filter((x): x is string => Boolean(x)))];
  const people = new Map((ids.length ? await tx.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids)) : []).map((u) => [u.id, u.name]));
  return rows.map((d) =>
    presentDocument(d, byDoc.get(d.id) ?? [], people, { subjectLabel: subjects.get(`${d.subjectType}:${d.subjectId}`)?.label ?? 'A deleted record', canEdit: canEdit(d) }),
  );
}

const subjectOf = async (tx: DbOrTx, d: DocumentRow) =>
  (await findSubject(tx, d.subjectType as DocumentSubject, d.subjectId)) ?? orphan(d.subjectType as DocumentSubject, d.subjectId, d.partnerId);

async function presentOne(tx: DbOrTx, d: DocumentRow, subject: Subject, actor: Actor): Promise<DocumentItem> {
  const canEdit = await mayAccess(tx, actor, subject, 'write');
  return (await present(tx, [d], new Map([[`${d.subjectType}:${d.subjectId}`, subject]]), () => canEdit))[0]!;
}

const archivedFilter = (archived: ListDocumentsQuery['archived']) =>
  archived === 'false' ? isNull(document.archivedAt) : archived === 'true' ? isNotNull(document.archivedAt) : undefined;

export async function listDocuments(db: DbOrTx, q: ListDocumentsQuery, actor: Actor, maxBytes: number): Promise<DocumentList> {
  if (q.subjectType && q.subjectId) {
    const subject = await findSubject(db, q.subjectType, q.subjectId);
    if (!subject) throw notFound(SUBJECT_NAMES[q.subjectType]);
    await assertMayAccess(db, actor, subject, 'read');
    const canUpload = await mayAccess(db, actor, subject, 'write');
    const rows = await db
      .select()
      .from(document)
      .where(and(eq(document.subjectType, q.subjectType), eq(document.subjectId, q.subjectId), archivedFilter(q.archived)))
      .orderBy(desc(document.createdAt), desc(document.id));
    const items = await present(db, rows, new Map([[`${subject.type}:${subject.id}`, subject]]), () => canUpload);
    return { items, canUpload, maxBytes };
  }
  const partnerId = q.partnerId!;
  const [p] = await db.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId));
  if (!p) throw notFound(SUBJECT_NAMES.partner);
  const rows = await db
    .select()
    .from(document)
    .where(and(eq(document.partnerId, partnerId), archivedFilter(q.archived)))
    .orderBy(desc(document.createdAt), desc(document.id));
  const subjects = await findSubjects(db, rows);
  const decided = new Map<string, { read: boolean; write: boolean }>();
  for (const d of rows) {
    const key = `${d.subjectType}:${d.subjectId}`;
    if (decided.has(key)) continue;
    const s = subjects.get(key) ?? orphan(d.subjectType as DocumentSubject, d.subjectId, d.partnerId);
    decided.set(key, { read: await mayAccess(db, actor, s, 'read'), write: await mayAccess(db, actor, s, 'write') });
  }
  const visible = rows.filter((d) => decided.get(`${d.subjectType}:${d.subjectId}`)!.read);
  const own: Subject = { type: 'partner', id: partnerId, partnerId, holderId: null, label: '' };
  const items = await present(db, visible, subjects, (d) => decided.get(`${d.subjectType}:${d.subjectId}`)!.write);
  return { items, canUpload: await mayAccess(db, actor, own, 'write'), maxBytes };
}

async function readable(db: DbOrTx, actor: Actor, id: string): Promise<{ row: DocumentRow; subject: Subject }> {
  const [row] = await db.select().from(document).where(eq(document.id, id));
  if (!row) throw notFound(WHAT.what);
  const subject = await subjectOf(db, row);
  await assertMayAccess(db, actor, subject, 'read');
  return { row, subject };
}

export async function getDocument(db: DbOrTx, id: string, actor: Actor): Promise<DocumentItem> {
  const { row, subject } = await readable(db, actor, id);
  return presentOne(db, row, subject, actor);
}

/** Parses an upload's fields and checks the subject and the caller's right to add to it, before the file is read. */
export async function checkNewDocument(db: DbOrTx, raw: Record<string, string>, actor: Actor): Promise<{ subject: Subject; title?: string }> {
  const parsed = uploadDocumentFields.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? 'body');
      return raw[field] === undefined ? { path: `body.${field}`, message: msg('documents.field.sendBeforeFile') } : { path: `body.${field}`, message: i.message, issue: i };
    });
    throw new AppError('validation_failed', undefined, errors);
  }
  const { subjectType, subjectId, title } = parsed.data;
  const subject = await findSubject(db, subjectType, subjectId);
  if (!subject) throw fieldError('body.subjectId', NO_SUBJECT[subjectType]);
  await assertMayAccess(db, actor, subject, 'write');
  return { subject, title: title || undefined };
}

/** Stores the checked file, then records it; if recording fails the stored object is removed again. */
async function store<T>(storage: Storage, file: Spooled, documentId: string, record: (v: { id: string; key: string; contentType: string }) => Promise<T>): Promise<T> {
  try {
    const contentType = await checkContentType(file.path, file.declaredType, file.fileName);
    const versionId = crypto.randomUUID();
    const key = documentKey(documentId, versionId);
    await storage.putFile(key, file.path, file.sizeBytes);
    try {
      return await record({ id: versionId, key, contentType });
    } catch (e) {
      await storage.delete(key).catch(() => undefined);
      throw e;
    }
  } finally {
    await removeQuietly(file.path);
  }
}

const versionValues = (documentId: string, versionNo: number, v: { id: string; key: string; contentType: string }, file: Spooled, actor: Actor) => ({
  id: v.id,
  documentId,
  versionNo,
  fileName: file.fileName,
  contentType: v.contentType,
  sizeBytes: file.sizeBytes,
  sha256: file.sha256,
  storageKey: v.key,
  uploadedBy: actor.id,
});

export async function createDocument(db: Db, storage: Storage, prepared: { subject: Subject; title?: string }, file: Spooled, actor: Actor): Promise<DocumentItem> {
  const documentId = crypto.randomUUID();
  const { subject } = prepared;
  return store(storage, file, documentId, (v) =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(document)
        .values({
          id: documentId,
          subjectType: subject.type,
          subjectId: subject.id,
          partnerId: subject.partnerId,
          title: prepared.title ?? file.fileName,
          currentVersion: 1,
          createdBy: actor.id,
        })
        .returning();
      const [version] = await tx
        .insert(documentVersion)
        .values(versionValues(documentId, 1, v, file, actor))
        .returning();
      await recordAudit(tx, { actor, entityType: 'document', entityId: documentId, action: 'upload', before: null, after: auditableDocument(row!, version!) });
      return presentOne(tx, row!, subject, actor);
    }),
  );
}

/** Checks a new version's fields, the document and the caller's right before the file is read. */
export async function checkNewVersion(db: DbOrTx, id: string, raw: Record<string, string>, actor: Actor): Promise<{ expected?: number }> {
  const parsed = newVersionFields.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('validation_failed', undefined, [
      issue ? { path: 'body.version', message: issue.message, issue } : { path: 'body.version', message: msg('documents.field.invalid') },
    ]);
  }
  const [row] = await db.select().from(document).where(eq(document.id, id));
  if (!row) throw notFound(WHAT.what);
  await assertMayAccess(db, actor, await subjectOf(db, row), 'write');
  if (row.archivedAt) throw new AppError('conflict', msg('documents.archived'));
  if (parsed.data.version !== undefined && parsed.data.version !== row.version) throw staleVersion(WHAT, parsed.data.version, row.version);
  return { expected: parsed.data.version };
}

export async function addVersion(db: Db, storage: Storage, id: string, expected: number | undefined, file: Spooled, actor: Actor): Promise<DocumentItem> {
  return store(storage, file, id, (v) =>
    db.transaction(async (tx) => {
      // Locked: two uploads at once get consecutive numbers, not the same one.
      const before = await lockRow(tx, document, id, WHAT);
      const subject = await subjectOf(tx, before);
      await assertMayAccess(tx, actor, subject, 'write');
      if (before.archivedAt) throw new AppError('conflict', msg('documents.archived'));
      if (expected !== undefined && expected !== before.version) throw staleVersion(WHAT, expected, before.version);
      const versionNo = before.currentVersion + 1;
      const [version] = await tx
        .insert(documentVersion)
        .values(versionValues(id, versionNo, v, file, actor))
        .returning();
      const after = await updateVersioned(tx, document, id, before.version, { currentVersion: versionNo }, WHAT);
      const [previous] = await tx
        .select()
        .from(documentVersion)
        .where(and(eq(documentVersion.documentId, id), eq(documentVersion.versionNo, before.currentVersion)));
      await recordAudit(tx, {
        actor,
        entityType: 'document',
        entityId: id,
        action: 'new_version',
        before: auditableDocument(before, previous ?? null),
        after: auditableDocument(after, version!),
      });
      return presentOne(tx, after, subject, actor);
    }),
  );
}

export async function setDocumentArchived(db: Db, id: string, archived: boolean, version: number, actor: Actor): Promise<DocumentItem> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, document, id, WHAT);
    const subject = await subjectOf(tx, before);
    await assertMayAccess(tx, actor, subject, 'write');
    const after = await updateVersioned(tx, document, id, version, { archivedAt: archived ? sql`now()` : null } as never, WHAT);
    await recordAudit(tx, {
      actor,
      entityType: 'document',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: auditableDocument(before, null),
      after: auditableDocument(after, null),
    });
    return presentOne(tx, after, subject, actor);
  });
}

export interface Download {
  version: VersionRow;
  inline: boolean;
  body: Readable;
}

/** The bytes of a version (the current one by default) the caller may read; inline only for types a browser shows safely. */
export async function openDownload(db: DbOrTx, storage: Storage, id: string, versionNo: number | undefined, inline: boolean, actor: Actor): Promise<Download> {
  const { row } = await readable(db, actor, id);
  const no = versionNo ?? row.currentVersion;
  const [version] = await db
    .select()
    .from(documentVersion)
    .where(and(eq(documentVersion.documentId, id), eq(documentVersion.versionNo, no)));
  if (!version) throw notFound(msg('documents.versionOf', { no }));
  if (inline && !canShowInline(version.contentType)) {
    const message = msg('documents.notInline');
    throw new AppError('unsupported_media_type', message, [{ path: 'query.inline', message }]);
  }
  try {
    return { version, inline, body: await storage.get(version.storageKey) };
  } catch (e) {
    if (e instanceof StorageMissingError) throw new AppError('internal', msg('documents.fileMissing'));
    throw e;
  }
}
