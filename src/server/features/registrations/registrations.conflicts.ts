import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { customer, dealRegistration, dealRegistrationProduct, dealStage, opportunity, opportunityPartner, opportunityProduct, partner, product } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { NAME_MATCH, nameHead } from '../../../shared/customers.js';
import { ACTIVE_REGISTRATION_STATUSES, type DealCurrency, type RegistrationStatus } from '../../../shared/deals.js';
import { dealValue } from '../../../shared/money.js';
import type { Conflict, ConflictList, Match } from '../../../shared/schemas/registration.js';
import { productsOf, REGISTRATION } from './registrations.read.js';

/** The registration a conflict check is about: its customer's identity, its products, when it was filed. */
export interface Checked {
  id: string;
  direction: string;
  createdAt: Date;
  opportunityId: string | null;
  customerId: string;
  domain: string | null;
  nameKey: string;
  productIds: string[];
}

export async function checkedRegistration(db: DbOrTx, id: string): Promise<Checked> {
  const [r] = await db
    .select({
      id: dealRegistration.id,
      direction: dealRegistration.direction,
      createdAt: dealRegistration.createdAt,
      opportunityId: dealRegistration.opportunityId,
      customerId: customer.id,
      domain: customer.domain,
      nameKey: customer.nameKey,
    })
    .from(dealRegistration)
    .innerJoin(customer, eq(customer.id, dealRegistration.customerId))
    .where(eq(dealRegistration.id, id));
  if (!r) throw notFound(REGISTRATION.what);
  const products = await db.select({ id: dealRegistrationProduct.productId }).from(dealRegistrationProduct).where(eq(dealRegistrationProduct.registrationId, id));
  return { ...r, productIds: products.map((p) => p.id) };
}

/**
 * The customers that are the same end customer as the checked one, and why: the same record, the
 * same registrable domain (customers store it, so "www.muster.ch" and "shop.muster.ch" are both
 * "muster.ch"), or a similar name: one name's head (its first word, legal forms already gone from the
 * key) found in the other name by pg_trgm's word similarity (NAME_MATCH in shared/customers.ts), so
 * "Muster AG" finds "Muster Informatik AG" and the typo "Mustr AG", while a shared trade word does not.
 *
 * Read once, before the registrations and deals, through the trigram indexes: candidates are the
 * customers whose head is similar to one of this name's words (`%`, similarity ≥ 0.3) or whose name
 * holds this name's head (`%>`, word similarity ≥ 0.6); the exact rule is checked on those only.
 */
async function sameCustomers(db: DbOrTx, me: Checked): Promise<Map<string, Match>> {
  const fn = sql.raw(NAME_MATCH.fn);
  const threshold = sql.raw(String(NAME_MATCH.threshold));
  const head = nameHead(me.nameKey);
  const words = [...new Set(me.nameKey.split(' ').filter((w) => w.length >= 2))].slice(0, 8);
  const near = or(sql`${customer.nameKey} %> ${head}`, ...words.map((w) => sql`${customer.nameHead} % ${w}`));
  const similar = sql`greatest(${fn}(${head}, ${customer.nameKey}), ${fn}(${customer.nameHead}, ${me.nameKey})) >= ${threshold}`;
  const rows = await db
    .select({ id: customer.id, domain: customer.domain })
    .from(customer)
    .where(or(eq(customer.id, me.customerId), me.domain ? eq(customer.domain, me.domain) : undefined, head ? and(near, similar) : undefined));
  return new Map(rows.map((c) => [c.id, c.id === me.customerId ? 'same_customer' : me.domain && c.domain === me.domain ? 'domain' : 'name']));
}

const earlier = (a: { createdAt: Date; id: string }, me: Checked) =>
  a.createdAt.getTime() < me.createdAt.getTime() || (a.createdAt.getTime() === me.createdAt.getTime() && a.id < me.id);

/**
 * Other active registrations of the same direction and open opportunities for the same customer
 * with at least one product in common, oldest first. A registration without products conflicts with
 * nothing. The registration's own opportunity is the same deal, not a competitor.
 */
