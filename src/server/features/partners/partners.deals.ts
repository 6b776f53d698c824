import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dealStage, fxRate, opportunity, opportunityPartner } from '../../db/schema/index.js';
import type { DealCurrency } from '../../../shared/deals.js';
import { dayIn } from '../../../shared/days.js';
import { convertMinor, dealValue, MissingRateError, weighted } from '../../../shared/money.js';
import type { DealFigures } from '../../../shared/schemas/deal-figures.js';

/**
 * The deal figures of a partner's header, read from the deal tables here (the opportunities feature
 * uses the partner guard, so partners cannot import it): two statements, the partner's deals and the
 * rates of their months. See DealFigures for what is counted.
 */
export async function dealFigures(db: DbOrTx, partnerId: string, now: Date = new Date()): Promise<DealFigures> {
  const today = dayIn(now);
  const year = Number(today.slice(0, 4));
  const rows = await db
    .select({
      currency: opportunity.currency,
      oneOffMinor: opportunity.oneOffMinor,
      mrrMinor: opportunity.mrrMinor,
      expectedCloseOn: opportunity.expectedCloseOn,
      closedOn: opportunity.closedOn,
      kind: dealStage.kind,
      probability: dealStage.probability,
    })
    .from(opportunityPartner)
    .innerJoin(opportunity, eq(opportunity.id, opportunityPartner.opportunityId))
    .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
    .where(
      and(
        eq(opportunityPartner.partnerId, partnerId),
        isNull(opportunity.archivedAt),
        or(eq(dealStage.kind, 'open'), and(eq(dealStage.kind, 'won'), gte(opportunity.closedOn, `${year}-01-01`), lte(opportunity.closedOn, `${year}-12-31`))),
      ),
    );
  const deals = rows.map((r) => {
    const open = r.kind === 'open';
    const value = dealValue(r);
    return {
      currency: r.currency as DealCurrency,
      open,
      value,
      weighted: open ? weighted(value, r.probability) : 0,
      month: ((open ? r.expectedCloseOn : r.closedOn) ?? today).slice(0, 7),
    };
  });
  const months = [...new Set(deals.filter((d) => d.currency !== 'CHF').map((d) => d.month))];
  const rates = months.length ? await db.select().from(fxRate).where(inArray(fxRate.month, months)) : [];
  const rate = new Map(rates.map((r) => [`${r.month}:${r.currency}`, r.rateToChf]));
  const out: DealFigures = { year, openCount: 0, wonCount: 0, byCurrency: { open: {}, weighted: {}, won: {} }, chf: { open: 0, weighted: 0, won: 0 }, missingRates: [] };
  const missing = new Map<string, { month: string; currency: DealCurrency }>();
  const add = (m: Partial<Record<DealCurrency, number>>, c: DealCurrency, v: number) => (m[c] = (m[c] ?? 0) + v);
  const chf = (amount: number, d: (typeof deals)[number]) => {
    try {
      return convertMinor(amount, d.currency, 'CHF', (c) => rate.get(`${d.month}:${c}`) ?? null);
    } catch (e) {
      if (!(e instanceof MissingRateError)) throw e;
      missing.set(`${d.month}:${d.currency}`, { month: d.month, currency: d.currency });
      return 0;
    }
  };
  for (const d of deals) {
    if (d.open) {
      out.openCount++;
      add(out.byCurrency.open, d.currency, d.value);
      add(out.byCurrency.weighted, d.currency, d.weighted);
      out.chf!.open += chf(d.value, d);
      out.chf!.weighted += chf(d.weighted, d);
    } else {
      out.wonCount++;
      add(out.byCurrency.won, d.currency, d.value);
      out.chf!.won += chf(d.value, d);
    }
  }
  out.missingRates = [...missing.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency));
  if (out.missingRates.length) out.chf = null;
  return out;
}
