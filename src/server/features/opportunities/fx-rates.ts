import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { fxRate } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import type { DealCurrency } from '../../../shared/deals.js';
import type { FxRate } from '../../../shared/schemas/opportunity.js';

type Row = typeof fxRate.$inferSelect;
/** numeric(12,6) as the database prints it, without trailing zeros beyond two places: "0.938500" → "0.9385". */
const tidy = (v: string) => v.replace(/(\.\d\d\d*?)0+$/, '$1');
const present = (r: Row): FxRate => ({
  month: r.month,
  currency: r.currency as FxRate['currency'],
  rateToChf: tidy(r.rateToChf),
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
});

export async function listFxRates(db: DbOrTx, q: { from?: string; to?: string }): Promise<FxRate[]> {
  const where = [q.from ? gte(fxRate.month, q.from) : undefined, q.to ? lte(fxRate.month, q.to) : undefined];
  const rows = await db
    .select()
    .from(fxRate)
    .where(and(...where))
    .orderBy(sql`${fxRate.month} desc`, asc(fxRate.currency));
  return rows.map(present);
}

/** Sets a month's rate (CHF per one unit of the currency), creating or replacing it, with an audit record. */
export async function putFxRate(db: Db, month: string, currency: string, rateToChf: string, actor: Actor): Promise<FxRate> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(fxRate)
      .where(and(eq(fxRate.month, month), eq(fxRate.currency, currency)))
      .for('update');
    const [row] = await tx
      .insert(fxRate)
      .values({ month, currency, rateToChf, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: [fxRate.month, fxRate.currency],
        set: { rateToChf, updatedBy: actor.id, version: sql`${fxRate.version} + 1`, updatedAt: sql`now()` },
      })
      .returning();
    await recordAudit(tx, {
      actor,
      entityType: 'fx_rate',
      entityId: `${month}:${currency}`,
      action: before ? 'update' : 'create',
      before: before ? { rateToChf: tidy(before.rateToChf) } : null,
      after: { rateToChf: tidy(row!.rateToChf) },
    });
    return present(row!);
  });
}

export async function deleteFxRate(db: Db, month: string, currency: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(fxRate)
      .where(and(eq(fxRate.month, month), eq(fxRate.currency, currency)))
      .returning();
    if (!gone) throw new AppError('not_found', msg('deals.rateNotFound', { month, currency }));
    await recordAudit(tx, { actor, entityType: 'fx_rate', entityId: `${month}:${currency}`, action: 'delete', before: { rateToChf: tidy(gone.rateToChf) }, after: null });
  });
}

/** The rates of these months, as a lookup for convertMinor: `rate(month)(currency)` is the rate or null (never a silent 1). */
export async function ratesOfMonths(db: DbOrTx, months: Iterable<string>): Promise<(month: string) => (currency: DealCurrency) => string | null> {
  const list = [...new Set(months)];
  const rows = list.length ? await db.select().from(fxRate).where(inArray(fxRate.month, list)) : [];
  const map = new Map(rows.map((r) => [`${r.month}:${r.currency}`, tidy(r.rateToChf)]));
  return (month) => (currency) => map.get(`${month}:${currency}`) ?? null;
}
