import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { csvRows } from '../../../../tests/support/exports.js';
import { addTeamMember, makeContact, unique } from '../../../../tests/support/factories.js';
import { auditLog, customer, dealRegistration, jobRun, user } from '../../db/schema/index.js';
import { reminderSources } from '../../jobs/reminder-sources.js';
import { calendarSources } from '../../lib/calendar-sources.js';
import { makeProduct, makeProgram, makeReseller, makeVendor } from './registrations.fixtures.js';
import './registrations.sources.js';

let t: TestApp;
let as: Actors<'manager' | 'member' | 'viewer' | 'finance'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager', 'member', 'viewer', 'finance'] });
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const { get, post, patch } = requestsAs(() => as.manager);

/** Freezes only the clock (timers keep running, so requests still complete); 10:00 in Zurich. */
function today(day: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T09:00:00Z`));
}

async function create(body: Record<string, unknown>, who = as.manager) {
  const res = await post('/api/deal-registrations', body, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const count = async (table: typeof dealRegistration | typeof customer) => (await t.database.db.select().from(table)).length;

describe('deal registrations', () => {
  it('records an outbound registration and mirrors the portal: submitted, approved with the programme’s protection, extended once, won', async () => {
    today('2026-03-02');
    const vendor = await makeVendor(t);
    const program = await makeProgram(t, vendor.id, 60);
    const p1 = await makeProduct(t);
    const r = await create({
      direction: 'outbound',
      partnerId: vendor.id,
      programId: program.id,
      customer: { name: 'Alpenglühen AG', domain: 'https://www.alpengluehen-reg1.ch/' },
      productIds: [p1.id],
      portalReference: 'DR-2026-0042',
      portalUrl: 'https://partners.vendor.example/deals/42',
      benefit: '15 % extra discount',
      expectedCloseOn: '2026-06-30',
    });
    expect(r).toMatchObject({
      direction: 'outbound',
      status: 'draft',
      partner: { id: vendor.id },
      program: { id: program.id },
      customer: { name: 'Alpenglühen AG', domain: 'alpengluehen-reg1.ch' },
      products: [{ id: p1.id, name: p1.name }],
      owner: { id: as.manager.id },
      benefit: '15 % extra discount',
      protectedUntil: null,
      can: { edit: true, archive: true, moveTo: ['submitted'], approve: false, reject: false, extend: false },
    });

    const stale = await patch(`/api/deal-registrations/${r.id}`, { version: 7, benefit: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const submitted = await post(`/api/deal-registrations/${r.id}/status`, { version: 1, status: 'submitted' });
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedOn: '2026-03-02' });
    const approved = (await post(`/api/deal-registrations/${r.id}/status`, { version: 2, status: 'approved', on: '2026-03-05' })).json();
    expect(approved).toMatchObject({ status: 'approved', approvedOn: '2026-03-05', protectedUntil: '2026-05-04', can: { extend: true } });

    const extended = (await post(`/api/deal-registrations/${r.id}/extend`, { version: 3 })).json();
    expect(extended).toMatchObject({ protectedUntil: '2026-07-03', extendedOn: '2026-03-02', can: { extend: false } });
    const again = await post(`/api/deal-registrations/${r.id}/extend`, { version: 4, until: '2026-12-31' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('already extended');

    const won = (await post(`/api/deal-registrations/${r.id}/status`, { version: 4, status: 'won' })).json();
    expect(won.status).toBe('won');
    const back = await post(`/api/deal-registrations/${r.id}/status`, { version: 5, status: 'submitted' });
    expect(back.statusCode).toBe(409);

    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, r.id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'status', 'extend', 'status']);
  });

  it('protects 90 days without a programme, and a rejection in the portal needs its reason', async () => {
    today('2026-01-10');
    const vendor = await makeVendor(t, { types: ['distributor'] });
    const r = await create({ direction: 'outbound', partnerId: vendor.id, status: 'submitted', customer: { name: 'Kein Programm GmbH' } });
    const noReason = await post(`/api/deal-registrations/${r.id}/status`, { version: 1, status: 'rejected' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    const approved = (await post(`/api/deal-registrations/${r.id}/status`, { version: 1, status: 'approved' })).json();
    expect(approved).toMatchObject({ approvedOn: '2026-01-10', protectedUntil: '2026-04-10' });
  });

  it('refuses a partner of the wrong type for the direction with 400 naming partnerId, and writes nothing', async () => {
    const vendor = await makeVendor(t);
    const reseller = await makeReseller(t);
    const p1 = await makeProduct(t);
    const [regs, customers] = [await count(dealRegistration), await count(customer)];
    for (const [direction, partnerId] of [
      ['outbound', reseller.id],
      ['inbound', vendor.id],
    ] as const) {
      const res = await post('/api/deal-registrations', {
        direction,
        partnerId,
        customer: { name: unique('Neukunde AG'), domain: `${unique('neu').replace(/\W/g, '')}.ch` },
        productIds: [p1.id],
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.partnerId' })]);
    }
    expect([await count(dealRegistration), await count(customer)]).toEqual([regs, customers]);

    const noProducts = await post('/api/deal-registrations', { direction: 'inbound', partnerId: reseller.id, customer: { name: 'X AG' } });
    expect(noProducts.statusCode).toBe(400);
    expect(noProducts.json().errors.map((e: { path: string }) => e.path)).toContain('body.productIds');
    const badValue = await post('/api/deal-registrations', {
      direction: 'inbound',
      partnerId: reseller.id,
      customer: { name: 'X AG' },
      productIds: [p1.id],
      estimatedValueMinor: -1,
      currency: 'GBP',
    });
    expect(
      badValue
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.currency', 'body.estimatedValueMinor']);
    const otherContact = await makeContact(t, vendor.id);
    const wrongContact = await post('/api/deal-registrations', {
      direction: 'inbound',
      partnerId: reseller.id,
      customer: { name: 'X AG' },
      productIds: [p1.id],
      contactId: otherContact.id,
    });
    expect(wrongContact.json().errors).toEqual([expect.objectContaining({ path: 'body.contactId' })]);
    expect(await count(dealRegistration)).toBe(regs);
  });

  it('lets members work on registrations of their partners only, managers decide, viewers and finance read', async () => {
    const mine = await makeReseller(t);
    const theirs = await makeReseller(t);
    await addTeamMember(t, mine.id, as.member.id);
    const p1 = await makeProduct(t);
    const body = (partnerId: string) => ({ direction: 'inbound', partnerId, status: 'submitted', customer: { name: unique('Rollen AG') }, productIds: [p1.id] });
    const r = await create(body(mine.id), as.member);
    expect(r.can).toMatchObject({ edit: true, approve: false, reject: false });
    expect((await post('/api/deal-registrations', body(theirs.id), as.member)).statusCode).toBe(403);
    expect((await post(`/api/deal-registrations/${r.id}/reject`, { version: 1, reason: 'no' }, as.member)).statusCode).toBe(403);
    for (const who of [as.viewer, as.finance]) {
      const seen = await get(`/api/deal-registrations/${r.id}`, who);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().can).toEqual({ edit: false, archive: false, moveTo: [], approve: false, reject: false, extend: false });
      expect((await patch(`/api/deal-registrations/${r.id}`, { version: 1, notes: 'x' }, who)).statusCode).toBe(403);
    }
    expect((await get(`/api/deal-registrations/${r.id}`)).json().can).toMatchObject({ approve: true, reject: true });

    const noReason = await post(`/api/deal-registrations/${r.id}/reject`, { version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    const rejected = (await post(`/api/deal-registrations/${r.id}/reject`, { version: 1, reason: 'The customer already buys from us directly' })).json();
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'The customer already buys from us directly' });

    const archived = await post(`/api/deal-registrations/${r.id}/archive`, { version: 2 }, as.member);
    expect(archived.json().archivedAt).not.toBeNull();
  });

  it('lists with filters, sort and paging, and exports what the list shows', async () => {
    const reseller = await makeReseller(t, { name: unique('Listenpartner') });
    const p1 = await makeProduct(t);
    const a = await create({
      direction: 'inbound',
      partnerId: reseller.id,
      customer: { name: 'Zebra Listen AG' },
      productIds: [p1.id],
      estimatedValueMinor: 500_00,
      currency: 'EUR',
    });
    const b = await create({ direction: 'inbound', partnerId: reseller.id, status: 'submitted', customer: { name: 'Adler Listen AG' }, productIds: [p1.id] });
    const byCustomer = (await get(`/api/deal-registrations?partnerId=${reseller.id}&sort=customer`)).json();
    expect(byCustomer.items.map((r: { id: string }) => r.id)).toEqual([b.id, a.id]);
    expect((await get(`/api/deal-registrations?partnerId=${reseller.id}&status=submitted`)).json()).toMatchObject({ total: 1, items: [{ id: b.id }] });
    expect((await get(`/api/deal-registrations?partnerId=${reseller.id}&q=zebra&direction=inbound`)).json()).toMatchObject({ total: 1, items: [{ id: a.id }] });
    expect((await get(`/api/deal-registrations?partnerId=${reseller.id}&direction=outbound`)).json().total).toBe(0);
    expect((await get(`/api/deal-registrations?partnerId=${reseller.id}&pageSize=1&page=2&sort=customer`)).json()).toMatchObject({ total: 2, items: [{ id: a.id }] });

    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/deal-registrations/export?partnerId=${reseller.id}&sort=customer&lang=de&columns=customer,status,value,currency`,
      headers: as.viewer.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csvRows(csv.body)).toEqual([
      ['Kunde', 'Status', 'Geschätzter Wert', 'Währung'],
      ['Adler Listen AG', 'Eingereicht', '', ''],
      ['Zebra Listen AG', 'Entwurf', '500', 'EUR'],
    ]);
  });

  it('expires approved registrations past their protection (Zurich day) once across instances, with an audit record', async () => {
    const vendor = await makeVendor(t);
    const ends = await create({ direction: 'outbound', partnerId: vendor.id, status: 'submitted', customer: { name: unique('Ablauf AG') } });
    await post(`/api/deal-registrations/${ends.id}/status`, { version: 1, status: 'approved', on: '2025-01-01' });
    const later = await create({ direction: 'outbound', partnerId: vendor.id, status: 'submitted', customer: { name: unique('Später AG') } });
    await post(`/api/deal-registrations/${later.id}/status`, { version: 1, status: 'approved', on: '2025-01-02' });
    // Protected until 1 April 2025: still on 1 April in Zurich (23:30 UTC on 31 March is 01:30 on 1 April).
    await t.app.jobs.tick(new Date('2025-03-31T23:30:00Z'), ['registration-expiry']);
    expect((await get(`/api/deal-registrations/${ends.id}`)).json().status).toBe('approved');
    // 2 April in Zurich: the first has lapsed, the second (until 2 April) not yet.
    const outcome = await t.app.jobs.tick(new Date('2025-04-01T22:30:00Z'), ['registration-expiry']);
    expect(outcome).toEqual([expect.objectContaining({ job: 'registration-expiry', status: 'done' })]);
    expect((await get(`/api/deal-registrations/${ends.id}`)).json()).toMatchObject({ status: 'expired', version: 3, can: { extend: false } });
    expect((await get(`/api/deal-registrations/${later.id}`)).json().status).toBe('approved');
    const [run] = await t.database.db
      .select()
      .from(jobRun)
      .where(and(eq(jobRun.job, 'registration-expiry'), eq(jobRun.status, 'done')))
      .orderBy(jobRun.startedAt);
    expect(run).toBeDefined();
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ends.id), eq(auditLog.action, 'expire')));
    expect(audit).toMatchObject({ actorId: null, changes: { status: { from: 'approved', to: 'expired' } } });
  });

  it('reminds the owner 14 days before protection ends, in their language, and puts the day in the calendar feeds', async () => {
    const anna = await makeUser(t, 'member', { name: 'Anna Deutsch' });
    await t.database.db.update(user).set({ locale: 'de' }).where(eq(user.id, anna.id));
    const vendor = await makeVendor(t, { name: unique('Erinnerung Vendor') });
    const r = await create({ direction: 'outbound', partnerId: vendor.id, status: 'submitted', ownerId: anna.id, customer: { name: 'Erinnerung AG' } });
    // 90 days without a programme: protected until 31 March 2026.
    await post(`/api/deal-registrations/${r.id}/status`, { version: 1, status: 'approved', on: '2025-12-31' });
    const source = reminderSources.find((s) => s.name === 'registration-protection')!;
    const ctx = (day: string) => ({ today: day, active: new Set([anna.id]), localeOf: (id: string) => (id === anna.id ? ('de' as const) : ('en' as const)) });
    const mine = async (day: string) => (await source.candidates(t.database.db, new Date(`${day}T09:00:00Z`), ctx(day))).filter((c) => c.link === `/registrations/${r.id}`);
    expect(await mine('2026-03-16')).toEqual([]);
    expect(await mine('2026-03-17')).toEqual([
      expect.objectContaining({
        userId: anna.id,
        kind: 'registration_protection',
        link: `/registrations/${r.id}`,
        title: `Erinnerung AG (${vendor.name}): Schutz der Registrierung endet in 14 Tagen`,
        body: 'Ausgehende Deal Registration, geschützt bis Di., 31.03.2026',
        dedupeKey: `registration_protection:${r.id}:2026-03-31`,
        alert: { subject: 'Erinnerung AG', dueOn: '2026-03-31', partner: { id: vendor.id, name: vendor.name } },
      }),
    ]);

    const calendar = calendarSources.find((s) => s.name === 'registrations')!;
    const feed = await calendar.deadlines(t.database.db, { kind: 'user', userId: anna.id }, new Date('2026-03-01T09:00:00Z'), 'en');
    expect(feed).toEqual([
      {
        uid: `registration-protection-${r.id}@partnerhub`,
        date: '2026-03-31',
        title: `Registration protection ends: Erinnerung AG (${vendor.name})`,
        description: 'Outbound deal registration',
        path: `/registrations/${r.id}`,
      },
    ]);
    expect(await calendar.deadlines(t.database.db, { kind: 'partner', partnerId: vendor.id }, new Date('2026-03-01T09:00:00Z'))).toHaveLength(1);
  });
});
