// Demo joint business (issue 13): a year of opportunities across the demo partners (won, lost and
// open, with their dated stage history), monthly exchange rates, and deal registrations of both
// directions — among them two inbound ones in conflict over one customer, and an outbound one whose
// protection ends within the reminder window.
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import {
  commissionLine,
  commissionStatement,
  customer,
  dealRegistration,
  dealRegistrationProduct,
  fxRate,
  kickbackAgreement,
  kickbackTier,
  opportunity,
  opportunityPartner,
  opportunityProduct,
  opportunityStageChange,
} from '../db/schema/index.js';
import { customerNameKey, registrableDomain } from '../../shared/customers.js';
import { addDays, addMonths, zurichDate } from '../../shared/days.js';
import type { DealCurrency, DealPartnerRole, RegistrationStatus } from '../../shared/deals.js';

export interface DemoDealsInput {
  partners: { id: string; name: string; types: string[]; status: string; country?: string | null }[];
  products: { id: string; name: string }[];
  /** Colleagues who own deals; the first is the Partner Manager, who decides registrations. */
  ownerIds: string[];
  now: Date;
  random: () => number;
}

export interface DemoDealsResult {
  customers: number;
  opportunities: number;
  registrations: number;
  /** The opportunities by id with their sourcing partner and whether they were won, for the kickback demo. */
  sourced: { opportunityId: string; partnerId: string }[];
}

const CUSTOMERS = [
  ['Seeblick Versicherungen AG', 'www.seeblick-versicherungen.ch'],
  ['Bergbahnen Oberland AG', 'bergbahnen-oberland.ch'],
  ['Uhrenmanufaktur Jura SA', 'uhren-jura.ch'],
  ['Rheinhafen Logistik GmbH', 'rheinhafen-logistik.de'],
  ['Kantonsspital Mittelland', 'ksm-mittelland.ch'],
  ['Alpenmilch Genossenschaft', 'alpenmilch.ch'],
  ['Zürichsee Privatbank AG', 'zsp-bank.ch'],
  ['Lemano Retail SA', 'lemano-retail.ch'],
  ['Nordstern Energie AG', 'nordstern-energie.ch'],
  ['Ticino Pharma SA', 'ticinopharma.ch'],
  ['Stadtwerke Aarau', 'stadtwerke-aarau.ch'],
  ['Helix Biotech Ltd', 'helix-biotech.co.uk'],
  ['Matterhorn Reisen AG', 'matterhorn-reisen.ch'],
  ['Pilatus Fintech AG', 'pilatus-fintech.ch'],
] as const;

const TITLES = ['Platform migration', 'Managed Kubernetes rollout', 'Sovereign cloud move', 'Backup renewal', 'DevOps coaching', 'Observability stack', 'Disaster recovery site'];
const LOST_REASONS = ['Chose a competitor on price', 'Project postponed to next year', 'Kept in-house', 'No budget after re-organisation'];

/** The part a partner of this type usually plays in our deals. */
function roleFor(types: string[]): DealPartnerRole {
  if (types.includes('consultant_reseller')) return 'sourced';
  if (types.includes('software_vendor')) return 'we_resell';
  if (types.includes('distributor')) return 'we_resell';
  return 'infrastructure';
}

function currencyFor(country: string | null | undefined): DealCurrency {
  return country === 'US' ? 'USD' : country === 'DE' ? 'EUR' : 'CHF';
}

