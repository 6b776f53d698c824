// Valid requests for customers, opportunities, deal stages and exchange rates.
import { eq } from 'drizzle-orm';
import { customer, dealStage, fxRate, opportunity, opportunityPartner } from '../../../src/server/db/schema/index.js';
import { createOpportunityInTx } from '../../../src/server/features/opportunities/index.js';
import { makePartner, unique } from '../../support/factories.js';
import { plain, type BuildContext, type Builders } from './support.js';

let seq = 0;
/** A stage key and a month no other request uses. */
const stageKey = () => `rm_${process.pid}_${Date.now().toString(36)}_${++seq}`.slice(0, 40);
const month = () => `${2100 + (++seq % 800)}-${String((seq % 12) + 1).padStart(2, '0')}`;

async function customerRow(c: BuildContext) {
  const name = unique('Kunde AG');
  const [row] = await c.t.database.db.insert(customer).values({ name, nameKey: name.toLowerCase() }).returning();
  return row!;
}

/** A deal the caller owns (members edit their own), on a new partner. */
async function deal(c: BuildContext, opts: { archived?: boolean } = {}) {
  const p = await makePartner(c.t);
  const id = await c.t.database.db.transaction((tx) =>
    createOpportunityInTx(
      tx,
      {
        title: unique('Deal'),
        customer: { name: unique('Kunde AG') },
        partners: [{ partnerId: p.id, role: 'sourced' }],
        productIds: [],
        oneOffMinor: 1_000,
        mrrMinor: 0,
        currency: 'CHF',
        expectedCloseOn: '2027-02-01',
        ownerId: c.as.id,
      },
      // Made as an administrator (a viewer reads it), owned by the caller (a member edits it).
      { ...c.actor, role: 'admin' },
    ),
  );
  if (opts.archived) await c.t.database.db.update(opportunity).set({ archivedAt: new Date(), version: 2 }).where(eq(opportunity.id, id));
  return { id, partnerId: p.id, version: opts.archived ? 2 : 1 };
}

async function stage(c: BuildContext) {
  const key = stageKey();
  await c.t.database.db.insert(dealStage).values({ key, name: 'Pilot', probability: 40, position: 900, kind: 'open' });
  return key;
}

export const dealRequests: Builders = {
  'GET /api/customers': plain('/api/customers?q=AG'),
  'POST /api/customers': async () => ({ url: '/api/customers', body: { name: unique('Neu AG'), country: 'CH' } }),
  'GET /api/customers/:id': async (c) => ({ url: `/api/customers/${(await customerRow(c)).id}` }),
  'PATCH /api/customers/:id': async (c) => ({ url: `/api/customers/${(await customerRow(c)).id}`, body: { version: 1, country: 'DE' } }),

  'GET /api/opportunities': plain('/api/opportunities?state=open'),
  'GET /api/opportunities/export': plain('/api/opportunities/export?format=xlsx&columns=title,stage,value'),
  'GET /api/opportunities/board': plain('/api/opportunities/board?quarter=2027-Q1'),
  'GET /api/opportunities/pipeline': plain('/api/opportunities/pipeline?by=owner'),
  'GET /api/opportunities/:id': async (c) => ({ url: `/api/opportunities/${(await deal(c)).id}` }),
  'POST /api/opportunities': async (c) => ({
    url: '/api/opportunities',
    body: {
      title: unique('Deal'),
      customer: { name: unique('Kunde AG') },
      partners: [{ partnerId: (await makePartner(c.t)).id, role: 'co_sell' }],
      currency: 'EUR',
      expectedCloseOn: '2027-03-01',
    },
  }),
  'PATCH /api/opportunities/:id': async (c) => ({ url: `/api/opportunities/${(await deal(c)).id}`, body: { version: 1, nextStep: 'Call back', nextStepDueOn: '2027-01-05' } }),
  'POST /api/opportunities/:id/stage': async (c) => ({ url: `/api/opportunities/${(await deal(c)).id}/stage`, body: { version: 1, stage: 'propose' } }),
  'POST /api/opportunities/:id/archive': async (c) => ({ url: `/api/opportunities/${(await deal(c)).id}/archive`, body: { version: 1 } }),
  'POST /api/opportunities/:id/restore': async (c) => ({ url: `/api/opportunities/${(await deal(c, { archived: true })).id}/restore`, body: { version: 2 } }),
  'POST /api/opportunities/:id/partners': async (c) => ({
    url: `/api/opportunities/${(await deal(c)).id}/partners`,
    body: { partnerId: (await makePartner(c.t)).id, role: 'referral' },
  }),
  'PATCH /api/opportunities/:id/partners/:partnerId': async (c) => {
    const d = await deal(c);
    return { url: `/api/opportunities/${d.id}/partners/${d.partnerId}`, body: { role: 'co_sell' } };
  },
  'DELETE /api/opportunities/:id/partners/:partnerId': async (c) => {
    const d = await deal(c);
    const other = await makePartner(c.t);
    await c.t.database.db.insert(opportunityPartner).values({ opportunityId: d.id, partnerId: other.id, role: 'referral' });
    return { url: `/api/opportunities/${d.id}/partners/${other.id}` };
  },

  'GET /api/deal-stages': plain('/api/deal-stages'),
  'POST /api/deal-stages': async () => ({ url: '/api/deal-stages', body: { key: stageKey(), name: 'Pilot', probability: 40, position: 901, kind: 'open' } }),
  'PATCH /api/deal-stages/:key': async (c) => ({ url: `/api/deal-stages/${await stage(c)}`, body: { version: 1, probability: 45 } }),
  'POST /api/deal-stages/:key/archive': async (c) => ({ url: `/api/deal-stages/${await stage(c)}/archive`, body: { version: 1 } }),
  'POST /api/deal-stages/:key/restore': async (c) => {
    const key = await stage(c);
    await c.t.database.db.update(dealStage).set({ archivedAt: new Date() }).where(eq(dealStage.key, key));
    return { url: `/api/deal-stages/${key}/restore`, body: { version: 1 } };
  },

  'GET /api/fx-rates': plain('/api/fx-rates'),
  'PUT /api/fx-rates/:month/:currency': async () => ({ url: `/api/fx-rates/${month()}/EUR`, body: { rateToChf: '0.93' } }),
  'DELETE /api/fx-rates/:month/:currency': async (c) => {
    const m = month();
    await c.t.database.db.insert(fxRate).values({ month: m, currency: 'USD', rateToChf: '0.88' }).onConflictDoNothing();
    return { url: `/api/fx-rates/${m}/USD` };
  },
};