export async function findConflicts(db: DbOrTx, me: Checked): Promise<ConflictList> {
  if (!me.productIds.length) return { items: [], reasonRequired: false };
  const matched = await sameCustomers(db, me);
  const customerIds = [...matched.keys()];
  const customerCols = { customerId: customer.id, customerName: customer.name, customerDomain: customer.domain, customerCountry: customer.country };

  const registrations = await db
    .select({
      id: dealRegistration.id,
      createdAt: dealRegistration.createdAt,
      status: dealRegistration.status,
      partnerId: partner.id,
      partnerName: partner.name,
      valueMinor: dealRegistration.estimatedValueMinor,
      currency: dealRegistration.currency,
      ...customerCols,
    })
    .from(dealRegistration)
    .innerJoin(customer, eq(customer.id, dealRegistration.customerId))
    .innerJoin(partner, eq(partner.id, dealRegistration.partnerId))
    .where(
      and(
        ne(dealRegistration.id, me.id),
        eq(dealRegistration.direction, me.direction),
        inArray(dealRegistration.status, [...ACTIVE_REGISTRATION_STATUSES]),
        isNull(dealRegistration.archivedAt),
        inArray(dealRegistration.customerId, customerIds),
        // The products' copies carry direction and status: the common products of active registrations, without reading the registrations first.
        inArray(
          dealRegistration.id,
          db
            .select({ id: dealRegistrationProduct.registrationId })
            .from(dealRegistrationProduct)
            .where(
              and(
                inArray(dealRegistrationProduct.productId, me.productIds),
                eq(dealRegistrationProduct.direction, me.direction),
                inArray(dealRegistrationProduct.status, [...ACTIVE_REGISTRATION_STATUSES]),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(dealRegistration.createdAt), asc(dealRegistration.id));

  const opportunities = await db
    .select({
      id: opportunity.id,
      createdAt: opportunity.createdAt,
      title: opportunity.title,
      stageKey: opportunity.stageKey,
      stageName: dealStage.name,
      oneOffMinor: opportunity.oneOffMinor,
      mrrMinor: opportunity.mrrMinor,
      currency: opportunity.currency,
      ...customerCols,
    })
    .from(opportunity)
    .innerJoin(customer, eq(customer.id, opportunity.customerId))
    .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
    .where(
      and(
        eq(dealStage.kind, 'open'),
        isNull(opportunity.archivedAt),
        me.opportunityId ? ne(opportunity.id, me.opportunityId) : undefined,
        inArray(opportunity.customerId, customerIds),
        sql`exists (select 1 from ${opportunityProduct} p where p.opportunity_id = ${opportunity.id} and p.product_id in ${me.productIds})`,
      ),
    )
    .orderBy(asc(opportunity.createdAt), asc(opportunity.id));

  const regProducts = await productsOf(
    db,
    registrations.map((r) => r.id),
  );
  const oppProducts = await opportunityProducts(
    db,
    opportunities.map((o) => o.id),
  );
  const oppPartners = opportunities.length
    ? await db
        .select({ opportunityId: opportunityPartner.opportunityId, id: partner.id, name: partner.name })
        .from(opportunityPartner)
        .innerJoin(partner, eq(partner.id, opportunityPartner.partnerId))
        .where(
          inArray(
            opportunityPartner.opportunityId,
            opportunities.map((o) => o.id),
          ),
        )
        .orderBy(asc(partner.name))
    : [];
  const mine = new Set(me.productIds);
  const customerOf = (r: (typeof registrations)[number] | (typeof opportunities)[number]) => ({
    id: r.customerId,
    name: r.customerName,
    domain: r.customerDomain,
    country: r.customerCountry,
  });

  const items: Conflict[] = [
    ...registrations.map((r) => {
      const products = regProducts.get(r.id) ?? [];
      return {
        kind: 'registration' as const,
        id: r.id,
        partners: [{ id: r.partnerId, name: r.partnerName }],
        customer: customerOf(r),
        matchedBy: matched.get(r.customerId)!,
        filedAt: r.createdAt.toISOString(),
        status: r.status as RegistrationStatus,
        stage: null,
        title: null,
        products,
        commonProductIds: products.filter((p) => mine.has(p.id)).map((p) => p.id),
        valueMinor: r.valueMinor,
        currency: r.currency as DealCurrency | null,
        filedEarlier: earlier(r, me),
      };
    }),
    ...opportunities.map((o) => {
      const products = oppProducts.get(o.id) ?? [];
      return {
        kind: 'opportunity' as const,
        id: o.id,
        partners: oppPartners.filter((p) => p.opportunityId === o.id).map((p) => ({ id: p.id, name: p.name })),
        customer: customerOf(o),
        matchedBy: matched.get(o.customerId)!,
        filedAt: o.createdAt.toISOString(),
        status: null,
        stage: { key: o.stageKey, name: o.stageName },
        title: o.title,
        products,
        commonProductIds: products.filter((p) => mine.has(p.id)).map((p) => p.id),
        valueMinor: dealValue(o),
        currency: o.currency as DealCurrency,
        filedEarlier: earlier(o, me),
      };
    }),
  ];
  items.sort((a, b) => a.filedAt.localeCompare(b.filedAt) || a.id.localeCompare(b.id));
  // First to file wins: only an earlier competing registration makes the approver say why.
  return { items, reasonRequired: items.some((c) => c.kind === 'registration' && c.filedEarlier) };
}

async function opportunityProducts(db: DbOrTx, ids: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ ownerId: opportunityProduct.opportunityId, id: product.id, name: product.name })
    .from(opportunityProduct)
    .innerJoin(product, eq(product.id, opportunityProduct.productId))
    .where(inArray(opportunityProduct.opportunityId, ids))
    .orderBy(asc(product.name));
  for (const r of rows) out.set(r.ownerId, [...(out.get(r.ownerId) ?? []), { id: r.id, name: r.name }]);
  return out;
}
