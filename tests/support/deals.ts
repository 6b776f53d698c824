// Deals straight into the database, for the features that read them (kickbacks): an opportunity with
// its customer and one partner in a role, and the changes a deal goes through. The opportunities
// feature's own tests go through its service; these rows are what that service writes.
import { eq } from 'drizzle-orm';
import { customer, opportunity, opportunityPartner } from '../../src/server/db/schema/index.js';
import type { DealCurrency, DealPartnerRole } from '../../src/shared/deals.js';
import type { TestApp } from './app.js';
import { unique } from './factories.js';

export type OpportunityRow = typeof opportunity.$inferSelect;

export interface OpportunityInput {
  partnerId?: string;
  role?: DealPartnerRole;
  /** A key of deal_stage: qualify, propose, negotiate, won, lost (seeded). */
  stageKey?: string;
  oneOffMinor?: number;
  mrrMinor?: number;
  currency?: DealCurrency;
  /** The day it was won or lost (null while open). */
  closedOn?: string | null;
  title?: string;
}

export async function makeOpportunity(t: TestApp, input: OpportunityInput = {}): Promise<OpportunityRow> {
  const db = t.database.db;
  const name = unique('Customer');
  const [c] = await db.insert(customer).values({ name, nameKey: name.toLowerCase() }).returning();
  const stageKey = input.stageKey ?? 'won';
  const [row] = await db
    .insert(opportunity)
    .values({
      customerId: c!.id,
      title: input.title ?? unique('Deal'),
      stageKey,
      closedOn: input.closedOn === undefined ? (stageKey === 'won' || stageKey === 'lost' ? '2026-03-15' : null) : input.closedOn,
      oneOffMinor: input.oneOffMinor ?? 0,
      mrrMinor: input.mrrMinor ?? 0,
      currency: input.currency ?? 'CHF',
      lostReason: stageKey === 'lost' ? 'Budget cut' : null,
    })
    .returning();
  if (input.partnerId) await db.insert(opportunityPartner).values({ opportunityId: row!.id, partnerId: input.partnerId, role: input.role ?? 'sourced' });
  return row!;
}

/** Changes a deal's row as the opportunities service would (stage, amounts, the day it closed). */
export async function changeOpportunity(
  t: TestApp,
  id: string,
  values: Partial<Pick<OpportunityRow, 'stageKey' | 'oneOffMinor' | 'mrrMinor' | 'closedOn' | 'currency' | 'archivedAt'>>,
) {
  await t.database.db.update(opportunity).set(values).where(eq(opportunity.id, id));
}
