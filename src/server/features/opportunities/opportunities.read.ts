import { and, asc, count, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../db/client.js';
import { customer, dealStage, opportunity, opportunityPartner, opportunityProduct, opportunityStageChange, partner, product, user } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { offsetOf } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import type { DealCurrency, DealPartnerRole, StageKind } from '../../../shared/deals.js';
import type { Page } from '../../../shared/list.js';
import type { ListOpportunitiesQuery, Opportunity, OpportunityDetail } from '../../../shared/schemas/opportunity.js';
import { editablePartnerIds } from '../partners/index.js';
import { OPPORTUNITY, opportunityCan, presentOpportunity, type OpportunityJoined } from './opportunities.presenter.js';

/** The first and last day of a quarter 'YYYY-Qn'. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(startMonth)}-01`, to: `${y}-${pad(endMonth)}-${pad(lastDay)}` };
}
/** The quarter 'YYYY-Qn' of a day. */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** An opportunity with the names it refers to, in one statement. */
export const selectOpportunities = (db: DbOrTx) =>
  db
    .select({ o: opportunity, s: dealStage, c: customer, ownerName: user.name })
    .from(opportunity)
    .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
    .innerJoin(customer, eq(customer.id, opportunity.customerId))
    .leftJoin(user, eq(user.id, opportunity.ownerId));

/** The partners (with roles) and products of these opportunities, two queries for a whole page. */
export async function partsOf(db: DbOrTx, ids: readonly string[]) {
  const partners = new Map<string, { id: string; name: string; role: DealPartnerRole }[]>();
  const products = new Map<string, { id: string; name: string }[]>();
  if (!ids.length) return { partners, products };
  const [ps, prs] = await readTogether(
    db,
    () =>
      db
        .select({ oid: opportunityPartner.opportunityId, id: partner.id, name: partner.name, role: opportunityPartner.role })
        .from(opportunityPartner)
        .innerJoin(partner, eq(partner.id, opportunityPartner.partnerId))
        .where(inArray(opportunityPartner.opportunityId, [...ids]))
        .orderBy(asc(partner.name), asc(partner.id)),
    () =>
      db
        .select({ oid: opportunityProduct.opportunityId, id: product.id, name: product.name })
        .from(opportunityProduct)
        .innerJoin(product, eq(product.id, opportunityProduct.productId))
        .where(inArray(opportunityProduct.opportunityId, [...ids]))
        .orderBy(asc(product.name)),
  );
  for (const p of ps) (partners.get(p.oid) ?? partners.set(p.oid, []).get(p.oid)!).push({ id: p.id, name: p.name, role: p.role as DealPartnerRole });
  for (const p of prs) (products.get(p.oid) ?? products.set(p.oid, []).get(p.oid)!).push({ id: p.id, name: p.name });
  return { partners, products };
}

/** Rows presented with their parts and what the actor may do with each (one query for the permissions). */
export async function presentRows(db: DbOrTx, actor: Actor, rows: OpportunityJoined[]): Promise<Opportunity[]> {
  const { partners, products } = await partsOf(
    db,
    rows.map((r) => r.o.id),
  );
  const editable = await editablePartnerIds(
    db,
    actor,
    [...partners.values()].flat().map((p) => p.id),
  );
  return rows.map((r) => {
    const ps = partners.get(r.o.id) ?? [];
    const can = opportunityCan(
      actor,
      r.o,
      ps.some((p) => editable.has(p.id)),
    );
    return presentOpportunity(r, ps, products.get(r.o.id) ?? [], can);
  });
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
export const valueSql = sql<number>`(${opportunity.oneOffMinor} + 12 * ${opportunity.mrrMinor})`;

export function opportunityFilter(q: Omit<ListOpportunitiesQuery, 'page' | 'pageSize' | 'sort'>): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(opportunity.title, like), ilike(customer.name, like), ilike(customer.domain, like)));
  }
  if (q.stage?.length) where.push(inArray(opportunity.stageKey, q.stage));
  if (q.state?.length) where.push(inArray(dealStage.kind, q.state));
  if (q.partnerId)
    where.push(
      sql`exists (select 1 from ${opportunityPartner} where ${opportunityPartner.opportunityId} = ${opportunity.id} and ${opportunityPartner.partnerId} = ${q.partnerId})`,
    );
  if (q.ownerId) where.push(eq(opportunity.ownerId, q.ownerId));
  if (q.customerId) where.push(eq(opportunity.customerId, q.customerId));
  if (q.currency?.length) where.push(inArray(opportunity.currency, q.currency));
  if (q.closeFrom) where.push(gte(opportunity.expectedCloseOn, q.closeFrom));
  if (q.closeTo) where.push(lte(opportunity.expectedCloseOn, q.closeTo));
  if (q.quarter) {
    const { from, to } = quarterRange(q.quarter);
    where.push(
      or(
        and(eq(dealStage.kind, 'open'), gte(opportunity.expectedCloseOn, from), lte(opportunity.expectedCloseOn, to)),
        and(sql`${dealStage.kind} <> 'open'`, gte(opportunity.closedOn, from), lte(opportunity.closedOn, to)),
      ),
    );
  }
  if (q.archived === 'false') where.push(isNull(opportunity.archivedAt));
  if (q.archived === 'true') where.push(isNotNull(opportunity.archivedAt));
  return and(...where);
}