export async function seedDemoDeals(tx: DbOrTx, input: DemoDealsInput): Promise<DemoDealsResult> {
  const { now, random, ownerIds, products } = input;
  const today = zurichDate(now);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const manager = ownerIds[0]!;
  const working = input.partners.filter((p) => p.status === 'active' || p.status === 'onboarding');
  if (!working.length || !products.length) return { customers: 0, opportunities: 0, registrations: 0, sourced: [] };

  // Monthly rates (CHF per unit) for the year behind and the year ahead, so every total converts.
  const rates: (typeof fxRate.$inferInsert)[] = [];
  for (let m = -13; m <= 12; m++) {
    const month = addMonths(today, m).slice(0, 7);
    rates.push({ month, currency: 'EUR', rateToChf: (0.93 + ((m + 13) % 5) * 0.004).toFixed(6) });
    rates.push({ month, currency: 'USD', rateToChf: (0.87 + ((m + 13) % 4) * 0.005).toFixed(6) });
  }
  await tx.insert(fxRate).values(rates).onConflictDoNothing();

  const customers = await tx
    .insert(customer)
    .values(
      CUSTOMERS.map(([name, site]) => ({
        name,
        nameKey: customerNameKey(name),
        domain: registrableDomain(site),
        country: site.endsWith('.de') ? 'DE' : site.endsWith('.uk') ? 'GB' : 'CH',
      })),
    )
    .onConflictDoNothing()
    .returning({ id: customer.id, name: customer.name });
  if (!customers.length) return { customers: 0, opportunities: 0, registrations: 0, sourced: [] };

  // A year of deals: one a week, the older ones closed (about half won), the newer ones open.
  const sourced: DemoDealsResult['sourced'] = [];
  const consultants = working.filter((p) => p.types.includes('consultant_reseller'));
  let opportunities = 0;
  for (let i = 0; i < 48; i++) {
    const createdOn = addDays(today, -360 + i * 7);
    const closeOn = addDays(createdOn, int(45, 120));
    const closed = closeOn < today;
    const won = closed && random() < 0.55;
    const stageKey = closed ? (won ? 'won' : 'lost') : pick(['qualify', 'propose', 'negotiate'] as const);
    // Every third deal is brought by a consultant; the others run with a vendor or a provider.
    const lead = i % 3 === 0 && consultants.length ? pick(consultants) : pick(working);
    // The last one is an open deal for the customer two resellers are about to contest.
    const c = i === 47 ? customers[0]! : customers[i % customers.length]!;
    const currency = currencyFor(lead.country);
    const [o] = await tx
      .insert(opportunity)
      .values({
        customerId: c.id,
        title: `${pick(TITLES)} ${c.name.split(' ')[0]}`,
        ownerId: ownerIds[i % ownerIds.length]!,
        stageKey,
        expectedCloseOn: closeOn,
        closedOn: closed ? closeOn : null,
        oneOffMinor: int(5, 120) * 100_000,
        mrrMinor: random() < 0.6 ? int(5, 80) * 10_000 : 0,
        currency,
        nextStep: closed ? null : pick(['Send the proposal', 'Technical workshop', 'Pricing call with procurement']),
        nextStepDueOn: closed ? null : addDays(today, int(-3, 20)),
        lostReason: closed && !won ? pick(LOST_REASONS) : null,
        createdBy: manager,
        createdAt: new Date(`${createdOn}T09:00:00Z`),
        updatedAt: new Date(`${closed ? closeOn : createdOn}T09:00:00Z`),
      })
      .returning({ id: opportunity.id });
    opportunities++;
    const role = roleFor(lead.types);
    const partners = [{ opportunityId: o!.id, partnerId: lead.id, role }];
    // A vendor's deal often runs through a distributor too.
    const distributor = working.find((p) => p.types.includes('distributor') && p.id !== lead.id);
    if (role === 'we_resell' && distributor && random() < 0.4) partners.push({ opportunityId: o!.id, partnerId: distributor.id, role: 'we_resell' });
    await tx.insert(opportunityPartner).values(partners).onConflictDoNothing();
    if (role === 'sourced') sourced.push({ opportunityId: o!.id, partnerId: lead.id });
    const mine = [products[i % products.length]!, ...(random() < 0.4 ? [products[(i + 2) % products.length]!] : [])];
    await tx
      .insert(opportunityProduct)
      .values(mine.map((p) => ({ opportunityId: o!.id, productId: p.id })))
      .onConflictDoNothing();
    // The dated path through the pipeline up to where it stands.
    const path = closed ? ['qualify', 'propose', 'negotiate', stageKey] : ['qualify', 'propose', 'negotiate'].slice(0, ['qualify', 'propose', 'negotiate'].indexOf(stageKey) + 1);
    const span = Math.max(1, (closed ? Date.parse(closeOn) : Date.parse(today)) - Date.parse(createdOn));
    await tx.insert(opportunityStageChange).values(
      path.map((to, k) => ({
        opportunityId: o!.id,
        fromStage: k === 0 ? null : path[k - 1]!,
        toStage: to,
        at: new Date(Date.parse(`${createdOn}T09:00:00Z`) + Math.floor((span * k) / Math.max(1, path.length - 1))),
        byId: manager,
      })),
    );
  }

  // Registrations. Outbound with vendors and distributors: one about to lose its protection.
  let registrations = 0;
  const register = async (
    r: Omit<typeof dealRegistration.$inferInsert, 'customerId' | 'status'> & { customerId: string; status: RegistrationStatus },
    productIds: string[],
  ): Promise<void> => {
    const [row] = await tx.insert(dealRegistration).values(r).returning({ id: dealRegistration.id });
    await tx
      .insert(dealRegistrationProduct)
      .values(productIds.map((productId) => ({ registrationId: row!.id, productId, direction: r.direction, customerId: r.customerId, status: r.status })));
    registrations++;
  };
  const vendors = working.filter((p) => p.types.includes('software_vendor') || p.types.includes('distributor'));
  const outbound: { status: RegistrationStatus; approvedDaysAgo?: number; rejection?: string }[] = [
    { status: 'approved', approvedDaysAgo: 80 },
    { status: 'approved', approvedDaysAgo: 20 },
    { status: 'submitted' },
    { status: 'won', approvedDaysAgo: 150 },
    { status: 'rejected', rejection: 'Another partner registered this customer first' },
    { status: 'expired', approvedDaysAgo: 120 },
  ];
  for (const [k, o] of outbound.entries()) {
    if (!vendors.length) break;
    const v = vendors[k % vendors.length]!;
    const approvedOn = o.approvedDaysAgo !== undefined ? addDays(today, -o.approvedDaysAgo) : null;
    await register(
      {
        direction: 'outbound',
        partnerId: v.id,
        customerId: customers[(k + 3) % customers.length]!.id,
        status: o.status,
        ownerId: ownerIds[k % ownerIds.length]!,
        portalReference: `DR-${2026_000 + k * 137}`,
        portalUrl: `https://partners.${v.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example/deals/${2026_000 + k * 137}`,
        submittedOn: addDays(today, -(o.approvedDaysAgo ?? 5) - 4),
        approvedOn,
        protectedUntil: approvedOn ? addDays(approvedOn, 90) : null,
        benefit: o.status === 'rejected' ? null : 'Additional 10 % partner discount',
        rejectionReason: o.rejection ?? null,
        estimatedValueMinor: int(20, 150) * 100_000,
        currency: currencyFor(v.country),
        createdBy: manager,
      },
      [products[k % products.length]!.id],
    );
  }

  // Inbound from consultants and resellers: two filed over the same customer and product (the
  // conflict waiting for a decision), besides an open opportunity of ours for that customer.
  if (consultants.length) {
    const contested = customers[0]!;
    const first = consultants[0]!;
    const second = consultants[1] ?? consultants[0]!;
    const product = products[0]!.id;
    await register(
      {
        direction: 'inbound',
        partnerId: first.id,
        customerId: contested.id,
        status: 'submitted',
        submittedOn: addDays(today, -9),
        estimatedValueMinor: 8_500_000,
        currency: 'CHF',
        expectedCloseOn: addDays(today, 60),
        createdAt: new Date(now.getTime() - 9 * 86_400_000),
      },
      [product],
    );
    await register(
      {
        direction: 'inbound',
        partnerId: second.id,
        customerId: contested.id,
        status: 'submitted',
        submittedOn: addDays(today, -2),
        estimatedValueMinor: 9_200_000,
        currency: 'CHF',
        expectedCloseOn: addDays(today, 45),
        createdAt: new Date(now.getTime() - 2 * 86_400_000),
      },
      [product, products[1 % products.length]!.id],
    );
    await register(
      {
        direction: 'inbound',
        partnerId: second.id,
        customerId: customers[5]!.id,
        status: 'rejected',
        submittedOn: addDays(today, -40),
        rejectionReason: 'We already work with this customer directly',
        estimatedValueMinor: 3_000_000,
        currency: 'CHF',
        decisionReason: null,
        createdAt: new Date(now.getTime() - 40 * 86_400_000),
      },
      [products[2 % products.length]!.id],
    );
  }
  return { customers: customers.length, opportunities, registrations, sourced };
}

