import { and, asc, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { commissionLine, kickbackAgreement, kickbackTier, partner } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import { offsetOf, orderBy } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import { updateVersioned } from '../../lib/versioned.js';
import { dayIn } from '../../../shared/days.js';
import type { KickbackKind } from '../../../shared/deals.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import {
  agreementRuleIssues,
  type Agreement,
  type AgreementRuleFields,
  type ListAgreementsQuery,
  type createAgreementBody,
  type updateAgreementBody,
} from '../../../shared/schemas/kickback.js';
import { lockPartnerForEdit } from '../partners/index.js';
import { lockAgreementRow, recomputeAgreement, type RecomputeResult } from './kickbacks.compute.js';
import { canManage } from './kickbacks.policy.js';
import { agreementNotice, auditableAgreement, presentAgreement, type AgreementRow, type TierRow } from './kickbacks.presenter.js';

type CreateInput = z.output<typeof createAgreementBody>;
type UpdateInput = z.output<typeof updateAgreementBody>;
export const AGREEMENT = { what: msg('kickbacks.what'), the: msg('kickbacks.the') };

/** Kickbacks are for the partners who bring business: consultants and resellers. */
const KICKBACK_PARTNER_TYPE = 'consultant_reseller';

async function readAgreements(db: DbOrTx, ids: string[], actor: Actor, locale: Locale): Promise<Agreement[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ a: kickbackAgreement, partnerName: partner.name })
    .from(kickbackAgreement)
    .innerJoin(partner, eq(partner.id, kickbackAgreement.partnerId))
    .where(inArray(kickbackAgreement.id, ids));
  const tiers = await db.select().from(kickbackTier).where(inArray(kickbackTier.agreementId, ids));
  const sums = await db
    .select({ id: commissionLine.agreementId, sum: sql<number>`coalesce(sum(${commissionLine.amountMinor}), 0)::bigint`.mapWith(Number) })
    .from(commissionLine)
    .where(inArray(commissionLine.agreementId, ids))
    .groupBy(commissionLine.agreementId);
  const tiersOf = (id: string): TierRow[] => tiers.filter((t) => t.agreementId === id);
  const sumOf = new Map(sums.map((s) => [s.id, s.sum]));
  const byId = new Map(
    rows.map((r) => [r.a.id, presentAgreement(r.a, { partnerName: r.partnerName, tiers: tiersOf(r.a.id), earnedMinor: sumOf.get(r.a.id) ?? 0 }, actor, locale)]),
  );
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

export async function getAgreement(db: DbOrTx, id: string, actor: Actor, locale: Locale): Promise<Agreement> {
  const [a] = await readAgreements(db, [id], actor, locale);
  if (!a) throw notFound(AGREEMENT.what);
  return a;
}

