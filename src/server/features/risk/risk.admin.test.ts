import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bearer, createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { notification, riskCriterion, user } from '../../db/schema/index.js';
import { DEFAULT_RISK_POLICY } from '../../../shared/schemas/risk.js';
import { runReminders } from '../../jobs/reminders.js';
import { calendarSources } from '../calendar/index.js';
import { ensureStarterRiskCriteria, STARTER_RISK_CRITERIA } from './risk.starter.js';

let t: TestApp;
let as: Actors<'admin' | 'manager'>;

const { get, post, put, patch } = requestsAs(() => as.admin);

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['admin', 'manager'] });
});
afterAll(() => t.close());

describe('risk policy', () => {
  it('reads the defaults until saved; validates thresholds, months and clauses; a stale version gets 409', async () => {
    const first = await get('/api/risk/policy', as.manager);
    expect(first.json()).toEqual(DEFAULT_RISK_POLICY);
    const { version: _v, ...fields } = DEFAULT_RISK_POLICY;
    const body = (o: Record<string, unknown> = {}) => ({ ...fields, version: 0, ...o });
    const cases: [Record<string, unknown>, string][] = [
      [{ mediumFrom: 60, highFrom: 60 }, 'body.mediumFrom'],
      [{ mediumFrom: 0 }, 'body.mediumFrom'],
      [{ highFrom: 101 }, 'body.highFrom'],
      [{ highFrom: 59.5 }, 'body.highFrom'],
      [{ reviewMonths: { low: 36, medium: 0, high: 12 } }, 'body.reviewMonths.medium'],
      [{ reviewMonths: { low: 61, medium: 24, high: 12 } }, 'body.reviewMonths.low'],
      [{ clauses: { low: ['confidentiality', 'telepathy'], medium: [], high: [] } }, 'body.clauses.low.1'],
    ];
    for (const [o, path] of cases) {
      const res = await put('/api/risk/policy', body(o));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await put('/api/risk/policy', body({ mediumFrom: 25 }), as.manager)).statusCode).toBe(403);
    expect((await get('/api/risk/policy')).json()).toEqual(DEFAULT_RISK_POLICY);

    const saved = await put('/api/risk/policy', body({ mediumFrom: 25, highFrom: 70, reviewMonths: { low: 48, medium: 24, high: 6 } }));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ mediumFrom: 25, highFrom: 70, reviewMonths: { high: 6 }, version: 1 });
    expect((await put('/api/risk/policy', body({ mediumFrom: 20 }))).statusCode).toBe(409);
    expect((await get('/api/risk/policy', as.manager)).json()).toMatchObject({ mediumFrom: 25, version: 1 });
    const audit = (await get('/api/audit?entityType=risk_policy&entityId=risk_policy')).json().items;
    expect(audit[0].changes.mediumFrom).toEqual({ from: 30, to: 25 });
    // Back to the defaults for the other tests of this file.
    expect((await put('/api/risk/policy', body({ version: 1 }))).statusCode).toBe(200);
  });
});

describe('risk criteria', () => {
  it('admins add, edit and archive criteria (weight 1–10); drafts keep the name and weight they started with', async () => {
    const created = await post('/api/risk/criteria', { name: 'Physical security', weight: 4, description: '0: certified data centre · 3: office cupboard' });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ key: 'physical_security', weight: 4, archivedAt: null });
    for (const weight of [0, 11, 2.5]) {
      const bad = await post('/api/risk/criteria', { name: 'Bad', weight });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('body.weight');
    }
    expect((await post('/api/risk/criteria', { name: 'Physical security', weight: 1 })).json().key).toBe('physical_security_2');
    expect((await post('/api/risk/criteria', { name: 'x', weight: 1 }, as.manager)).statusCode).toBe(403);

    const p = await makePartner(t);
    const draft = (await post(`/api/partners/${p.id}/risk-assessments`, {})).json();
    const edited = await patch(`/api/risk/criteria/${c.id}`, { version: 1, name: 'Physical and environmental security', weight: 9 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await get(`/api/risk-assessments/${draft.id}`)).json().scores.find((s: { criterionId: string }) => s.criterionId === c.id)).toMatchObject({
      criterionName: 'Physical security',
      weight: 4,
    });
    expect((await patch(`/api/risk/criteria/${c.id}`, { version: 1, weight: 2 })).statusCode).toBe(409);

    const archived = await post(`/api/risk/criteria/${c.id}/archive`, { version: 2 });
    expect(archived.statusCode).toBe(200);
    expect((await get('/api/risk/criteria', as.manager)).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await get('/api/risk/criteria?archived=true')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    // The next draft leaves it out.
    await t.app.inject({ method: 'DELETE', url: `/api/risk-assessments/${draft.id}`, headers: bearer(as.admin.token) });
    const next = (await post(`/api/partners/${p.id}/risk-assessments`, {})).json();
    expect(next.scores.map((s: { criterionId: string }) => s.criterionId)).not.toContain(c.id);
  });

  it('the starter set installs the 14 policy criteria once, by key; setup installs it', { timeout: 120_000 }, async () => {
    const first = await post('/api/risk/criteria/starter', {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().created.map((c: { key: string }) => c.key)).toEqual(STARTER_RISK_CRITERIA.map((c) => c.key));
    expect(
      first.json().created.every((c: { description: string; weight: number }) => c.description.includes('0:') && c.description.includes('3:') && c.weight >= 1 && c.weight <= 10),
    ).toBe(true);
    const again = await post('/api/risk/criteria/starter', {});
    expect(again.json()).toEqual({ created: [], skipped: STARTER_RISK_CRITERIA.map((c) => c.key) });
    expect(await t.database.db.transaction((tx) => ensureStarterRiskCriteria(tx))).toMatchObject({ created: [] });

    const fresh = await createTestApp();
    try {
      const setup = await fresh.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { name: 'Ada Admin', email: `ada.risk.${process.pid}@example.com`, password: 'correct horse battery staple' },
      });
      expect(setup.statusCode, setup.body).toBe(201);
      expect((await fresh.database.db.select({ key: riskCriterion.key }).from(riskCriterion)).map((r) => r.key).sort()).toEqual(STARTER_RISK_CRITERIA.map((c) => c.key).sort());
    } finally {
      await fresh.close();
    }
  });
});

