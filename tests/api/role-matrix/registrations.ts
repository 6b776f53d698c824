// Valid requests for deal registrations (issue 13).
import { customer, dealRegistration, dealRegistrationProduct, product } from '../../../src/server/db/schema/index.js';
import { customerNameKey } from '../../../src/shared/customers.js';
import type { RegistrationDirection, RegistrationStatus } from '../../../src/shared/deals.js';
import { unique } from '../../support/factories.js';
import { ownPartner, plain, type BuildContext, type Builders } from './support.js';

/** A registration of its own customer and product (so it conflicts with nothing), on a partner the caller owns. */
async function makeRegistration(c: BuildContext, direction: RegistrationDirection, status: RegistrationStatus, extra: Partial<typeof dealRegistration.$inferInsert> = {}) {
  const db = c.t.database.db;
  const p = await ownPartner(c, { types: direction === 'outbound' ? ['software_vendor'] : ['consultant_reseller'] });
  const name = unique('Matrix Kunde AG');
  const [cu] = await db
    .insert(customer)
    .values({ name, nameKey: customerNameKey(name) })
    .returning();
  const [pr] = await db
    .insert(product)
    .values({ name: unique('Matrix product') })
    .returning();
  const [r] = await db
    .insert(dealRegistration)
    .values({ direction, partnerId: p.id, customerId: cu!.id, status, ...extra })
    .returning();
  await db.insert(dealRegistrationProduct).values({ registrationId: r!.id, productId: pr!.id, direction, customerId: cu!.id, status });
  return r!;
}

export const registrationRequests: Builders = {
  'GET /api/deal-registrations': plain('/api/deal-registrations?direction=inbound&status=submitted,approved'),
  'GET /api/deal-registrations/export': plain('/api/deal-registrations/export?format=xlsx&columns=customer,partner,status'),
  'GET /api/deal-registrations/:id': async (c) => ({ url: `/api/deal-registrations/${(await makeRegistration(c, 'outbound', 'draft')).id}` }),
  'GET /api/deal-registrations/:id/conflicts': async (c) => ({ url: `/api/deal-registrations/${(await makeRegistration(c, 'inbound', 'submitted')).id}/conflicts` }),
  'POST /api/deal-registrations': async (c) => {
    const [pr] = await c.t.database.db
      .insert(product)
      .values({ name: unique('Matrix product') })
      .returning();
    return {
      url: '/api/deal-registrations',
      body: { direction: 'inbound', partnerId: (await ownPartner(c, { types: ['consultant_reseller'] })).id, customer: { name: unique('Neu AG') }, productIds: [pr!.id] },
    };
  },
  'PATCH /api/deal-registrations/:id': async (c) => {
    const r = await makeRegistration(c, 'outbound', 'draft');
    return { url: `/api/deal-registrations/${r.id}`, body: { version: r.version, portalReference: 'DR-1' } };
  },
  'POST /api/deal-registrations/:id/archive': async (c) => {
    const r = await makeRegistration(c, 'outbound', 'draft');
    return { url: `/api/deal-registrations/${r.id}/archive`, body: { version: r.version } };
  },
  'POST /api/deal-registrations/:id/status': async (c) => {
    const r = await makeRegistration(c, 'outbound', 'draft');
    return { url: `/api/deal-registrations/${r.id}/status`, body: { version: r.version, status: 'submitted' } };
  },
  'POST /api/deal-registrations/:id/extend': async (c) => {
    const r = await makeRegistration(c, 'outbound', 'approved', { approvedOn: '2026-01-05', protectedUntil: '2026-04-05' });
    return { url: `/api/deal-registrations/${r.id}/extend`, body: { version: r.version } };
  },
  'POST /api/deal-registrations/:id/approve': async (c) => {
    const r = await makeRegistration(c, 'inbound', 'submitted', { estimatedValueMinor: 1000_00, currency: 'CHF', expectedCloseOn: '2026-06-30' });
    return { url: `/api/deal-registrations/${r.id}/approve`, body: { version: r.version } };
  },
  'POST /api/deal-registrations/:id/reject': async (c) => {
    const r = await makeRegistration(c, 'inbound', 'submitted');
    return { url: `/api/deal-registrations/${r.id}/reject`, body: { version: r.version, reason: 'Already in our pipeline' } };
  },
};