function sortOf(sort: string): SQL[] {
  const key = sort.replace(/^-/, '');
  const col: Record<string, SQL> = {
    expectedCloseOn: sql`${opportunity.expectedCloseOn}`,
    // The value in its own currency: a sort does not convert (the pipeline does, with the month's rate).
    value: valueSql,
    title: sql`lower(${opportunity.title})`,
    updatedAt: sql`${opportunity.updatedAt}`,
    stage: sql`${dealStage.position}`,
  };
  return [sql`${col[key]} ${sql.raw(sort.startsWith('-') ? 'desc' : 'asc')} nulls last`, sql`${opportunity.id} asc`];
}

export async function listOpportunities(db: DbOrTx, q: ListOpportunitiesQuery, actor: Actor): Promise<Page<Opportunity>> {
  const where = opportunityFilter(q);
  const [rows, [total]] = await readTogether(
    db,
    () =>
      selectOpportunities(db)
        .where(where)
        .orderBy(...sortOf(q.sort))
        .limit(q.pageSize)
        .offset(offsetOf(q)),
    () =>
      db
        .select({ n: count() })
        .from(opportunity)
        .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
        .innerJoin(customer, eq(customer.id, opportunity.customerId))
        .where(where),
  );
  return { items: await presentRows(db, actor, rows), page: q.page, pageSize: q.pageSize, total: total?.n ?? 0 };
}

export async function getOpportunity(db: DbOrTx, id: string, actor: Actor): Promise<OpportunityDetail> {
  const [r] = await selectOpportunities(db).where(eq(opportunity.id, id));
  if (!r) throw notFound(OPPORTUNITY.what);
  const [[presented], history] = await readTogether(
    db,
    () => presentRows(db, actor, [r]),
    () => db.select().from(opportunityStageChange).where(eq(opportunityStageChange.opportunityId, id)).orderBy(asc(opportunityStageChange.at), asc(opportunityStageChange.id)),
  );
  return {
    ...presented!,
    stageHistory: history.map((h) => ({
      fromStage: h.fromStage,
      toStage: h.toStage,
      at: h.at.toISOString(),
      by: h.byId || h.byName ? { id: h.byId, name: h.byName ?? '' } : null,
    })),
  };
}

/** A deal as kickbacks compute on it: its value, state and days, and the partner's role in it. */
export interface CommissionDeal {
  opportunityId: string;
  title: string;
  role: DealPartnerRole;
  stageKind: StageKind;
  closedOn: string | null;
  expectedCloseOn: string | null;
  oneOffMinor: number;
  mrrMinor: number;
  currency: DealCurrency;
  archived: boolean;
}

/**
 * The deals a partner is on that closed (won or lost) between `from` and `to` (inclusive), or, when
 * `opportunityId` is given, that one deal's row for the partner whatever its state: what kickbacks
 * compute commission lines from. Archived deals are included (flagged) so a reversal can see them.
 */
export async function selectDealsForCommission(tx: DbOrTx, partnerId: string, from: string | null, to: string | null, opportunityId?: string): Promise<CommissionDeal[]> {
  const where = [eq(opportunityPartner.partnerId, partnerId)];
  if (opportunityId) where.push(eq(opportunity.id, opportunityId));
  else {
    if (from) where.push(gte(opportunity.closedOn, from));
    if (to) where.push(lte(opportunity.closedOn, to));
    where.push(isNotNull(opportunity.closedOn));
  }
  const rows = await tx
    .select({ o: opportunity, role: opportunityPartner.role, kind: dealStage.kind })
    .from(opportunityPartner)
    .innerJoin(opportunity, eq(opportunity.id, opportunityPartner.opportunityId))
    .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
    .where(and(...where))
    .orderBy(asc(opportunity.closedOn), asc(opportunity.id));
  return rows.map((r) => ({
    opportunityId: r.o.id,
    title: r.o.title,
    role: r.role as DealPartnerRole,
    stageKind: r.kind as StageKind,
    closedOn: r.o.closedOn,
    expectedCloseOn: r.o.expectedCloseOn,
    oneOffMinor: r.o.oneOffMinor,
    mrrMinor: r.o.mrrMinor,
    currency: r.o.currency as DealCurrency,
    archived: r.o.archivedAt !== null,
  }));
}
