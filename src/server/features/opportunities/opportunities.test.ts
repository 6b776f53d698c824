import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { addTeamMember, makePartner, unique } from '../../../../tests/support/factories.js';
import { auditLog, opportunity, task } from '../../db/schema/index.js';
import { onOpportunityChanged } from './index.js';
import { createDeal, domainFor, makeProduct } from './opportunities.fixtures.js';

let t: TestApp;
let as: Actors<'admin' | 'manager' | 'member' | 'viewer' | 'finance'>;
beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['admin', 'manager', 'member', 'viewer', 'finance'] });
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());
const { get, post, patch, del } = requestsAs(() => as.manager);

/** Freezes only the clock; `at` is a UTC instant. */
const clock = (at: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
};
const countTitled = async (title: string) => (await t.database.db.select({ id: opportunity.id }).from(opportunity).where(eq(opportunity.title, title))).length;
const nextStepTasks = (id: string) =>
  t.database.db
    .select()
    .from(task)
    .where(and(eq(task.subjectType, 'opportunity'), eq(task.subjectId, id)));

describe('opportunities', () => {
  it('creates a deal with an inline customer, partners with roles and products; reads it with ARR, weighted value, history and can', async () => {
    const [vendor, reseller, prod] = [await makePartner(t), await makePartner(t, { types: ['consultant_reseller'] }), await makeProduct(t)];
    const d = domainFor();
    const o = await createDeal(t, as.manager, {
      title: 'Cloud migration',
      customer: { name: 'Muster Informatik AG', domain: `www.${d}`, country: 'ch' },
      partners: [
        { partnerId: vendor.id, role: 'we_resell' },
        { partnerId: reseller.id, role: 'sourced' },
      ],
      productIds: [prod.id, prod.id],
      oneOffMinor: 1_000_000,
      mrrMinor: 250_050,
      currency: 'EUR',
      stage: 'propose',
      expectedCloseOn: '2027-03-31',
      ownerId: as.member.id,
    });
    expect(o).toMatchObject({
      title: 'Cloud migration',
      customer: { name: 'Muster Informatik AG', domain: d, country: 'CH' },
      stage: { key: 'propose', name: null, probability: 30, kind: 'open' },
      products: [{ id: prod.id }],
      currency: 'EUR',
      arrMinor: 3_000_600,
      valueMinor: 4_000_600,
      weightedMinor: 1_200_180,
      closedOn: null,
      owner: { id: as.member.id, name: as.member.name },
      version: 1,
      can: { edit: true, move: true, archive: true, restore: false },
      stageHistory: [{ fromStage: null, toStage: 'propose', by: { id: as.manager.id, name: as.manager.name } }],
    });
    expect(o.partners.map((p: { id: string; role: string }) => [p.id, p.role]).sort()).toEqual(
      [
        [vendor.id, 'we_resell'],
        [reseller.id, 'sourced'],
      ].sort(),
    );
    const viewed = (await get(`/api/opportunities/${o.id}`, as.viewer)).json();
    expect(viewed.can).toEqual({ edit: false, move: false, archive: false, restore: false });
    // The same registrable domain names the same customer.
    const second = await createDeal(t, as.manager, { customer: { name: 'Muster (typo)', domain: `shop.${d}` } });
    expect(second.customer.id).toBe(o.customer.id);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, o.id));
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const p = await makePartner(t);
    const ok = { customer: { name: unique('Kunde AG') }, partners: [{ partnerId: p.id, role: 'sourced' }], currency: 'CHF', expectedCloseOn: '2027-01-31' };
    const cases: [Record<string, unknown>, string][] = [
      [{ stage: 'nonsense' }, 'body.stage'],
      [{ oneOffMinor: -1 }, 'body.oneOffMinor'],
      [{ mrrMinor: -100 }, 'body.mrrMinor'],
      [{ oneOffMinor: 1.5 }, 'body.oneOffMinor'],
      [{ currency: 'GBP' }, 'body.currency'],
      [{ customer: { domain: domainFor() } }, 'body.customer.name'],
      [{ customer: { name: '  ' } }, 'body.customer.name'],
      [{ customer: { name: 'X', country: 'QQ' } }, 'body.customer.country'],
      [{ partners: [] }, 'body.partners'],
      [{ partners: [{ partnerId: p.id, role: 'friend' }] }, 'body.partners.0.role'],
      [{ partners: [{ partnerId: '00000000-0000-4000-8000-000000000000', role: 'sourced' }] }, 'body.partners.0.partnerId'],
      [{ productIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.productIds.0'],
      [{ stage: 'lost' }, 'body.lostReason'],
      [{ ownerId: 'no-such-user' }, 'body.ownerId'],
      [{ expectedCloseOn: '2027-02-30' }, 'body.expectedCloseOn'],
    ];
    for (const [change, path] of cases) {
      const title = unique('Bad deal');
      const res = await post('/api/opportunities', { title, ...ok, ...change });
      expect(res.statusCode, `${JSON.stringify(change)} ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await countTitled(title)).toBe(0);
    }
  });

  it('updates with the version it edits (409 when stale) and audits the change', async () => {
    const o = await createDeal(t, as.manager);
    const res = await patch(`/api/opportunities/${o.id}`, { version: 1, mrrMinor: 10_000, title: 'Renamed deal' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Renamed deal', mrrMinor: 10_000, arrMinor: 120_000, version: 2 });
    expect((await patch(`/api/opportunities/${o.id}`, { version: 1, title: 'Stale' })).statusCode).toBe(409);
    expect((await patch(`/api/opportunities/${o.id}`, { version: 2, currency: 'JPY' })).statusCode).toBe(400);
    const [a] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, o.id), eq(auditLog.action, 'update')));
    expect(a!.changes).toMatchObject({ title: { to: 'Renamed deal' }, mrrMinor: { from: 0, to: 10_000 } });
  });

  it('moves through stages: lost needs a reason, won and lost set the Zurich day, reopening clears it, every move is dated history', async () => {
    const o = await createDeal(t, as.manager);
    const noReason = await post(`/api/opportunities/${o.id}/stage`, { stage: 'lost', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.lostReason');
    expect((await post(`/api/opportunities/${o.id}/stage`, { stage: 'gone', version: 1 })).json().errors[0].path).toBe('body.stage');

    clock('2027-03-31T22:30:00Z'); // 00:30 on 1 April in Zurich
    const won = await post(`/api/opportunities/${o.id}/stage`, { stage: 'won', version: 1 });
    expect(won.statusCode, won.body).toBe(200);
    expect(won.json()).toMatchObject({ stage: { key: 'won', kind: 'won' }, closedOn: '2027-04-01', version: 2 });
    const lost = (await post(`/api/opportunities/${o.id}/stage`, { stage: 'lost', version: 2, lostReason: 'Budget cut' })).json();
    expect(lost).toMatchObject({ closedOn: '2027-04-01', lostReason: 'Budget cut', version: 3 });
    expect((await post(`/api/opportunities/${o.id}/stage`, { stage: 'qualify', version: 2 })).statusCode).toBe(409);
    const reopened = (await post(`/api/opportunities/${o.id}/stage`, { stage: 'qualify', version: 3 })).json();
    expect(reopened).toMatchObject({ closedOn: null, lostReason: null, stage: { key: 'qualify' } });
    expect(reopened.stageHistory.map((h: { fromStage: string | null; toStage: string }) => [h.fromStage, h.toStage])).toEqual([
      [null, 'qualify'],
      ['qualify', 'won'],
      ['won', 'lost'],
      ['lost', 'qualify'],
    ]);
    expect(reopened.stageHistory[1]).toMatchObject({ at: '2027-03-31T22:30:00.000Z', by: { id: as.manager.id } });
  });

  it('lets a member edit deals they own or whose partner they are on the team of; others 403; viewer and finance read only', async () => {
    const theirs = await makePartner(t);
    await addTeamMember(t, theirs.id, as.member.id);
    const own = await createDeal(t, as.member);
    expect(own.owner.id).toBe(as.member.id);
    const team = await createDeal(t, as.manager, { partners: [{ partnerId: theirs.id, role: 'co_sell' }] });
    const other = await createDeal(t, as.manager);
    expect(team.can.edit).toBe(true);
    expect((await as.member.get(`/api/opportunities/${other.id}`)).json().can.edit).toBe(false);
    expect((await as.member.patch(`/api/opportunities/${own.id}`, { version: 1, nextStep: 'Call' })).statusCode).toBe(200);
    expect((await as.member.post(`/api/opportunities/${team.id}/stage`, { stage: 'negotiate', version: 1 })).statusCode).toBe(200);
    const refused = await as.member.patch(`/api/opportunities/${other.id}`, { version: 1, title: 'Mine now' });
    expect(refused.statusCode).toBe(403);
    // A member cannot create a deal for someone else on a partner they have nothing to do with.
    const p = await makePartner(t);
    const forOther = await as.member.post('/api/opportunities', {
      title: unique('Not mine'),
      customer: { name: 'X AG' },
      partners: [{ partnerId: p.id, role: 'referral' }],
      currency: 'CHF',
      expectedCloseOn: '2027-01-31',
      ownerId: as.manager.id,
    });
    expect(forOther.statusCode).toBe(403);
    for (const who of [as.viewer, as.finance]) {
      expect((await who.get(`/api/opportunities/${other.id}`)).statusCode).toBe(200);
      expect((await who.patch(`/api/opportunities/${other.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
    }
    expect((await get(`/api/opportunities/${other.id}`)).json().title).toBe(other.title);
  });

  it('adds, re-roles and removes partners (never the last), archives and restores, and calls the listeners in the transaction every time', async () => {
    const seen: string[] = [];
    onOpportunityChanged(async (tx, e) => {
      const [row] = await tx.select({ version: opportunity.version }).from(opportunity).where(eq(opportunity.id, e.opportunityId));
      seen.push(`${e.opportunityId}:${row!.version}:${e.actor.id}:${/^\d{4}-\d\d-\d\d$/.test(e.today)}`);
    });
    const o = await createDeal(t, as.manager);
    const first = o.partners[0].id;
    const p2 = await makePartner(t);
    const added = await post(`/api/opportunities/${o.id}/partners`, { partnerId: p2.id, role: 'infrastructure' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().version).toBe(2);
    expect((await post(`/api/opportunities/${o.id}/partners`, { partnerId: p2.id, role: 'referral' })).statusCode).toBe(409);
    const reroled = await patch(`/api/opportunities/${o.id}/partners/${p2.id}`, { role: 'referral' });
    expect(reroled.json().partners.find((p: { id: string }) => p.id === p2.id).role).toBe('referral');
    expect((await del(`/api/opportunities/${o.id}/partners/${first}`)).statusCode).toBe(200);
    expect((await del(`/api/opportunities/${o.id}/partners/${p2.id}`)).statusCode).toBe(409);
    const archived = await post(`/api/opportunities/${o.id}/archive`, { version: 4 });
    expect(archived.json()).toMatchObject({ can: { edit: false, restore: true } });
    expect((await patch(`/api/opportunities/${o.id}`, { version: 5, title: 'x' })).statusCode).toBe(409);
    expect((await post(`/api/opportunities/${o.id}/restore`, { version: 5 })).json().archivedAt).toBeNull();
    expect(seen.filter((s) => s.startsWith(o.id))).toEqual([1, 2, 3, 4, 5, 6].map((v) => `${o.id}:${v}:${as.manager.id}:true`));
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, o.id))).map((a) => a.action);
    expect(actions.sort()).toEqual(['archive', 'create', 'partners', 'partners', 'partners', 'restore']);
  });

  it('keeps one open task for the next step, for the owner, on the first partner: My work shows it', async () => {
    const o = await createDeal(t, as.manager, { ownerId: as.member.id, nextStep: 'Send the offer', nextStepDueOn: '2027-01-10' });
    let tasks = await nextStepTasks(o.id);
    expect(tasks).toEqual([
      expect.objectContaining({ title: 'Send the offer', dueDate: '2027-01-10', assigneeId: as.member.id, partnerId: o.partners[0].id, status: 'open', source: 'next_step' }),
    ]);
    const mine = (await as.member.get(`/api/tasks?assigneeId=me&subjectType=opportunity&subjectId=${o.id}`)).json();
    expect(mine.items).toEqual([expect.objectContaining({ id: tasks[0]!.id, subject: { type: 'opportunity', id: o.id, name: o.title }, source: 'next_step' })]);
    await patch(`/api/opportunities/${o.id}`, { version: 1, nextStepDueOn: '2027-01-20', ownerId: as.manager.id });
    tasks = await nextStepTasks(o.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ dueDate: '2027-01-20', assigneeId: as.manager.id, status: 'open' });
    await post(`/api/opportunities/${o.id}/stage`, { stage: 'won', version: 2 });
    expect((await nextStepTasks(o.id)).map((x) => x.status)).toEqual(['cancelled']);
  });
});