export async function listAgreements(db: DbOrTx, q: ListAgreementsQuery, actor: Actor, locale: Locale) {
  const where: (SQL | undefined)[] = [];
  if (q.partnerId) where.push(eq(kickbackAgreement.partnerId, q.partnerId));
  if (q.archived === 'false') where.push(isNull(kickbackAgreement.archivedAt));
  if (q.archived === 'true') where.push(isNotNull(kickbackAgreement.archivedAt));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(kickbackAgreement.name, like), ilike(partner.name, like)));
  }
  const filter = and(...where);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
    .from(kickbackAgreement)
    .innerJoin(partner, eq(partner.id, kickbackAgreement.partnerId))
    .where(filter);
  const ids = await db
    .select({ id: kickbackAgreement.id })
    .from(kickbackAgreement)
    .innerJoin(partner, eq(partner.id, kickbackAgreement.partnerId))
    .where(filter)
    .orderBy(...orderBy(q.sort, { validFrom: kickbackAgreement.validFrom, name: kickbackAgreement.name, createdAt: kickbackAgreement.createdAt }, kickbackAgreement.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const items = await readAgreements(
    db,
    ids.map((r) => r.id),
    actor,
    locale,
  );
  return { items, page: q.page, pageSize: q.pageSize, total, can: { create: canManage(actor) } };
}

function checkRules(a: AgreementRuleFields) {
  const issues = agreementRuleIssues(a);
  if (!issues.length) return;
  throw new AppError(
    'validation_failed',
    undefined,
    issues.map((i) => ({ path: `body.${i.path}`, message: i.message, issue: { code: 'custom', message: i.message } })),
  );
}

/** Two agreements of one partner may not be valid on the same day: a won deal must earn under one of them. */
async function checkNoOverlap(tx: DbOrTx, partnerId: string, validFrom: string, validTo: string | null, except?: string) {
  const [other] = await tx
    .select({ name: kickbackAgreement.name, validFrom: kickbackAgreement.validFrom, validTo: kickbackAgreement.validTo })
    .from(kickbackAgreement)
    .where(
      and(
        eq(kickbackAgreement.partnerId, partnerId),
        isNull(kickbackAgreement.archivedAt),
        except ? ne(kickbackAgreement.id, except) : undefined,
        sql`${kickbackAgreement.validFrom} <= ${validTo ?? '9999-12-31'}`,
        sql`coalesce(${kickbackAgreement.validTo}, '9999-12-31') >= ${validFrom}`,
      ),
    )
    .orderBy(asc(kickbackAgreement.validFrom))
    .limit(1);
  if (other) throw fieldError('body.validFrom', msg('kickbacks.overlap', { name: other.name, from: other.validFrom, to: other.validTo ?? '…' }));
}

async function writeTiers(tx: DbOrTx, agreementId: string, kind: string, tiers: { thresholdMinor: number; rateBp: number }[]) {
  await tx.delete(kickbackTier).where(eq(kickbackTier.agreementId, agreementId));
  if (kind === 'tiered' && tiers.length) await tx.insert(kickbackTier).values(tiers.map((t) => ({ agreementId, thresholdMinor: t.thresholdMinor, rateBp: t.rateBp })));
}

const tiersOf = async (tx: DbOrTx, id: string) =>
  tx
    .select({ thresholdMinor: kickbackTier.thresholdMinor, rateBp: kickbackTier.rateBp })
    .from(kickbackTier)
    .where(eq(kickbackTier.agreementId, id))
    .orderBy(asc(kickbackTier.thresholdMinor));

/** The agreement locked for a change by the Partner Manager, its partner first (the order every partner write keeps). */
async function lockAgreement(tx: DbOrTx, id: string, actor: Actor): Promise<AgreementRow> {
  const [ref] = await tx.select({ partnerId: kickbackAgreement.partnerId }).from(kickbackAgreement).where(eq(kickbackAgreement.id, id));
  if (!ref) throw notFound(AGREEMENT.what);
  await lockPartnerForEdit(tx, actor, ref.partnerId, { allowArchived: true });
  const row = await lockAgreementRow(tx, id);
  if (!row || row.partnerId !== ref.partnerId) throw new AppError('conflict', msg('kickbacks.moved'));
  return row;
}

export async function createAgreement(db: Db, input: CreateInput, actor: Actor, locale: Locale, now: Date = new Date()): Promise<Agreement> {
  const id = await db.transaction(async (tx) => {
    const p = await lockPartnerForEdit(tx, actor, input.partnerId, { field: 'body.partnerId', purpose: msg('kickbacks.changingItsAgreements') });
    if (!p.types.includes(KICKBACK_PARTNER_TYPE)) throw fieldError('body.partnerId', msg('kickbacks.notConsultant', { name: p.name }));
    await checkNoOverlap(tx, p.id, input.validFrom, input.validTo ?? null);
    const tiered = input.kind === 'tiered';
    const [row] = await tx
      .insert(kickbackAgreement)
      .values({
        partnerId: p.id,
        name: input.name,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        kind: input.kind,
        basis: input.basis,
        // Only the fields of its kind: a rate left over from another kind would explain nothing.
        rateBp: input.kind === 'first_year_pct' || input.kind === 'mrr_pct_months' ? (input.rateBp ?? null) : null,
        months: input.kind === 'mrr_pct_months' ? (input.months ?? null) : null,
        flatMinor: input.kind === 'flat_per_deal' ? (input.flatMinor ?? null) : null,
        tierMode: tiered ? (input.tierMode ?? null) : null,
        currency: input.currency,
        notes: input.notes ?? null,
        createdBy: actor.id,
      })
      .returning();
    await writeTiers(tx, row!.id, row!.kind, input.tiers);
    await recordAudit(tx, {
      actor,
      entityType: 'kickback_agreement',
      entityId: row!.id,
      action: 'create',
      before: null,
      after: auditableAgreement(row!, tiered ? input.tiers : []),
    });
    // Deals already won inside its validity earn from today.
    await recomputeAgreement(tx, row!, { today: dayIn(now), actor });
    return row!.id;
  });
  return getAgreement(db, id, actor, locale);
}

export async function updateAgreement(db: Db, id: string, body: UpdateInput, actor: Actor, locale: Locale, now: Date = new Date()): Promise<Agreement> {
  await db.transaction(async (tx) => {
    const before = await lockAgreement(tx, id, actor);
    if (before.archivedAt) throw new AppError('conflict', msg('kickbacks.archived'));
    const beforeTiers = await tiersOf(tx, id);
    const { version, tiers, ...fields } = body;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<AgreementRow>;
    const merged = { ...before, ...changes };
    const kind = merged.kind as KickbackKind;
    const nextTiers = kind === 'tiered' ? (tiers ?? beforeTiers) : [];
    checkRules({ ...merged, kind, tiers: nextTiers });
    if (changes.currency !== undefined && changes.currency !== before.currency) {
      const [line] = await tx.select({ id: commissionLine.id }).from(commissionLine).where(eq(commissionLine.agreementId, id)).limit(1);
      if (line) throw fieldError('body.currency', msg('kickbacks.currencyHasLines'), 'conflict');
    }
    if (changes.validFrom !== undefined || changes.validTo !== undefined) await checkNoOverlap(tx, before.partnerId, merged.validFrom, merged.validTo, id);
    const values: Partial<AgreementRow> = {
      ...changes,
      rateBp: kind === 'first_year_pct' || kind === 'mrr_pct_months' ? merged.rateBp : null,
      months: kind === 'mrr_pct_months' ? merged.months : null,
      flatMinor: kind === 'flat_per_deal' ? merged.flatMinor : null,
      tierMode: kind === 'tiered' ? merged.tierMode : null,
    };
    const after = await updateVersioned(tx, kickbackAgreement, id, version, values, AGREEMENT);
    await writeTiers(tx, id, kind, nextTiers);
    await recordAudit(tx, {
      actor,
      entityType: 'kickback_agreement',
      entityId: id,
      action: 'update',
      before: auditableAgreement(before, beforeTiers),
      after: auditableAgreement(after, nextTiers),
    });
    // New terms: the lines follow, by differences dated today.
    await recomputeAgreement(tx, after, { today: dayIn(now), actor });
  });
  return getAgreement(db, id, actor, locale);
}

export async function setAgreementArchived(db: Db, id: string, archived: boolean, version: number, actor: Actor, locale: Locale, now: Date = new Date()): Promise<Agreement> {
  await db.transaction(async (tx) => {
    const before = await lockAgreement(tx, id, actor);
    if (!archived) await checkNoOverlap(tx, before.partnerId, before.validFrom, before.validTo, id);
    const after = await updateVersioned(tx, kickbackAgreement, id, version, { archivedAt: archived ? sql`now()` : null } as never, AGREEMENT);
    const tiers = await tiersOf(tx, id);
    await recordAudit(tx, {
      actor,
      entityType: 'kickback_agreement',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: auditableAgreement(before, tiers),
      after: auditableAgreement(after, tiers),
    });
    // An archived agreement earns nothing new (its lines stay); restored, it catches up from today.
    if (!archived) await recomputeAgreement(tx, after, { today: dayIn(now), actor });
  });
  return getAgreement(db, id, actor, locale);
}

/** Recomputes every deal of an agreement: what a missed change or new terms owe, as lines dated today; a second run adds none. */
export async function recomputeAgreementNow(db: Db, id: string, actor: Actor, locale: Locale, now: Date = new Date()): Promise<RecomputeResult & { notice: string | null }> {
  return db.transaction(async (tx) => {
    const a = await lockAgreement(tx, id, actor);
    if (a.archivedAt) throw new AppError('conflict', msg('kickbacks.archived'));
    const r = await recomputeAgreement(tx, a, { today: dayIn(now), actor });
    return { ...r, notice: agreementNotice(a, locale) };
  });
}
