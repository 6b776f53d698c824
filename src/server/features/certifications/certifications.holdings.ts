import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { certification, partnerProgram, user, userCertification } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import { deriveExpiry } from '../../../shared/certifications.js';
import { zurichDate } from '../../../shared/days.js';
import {
  HOLDINGS_LIST_MAX,
  type CreateUserCertificationBody,
  type ListUserCertificationsQuery,
  type UpdateUserCertificationBody,
  type UserCertification,
} from '../../../shared/schemas/certification.js';
import { evaluate, holdingsOfUsers, renewalMap, type Evaluated, type HoldingFacts, type HoldingRow } from './certifications.core.js';
import { assertMayRecordFor } from './certifications.policy.js';
import { auditableHolding, presentHolding } from './certifications.presenter.js';

const WHAT = { what: msg('certifications.record.what'), the: msg('certifications.record.the') };
type CertRow = typeof certification.$inferSelect;

/** Names of the people, certifications and programmes a page of holdings refers to, in three queries. */
export async function presentHoldings(db: DbOrTx, rows: HoldingRow[], ev: Map<string, Evaluated>): Promise<UserCertification[]> {
  if (!rows.length) return [];
  const userIds = [...new Set(rows.flatMap((r) => [r.userId, r.createdBy].filter((x): x is string => Boolean(x))))];
  const certIds = [...new Set(rows.flatMap((r) => [r.certificationId, ev.get(r.id)?.renewedVia?.certificationId].filter((x): x is string => Boolean(x))))];
  const users = new Map((await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, userIds))).map((u) => [u.id, u]));
  const certs = new Map((await db.select().from(certification).where(inArray(certification.id, certIds))).map((c) => [c.id, c]));
  const programIds = [...new Set([...certs.values()].map((c) => c.programId))];
  const programs = new Map(
    (await db.select({ id: partnerProgram.id, name: partnerProgram.name }).from(partnerProgram).where(inArray(partnerProgram.id, programIds))).map((p) => [p.id, p]),
  );
  return rows.map((h) => {
    const cert = certs.get(h.certificationId)!;
    const evaluated = ev.get(h.id)!;
    return presentHolding(h, {
      user: users.get(h.userId) ?? { id: h.userId, name: 'former user' },
      cert,
      program: programs.get(cert.programId) ?? { id: cert.programId, name: 'Removed programme' },
      createdBy: h.createdBy ? (users.get(h.createdBy) ?? { id: h.createdBy, name: 'former user' }) : null,
      evaluated,
      renewedViaName: evaluated.renewedVia ? (certs.get(evaluated.renewedVia.certificationId)?.name ?? null) : null,
    });
  });
}

/** Evaluates `rows` against every unarchived holding of their colleagues (renewals come from those). */
async function evaluateRows(db: DbOrTx, rows: HoldingRow[], today: string): Promise<Map<string, Evaluated>> {
  const others = await holdingsOfUsers(db, [...new Set(rows.map((r) => r.userId))]);
  const all = new Map<string, HoldingFacts>([...others, ...rows].map((h) => [h.id, h]));
  return evaluate([...all.values()], await renewalMap(db), today);
}