/** The first day of the quarter a day falls in, and its last. */
function quarterOf(day: string): { start: string; end: string } {
  const y = day.slice(0, 4);
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const start = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(addMonths(start, 3), -1) };
}

/**
 * Two kickback agreements with the consultants who brought the most deals — 10 % of the first
 * year's value, and tiers by yearly volume — their commission lines computed by the kickbacks
 * feature as each deal was won (on its day), and a statement for every past quarter with lines: the
 * older ones paid, the last one due.
 */
export async function seedDemoKickbacks(
  tx: DbOrTx,
  input: { sourced: DemoDealsResult['sourced']; managerId: string; financeId: string; now: Date },
  recompute: (tx: DbOrTx, opportunityId: string, today: string) => Promise<unknown>,
): Promise<{ agreements: number; statements: number }> {
  const today = zurichDate(input.now);
  const counts = new Map<string, number>();
  for (const s of input.sourced) counts.set(s.partnerId, (counts.get(s.partnerId) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2);
  if (!top.length) return { agreements: 0, statements: 0 };
  const validFrom = addDays(today, -400);
  await tx
    .insert(kickbackAgreement)
    .values({ partnerId: top[0]![0], name: 'Referral fee 2026', validFrom, kind: 'first_year_pct', basis: 'won', rateBp: 1000, currency: 'CHF', createdBy: input.managerId });
  let agreements = 1;
  if (top[1]) {
    const [tiered] = await tx
      .insert(kickbackAgreement)
      .values({ partnerId: top[1][0], name: 'Volume partner fee', validFrom, kind: 'tiered', basis: 'won', tierMode: 'whole_year', currency: 'CHF', createdBy: input.managerId })
      .returning({ id: kickbackAgreement.id });
    await tx.insert(kickbackTier).values([
      { agreementId: tiered!.id, thresholdMinor: 0, rateBp: 500 },
      { agreementId: tiered!.id, thresholdMinor: 20_000_000, rateBp: 800 },
    ]);
    agreements++;
  }
  // The lines as the kickbacks feature appends them, each deal on the day it was won.
  const won = await tx
    .select({ id: opportunity.id, closedOn: opportunity.closedOn })
    .from(opportunity)
    .where(
      and(
        inArray(
          opportunity.id,
          input.sourced.map((s) => s.opportunityId),
        ),
        eq(opportunity.stageKey, 'won'),
      ),
    )
    .orderBy(asc(opportunity.closedOn), asc(opportunity.id));
  for (const o of won) await recompute(tx, o.id, o.closedOn!);

  let statements = 0;
  for (const [partnerId] of top) {
    const lines = await tx.select({ earnedOn: commissionLine.earnedOn }).from(commissionLine).where(eq(commissionLine.partnerId, partnerId));
    const quarters = [...new Set(lines.map((l) => quarterOf(l.earnedOn).start))].sort().filter((start) => quarterOf(start).end < today);
    for (const [k, start] of quarters.entries()) {
      const { end } = quarterOf(start);
      const last = k === quarters.length - 1;
      const [st] = await tx
        .insert(commissionStatement)
        .values({
          partnerId,
          periodStart: start,
          periodEnd: end,
          currency: 'CHF',
          status: last ? 'due' : 'paid',
          approvedAt: last ? null : new Date(`${addDays(end, 10)}T10:00:00Z`),
          approvedBy: last ? null : input.financeId,
          paidOn: last ? null : addDays(end, 20),
          paymentReference: last ? null : `PAY-${start.slice(0, 4)}-${start.slice(5, 7)}-${partnerId.slice(0, 4)}`,
          createdBy: input.managerId,
        })
        .returning({ id: commissionStatement.id });
      await tx
        .update(commissionLine)
        .set({ statementId: st!.id })
        .where(and(eq(commissionLine.partnerId, partnerId), isNull(commissionLine.statementId), lte(commissionLine.earnedOn, end)));
      statements++;
    }
  }
  return { agreements, statements };
}
