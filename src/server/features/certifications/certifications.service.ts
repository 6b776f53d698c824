import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { certification, certificationRenewal, partnerProgram, userCertification } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import type { CertificationCategory } from '../../../shared/compliance.js';
import type { Certification, ListCertificationsQuery } from '../../../shared/schemas/certification.js';
import { auditableCertification, presentCertification } from './certifications.presenter.js';

const WHAT = { what: msg('certifications.certification.what'), the: msg('certifications.certification.the') };
type Row = typeof certification.$inferSelect;
export type AuditActor = Pick<Actor, 'id' | 'name'> | null;

export interface CertificationInput {
  programId: string;
  name: string;
  examCode?: string | null;
  issuer?: string | null;
  category: CertificationCategory;
  validityMonths: number | null;
  description?: string | null;
  url?: string | null;
  renewedByIds: string[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Catalogue entries with their programme, renewal links both ways and holder counts: four queries for any number. */
async function present(db: DbOrTx, rows: Row[]): Promise<Certification[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const programs = await db
    .select({ id: partnerProgram.id, name: partnerProgram.name })
    .from(partnerProgram)
    .where(inArray(partnerProgram.id, [...new Set(rows.map((r) => r.programId))]));
  const links = await db
    .select({ certificationId: certificationRenewal.certificationId, renewedById: certificationRenewal.renewedById })
    .from(certificationRenewal)
    .where(or(inArray(certificationRenewal.certificationId, ids), inArray(certificationRenewal.renewedById, ids)));
  const linkedIds = [...new Set(links.flatMap((l) => [l.certificationId, l.renewedById]))];
  const names = new Map(
    (linkedIds.length ? await db.select({ id: certification.id, name: certification.name }).from(certification).where(inArray(certification.id, linkedIds)) : []).map((c) => [
      c.id,
      c.name,
    ]),
  );
  const counts = await db
    .select({ id: userCertification.certificationId, n: sql<number>`count(distinct ${userCertification.userId})`.mapWith(Number) })
    .from(userCertification)
    .where(and(inArray(userCertification.certificationId, ids), eq(userCertification.status, 'obtained'), isNull(userCertification.archivedAt)))
    .groupBy(userCertification.certificationId);
  const holders = new Map(counts.map((c) => [c.id, c.n]));
  const programById = new Map(programs.map((p) => [p.id, p]));
  const ref = (id: string) => ({ id, name: names.get(id) ?? 'Removed certification' });
  return rows.map((r) =>
    presentCertification(r, {
      program: programById.get(r.programId) ?? { id: r.programId, name: 'Removed programme' },
      renewedBy: links.filter((l) => l.certificationId === r.id).map((l) => ref(l.renewedById)),
      renews: links.filter((l) => l.renewedById === r.id).map((l) => ref(l.certificationId)),
      holderCount: holders.get(r.id) ?? 0,
    }),
  );
}

export async function listCertifications(db: DbOrTx, q: ListCertificationsQuery): Promise<Certification[]> {
  const where: SQL[] = [];
  if (q.programId) where.push(eq(certification.programId, q.programId));
  if (!q.includeArchived) where.push(isNull(certification.archivedAt));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(certification.name, like), ilike(certification.examCode, like), ilike(certification.issuer, like))!);
  }
  const rows = await db
    .select({ c: certification })
    .from(certification)
    .innerJoin(partnerProgram, eq(partnerProgram.id, certification.programId))
    .where(and(...where))
    .orderBy(asc(sql`lower(${partnerProgram.name})`), asc(sql`lower(${certification.name})`), asc(certification.id));
  return present(
    db,
    rows.map((r) => r.c),
  );
}

export async function getCertification(db: DbOrTx, id: string): Promise<Certification> {
  const [row] = await db.select().from(certification).where(eq(certification.id, id));
  if (!row) throw notFound(WHAT.what);
  return (await present(db, [row]))[0]!;
}

async function checkNameFree(tx: DbOrTx, programId: string, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: certification.id })
    .from(certification)
    .where(
      and(
        eq(certification.programId, programId),
        sql`lower(${certification.name}) = ${name.toLowerCase()}`,
        isNull(certification.archivedAt),
        exceptId ? sql`${certification.id} <> ${exceptId}` : undefined,
      ),
    );
  if (rows.length) throw fieldError('body.name', msg('certifications.field.nameUsed'), 'conflict');
}

async function activeProgram(tx: DbOrTx, programId: string) {
  const [p] = await tx.select().from(partnerProgram).where(eq(partnerProgram.id, programId));
  if (!p || p.archivedAt) throw fieldError('body.programId', msg(p ? 'certifications.field.programArchived' : 'certifications.field.programUnknown'));
  return p;
}

/**
 * "Renewed by" must name other certifications of the same programme and must not close a loop
 * (A renewed by B renewed by A would make both valid forever).
 */
