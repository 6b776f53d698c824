import { and, asc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { customer, dealStage, opportunity, opportunityPartner, user } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import type { DealCurrency, DealPartnerRole } from '../../../shared/deals.js';
import { dayIn } from '../../../shared/days.js';
import { weighted } from '../../../shared/money.js';
import { BOARD_CARDS_PER_STAGE, type Board, type PerCurrency } from '../../../shared/schemas/opportunity.js';
import { editablePartnerIds } from '../partners/index.js';
import { opportunityCan, presentStage } from './opportunities.presenter.js';
import { quarterOf, quarterRange } from './opportunities.read.js';

/**
 * The board of a quarter in two statements: the stages, and the cards. Open stages show the open deals
 * expected to close in the quarter, won and lost stages the deals closed in it. The cards statement
 * ranks each column's deals by expected close (window functions) and returns the first
 * BOARD_CARDS_PER_STAGE of each with the column's count and value per currency, and each card's
 * partners as JSON: it reads opportunity_stage_close_idx for the open columns and the closed_on range
 * for the others (see the report for the index on closed_on).
 */
export async function boardOf(db: DbOrTx, actor: Actor, q: { quarter?: string; ownerId?: string; partnerId?: string }, now: Date = new Date()): Promise<Board> {
  const quarter = q.quarter ?? quarterOf(dayIn(now));
  const { from, to } = quarterRange(quarter);
  const stages = await db.select().from(dealStage).where(isNull(dealStage.archivedAt)).orderBy(asc(dealStage.position), asc(dealStage.key));

  const value = sql`(${opportunity.oneOffMinor} + 12 * ${opportunity.mrrMinor})`;
  const where: (SQL | undefined)[] = [
    isNull(opportunity.archivedAt),
    isNull(dealStage.archivedAt),
    or(
      and(eq(dealStage.kind, 'open'), gte(opportunity.expectedCloseOn, from), lte(opportunity.expectedCloseOn, to)),
      and(sql`${dealStage.kind} <> 'open'`, gte(opportunity.closedOn, from), lte(opportunity.closedOn, to)),
    ),
  ];
  if (q.ownerId) where.push(eq(opportunity.ownerId, q.ownerId));
  if (q.partnerId)
    where.push(
      sql`exists (select 1 from ${opportunityPartner} where ${opportunityPartner.opportunityId} = ${opportunity.id} and ${opportunityPartner.partnerId} = ${q.partnerId})`,
    );
  const byCurrency = (c: DealCurrency) => sql<string | null>`sum(case when ${opportunity.currency} = ${c} then ${value} end) over (partition by ${opportunity.stageKey})`;
  const ranked = db
    .select({
      id: opportunity.id,
      title: opportunity.title,
      stageKey: sql<string>`${opportunity.stageKey}`.as('stage_key'),
      customerName: sql<string>`${customer.name}`.as('customer_name'),
      currency: opportunity.currency,
      oneOffMinor: opportunity.oneOffMinor,
      mrrMinor: opportunity.mrrMinor,
      expectedCloseOn: opportunity.expectedCloseOn,
      closedOn: opportunity.closedOn,
      ownerId: opportunity.ownerId,
      ownerName: sql<string | null>`${user.name}`.as('owner_name'),
      nextStepDueOn: opportunity.nextStepDueOn,
      version: opportunity.version,
      rn: sql<number>`row_number() over (partition by ${opportunity.stageKey} order by ${opportunity.expectedCloseOn} asc nulls last, ${opportunity.closedOn} desc, ${opportunity.id})`.as(
        'rn',
      ),
      total: sql<string>`count(*) over (partition by ${opportunity.stageKey})`.as('total'),
      chf: byCurrency('CHF').as('sum_chf'),
      eur: byCurrency('EUR').as('sum_eur'),
      usd: byCurrency('USD').as('sum_usd'),
    })
    .from(opportunity)
    .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
    .innerJoin(customer, eq(customer.id, opportunity.customerId))
    .leftJoin(user, eq(user.id, opportunity.ownerId))
    .where(and(...where))
    .as('ranked');
  const cards = await db
    .select({
      id: ranked.id,
      title: ranked.title,
      stageKey: ranked.stageKey,
      customerName: ranked.customerName,
      currency: ranked.currency,
      oneOffMinor: ranked.oneOffMinor,
      mrrMinor: ranked.mrrMinor,
      expectedCloseOn: ranked.expectedCloseOn,
      closedOn: ranked.closedOn,
      ownerId: ranked.ownerId,
      ownerName: ranked.ownerName,
      nextStepDueOn: ranked.nextStepDueOn,
      version: ranked.version,
      rn: ranked.rn,
      total: ranked.total,
      chf: ranked.chf,
      eur: ranked.eur,
      usd: ranked.usd,
      partners: sql<
        { id: string; name: string; role: DealPartnerRole }[] | string | null
      >`(select json_agg(json_build_object('id', p.id, 'name', p.name, 'role', op.role) order by p.name)
        from opportunity_partner op join partner p on p.id = op.partner_id where op.opportunity_id = "ranked"."id")`,
    })
    .from(ranked)
    .where(lte(ranked.rn, BOARD_CARDS_PER_STAGE))
    .orderBy(asc(ranked.stageKey), asc(ranked.rn));

  const parse = (v: unknown) =>
    typeof v === 'string' ? (JSON.parse(v) as { id: string; name: string; role: DealPartnerRole }[]) : ((v ?? []) as { id: string; name: string; role: DealPartnerRole }[]);
  const partnersOf = new Map(cards.map((c) => [c.id, parse(c.partners)]));
  const editable = await editablePartnerIds(
    db,
    actor,
    [...partnersOf.values()].flat().map((p) => p.id),
  );
  return {
    quarter,
    from,
    to,
    columns: stages.map((s) => {
      const mine = cards.filter((c) => c.stageKey === s.key);
      const first = mine[0];
      const sums: PerCurrency = {};
      if (first?.chf != null) sums.CHF = Number(first.chf);
      if (first?.eur != null) sums.EUR = Number(first.eur);
      if (first?.usd != null) sums.USD = Number(first.usd);
      return {
        ...presentStage(s),
        count: first ? Number(first.total) : 0,
        valueByCurrency: sums,
        cards: mine.map((r) => {
          const partners = partnersOf.get(r.id) ?? [];
          const value = r.oneOffMinor + 12 * r.mrrMinor;
          const can = opportunityCan(
            actor,
            { ownerId: r.ownerId, archivedAt: null },
            partners.some((p) => editable.has(p.id)),
          );
          return {
            id: r.id,
            title: r.title,
            customerName: r.customerName,
            partners,
            currency: r.currency as DealCurrency,
            valueMinor: value,
            weightedMinor: weighted(value, s.probability),
            expectedCloseOn: r.expectedCloseOn,
            closedOn: r.closedOn,
            owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
            nextStepDueOn: r.nextStepDueOn,
            version: r.version,
            can: { move: can.move },
          };
        }),
      };
    }),
  };
}
