// Valid requests for kickback agreements and commission statements.
import { commissionLine, commissionStatement, kickbackAgreement } from '../../../src/server/db/schema/index.js';
import { makeOpportunity } from '../../support/deals.js';
import { makePartner, unique } from '../../support/factories.js';
import { plain, type BuildContext, type Builders } from './support.js';

const reseller = (c: BuildContext) => makePartner(c.t, { types: ['consultant_reseller'], ownerId: c.as.id });

async function agreementRow(c: BuildContext, overrides: Partial<typeof kickbackAgreement.$inferInsert> = {}) {
  const p = await reseller(c);
  const [a] = await c.t.database.db
    .insert(kickbackAgreement)
    .values({ partnerId: p.id, name: unique('Referral fee'), validFrom: '2026-01-01', kind: 'flat_per_deal', flatMinor: 10_000, ...overrides })
    .returning();
  return a!;
}

/** A partner with one commission line not yet on a statement (earned in Q1 2026). */
async function lineWaiting(c: BuildContext) {
  const a = await agreementRow(c);
  await c.t.database.db
    .insert(commissionLine)
    .values({ agreementId: a.id, partnerId: a.partnerId, earnedOn: '2026-02-02', amountMinor: 10_000, currency: 'CHF', reason: 'earned' });
  return a;
}

async function statementRow(c: BuildContext, status: 'due' | 'approved' | 'paid' = 'due') {
  const a = await lineWaiting(c);
  const [s] = await c.t.database.db
    .insert(commissionStatement)
    .values({ partnerId: a.partnerId, periodStart: '2026-01-01', periodEnd: '2026-03-31', currency: 'CHF', status })
    .returning();
  return s!;
}

export const kickbackRequests: Builders = {
  'GET /api/kickback-agreements': plain('/api/kickback-agreements'),
  'GET /api/kickback-agreements/:id': async (c) => ({ url: `/api/kickback-agreements/${(await agreementRow(c)).id}` }),
  'POST /api/kickback-agreements': async (c) => ({
    url: '/api/kickback-agreements',
    body: { partnerId: (await reseller(c)).id, name: unique('Referral fee'), validFrom: '2026-01-01', kind: 'first_year_pct', rateBp: 250 },
  }),
  'PATCH /api/kickback-agreements/:id': async (c) => {
    const a = await agreementRow(c);
    return { url: `/api/kickback-agreements/${a.id}`, body: { version: a.version, flatMinor: 12_500 } };
  },
  'POST /api/kickback-agreements/:id/archive': async (c) => {
    const a = await agreementRow(c);
    return { url: `/api/kickback-agreements/${a.id}/archive`, body: { version: a.version } };
  },
  'POST /api/kickback-agreements/:id/restore': async (c) => {
    const a = await agreementRow(c, { archivedAt: new Date() });
    return { url: `/api/kickback-agreements/${a.id}/restore`, body: { version: a.version } };
  },
  // A deal the partner brought, won before the agreement row existed: the recompute adds its line.
  'POST /api/kickback-agreements/:id/recompute': async (c) => {
    const a = await agreementRow(c);
    await makeOpportunity(c.t, { partnerId: a.partnerId, role: 'sourced', closedOn: '2026-02-02' });
    return { url: `/api/kickback-agreements/${a.id}/recompute` };
  },
  'GET /api/commission-statements': plain('/api/commission-statements'),
  'GET /api/commission-statements/export': plain('/api/commission-statements/export?status=due&format=xlsx&columns=partner,total'),
  'GET /api/commission-statements/unpaid': plain('/api/commission-statements/unpaid'),
  'GET /api/commission-statements/:id': async (c) => ({ url: `/api/commission-statements/${(await statementRow(c)).id}` }),
  'GET /api/commission-statements/:id/pdf': async (c) => ({ url: `/api/commission-statements/${(await statementRow(c)).id}/pdf` }),
  'GET /api/commission-statements/:id/csv': async (c) => ({ url: `/api/commission-statements/${(await statementRow(c)).id}/csv?lang=de` }),
  'POST /api/commission-statements': async (c) => ({ url: '/api/commission-statements', body: { partnerId: (await lineWaiting(c)).partnerId, period: '2026-Q1' } }),
  'POST /api/commission-statements/:id/approve': async (c) => {
    const s = await statementRow(c);
    return { url: `/api/commission-statements/${s.id}/approve`, body: { version: s.version } };
  },
  'POST /api/commission-statements/:id/pay': async (c) => {
    const s = await statementRow(c, 'approved');
    return { url: `/api/commission-statements/${s.id}/pay`, body: { version: s.version, paidOn: '2026-04-10', paymentReference: 'PAY-2026-041' } };
  },
};