export async function listHoldings(db: DbOrTx, q: ListUserCertificationsQuery, now: Date): Promise<UserCertification[]> {
  const where: SQL[] = [];
  if (q.userId) where.push(eq(userCertification.userId, q.userId));
  if (q.certificationId) where.push(eq(userCertification.certificationId, q.certificationId));
  if (q.programId) where.push(eq(certification.programId, q.programId));
  if (q.status) where.push(eq(userCertification.status, q.status));
  if (!q.includeArchived) where.push(isNull(userCertification.archivedAt));
  // The recorded expiry is never earlier than the effective one, so it narrows the read safely.
  if (q.expiresBefore) where.push(eq(userCertification.status, 'obtained'), sql`${userCertification.expiresOn} is not null`, lte(userCertification.expiresOn, q.expiresBefore));
  const rows = (
    await db
      .select({ h: userCertification })
      .from(userCertification)
      .innerJoin(certification, eq(certification.id, userCertification.certificationId))
      .innerJoin(user, eq(user.id, userCertification.userId))
      .where(and(...where))
      .orderBy(asc(sql`lower(${user.name})`), asc(sql`lower(${certification.name})`), asc(userCertification.createdAt))
      .limit(HOLDINGS_LIST_MAX)
  ).map((r) => r.h);
  const today = zurichDate(now);
  const ev = await evaluateRows(db, rows, today);
  const kept = rows.filter((h) => {
    const e = ev.get(h.id)!;
    if (q.state && e.state !== q.state) return false;
    return !q.expiresBefore || (e.effective !== null && e.effective < q.expiresBefore);
  });
  return presentHoldings(db, kept, ev);
}

export async function getHolding(db: DbOrTx, id: string, now: Date): Promise<UserCertification> {
  const [row] = await db.select().from(userCertification).where(eq(userCertification.id, id));
  if (!row) throw notFound(WHAT.what);
  return (await presentHoldings(db, [row], await evaluateRows(db, [row], zurichDate(now))))[0]!;
}

async function activeUser(tx: DbOrTx, id: string) {
  const [u] = await tx.select({ id: user.id, deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, id));
  if (!u || u.deactivatedAt) throw fieldError('body.userId', msg(u ? 'certifications.field.deactivatedColleague' : 'certifications.field.unknownColleague'));
}

async function activeCertification(tx: DbOrTx, id: string): Promise<CertRow> {
  const [c] = await tx.select().from(certification).where(eq(certification.id, id));
  if (!c || c.archivedAt) throw fieldError('body.certificationId', msg(c ? 'certifications.field.archivedInCatalogue' : 'certifications.field.notInCatalogue'));
  return c;
}

interface Dates {
  status: 'obtained' | 'planned';
  obtainedOn: string | null;
  targetOn: string | null;
  expiresOn: string | null;
  expiryOverridden: boolean;
}

/** The rules both create and edit apply: what each status needs, no future pass, no expiry before the pass. */
function checkDates(d: Dates, today: string) {
  if (d.status === 'planned') {
    if (!d.targetOn) throw fieldError('body.targetOn', msg('certifications.field.targetRequired'));
    if (d.obtainedOn) throw fieldError('body.obtainedOn', msg('certifications.field.obtainedWhilePlanned'));
    if (d.expiresOn) throw fieldError('body.expiresOn', msg('certifications.field.expiryWhilePlanned'));
    return;
  }
  if (!d.obtainedOn) throw fieldError('body.obtainedOn', msg('certifications.field.obtainedRequired'));
  if (d.obtainedOn > today) throw fieldError('body.obtainedOn', msg('certifications.field.obtainedInFuture', { today }));
  if (d.expiresOn && d.expiresOn < d.obtainedOn) throw fieldError('body.expiresOn', msg('certifications.field.expiresBeforeObtained', { obtainedOn: d.obtainedOn }));
}

