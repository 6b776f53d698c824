import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { backend } from '../../../../tests/support/db.js';
import { unique } from '../../../../tests/support/factories.js';
import { openDatabase, type Database } from '../../db/client.js';
import { dealRegistration, dealRegistrationProduct, opportunity, opportunityPartner, opportunityProduct } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import { approveRegistration } from './registrations.decide.js';
import { makeProduct, makeReseller } from './registrations.fixtures.js';

let t: TestApp;
let as: Actors<'manager'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager'] });
});
afterAll(() => t.close());

const { get, post } = requestsAs(() => as.manager);

/** An inbound registration filed (submitted) by a new reseller. */
async function file(customer: Record<string, unknown>, productIds: string[], extra: Record<string, unknown> = {}) {
  const reseller = await makeReseller(t, { name: unique('Reseller') });
  const res = await post('/api/deal-registrations', { direction: 'inbound', partnerId: reseller.id, status: 'submitted', customer, productIds, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const conflicts = async (id: string) => (await get(`/api/deal-registrations/${id}/conflicts`)).json();
const domain = (name: string) => `${name}-${unique('d').replace(/\W/g, '')}.ch`;

describe('conflicts of inbound registrations', () => {
  it('finds the same customer by registrable domain: www. and shop. subdomains are one customer', async () => {
    const p = await makeProduct(t);
    const d = domain('muster');
    const first = await file({ name: 'Muster Handel AG', domain: `https://www.${d}/kontakt` }, [p.id], { estimatedValueMinor: 12_000_00, currency: 'CHF' });
    const second = await file({ name: 'Ganz anderer Name GmbH', domain: `shop.${d}` }, [p.id]);
    expect(second.customer).toMatchObject({ id: first.customer.id, domain: d });
    const found = await conflicts(second.id);
    expect(found).toMatchObject({
      reasonRequired: true,
      items: [
        {
          kind: 'registration',
          id: first.id,
          partners: [{ id: first.partner.id, name: first.partner.name }],
          status: 'submitted',
          filedAt: first.filedAt,
          products: [{ id: p.id, name: p.name }],
          commonProductIds: [p.id],
          valueMinor: 12_000_00,
          currency: 'CHF',
          filedEarlier: true,
        },
      ],
    });
    // Seen from the first one, the second was filed later: no reason needed.
    expect(await conflicts(first.id)).toMatchObject({ reasonRequired: false, items: [{ id: second.id, filedEarlier: false }] });
  });

  it('finds a different customer record of a similar name: a legal suffix and an extra word, or a typo', async () => {
    const p = await makeProduct(t);
    const base = await file({ name: 'Muster AG' }, [p.id]);
    const longer = await file({ name: 'Muster Informatik AG' }, [p.id]);
    const typo = await file({ name: 'Mustr GmbH' }, [p.id]);
    const other = await file({ name: 'Meier AG' }, [p.id]);
    expect(new Set([base.customer.id, longer.customer.id, typo.customer.id]).size).toBe(3);
    const ids = async (id: string) => (await conflicts(id)).items.map((c: { id: string; matchedBy: string }) => [c.id, c.matchedBy]);
    expect(await ids(longer.id)).toEqual([
      [base.id, 'name'],
      [typo.id, 'name'],
    ]);
    expect(await ids(typo.id)).toEqual([
      [base.id, 'name'],
      [longer.id, 'name'],
    ]);
    expect(await ids(other.id)).toEqual([]);
  });

  it('is no conflict without a product in common, nor with a registration that is no longer active', async () => {
    const [p1, p2] = [await makeProduct(t), await makeProduct(t)];
    const d = domain('ohne');
    const a = await file({ name: 'Ohne Produkt AG', domain: d }, [p1.id]);
    const b = await file({ name: 'Ohne Produkt AG', domain: d }, [p2.id]);
    expect((await conflicts(b.id)).items).toEqual([]);
    const c = await file({ name: 'Ohne Produkt AG', domain: d }, [p1.id, p2.id]);
    expect((await conflicts(c.id)).items.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    await post(`/api/deal-registrations/${a.id}/reject`, { version: 1, reason: 'duplicate' });
    expect((await conflicts(c.id)).items.map((x: { id: string }) => x.id)).toEqual([b.id]);
  });

  it('shows an open opportunity for the customer with a common product, and links it on approval', async () => {
    const p = await makeProduct(t);
    const d = domain('chance');
    const reg = await file({ name: 'Chance AG', domain: d }, [p.id]);
    const [o] = await t.database.db
      .insert(opportunity)
      .values({ customerId: reg.customer.id, title: 'Chance rollout', stageKey: 'propose', currency: 'CHF', oneOffMinor: 1000_00, mrrMinor: 100_00 })
      .returning();
    await t.database.db.insert(opportunityProduct).values({ opportunityId: o!.id, productId: p.id });
    const found = await conflicts(reg.id);
    expect(found).toMatchObject({
      reasonRequired: false,
      items: [{ kind: 'opportunity', id: o!.id, title: 'Chance rollout', stage: { key: 'propose' }, status: null, valueMinor: 2200_00, currency: 'CHF', commonProductIds: [p.id] }],
    });
    const approved = await post(`/api/deal-registrations/${reg.id}/approve`, { version: 1, opportunityId: o!.id });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', opportunity: { id: o!.id } });
    expect(await t.database.db.select().from(opportunityPartner).where(eq(opportunityPartner.opportunityId, o!.id))).toEqual([
      { opportunityId: o!.id, partnerId: reg.partner.id, role: 'sourced' },
    ]);
  });
});

describe('approving inbound registrations', () => {
  it('lets the first filed win by default: the later one needs a reason, and only one is approved per customer and product', async () => {
    const p = await makeProduct(t);
    const d = domain('erster');
    const first = await file({ name: 'Erster AG', domain: d }, [p.id], { estimatedValueMinor: 50_000_00, currency: 'EUR', expectedCloseOn: '2026-09-30' });
    const later = await file({ name: 'Erster AG', domain: d }, [p.id]);

    const noReason = await post(`/api/deal-registrations/${later.id}/approve`, { version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    expect((await get(`/api/deal-registrations/${later.id}`)).json()).toMatchObject({ status: 'submitted', version: 1 });

    const approved = await post(`/api/deal-registrations/${first.id}/approve`, { version: 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    const body = approved.json();
    expect(body).toMatchObject({ status: 'approved', decisionReason: null, opportunity: { id: expect.any(String) }, can: { approve: false, extend: true } });
    const [o] = await t.database.db.select().from(opportunity).where(eq(opportunity.id, body.opportunity.id));
    expect(o).toMatchObject({ customerId: first.customer.id, stageKey: 'qualify', oneOffMinor: 50_000_00, currency: 'EUR', expectedCloseOn: '2026-09-30', ownerId: as.manager.id });
    expect(await t.database.db.select().from(opportunityPartner).where(eq(opportunityPartner.opportunityId, o!.id))).toEqual([
      { opportunityId: o!.id, partnerId: first.partner.id, role: 'sourced' },
    ]);
    expect((await t.database.db.select().from(opportunityProduct).where(eq(opportunityProduct.opportunityId, o!.id))).map((x) => x.productId)).toEqual([p.id]);

    // Deciding otherwise needs a reason; with one, the database still allows one approved per customer and product.
    const second = await post(`/api/deal-registrations/${later.id}/approve`, { version: 1, reason: 'The customer asked for this reseller' });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toMatch(/already approved/);
    expect((await get(`/api/deal-registrations/${later.id}`)).json()).toMatchObject({ status: 'submitted', version: 1, opportunity: null });

    const rejected = await post(`/api/deal-registrations/${later.id}/reject`, { version: 1, reason: 'Registered by another partner first' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Registered by another partner first' });
  });

  it('records why the later one was approved when the earlier one was not', async () => {
    const p = await makeProduct(t);
    const base = await file({ name: 'Begründung AG' }, [p.id]);
    const later = await file({ name: 'Begruendung Informatik AG' }, [p.id]);
    expect((await conflicts(later.id)).reasonRequired).toBe(true);
    const res = await post(`/api/deal-registrations/${later.id}/approve`, { version: 1, reason: 'The earlier reseller has no certified staff' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', decisionReason: 'The earlier reseller has no certified staff' });
    expect((await get(`/api/deal-registrations/${base.id}`)).json().status).toBe('submitted');
  });

  it('leaves exactly one approved when two conflicting approvals run at the same time (two connections on PostgreSQL)', async () => {
    const p = await makeProduct(t);
    const d = domain('wettlauf');
    const a = await file({ name: 'Wettlauf AG', domain: d }, [p.id]);
    const b = await file({ name: 'Wettlauf AG', domain: d }, [p.id]);
    // A second instance of the app: its own pool, so the two transactions truly overlap on PostgreSQL.
    // The embedded database is one connection, where the two run one after the other.
    const second: Database | undefined = backend() === 'postgres' ? await openDatabase({ databaseUrl: t.database.pool!.options.connectionString!, poolSize: 2 }) : undefined;
    try {
      const manager: Actor = { id: as.manager.id, name: as.manager.name, email: as.manager.email, role: 'manager', via: 'token' };
      const results = await Promise.allSettled([
        approveRegistration(t.database.db, a.id, { version: 1, reason: 'race' }, manager),
        approveRegistration((second ?? t.database).db, b.id, { version: 1, reason: 'race' }, manager),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(failed.reason).toMatchObject({ status: 409, code: 'conflict' });
      const statuses = await t.database.db.select({ status: dealRegistration.status }).from(dealRegistration).where(eq(dealRegistration.customerId, a.customer.id));
      expect(statuses.map((s) => s.status).sort()).toEqual(['approved', 'submitted']);
      const copies = await t.database.db.select().from(dealRegistrationProduct).where(eq(dealRegistrationProduct.productId, p.id));
      expect(copies.map((c) => c.status).sort()).toEqual(['approved', 'submitted']);
      // The loser created no opportunity: its transaction rolled back whole.
      expect((await t.database.db.select().from(opportunityProduct).where(eq(opportunityProduct.productId, p.id))).length).toBe(1);
    } finally {
      await second?.close();
    }
  });
});
