import { and, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dealStage, opportunity, opportunityPartner, partner, user } from '../../db/schema/index.js';
import type { DealCurrency } from '../../../shared/deals.js';
import { dayIn } from '../../../shared/days.js';
import { convertMinor, dealValue, MissingRateError, weighted } from '../../../shared/money.js';
import type { PerCurrency, Pipeline, PipelineFigures, PipelineQuery } from '../../../shared/schemas/opportunity.js';
import { ratesOfMonths } from './fx-rates.js';
import { quarterOf } from './opportunities.read.js';

interface Deal {
  id: string;
  currency: DealCurrency;
  open: boolean;
  value: number;
  weighted: number;
  /** The month whose rate converts it: expected close (open), closed (won). */
  month: string;
  key: string | null;
  label: string | null;
}

const empty = (): PipelineFigures & { missing: boolean } => ({
  openCount: 0,
  wonCount: 0,
  byCurrency: { open: {}, weighted: {}, won: {} },
  chf: { open: 0, weighted: 0, won: 0 },
  missing: false,
});
const add = (m: PerCurrency, c: DealCurrency, v: number) => {
  m[c] = (m[c] ?? 0) + v;
};

/**
 * Weighted and unweighted open pipeline and won value per partner, owner or quarter for a period
 * (open deals expected to close in it, won deals closed in it; default this calendar year in Zurich).
 * Per currency exactly; in CHF by converting each deal's amount with the rate of its own month
 * (expected close, or closed for won deals), rounded once per deal. A month without a rate for a
 * currency makes the CHF figures null (rows and total) and is named in `missingRates`: never a rate of 1.
 */
export async function pipelineOf(db: DbOrTx, q: PipelineQuery, now: Date = new Date()): Promise<Pipeline> {
  const today = dayIn(now);
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? `${today.slice(0, 4)}-12-31`;
  const where: (SQL | undefined)[] = [
    isNull(opportunity.archivedAt),
    or(
      and(eq(dealStage.kind, 'open'), gte(opportunity.expectedCloseOn, from), lte(opportunity.expectedCloseOn, to)),
      and(eq(dealStage.kind, 'won'), gte(opportunity.closedOn, from), lte(opportunity.closedOn, to)),
    ),
  ];
  if (q.ownerId) where.push(eq(opportunity.ownerId, q.ownerId));
  if (q.partnerId && q.by !== 'partner')
    where.push(
      sql`exists (select 1 from ${opportunityPartner} where ${opportunityPartner.opportunityId} = ${opportunity.id} and ${opportunityPartner.partnerId} = ${q.partnerId})`,
    );
  if (q.partnerId && q.by === 'partner') where.push(eq(opportunityPartner.partnerId, q.partnerId));

  const base = {
    id: opportunity.id,
    currency: opportunity.currency,
    oneOffMinor: opportunity.oneOffMinor,
    mrrMinor: opportunity.mrrMinor,
    expectedCloseOn: opportunity.expectedCloseOn,
    closedOn: opportunity.closedOn,
    kind: dealStage.kind,
    probability: dealStage.probability,
  };
  const rows =
    q.by === 'partner'
      ? await db
          .select({ ...base, key: partner.id, label: partner.name })
          .from(opportunity)
          .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
          .innerJoin(opportunityPartner, eq(opportunityPartner.opportunityId, opportunity.id))
          .innerJoin(partner, eq(partner.id, opportunityPartner.partnerId))
          .where(and(...where))
      : await db
          .select({ ...base, key: opportunity.ownerId, label: user.name })
          .from(opportunity)
          .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
          .leftJoin(user, eq(user.id, opportunity.ownerId))
          .where(and(...where));

  const deals: Deal[] = rows.map((r) => {
    const open = r.kind === 'open';
    const day = (open ? r.expectedCloseOn : r.closedOn) ?? today;
    const value = dealValue(r);
    const key = q.by === 'quarter' ? quarterOf(day) : r.key;
    return {
      id: r.id,
      currency: r.currency as DealCurrency,
      open,
      value,
      weighted: open ? weighted(value, r.probability) : 0,
      month: day.slice(0, 7),
      key,
      label: q.by === 'quarter' ? key : r.label,
    };
  });
  const rate = await ratesOfMonths(
    db,
    deals.filter((d) => d.currency !== 'CHF').map((d) => d.month),
  );
  const used = new Map<string, { month: string; currency: DealCurrency; rateToChf: string }>();
  const missing = new Map<string, { month: string; currency: DealCurrency }>();
  const chf = (d: Deal, amount: number): number | null => {
    if (d.currency === 'CHF') return amount;
    try {
      const out = convertMinor(amount, d.currency, 'CHF', rate(d.month));
      used.set(`${d.month}:${d.currency}`, { month: d.month, currency: d.currency, rateToChf: rate(d.month)(d.currency)! });
      return out;
    } catch (e) {
      if (!(e instanceof MissingRateError)) throw e;
      missing.set(`${d.month}:${d.currency}`, { month: d.month, currency: d.currency });
      return null;
    }
  };
  const addDeal = (f: ReturnType<typeof empty>, d: Deal) => {
    const value = chf(d, d.value);
    if (d.open) {
      f.openCount++;
      add(f.byCurrency.open, d.currency, d.value);
      add(f.byCurrency.weighted, d.currency, d.weighted);
      const w = chf(d, d.weighted);
      if (value === null || w === null) f.missing = true;
      else {
        f.chf!.open += value;
        f.chf!.weighted += w;
      }
    } else {
      f.wonCount++;
      add(f.byCurrency.won, d.currency, d.value);
      if (value === null) f.missing = true;
      else f.chf!.won += value;
    }
  };
  const groups = new Map<string, { key: string | null; label: string | null; f: ReturnType<typeof empty> }>();
  const total = empty();
  const counted = new Set<string>();
  for (const d of deals) {
    const g = groups.get(d.key ?? '') ?? groups.set(d.key ?? '', { key: d.key, label: d.label, f: empty() }).get(d.key ?? '')!;
    addDeal(g.f, d);
    if (!counted.has(d.id)) {
      counted.add(d.id);
      addDeal(total, d);
    }
  }
  const finish = ({ missing: m, ...f }: ReturnType<typeof empty>): PipelineFigures => ({ ...f, chf: m ? null : f.chf });
  const byKey = (a: { key: string | null; label: string | null }, b: { key: string | null; label: string | null }) =>
    q.by === 'quarter' ? (a.key ?? '').localeCompare(b.key ?? '') : (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff') || (a.key ?? '').localeCompare(b.key ?? '');
  return {
    by: q.by,
    from,
    to,
    rows: [...groups.values()].sort(byKey).map((g) => ({ key: g.key, label: g.label, ...finish(g.f) })),
    total: finish(total),
    ratesUsed: [...used.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)),
    missingRates: [...missing.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)),
  };
}