describe('risk reminders and calendar', () => {
  // Friday 27 November 2026, 09:30 in Zurich.
  const NOW = new Date('2026-11-27T08:30:00Z');
  const deps = () => ({ db: t.database.db, mailer: null, baseUrl: t.config.baseUrl, secret: 'test-secret-test-secret-test-secret' });
  const inbox = async (userId: string) =>
    (await t.database.db.select().from(notification).where(eq(notification.userId, userId))).filter((n) => n.kind === 'risk_review_due').map((n) => [n.title, n.dedupeKey, n.link]);

  it('remind the owner once when a review comes within 30 days, and weekly while it is overdue', async () => {
    const owner = await makeUser(t, 'member');
    const soon = await makePartner(t, { ownerId: owner.id, riskReviewDueOn: '2026-12-27' });
    const later = await makePartner(t, { ownerId: owner.id, riskReviewDueOn: '2026-12-28' });
    const late = await makePartner(t, { ownerId: owner.id, riskReviewDueOn: '2026-11-26' });
    await makePartner(t, { ownerId: owner.id, riskReviewDueOn: '2026-11-01', archivedAt: new Date() });

    await runReminders(deps(), NOW);
    await runReminders(deps(), new Date(NOW.getTime() + 3_600_000));
    expect((await inbox(owner.id)).sort()).toEqual(
      [
        [`Risk review due: ${soon.name}`, `risk_review_due:${soon.id}:2026-12-27`, `/partners/${soon.id}/risk`],
        [`Risk review overdue: ${late.name}`, `risk_review_overdue:${late.id}:2026-W48`, `/partners/${late.id}/risk`],
      ].sort(),
    );
    // Next week: the overdue one again, the due-soon one not; `later` is now within 30 days.
    await runReminders(deps(), new Date('2026-11-30T08:30:00Z'));
    const keys = (await inbox(owner.id)).map((n) => n[1]);
    expect(keys.filter((k) => k!.includes(late.id)).sort()).toEqual([`risk_review_overdue:${late.id}:2026-W48`, `risk_review_overdue:${late.id}:2026-W49`]);
    expect(keys.filter((k) => k!.includes(soon.id))).toHaveLength(1);
    expect(keys).toContain(`risk_review_due:${later.id}:2026-12-28`);

    // Deactivated owners are not reminded.
    const gone = await makeUser(t, 'member');
    await makePartner(t, { ownerId: gone.id, riskReviewDueOn: '2026-11-20' });
    await t.database.db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, gone.id));
    await runReminders(deps(), NOW);
    expect(await inbox(gone.id)).toEqual([]);
  });

  it('shows the review date in the partner’s feed and its owner’s', async () => {
    const owner = await makeUser(t, 'member');
    const p = await makePartner(t, { ownerId: owner.id, riskReviewDueOn: '2027-03-01' });
    const source = calendarSources.find((s) => s.name === 'risk-review')!;
    const expected = [
      { uid: `risk-review-${p.id}@partnerhub`, date: '2027-03-01', title: `Risk review due: ${p.name}`, path: `/partners/${p.id}/risk`, description: expect.any(String) },
    ];
    expect(await source.deadlines(t.database.db, { kind: 'partner', partnerId: p.id }, NOW)).toEqual(expected);
    expect(await source.deadlines(t.database.db, { kind: 'user', userId: owner.id }, NOW)).toEqual(expected);
  });
});