async function checkRenewedBy(tx: DbOrTx, self: { id: string | null; programId: string }, ids: string[]) {
  if (!ids.length) return;
  const path = 'body.renewedByIds';
  if (self.id && ids.includes(self.id)) throw fieldError(path, msg('certifications.field.renewsItself'));
  const found = await tx
    .select({ id: certification.id, programId: certification.programId, archivedAt: certification.archivedAt })
    .from(certification)
    .where(inArray(certification.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw fieldError(path, msg('certifications.field.unknownRenewals', { ids: missing.join(', ') }));
  if (found.some((f) => f.programId !== self.programId)) throw fieldError(path, msg('certifications.field.otherProgramme'));
  if (found.some((f) => f.archivedAt)) throw fieldError(path, msg('certifications.field.archivedRenewal'));
  if (!self.id) return;
  // Edges lower → higher; adding self → r closes a loop when self is reachable from r.
  const edges = await tx
    .select({ from: certificationRenewal.certificationId, to: certificationRenewal.renewedById })
    .from(certificationRenewal)
    .innerJoin(certification, eq(certification.id, certificationRenewal.certificationId))
    .where(and(eq(certification.programId, self.programId), sql`${certificationRenewal.certificationId} <> ${self.id}`));
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const seen = new Set<string>();
  const stack = [...ids];
  while (stack.length) {
    const at = stack.pop()!;
    if (at === self.id) throw fieldError(path, msg('certifications.field.loop'));
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(next.get(at) ?? []));
  }
}

const renewalIdsOf = async (tx: DbOrTx, id: string) =>
  (await tx.select({ id: certificationRenewal.renewedById }).from(certificationRenewal).where(eq(certificationRenewal.certificationId, id))).map((r) => r.id);

/** Inserts a catalogue entry in the caller's transaction (the starter set uses it too); checks are the caller's. */
export async function insertCertification(tx: DbOrTx, input: CertificationInput & { issuer: string }, actor: AuditActor): Promise<Row> {
  const [row] = await tx
    .insert(certification)
    .values({
      programId: input.programId,
      name: input.name,
      examCode: input.examCode || null,
      issuer: input.issuer,
      category: input.category,
      validityMonths: input.validityMonths,
      description: input.description ?? null,
      url: input.url ?? null,
    })
    .returning();
  if (input.renewedByIds.length) await tx.insert(certificationRenewal).values(input.renewedByIds.map((renewedById) => ({ certificationId: row!.id, renewedById })));
  await recordAudit(tx, { actor, entityType: 'certification', entityId: row!.id, action: 'create', before: null, after: auditableCertification(row!, input.renewedByIds) });
  return row!;
}

export async function createCertification(db: Db, input: CertificationInput, actor: Actor): Promise<Certification> {
  return db.transaction(async (tx) => {
    const program = await activeProgram(tx, input.programId);
    await checkNameFree(tx, program.id, input.name);
    await checkRenewedBy(tx, { id: null, programId: program.id }, input.renewedByIds);
    const row = await insertCertification(tx, { ...input, issuer: input.issuer || program.vendor }, actor);
    return (await present(tx, [row]))[0]!;
  });
}

export async function updateCertification(db: Db, id: string, input: Partial<Omit<CertificationInput, 'programId'>> & { version: number }, actor: Actor): Promise<Certification> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, certification, id, WHAT);
    if (before.archivedAt) throw new AppError('conflict', msg('certifications.archived'));
    const { version, renewedByIds, ...fields } = input;
    if (fields.name !== undefined) await checkNameFree(tx, before.programId, fields.name, id);
    const beforeRenewals = await renewalIdsOf(tx, id);
    if (renewedByIds) await checkRenewedBy(tx, { id, programId: before.programId }, renewedByIds);
    const values = { ...fields, ...(fields.examCode !== undefined && { examCode: fields.examCode || null }) };
    const after = await updateVersioned(tx, certification, id, version, values as never, WHAT);
    if (renewedByIds) {
      await tx.delete(certificationRenewal).where(eq(certificationRenewal.certificationId, id));
      if (renewedByIds.length) await tx.insert(certificationRenewal).values(renewedByIds.map((renewedById) => ({ certificationId: id, renewedById })));
    }
    // Holdings keep the expiry they were recorded with: a changed validity applies to new ones and
    // to holdings whose obtained date is edited (the vendor's rule for people already certified rarely changes retroactively).
    await recordAudit(tx, {
      actor,
      entityType: 'certification',
      entityId: id,
      action: 'update',
      before: auditableCertification(before, beforeRenewals),
      after: auditableCertification(after, renewedByIds ?? beforeRenewals),
    });
    return (await present(tx, [after]))[0]!;
  });
}

export async function setCertificationArchived(db: Db, id: string, archived: boolean, version: number, actor: Actor): Promise<Certification> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, certification, id, WHAT);
    if (!archived && before.archivedAt) {
      await checkNameFree(tx, before.programId, before.name, id).catch(() => {
        throw new AppError('conflict', msg('certifications.nameTaken', { name: before.name }));
      });
    }
    const after = await updateVersioned(tx, certification, id, version, { archivedAt: archived ? sql`now()` : null } as never, WHAT);
    const renewals = await renewalIdsOf(tx, id);
    await recordAudit(tx, {
      actor,
      entityType: 'certification',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: auditableCertification(before, renewals),
      after: auditableCertification(after, renewals),
    });
    return (await present(tx, [after]))[0]!;
  });
}
