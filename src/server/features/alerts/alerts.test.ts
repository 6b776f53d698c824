import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, actorsFor, requestsAs, type Actor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner, unique } from '../../../../tests/support/factories.js';
import { grantCertification, makeCertification } from '../../../../tests/support/compliance.js';
import { contract, notification } from '../../db/schema/index.js';
import { runReminders } from '../../jobs/reminders.js';
import { addDays, zurichDate } from '../../../shared/days.js';
import type { Alert } from '../../../shared/schemas/alert.js';

let t: TestApp;
let as: Actors<'manager' | 'viewer'>;
let olga: Actor;
let bea: Actor;
let partnerA: { id: string; name: string };
let partnerB: { id: string; name: string };
let contractId: string;
const today = zurichDate(new Date());

beforeAll(async () => {
  t = await createTestApp();
  olga = await actor(t, 'member', { name: 'Olga Owner' });
  bea = await actor(t, 'member', { name: 'Bea Holder' });
  as = await actorsFor(t, { roles: ['manager', 'viewer'] });

  // Olga's partner A: a contract whose 30-day notice deadline is in 10 days, and a risk review due in 20.
  partnerA = await makePartner(t, { ownerId: olga.id, riskReviewDueOn: addDays(today, 20) });
  const [c] = await t.database.db
    .insert(contract)
    .values({
      partnerId: partnerA.id,
      type: 'reseller_agreement',
      title: unique('Reseller agreement'),
      status: 'active',
      endsOn: addDays(today, 40),
      autoRenew: false,
      noticePeriodCount: 30,
      noticePeriodUnit: 'days',
      ownerId: olga.id,
    })
    .returning();
  contractId = c!.id;
  // Partner B's risk review is far off: no alert yet.
  partnerB = await makePartner(t, { ownerId: olga.id, riskReviewDueOn: addDays(today, 200) });
  // Bea's certification expires in 25 days.
  await grantCertification(t, bea.id, (await makeCertification(t, null, { name: 'Alert Test Cert' })).id, addDays(today, -1000), addDays(today, 25));
});
afterAll(() => t.close());

const { get } = requestsAs(() => olga);
const list = async (who: Actor, query = '') => {
  const res = await get(`/api/alerts${query}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Alert[]; total: number; page: number; pageSize: number };
};
const mine = (items: Alert[]) => items.filter((a) => a.partner?.id === partnerA.id || a.partner?.id === partnerB.id || a.subject === 'Alert Test Cert');

describe('GET /api/alerts', () => {
  it('lists the due deadline alerts addressed to the caller, with kind, subject, partner, due date and link, soonest first', async () => {
    const got = await list(olga);
    expect(got.items.map((a) => ({ kind: a.kind, subject: a.subject, partner: a.partner, dueOn: a.dueOn, link: a.link }))).toEqual([
      {
        kind: 'contract_notice',
        subject: expect.stringContaining('Reseller agreement'),
        partner: { id: partnerA.id, name: partnerA.name },
        dueOn: addDays(today, 10),
        link: `/contracts/${contractId}`,
      },
      {
        kind: 'risk_review_due',
        subject: `Risk review of ${partnerA.name}`,
        partner: { id: partnerA.id, name: partnerA.name },
        dueOn: addDays(today, 20),
        link: `/partners/${partnerA.id}/risk`,
      },
    ]);
    expect(got.items.every((a) => a.recipientIds.length === 1 && a.recipientIds[0] === olga.id)).toBe(true);

    const beas = await list(bea);
    expect(beas.items.map((a) => [a.kind, a.subject, a.partner, a.dueOn, a.link])).toEqual([
      ['certification_expiring', 'Alert Test Cert', null, addDays(today, 25), '/certifications'],
    ]);
    expect((await list(as.viewer)).items).toEqual([]);
  });

  it('shows a Partner Manager every due alert, and filters by partner, kind and due date with the list paging', async () => {
    expect(mine((await list(as.manager)).items).map((a) => a.kind)).toEqual(['contract_notice', 'risk_review_due', 'certification_expiring']);
    expect((await list(as.manager, `?partnerId=${partnerA.id}`)).items.map((a) => a.kind)).toEqual(['contract_notice', 'risk_review_due']);
    expect((await list(as.manager, `?partnerId=${partnerB.id}`)).items).toEqual([]);
    expect(mine((await list(as.manager, '?kind=certification_expiring')).items).map((a) => a.subject)).toEqual(['Alert Test Cert']);
    expect(mine((await list(as.manager, `?dueBefore=${addDays(today, 20)}`)).items).map((a) => a.kind)).toEqual(['contract_notice']);
    expect(mine((await list(as.manager, '?sort=-dueOn')).items).map((a) => a.kind)).toEqual(['certification_expiring', 'risk_review_due', 'contract_notice']);
    const page = await list(olga, '?pageSize=1&page=2');
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(page.items.map((a) => a.kind)).toEqual(['risk_review_due']);
  });

  it('lists the same alerts the reminders send', async () => {
    const before = await list(olga);
    await runReminders({ db: t.database.db, mailer: null, baseUrl: t.config.baseUrl, secret: 'test-secret-test-secret-test-secret' }, new Date());
    const sent = await t.database.db
      .select({ key: notification.dedupeKey, title: notification.title })
      .from(notification)
      .where(inArray(notification.userId, [olga.id]));
    const deadlineReminders = sent.filter((n) => /^(contract_notice|risk_review)/.test(n.key));
    expect(deadlineReminders.map((n) => n.key).sort()).toEqual(before.items.map((a) => a.id).sort());
    expect(deadlineReminders.map((n) => n.title).sort()).toEqual(before.items.map((a) => a.title).sort());
  });

  it('refuses a bad filter naming the field, and a caller who is not signed in', async () => {
    const bad = await get('/api/alerts?dueBefore=soon&kind=task_due');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('dueBefore');
    expect((await t.app.inject({ method: 'GET', url: '/api/alerts' })).statusCode).toBe(401);
  });
});