export async function createHolding(db: Db, input: CreateUserCertificationBody, actor: Actor, now: Date): Promise<UserCertification> {
  const userId = input.userId ?? actor.id;
  assertMayRecordFor(actor, userId);
  return db.transaction(async (tx) => {
    await activeUser(tx, userId);
    const cert = await activeCertification(tx, input.certificationId);
    const status = input.status ?? 'obtained';
    const overridden = status === 'obtained' && Boolean(input.expiresOn);
    const obtainedOn = input.obtainedOn ?? null;
    const dates: Dates = {
      status,
      obtainedOn,
      targetOn: input.targetOn ?? null,
      expiresOn: overridden ? input.expiresOn! : status === 'obtained' && obtainedOn ? deriveExpiry(obtainedOn, cert.validityMonths) : (input.expiresOn ?? null),
      expiryOverridden: overridden,
    };
    checkDates(dates, zurichDate(now));
    const [row] = await tx
      .insert(userCertification)
      .values({
        userId,
        certificationId: cert.id,
        ...dates,
        credentialId: input.credentialId || null,
        credentialUrl: input.credentialUrl || null,
        notes: input.notes || null,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, { actor, entityType: 'user_certification', entityId: row!.id, action: 'create', before: null, after: auditableHolding(row!) });
    return (await presentHoldings(tx, [row!], await evaluateRows(tx, [row!], zurichDate(now))))[0]!;
  });
}

export async function updateHolding(db: Db, id: string, input: UpdateUserCertificationBody, actor: Actor, now: Date): Promise<UserCertification> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, userCertification, id, WHAT);
    assertMayRecordFor(actor, before.userId);
    if (before.archivedAt) throw new AppError('conflict', msg('certifications.recordArchived'));
    const cert =
      input.certificationId && input.certificationId !== before.certificationId
        ? await activeCertification(tx, input.certificationId)
        : (await tx.select().from(certification).where(eq(certification.id, before.certificationId)))[0]!;
    const status = input.status ?? (before.status as Dates['status']);
    if (before.status === 'obtained' && status === 'planned') throw fieldError('body.status', msg('certifications.field.backToPlanned'));
    const obtainedOn = input.obtainedOn !== undefined ? input.obtainedOn : before.obtainedOn;
    const targetOn = input.targetOn !== undefined ? input.targetOn : before.targetOn;
    let expiresOn = before.expiresOn;
    let expiryOverridden = before.expiryOverridden;
    if (input.expiresOn) {
      expiresOn = input.expiresOn;
      expiryOverridden = status === 'obtained';
    } else if (status === 'obtained') {
      // Derived again when what it derives from changed, or when the override was dropped (null).
      const inputsChanged = obtainedOn !== before.obtainedOn || cert.id !== before.certificationId || status !== before.status;
      if (input.expiresOn === null || (!before.expiryOverridden && inputsChanged)) {
        expiresOn = obtainedOn ? deriveExpiry(obtainedOn, cert.validityMonths) : null;
        expiryOverridden = false;
      }
    } else if (input.expiresOn === null) {
      expiresOn = null;
    }
    const dates: Dates = { status, obtainedOn, targetOn, expiresOn, expiryOverridden };
    checkDates(dates, zurichDate(now));
    const { version, certificationId: _c, status: _s, obtainedOn: _o, targetOn: _t, expiresOn: _e, ...text } = input;
    const values = {
      ...dates,
      certificationId: cert.id,
      ...(text.credentialId !== undefined && { credentialId: text.credentialId || null }),
      ...(text.credentialUrl !== undefined && { credentialUrl: text.credentialUrl || null }),
      ...(text.notes !== undefined && { notes: text.notes || null }),
    };
    const after = await updateVersioned(tx, userCertification, id, version, values, WHAT);
    await recordAudit(tx, { actor, entityType: 'user_certification', entityId: id, action: 'update', before: auditableHolding(before), after: auditableHolding(after) });
    return (await presentHoldings(tx, [after], await evaluateRows(tx, [after], zurichDate(now))))[0]!;
  });
}

/** A soft delete: the record leaves the matrix and reminders, the audit trail keeps it. */
export async function archiveHolding(db: Db, id: string, version: number, actor: Actor, now: Date): Promise<UserCertification> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, userCertification, id, WHAT);
    assertMayRecordFor(actor, before.userId);
    if (before.archivedAt) throw new AppError('conflict', msg('certifications.recordAlreadyArchived'));
    const after = await updateVersioned(tx, userCertification, id, version, { archivedAt: sql`now()` } as never, WHAT);
    await recordAudit(tx, { actor, entityType: 'user_certification', entityId: id, action: 'archive', before: auditableHolding(before), after: auditableHolding(after) });
    return (await presentHoldings(tx, [after], await evaluateRows(tx, [after], zurichDate(now))))[0]!;
  });
}
